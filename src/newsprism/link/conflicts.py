"""Conflicts between outlets: numbers, identities and dates they disagree on, with each side's evidence.

A numeric conflict is two quantities taken to state one measure (see `align`) whose values
differ beyond rounding. Identity conflicts live in `identity`, temporal ones (one event, two
days) in `temporal`. Each is classified:

- `scope`: the sides measure different periods ("since 2014" vs "since 2017") or places
  (a county vs the whole country, see `places`);
- `revision`: a later article updates an earlier one (a toll that has risen, a date postponed,
  a figure published again weeks later);
- `contradiction`: otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from ..model import Conflict, Evidence
from .align import Measure, MeasureMatch, casualties, measure_matches, scopes_differ, values_agree
from .context import (
    Item,
    UnionFind,
    make_conflict,
    outlets_text,
    publication_days,
    sentence_span,
    side,
)
from .identity import identity_conflicts
from .places import figures_places, places_differ
from .temporal import temporal_conflicts

KIND_ORDER = {"numeric": 0, "identity": 1, "temporal": 2, "other": 3}


def find_conflicts(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> list[Conflict]:
    """Where the articles disagree on a number, an identity or a date, in a stable order
    (`matches`: the items' `measure_matches`, when the caller has them already)."""
    found = numeric_conflicts(items, matches) + identity_conflicts(items) + temporal_conflicts(items)
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
# A casualty count named as one (killed, dead, injured, ...) by every side is one measure even when
# early reports differ widely: "at least 38 dead" against "a toll of 27".
CASUALTY_RATIO = 2.0
PLACES_PER_SIDE = 8


def numeric_conflicts(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> list[Conflict]:
    """Quantities stating one measure with values that differ beyond rounding."""
    groups, measures = UnionFind(), {}
    for match in measure_matches(items) if matches is None else matches:
        groups.union(match.a.quantity.id, match.b.quantity.id)
        measures.update({match.a.quantity.id: match.a, match.b.quantity.id: match.b})
    found = []
    for members in groups.groups():
        sides = value_sides(_own_figures([measures[m] for m in members]))
        if len(sides) >= 2 and (status := numeric_status(sides, items)):
            found.append(_numeric_conflict(sides, status))
    return found


def _own_figures(measures: list[Measure]) -> list[Measure]:
    """The measures without the figures an article cites as earlier reports beside its own."""
    own = {m.article.id for m in measures if not _cites_earlier(m)}
    return [m for m in measures if m.article.id not in own or not _cites_earlier(m)]


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
    if _places_differ(sides):
        return "scope"
    days = publication_days(items)
    earliest, latest = _time_order(sides, days)
    if earliest is not None:
        gap = (min(days[m.article.id] for m in latest) - max(days[m.article.id] for m in earliest)).days
        if gap >= REPUBLISHED_DAYS or any(REVISED.search(m.sentence) for m in latest):
            return "revision"
    values = [abs(s[0].quantity.value) for s in sides]
    shared_kind = frozenset.intersection(*(casualties(m) for s in sides for m in s))
    ratio = CASUALTY_RATIO if shared_kind else PLAUSIBLE_RATIO
    return "contradiction" if min(values) and max(values) / min(values) <= ratio else None


def _places_differ(sides: list[list[Measure]]) -> bool:
    """Whether two sides qualify their figures by different places (a county vs the country)."""
    # Each figure's sentence is parsed; a side many outlets report is judged by its first few.
    chosen = [s[:PLACES_PER_SIDE] for s in sides]
    figures = [(m.article.text, m.quantity.start, m.quantity.end) for s in chosen for m in s]
    found = iter(figures_places(figures))
    places = [[next(found) for _ in s] for s in chosen]
    return any(places_differ(x, y) for x, y in combinations(places, 2))


# Words before a figure that cite it as what earlier reports said, not as the article's own.
CITED_EARLIER = re.compile(r"\b(earlier|initial|previous|first) (reports?|figures?|estimates?|count)\b|"
                           r"\b(initially|previously|had (put|given|reported))\b|\bup from\s*$",
                           re.IGNORECASE)


def _time_order(sides: list[list[Measure]], days: dict):
    """The earliest and the latest side when every article of one precedes every article of the other.

    A later article citing the earlier figure ("earlier reports had put it at 12") does not date
    that figure's side: it is the article that revises it.
    """
    if any(days[m.article.id] is None for s in sides for m in s):
        return None, None
    dated = [[m for m in s if not _cites_earlier(m)] or s for s in sides]
    ordered = sorted(dated, key=lambda s: min(days[m.article.id] for m in s))
    first, last = ordered[0], ordered[-1]
    if max(days[m.article.id] for m in first) < min(days[m.article.id] for m in last):
        return first, last
    return None, None


def _cites_earlier(m: Measure) -> bool:
    left, _ = sentence_span(m.article.text, m.quantity.start, m.quantity.end)
    return bool(CITED_EARLIER.search(m.article.text[max(left, m.quantity.start - 60):m.quantity.start]))


def _numeric_conflict(sides: list[list[Measure]], status: str) -> Conflict:
    subject = max((m.quantity.subject or "" for s in sides for m in s), key=len) or "A figure"
    parts = [f"{s[0].quantity.text} ({outlets_text(m.article for m in s)})" for s in sides]
    summary = f"{subject[0].upper()}{subject[1:]}: {' vs '.join(parts)}"
    return make_conflict("numeric", status, summary, [
        side(s[0].quantity.text, (Evidence(m.article.id, m.quantity.start, m.quantity.end) for m in s))
        for s in sides])
