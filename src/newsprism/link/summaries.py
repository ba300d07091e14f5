"""Cluster summaries for story clustering: the exact average link between two clusters.

A cluster is summarised by its members' summed unit vectors (text and entities) and counts of
their publication days and year profiles, so the mean similarity over every pair across two
clusters comes from two summaries without visiting the pairs: the dot product of sums is the
sum of the pairwise dot products, and the date penalty is summed in one sweep over the days.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .vectors import Vector, cosine, top

if TYPE_CHECKING:
    from .stories import StoryParams


def date_penalty(a, b, params: StoryParams) -> float:
    """Weighted date disagreement: distant publication dates, else other main years; 0 when unknown."""
    # Close dates are no evidence (many stories run in the same week), distant ones are. Years
    # mentioned count only without two publication dates: articles often dwell on a past year.
    if a.day is not None and b.day is not None:
        return params.day_weight * (1.0 - math.exp(-abs(a.day - b.day) * math.log(2) / params.gap_days))
    if a.years and b.years:
        return params.time_weight * (1.0 - _year_agreement(a.years, b.years))
    return 0.0


def year_profile(years: Counter[str]) -> tuple[tuple[str, float], ...]:
    """Each year mentioned with its count as a share of the most mentioned year's."""
    most = max(years.values(), default=1)
    return tuple(sorted((year, count / most) for year, count in years.items()))


def _year_agreement(a: Iterable[tuple[str, float]], b: Iterable[tuple[str, float]]) -> float:
    """1 when both articles are mainly about one year, 0 when no year of one is in the other."""
    # Background years ("she entered rehab in 2005") weigh as much as their share of mentions.
    other = dict(b)
    return max((min(share, other[year]) for year, share in a if year in other), default=0.0)


class Summary:
    """What the mean similarity across two clusters needs: summed unit vectors and date counts."""

    __slots__ = ("size", "text", "entities", "days", "profiles", "undated", "stamp", "heaviest")

    def __init__(self, node, stamp: int) -> None:
        """The summary of one article (a story `_Node`: its weighted vectors, day and years)."""
        self.size, self.stamp = 1, stamp
        self.text, self.entities = dict(node.text), dict(node.entities)
        self.days: Counter[int] = Counter([node.day] if node.day is not None else [])
        # (has a publication day, year profile) -> members; for pairs not both dated.
        self.profiles: Counter[tuple] = Counter([(node.day is not None, node.years)] if node.years else [])
        self.undated = int(node.day is None and bool(node.years))  # members in `profiles` without a day
        self.heaviest: tuple | None = None  # (counts asked for, the heaviest terms and entities)

    def copy(self) -> Summary:
        """A summary that can absorb others without changing this one."""
        twin = object.__new__(Summary)
        twin.size, twin.stamp, twin.days, twin.profiles = self.size, self.stamp, +self.days, +self.profiles
        twin.undated, twin.heaviest = self.undated, self.heaviest
        twin.text, twin.entities = dict(self.text), dict(self.entities)
        return twin

    def absorb(self, other: Summary, limit: int) -> None:
        """Add another cluster's members; sums past twice `limit` keys keep their `limit` heaviest.
        The other summary is used up (its sums may become this one's): it is not to be read again."""
        self.size += other.size
        self.undated += other.undated
        self.heaviest = None
        self.stamp = min(self.stamp, other.stamp)
        self.text = _added(self.text, other.text, limit)
        self.entities = _added(self.entities, other.entities, limit)
        self.days.update(other.days)
        self.profiles.update(other.profiles)

    def features(self, terms: int, entities: int) -> list[str]:
        """The heaviest terms ("t:...") and entities ("e:...") of the summed vectors, kept until
        the summary absorbs another: a large story's are asked for in every re-run it joins."""
        if self.heaviest is None or self.heaviest[0] != (terms, entities):
            found = [f"t:{t}" for t in top(self.text, terms)]
            found += [f"e:{n}" for n in top(self.entities, entities)]
            self.heaviest = ((terms, entities), found)
        return self.heaviest[1]


class Linkage:
    """Exact average link: the mean pairwise similarity of two clusters, from their summaries.

    Scores are remembered, so that after a merge the new cluster's link to a neighbour of both
    parts is their size-weighted mean (the mean over the union's pairs, without the summed
    vectors of the larger cluster being read again), and a neighbour of one part needs only the
    other part scored, before the merge.
    """

    __slots__ = ("summaries", "params", "known")

    def __init__(self, summaries: dict[int, Summary], params: StoryParams) -> None:
        self.summaries, self.params = summaries, params
        self.known: dict[int, dict[int, float]] = {}  # cluster -> cluster -> score, both ways

    def score(self, a: int, b: int) -> float:
        """(ΣA · ΣB) / (|A| |B|) for text and entities, less the mean date penalty."""
        row = self.known.get(a)
        if row is not None and b in row:
            return row[b]
        value = self._score(a, b)
        self.know(a, b, value)
        return value

    def know(self, a: int, b: int, value: float) -> None:
        """Remember a score found otherwise (two single articles: the similarity of their edge)."""
        self.known.setdefault(a, {})[b] = self.known.setdefault(b, {})[a] = value

    def _score(self, a: int, b: int) -> float:
        x, y, p = self.summaries[a], self.summaries[b], self.params
        total = cosine(x.text, y.text) + p.entity_weight * cosine(x.entities, y.entities)
        return (total - _date_penalties(x, y, p)) / (x.size * y.size)

    def merge(self, keep: int, gone: int) -> None:
        """Fold one cluster's summary into the other's, and their known scores into the mean."""
        kept, folded = self.known.pop(keep, {}), self.known.pop(gone, {})
        kept.pop(gone, None)
        folded.pop(keep, None)
        x, y = self.summaries[keep].size, self.summaries[gone].size
        merged: dict[int, float] = {}
        for other in sorted(kept.keys() | folded.keys()):
            a = kept[other] if other in kept else self._score(keep, other)
            b = folded[other] if other in folded else self._score(gone, other)
            merged[other] = (x * a + y * b) / (x + y)
            row = self.known[other]
            row.pop(gone, None)
            row[keep] = merged[other]
        self.known[keep] = merged
        self.summaries[keep].absorb(self.summaries.pop(gone), self.params.summary_terms)


def _date_penalties(x: Summary, y: Summary, p: StoryParams) -> float:
    """The date penalty summed over every pair across two clusters (as `date_penalty` scores one)."""
    dated = x.days.total() * y.days.total()
    apart = dated - _close_pairs(x.days, y.days, math.log(2) / p.gap_days) if dated and p.day_weight else 0.0
    # Years count only for pairs not both dated: none when every member of both has a day.
    undated = (x.undated or y.undated) and p.time_weight
    years = _year_penalties(x.profiles, y.profiles) if undated else 0.0
    return p.day_weight * apart + p.time_weight * years


def _close_pairs(a: Mapping[int, int], b: Mapping[int, int], rate: float) -> float:
    """Σ count_a × count_b × exp(-rate |day_a - day_b|) over day pairs, in one sweep by day."""
    # exp(-rate (d2 - d0)) = exp(-rate (d2 - d1)) exp(-rate (d1 - d0)): each side's counts so
    # far decay as the sweep moves on, and a day meets the other side's decayed total.
    points = sorted([(day, 0, n) for day, n in a.items()] + [(day, 1, n) for day, n in b.items()])
    carried, last, total = [0.0, 0.0], points[0][0], 0.0
    for day, side, count in points:
        decay = math.exp(-rate * (day - last))
        carried, last = [c * decay for c in carried], day
        total += count * carried[1 - side]
        carried[side] += count
    return total


def _year_penalties(a: Counter[tuple], b: Counter[tuple], most: int = 16) -> float:
    """1 - year agreement summed over the pairs that are not both dated, from each side's
    `most` commonest year profiles (scaled up to all pairs when there are more)."""
    total = pairs = 0.0
    for (dated_a, years_a), n in a.most_common(most):
        for (dated_b, years_b), m in b.most_common(most):
            if not (dated_a and dated_b):
                total += n * m * (1.0 - _year_agreement(years_a, years_b))
                pairs += n * m
    if len(a) > most or len(b) > most:
        undated_a, undated_b = (sum(n for (dated, _), n in c.items() if not dated) for c in (a, b))
        every = undated_a * b.total() + (a.total() - undated_a) * undated_b
        return total * every / pairs if pairs else 0.0
    return total


def _added(total: Vector, vector: Vector, limit: int) -> Vector:
    """The sum of two vectors, added into the larger one (both belong to the caller)."""
    if len(total) < len(vector):
        total, vector = vector, total
    for key, weight in vector.items():
        total[key] = total.get(key, 0.0) + weight
    return {k: total[k] for k in top(total, limit)} if len(total) > 2 * limit else total


def summed(vectors: Iterable[Mapping[str, float]]) -> Vector:
    total: Vector = {}
    for vector in vectors:
        for key, weight in vector.items():
            total[key] = total.get(key, 0.0) + weight
    return total
