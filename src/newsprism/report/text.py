"""Plain-text renderings for the terminal: tables with headers and aligned columns, text cut
with an ellipsis, and the speaker page."""

from __future__ import annotations

from collections.abc import Sequence

WIDTH = 100  # characters a line of running text is cut to


def cut(text: str | None, width: int) -> str:
    """One line of text, cut to `width` characters with an ellipsis where it was cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:max(width - 1, 0)].rstrip() + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    """Rows under a header, each column left-aligned and cut to its width (at most)."""
    cells = [[cut(str(c), w) for c, w in zip(row, widths, strict=True)] for row in rows]
    fitted = [max([len(h), *(len(r[n]) for r in cells)]) for n, h in enumerate(headers)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers, fitted, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, fitted, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def fixed_row(columns: Sequence[tuple[str, int]], cells: Sequence) -> str:
    """One line of a streamed table (`columns`: name and width): each cell cut to its width with
    an ellipsis and padded, so the rows line up without reading them all first."""
    parts = [cut(str(cell), width).ljust(width) for (_, width), cell in zip(columns, cells, strict=True)]
    return "  ".join(parts).rstrip()


def _day(value: str | None) -> str:
    return value[:10] if value else "undated"


def _marked(diff: list[dict]) -> str:
    return " ".join(f"[{run['text']}]" if run["changed"] else run["text"] for run in diff)


def _figure(claim: dict) -> str:
    revised = f" (revises {claim['revises']['display']})" if claim["revises"] else ""
    return claim["display"] + revised


def render_speaker(view: dict, offset: int = 0) -> str:
    """The speaker page as text: who, roles, utterances with every outlet's version (words an
    outlet changed in [brackets]), figures and conflicts."""
    entity, lines = view["entity"], []
    lines.append(f"{entity['name']} ({entity['type']})  {entity['id']}")
    lines.append(f"  also named: {', '.join(entity['aliases']) or '-'}")
    lines.append(f"  named {entity['mentions']} time(s) in {entity['articles']} article(s)")
    for role in view["roles"]:
        last = role["last"] if role["last"] and role["last"] != role["first"] else None
        span = _day(role["first"]) + (f" – {last}" if last else "")
        lines.append(f"  role: {role['role']} ({span}, {len(role['article_ids'])} article(s))")
    filters = ", ".join(f"{k}={v}" for k, v in view["filters"].items())
    shown = len(view["utterances"])
    heading = (f"\nUtterances {offset + 1}–{offset + shown} of {view['total']}" if shown
               else f"\nUtterances: none of {view['total']}")
    lines.append(heading + (f" ({filters})" if filters else ""))
    if not shown:
        lines.append("  no statement matches these filters" if filters
                     else f"  no statement is attributed to {entity['name']}")
    for n, utterance in enumerate(view["utterances"], offset + 1):
        disputed = f", disputed: {', '.join(utterance['conflict_ids'])}" if utterance["conflict_ids"] else ""
        first = _day(utterance["first_published"])
        lines.append(f"[{n}] {utterance['outlets']} outlet(s), first {first}{disputed}")
        for version in utterance["versions"]:
            article = version["article"]
            lines.append(f"    {article['source'] or '-'}, {_day(article['published'])}, "
                         f"{version['article_id']}@{version['content']['start']} [{version['kind']}]")
            lines.append(f"      «{cut(_marked(version['diff']), WIDTH)}»")
        if utterance["more_versions"]:
            lines.append(f"    and {utterance['more_versions']} more report(s) of it")
    if view["claims"]:
        lines.append(f"\nFigures ({len(view['claims'])})")
        rows = [(_day(c["published"]), _figure(c), c["text"], c["subject"] or "-", c["source"] or "-")
                for c in view["claims"]]
        lines.append(table(("date", "figure", "as written", "about", "outlet"), rows, (10, 48, 30, 36, 20)))
    if view["conflicts"]:
        lines.append(f"\nConflicts ({len(view['conflicts'])})")
        for conflict in view["conflicts"]:
            lines.append(f"  {conflict['id']} [{conflict['kind']}, {conflict['status']}, "
                         f"confidence {conflict['confidence']:.2f}] {cut(conflict['summary'], WIDTH)}")
    return "\n".join(lines)
