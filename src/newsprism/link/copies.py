"""Copies: articles of one story that repeat an earlier article almost word for word.

A syndicated wire report, or the same report posted again without its title line, is no second
outlet confirming the first: corroboration counts it once. Two articles are copies when the
Jaccard similarity of their word shingles (runs of SHINGLE words) is at least COPY_JACCARD:
exact in a small story, estimated by MinHash (`datasketch`) in a large one; each copy points
at the earliest article it copies (by publication date, then id), whose outlet it counts as.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article

if TYPE_CHECKING:  # datasketch (and the scipy it imports) loads only when copies are sought
    from datasketch import MinHash

COPY_JACCARD = 0.8
CANDIDATE_JACCARD = 0.5  # the index finds pairs near COPY_JACCARD too, which the estimate then decides
SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
UNKNOWN_OUTLET = "(unknown source)"  # articles without a source are one unknown outlet, not one each


def find_copies(articles: Sequence[Article]) -> dict[str, str]:
    """Copy article id -> id of the earliest article it copies."""
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    rank = {a.id: n for n, a in enumerate(ordered)}
    exact = len(ordered) <= EXACT_UP_TO
    index = None if exact else _index()  # candidates, then checked
    seen: dict[str, frozenset[str] | MinHash] = {}  # article id -> its shingles, or their sketch
    original: dict[str, str] = {}
    for article in ordered:
        mine = _shingles(article.text) if exact else _sketch(article.text)
        if mine is None or article.id in seen:
            continue
        near = [k for k in (seen if index is None else index.query(mine)) if _alike(mine, seen[k])]
        if near:
            original[article.id] = min((original.get(k, k) for k in near), key=rank.__getitem__)
        if index is not None:
            index.insert(article.id, mine)
        seen[article.id] = mine
    return original


# A story this small is compared pair by pair on its exact shingle sets: cheaper than sketching
# it (and than loading datasketch, which imports scipy), and exact.
EXACT_UP_TO = 30


def _alike(mine: frozenset[str] | MinHash, theirs: frozenset[str] | MinHash) -> bool:
    """Whether two texts' shingles have a Jaccard similarity of COPY_JACCARD or more: exactly on
    shingle sets, as estimated on sketches."""
    if isinstance(mine, frozenset):
        return len(mine & theirs) >= COPY_JACCARD * len(mine | theirs)
    return mine.jaccard(theirs) >= COPY_JACCARD


def _index():
    from datasketch import MinHashLSH

    return MinHashLSH(num_perm=PERMUTATIONS, params=_bands())


@functools.lru_cache(maxsize=4096)
def _shingles(text: str) -> frozenset[str] | None:
    """A text's word shingles, or None for a text too short to tell a copy from a common phrase."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < 2 * SHINGLE:
        return None
    return frozenset(" ".join(words[n:n + SHINGLE]) for n in range(len(words) - SHINGLE + 1))


@functools.lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """The index's bands and rows for CANDIDATE_JACCARD, worked out once a run: datasketch
    finds them by numeric integration, which took a third of linking a fresh store."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    return index.b, index.r


@functools.lru_cache(maxsize=1)
def _empty() -> MinHash:
    """An empty sketch whose hash permutations every sketch copies (drawing them is most of
    a sketch's cost)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=7)


@functools.lru_cache(maxsize=4096)
def _sketch(text: str) -> MinHash | None:
    """A text's MinHash over its word shingles, once a text for the run."""
    shingles = _shingles(text)
    if shingles is None:
        return None
    sketch = _empty().copy()
    sketch.update_batch([shingle.encode() for shingle in sorted(shingles)])
    return sketch


__all__ = ["COPY_JACCARD", "UNKNOWN_OUTLET", "find_copies"]
