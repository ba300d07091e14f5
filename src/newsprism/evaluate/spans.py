"""Span-scoring helpers shared by the gold-set evaluations: tokens, Jaccard, matching, P/R/F1."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import Span

WORD = re.compile(r"\w+")

P = TypeVar("P")
G = TypeVar("G")


def tokenize(text: str, pattern: re.Pattern[str] = WORD) -> list[Span]:
    """Character offsets of the tokens of a text (by default its `\\w+` runs), in order."""
    return [m.span() for m in pattern.finditer(text)]


def span_tokens(tokens: Sequence[Span], span: Span) -> frozenset[int]:
    """Indices of the tokens a character span overlaps (shares at least one character with)."""
    start, end = span
    return frozenset(i for i, (t_start, t_end) in enumerate(tokens) if t_start < end and start < t_end)


def spans_tokens(tokens: Sequence[Span], spans: Iterable[Span]) -> frozenset[int]:
    """Indices of the tokens any of several spans overlaps."""
    return frozenset().union(*(span_tokens(tokens, span) for span in spans))


def hull(spans: Iterable[Span]) -> Span:
    """The smallest single span covering all the given spans."""
    spans = list(spans)
    return min(s for s, _ in spans), max(e for _, e in spans)


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def jaccard(a: frozenset, b: frozenset) -> float:
    """Size of the intersection over size of the union; 0.0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """A predicted item paired with a gold item, by their indices, and the pair's score."""

    pred: int
    gold: int
    score: float


def greedy_match(
    preds: Sequence[P], golds: Sequence[G], score: Callable[[P, G], float], threshold: float
) -> list[Match]:
    """Pair predictions with gold items one to one, best score first, keeping scores >= threshold."""
    candidates = [
        Match(i, j, s)
        for i, pred in enumerate(preds)
        for j, gold in enumerate(golds)
        if (s := score(pred, gold)) >= threshold
    ]
    # Ties go to the earlier prediction, then the earlier gold item, so results are stable.
    candidates.sort(key=lambda m: (-m.score, m.pred, m.gold))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    matches = []
    for m in candidates:
        if m.pred not in used_pred and m.gold not in used_gold:
            used_pred.add(m.pred)
            used_gold.add(m.gold)
            matches.append(m)
    return matches


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts behind precision, recall and F1 for one-to-one matching."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold
        )

    def as_dict(self) -> dict:
        """Counts and rates as a JSON-ready dict."""
        return {
            "matched": self.matched, "predicted": self.predicted, "gold": self.gold,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }
