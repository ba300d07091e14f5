"""Find quoted passages by their marks: straight, curly, single, low-9, guillemets, ``TeX''.

Works on characters, not on the parse, so it is exact about offsets. A quote that runs over
several paragraphs (each paragraph opening with a mark, only the last one closing) is one
passage; a quote left open at the end of a paragraph that is not continued is closed there.
Apostrophes ("don’t", "the players’ union", "’90s") are not taken for marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it.
CLOSERS = {
    "“": ("”", "“", '"'),  # some outlets close with the opening shape; scraped text mixes in '"'
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    "‹": ("›",),
    '"': ('"', "”"),
    "”": ("”",),  # Swedish/Finnish style
    "‘": ("’", "‘"),
    "'": ("'", "’"),
    "``": ("''",),
    "''": ("''",),  # typewriter style of some wires and archives: ''Yes,'' he said.
}
DOUBLE = set('“„«»"”') | {"``", "''"}
MARKS = set("“”„«»‹›\"‘’'") | {"``", "''"}
_MARK = re.compile(r"``|''|[“”„«»‹›\"‘’']")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted passage: `start`/`end` include the marks; `inner_*` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True  # False when the closing mark was missing

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted passage in the text, outermost only, in order."""
    found: list[Quoted] = []
    pending: tuple[int, str] | None = None  # a quote left open at a paragraph end
    for para_start, para_end in _paragraphs(text):
        quotes, still_open = _scan(text, para_start, para_end)
        if pending and quotes and quotes[0][0] == _first_char(text, para_start, para_end):
            start = pending[0]
            quotes[0] = (start, *quotes[0][1:])
        elif pending:
            found.append(_make(text, pending[0], pending[2], closed=False))
        pending = None
        for start, end, closed in quotes:
            found.append(_make(text, start, end, closed))
        if still_open:
            pending = still_open
    if pending:
        found.append(_make(text, pending[0], pending[2], closed=False))
    return [q for q in found if q.inner_end > q.inner_start]


def _paragraphs(text: str):
    start = 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _scan(text: str, start: int, end: int):
    """Quotes closed inside one paragraph, and the one left open at its end, if any."""
    quotes: list[tuple[int, int, bool]] = []
    opened: tuple[int, str] | None = None
    for match in _MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if opened is None:
            if _opens(text, at, mark, start, end):
                opened = (at, mark)
        elif mark in CLOSERS[opened[1]]:
            if _closes(text, at, len(mark), mark, opened, end):
                quotes.append((opened[0], at + len(mark), True))
                opened = None
    if opened is None:
        return quotes, None
    return quotes, (opened[0], opened[1], _trim_end(text, opened[0], end))


def _opens(text: str, at: int, mark: str, start: int, end: int) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + len(mark)] if at + len(mark) < end else " "
    if after.isspace() or mark in {"”", "’", "''"} and mark not in CLOSERS:
        return False
    if before == "=":
        return False  # an attribute of markup left in scraped text: href=”https://...”
    if mark in {"'", "’", "‘"} and (before.isalnum() or (mark != "‘" and not _word_start(before))):
        return False  # an apostrophe inside or after a word
    if mark == "'" and re.match(r"'\d0s\b|'(?:s|t|re|ve|ll|d|m)\b", text[at:at + 5]):
        return False
    return not before.isalnum() or mark in DOUBLE - {'"', "''"}


def _word_start(char: str) -> bool:
    return char.isspace() or char in "([{—–-/:;,“\"«"


def _closes(text: str, at: int, size: int, mark: str, opened, end: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + size] if at + size < end else " "
    if before.isspace() and at - 1 > opened[0] and not _after_nested_close(text, at, opened[0]):
        return False
    if mark in {"’", "'"} and after.isalpha():
        return False  # "don’t": an apostrophe, the quote goes on
    return True


def _after_nested_close(text: str, at: int, opened: int) -> bool:
    """ “... saying, ‘Oh, yes,’ ” he said: a mark after a space still closes when what the space
    follows is a single mark closing a quote nested in this one."""
    before = text[opened + 1:at].rstrip()
    return before[-1:] in {"'", "’"} and not before.endswith("''")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _make(text: str, start: int, end: int, closed: bool) -> Quoted:
    inner_start = start + (2 if text.startswith(("``", "''"), start) else 1)
    inner_end = end - (2 if closed and text.startswith("''", end - 2) else 1 if closed else 0)
    return Quoted(start, end, inner_start, max(inner_start, inner_end), closed)


def starts_with_mark(text: str) -> bool:
    """True when a span's text opens with a quotation mark."""
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in MARKS or stripped.startswith("``"))
