"""The timeline: dated events and statements in date order, each linked to its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Record
from ..store import Store

# A TIMEX3 date value precise enough to place on a timeline: a year, month, week or day.
PLACEABLE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}))?(?:T[\d:]+)?$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s+|\n")


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    """One dated sentence: when, where in which article, and the statements made in it."""

    date: str
    article_id: str
    start: int
    end: int
    text: str
    timex: str
    statement_ids: tuple[str, ...] = ()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) that holds a span."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() + 1 if after and text[after.start()] != "\n"
                                           else after.start() if after else len(text))


def build_timeline(store: Store, article_id: str | None = None, texts: dict[str, str] | None = None,
                   statements: dict[str, list] | None = None) -> list[TimelineEntry]:
    """Every sentence with a placeable date, in date order (then article, then position).
    `texts` and `statements` (article id -> its text, its statements) are what the caller has
    read already; what is missing is read from the store."""
    texts = {} if texts is None else texts
    statements = {} if statements is None else statements
    return [timeline_entry(store, timex, texts, statements) for timex in placeable(store, article_id)]


def placeable(store: Store, article_id: str | None = None) -> list:
    """The dates a timeline shows, in its order (date, article, position)."""
    dated = [t for t in store.iter_timexes(article_id) if t.type == "DATE" and PLACEABLE.match(t.value)]
    return sorted(dated, key=timeline_order)


def timeline_order(timex) -> tuple:
    """Where a date stands on a timeline: by date, then article, then position."""
    return timex.value, timex.article_id, timex.start


def timeline_entry(store: Store, timex, texts: dict[str, str] | None = None,
                   statements: dict[str, list] | None = None) -> TimelineEntry:
    """The timeline entry of one date: its sentence and the statements made in it. `texts` and
    `statements` are filled in from the store where they lack the date's article."""
    texts = {} if texts is None else texts
    statements = {} if statements is None else statements
    if timex.article_id not in texts:
        texts[timex.article_id] = store.get_article(timex.article_id).text
    if timex.article_id not in statements:
        statements[timex.article_id] = list(store.iter_statements(timex.article_id))
    text = texts[timex.article_id]
    start, end = sentence_around(text, timex.start, timex.end)
    said = tuple(s.id for s in statements[timex.article_id] if s.content[0] < end and start < s.content[1])
    return TimelineEntry(timex.value, timex.article_id, start, end, " ".join(text[start:end].split()),
                         timex.text, said)
