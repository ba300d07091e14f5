"""Sparse TF-IDF vectors for cross-article linking, with document frequencies kept incrementally.

A vector is a plain dict ``term -> weight``. Term frequencies are sublinear (1 + log tf) and
inverse document frequencies come from the documents seen so far, so a stream of articles
can be weighted without a fitting pass over the whole store.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

Vector = dict[str, float]

# Words that start with a letter; numbers alone say little about which story an article tells.
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*\w")
# Words frequent in any news report, whatever it is about.
_NEWS_WORDS = frozenset({"said", "says", "told", "according", "reported", "reports", "news", "year",
                         "years", "week", "day", "today", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "mr", "mrs", "ms", "percent", "people"})
STOP = frozenset(STOP_WORDS) | _NEWS_WORDS


def terms(text: str) -> list[str]:
    """The lowercased content words of a text, in order, without stop words."""
    words = (m.group().casefold().replace("\u2019", "'").removesuffix("'s") for m in _WORD.finditer(text))
    return [w for w in words if len(w) > 2 and w not in STOP]


def sublinear_tf(items: Iterable[str]) -> Vector:
    """Counts of the items damped as 1 + log(count)."""
    return {item: 1.0 + math.log(count) for item, count in Counter(items).items()}


def normalised(vector: Mapping[str, float]) -> Vector:
    """The vector scaled to unit length (an empty or zero vector stays as it is)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else dict(vector)


def dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors; pass the shorter one first."""
    if len(large) > 8 * len(small):  # probing is cheaper than intersecting the key sets
        return sum(w * large.get(t, 0.0) for t, w in small.items())
    return sum(small[t] * large[t] for t in small.keys() & large.keys())


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors that are already unit length."""
    return dot(a, b) if len(a) <= len(b) else dot(b, a)


def top(vector: Mapping[str, float], k: int) -> list[str]:
    """The k heaviest keys, ties broken by the key so the choice never depends on hashing."""
    return [t for t, _ in heapq.nsmallest(k, vector.items(), key=lambda item: (-item[1], item[0]))]


class DocumentFrequencies:
    """How many documents hold each term, updated one document at a time."""

    __slots__ = ("counts", "documents")

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0

    def add(self, document_terms: Iterable[str]) -> None:
        """Count one more document holding these (distinct) terms."""
        self.counts.update(document_terms)
        self.documents += 1

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency of a term over the documents counted so far."""
        return math.log((1 + self.documents) / (1 + self.counts.get(term, 0))) + 1.0

    def weighted(self, tf: Mapping[str, float]) -> Vector:
        """A term-frequency vector weighted by idf and scaled to unit length."""
        return normalised({t: w * self.idf(t) for t, w in tf.items()})
