"""An article's text as HTML with its spans marked, built on the server from character offsets.

The text is cut at every span boundary and each piece is escaped on its own, so no character
of an article ever reaches the page as markup. Spans may overlap: an inner span nests inside
the one around it, and a span that runs past the end of an enclosing one is closed there and
reopened after it (each reopened piece carries the class `cont`, and only the first piece the
span's id).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to highlight: offsets into the text, a CSS class, an optional id and tooltip."""

    start: int
    end: int
    kind: str
    id: str | None = None
    title: str | None = None


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as escaped HTML with every mark wrapped in a `<mark>` element."""
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in _clamped(text, marks):
        starting[mark.start].append(mark)
    bounds = sorted({0, len(text)} | set(starting) | {m.end for ms in starting.values() for m in ms})
    out: list[str] = []
    stack: list[Mark] = []
    position = 0
    for bound in bounds:
        out.append(escape(text[position:bound]))
        position = bound
        stack = _close_ending(stack, bound, out)
        for mark in sorted(starting.get(bound, ()), key=lambda m: -m.end):  # longest outermost
            out.append(_open(mark, first=True))
            stack.append(mark)
    return Markup("".join(out))


def _clamped(text: str, marks: Iterable[Mark]) -> Iterable[Mark]:
    # Offsets come from the store; a bad one must not break the page or wrap nothing.
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start < end:
            yield mark if (start, end) == (mark.start, mark.end) else Mark(
                start, end, mark.kind, mark.id, mark.title)


def _close_ending(stack: list[Mark], bound: int, out: list[str]) -> list[Mark]:
    """Close the marks that end at `bound`, closing and reopening any opened inside them."""
    ending = [i for i, mark in enumerate(stack) if mark.end == bound]
    if not ending:
        return stack
    lowest = ending[0]
    out.append("</mark>" * (len(stack) - lowest))
    survivors = [mark for mark in stack[lowest:] if mark.end != bound]
    out.extend(_open(mark, first=False) for mark in survivors)
    return stack[:lowest] + survivors


def _open(mark: Mark, first: bool) -> str:
    classes = f"hl {mark.kind}" + ("" if first else " cont")
    attrs = [("class", classes)]
    if first and mark.id:
        attrs.append(("id", mark.id))
    if mark.title:
        attrs.append(("title", mark.title))
    return "<mark" + "".join(f' {name}="{escape(value)}"' for name, value in attrs) + ">"
