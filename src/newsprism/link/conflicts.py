"""Conflicts between outlets: numbers, identities and dates they disagree on, with each side's evidence.

A numeric conflict is two quantities taken to state one measure (see `align`) whose values
differ beyond rounding. A temporal conflict is one event, known by the words around its date,
given two different days. Identity conflicts live in `identity`. Each is classified:

- `scope`: the sides measure different periods ("since 2014" vs "since 2017");
- `revision`: a later article updates an earlier one (a toll that has risen, a date postponed,
  a figure published again weeks later);
- `contradiction`: otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..model import Article, Conflict, Evidence, Timex
from .align import Measure, measure_matches, scopes_differ, values_agree
from .context import (
    Item,
    UnionFind,
    make_conflict,
    outlets_text,
    published,
    sentence_span,
    side,
    stem,
    window_stems,
)
from .identity import identity_conflicts

KIND_ORDER = {"numeric": 0, "identity": 1, "temporal": 2, "other": 3}


def find_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Where the articles disagree on a number, an identity or a date, in a stable order."""
    found = numeric_conflicts(items) + identity_conflicts(items) + temporal_conflicts(items)
    unique = {c.id: c for c in found}
    return sorted(unique.values(), key=lambda c: (KIND_ORDER[c.kind], _first_place(c), c.id))


def _first_place(conflict: Conflict) -> tuple[str, int]:
    return min((e.article_id, e.start) for s in conflict.sides for e in s.evidence)


# --- numbers ---------------------------------------------------------------------------------------

# Words with which a later report updates a figure, rather than states a different one.
REVISED = re.compile(r"\b(risen|revis\w*|updated?|replac\w*|correct(ed|ion)|toll|first thought|"
                     r"earlier (estimate|figure)|up from|now stands)\b", re.IGNORECASE)
REPUBLISHED_DAYS = 21  # a figure given again this much later is a revision, not a contradiction
PLAUSIBLE_RATIO = 1.35  # beyond this, two unrelated numbers are likelier than two reports of one


def numeric_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Quantities stating one measure with values that differ beyond rounding."""
    groups, measures = UnionFind(), {}
    for match in measure_matches(items):
        groups.union(match.a.quantity.id, match.b.quantity.id)
        measures.update({match.a.quantity.id: match.a, match.b.quantity.id: match.b})
    found = []
    for members in groups.groups():
        sides = value_sides([measures[m] for m in members])
        if len(sides) >= 2 and (status := numeric_status(sides, items)):
            found.append(_numeric_conflict(sides, status))
    return found


def value_sides(measures: list[Measure]) -> list[list[Measure]]:
    """The measures split into sides whose values agree, smallest value first."""
    ordered = sorted(measures, key=lambda m: (m.quantity.value, m.quantity.id))
    sides: list[list[Measure]] = []
    for m in ordered:
        if sides and any(values_agree(m, other) for other in sides[-1]):
            sides[-1].append(m)
        else:
            sides.append([m])
    articles = [{m.article.id for m in s} for s in sides]
    return sides if len(set().union(*articles)) >= 2 else []


def numeric_status(sides: list[list[Measure]], items: Sequence[Item]) -> str | None:
    """Scope, revision or contradiction between the sides; None when they are likelier unrelated."""
    if any(scopes_differ(a, b) for x, y in combinations(sides, 2) for a in x for b in y):
        return "scope"
    days = _days(items)
    earliest, latest = _time_order(sides, days)
    if earliest is not None:
        gap = (min(days[m.article.id] for m in latest) - max(days[m.article.id] for m in earliest)).days
        if gap >= REPUBLISHED_DAYS or any(REVISED.search(m.sentence) for m in latest):
            return "revision"
    values = [abs(s[0].quantity.value) for s in sides]
    return "contradiction" if min(values) and max(values) / min(values) <= PLAUSIBLE_RATIO else None


def _days(items: Sequence[Item]) -> dict:
    return {article.id: published(article, analysis) for article, analysis in items}


def _time_order(sides: list[list[Measure]], days: dict):
    """The earliest and the latest side when every article of one precedes every article of the other."""
    if any(days[m.article.id] is None for s in sides for m in s):
        return None, None
    ordered = sorted(sides, key=lambda s: min(days[m.article.id] for m in s))
    first, last = ordered[0], ordered[-1]
    if max(days[m.article.id] for m in first) < min(days[m.article.id] for m in last):
        return first, last
    return None, None


def _numeric_conflict(sides: list[list[Measure]], status: str) -> Conflict:
    subject = max((m.quantity.subject or "" for s in sides for m in s), key=len) or "A figure"
    parts = [f"{s[0].quantity.text} ({outlets_text(m.article for m in s)})" for s in sides]
    summary = f"{subject[0].upper()}{subject[1:]}: {' vs '.join(parts)}"
    return make_conflict("numeric", status, summary, [
        side(s[0].quantity.text, (Evidence(m.article.id, m.quantity.start, m.quantity.end) for m in s))
        for s in sides])


# --- dates -------------------------------------------------------------------------------------------

EVENT_SIMILAR = 0.25
EVENT_DAYS_APART = 31  # two days further apart than this are likelier two events than one misdated
# Names of days and months say when, not what: they are no evidence of one event.
CALENDAR = frozenset({stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "week weekend month year day today yesterday tomorrow").split()})
REPORTED = re.compile(r"\b(said|says|told(\s+\w+){0,2}|added)\s+(on\s+)?$", re.IGNORECASE)
MOVED = re.compile(r"\b(postpon\w*|delay\w*|moved|reschedul\w*|pushed back|brought forward|put off|"
                   r"deferred)\b", re.IGNORECASE)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event in one article: the date and the words around it."""

    article: Article
    timex: Timex
    stems: Counter[str]
    sentence: str


def events(item: Item) -> list[Event]:
    """The article's dates that place an event: full days, not the day it reports on its sources."""
    article, analysis = item
    day = published(article, analysis)
    found = []
    for timex in analysis.timexes:
        if timex.type != "DATE" or not DAY.fullmatch(timex.value):
            continue
        if (day and timex.value == day.isoformat()) or REPORTED.search(article.text[:timex.start][-25:]):
            continue
        stems = Counter(window_stems(article, timex.start, timex.end, 25) - CALENDAR)
        stems.update(window_stems(article, timex.start, timex.end, 5) - CALENDAR)
        left, right = sentence_span(article.text, timex.start, timex.end)
        found.append(Event(article, timex, stems, article.text[left:right]))
    return found


def event_similarity(a: Event, b: Event) -> float:
    """Cosine of the words around two dates; 0 when they share fewer than two."""
    if len(set(a.stems) & set(b.stems)) < 2:
        return 0.0
    dot = sum(count * b.stems[s] for s, count in a.stems.items())
    return dot / math.sqrt(sum(c * c for c in a.stems.values()) * sum(c * c for c in b.stems.values()))


def temporal_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One event given different days by different articles."""
    found = []
    per_article = [events(item) for item in items]
    days = _days(items)
    for first, second in combinations(per_article, 2):
        for a, b in _pair_events(first, second):
            apart = abs((date.fromisoformat(a.timex.value) - date.fromisoformat(b.timex.value)).days)
            if 0 < apart <= EVENT_DAYS_APART:
                found.append(_temporal_conflict(a, b, days))
    return found


def _pair_events(first: list[Event], second: list[Event]) -> list[tuple[Event, Event]]:
    """Events of two articles paired one to one, most similar first; same-day pairs go first on ties."""
    scored = [(event_similarity(a, b) + 0.05 * (a.timex.value == b.timex.value), i, j)
              for i, a in enumerate(first) for j, b in enumerate(second)]
    used_a, used_b, pairs = set(), set(), []
    for score, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if score >= EVENT_SIMILAR and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((first[i], second[j]))
    return pairs


def _temporal_conflict(a: Event, b: Event, days: dict) -> Conflict:
    earlier, later = sorted((a, b), key=lambda e: (days[e.article.id] or date.max, e.article.id))
    moved = (days[earlier.article.id] and days[later.article.id]
             and days[earlier.article.id] < days[later.article.id] and MOVED.search(later.sentence))
    summary = (f"Date of one event: {earlier.timex.text} ({earlier.timex.value}) vs "
               f"{later.timex.text} ({later.timex.value})")
    return make_conflict("temporal", "revision" if moved else "contradiction", summary, [
        side(e.timex.text, [Evidence(e.article.id, e.timex.start, e.timex.end)]) for e in (earlier, later)])

