"""Average-link agglomerative clustering where a sparse graph says which clusters may merge.

The graph holds only the edges that candidate generation found: two clusters are candidates
for a merge when at least one edge joins them, so the cost follows the number of edges, not
the square of the number of items. How close two candidates are is the linkage's business:
`EdgeSums` averages the graph's own edges (a missing edge counts as 0), while story
clustering passes a linkage that computes the exact mean similarity from per-cluster sums.
Each cluster keeps its best candidate; a merge re-examines only the merged cluster's
neighbours.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import Protocol

Graph = Mapping[int, Mapping[int, float]]  # node -> neighbour -> similarity (both directions)


class Linkage(Protocol):
    """The similarity of two current clusters, named by one of their items, and how they merge."""

    def score(self, a: int, b: int) -> float: ...

    def merge(self, keep: int, gone: int) -> None: ...


class EdgeSums:
    """Mean edge weight over every pair across two clusters, a pair with no edge counting as 0."""

    __slots__ = ("sums", "size")

    def __init__(self, graph: Graph) -> None:
        self.sums = {n: {m: w for m, w in row.items() if m != n and m in graph} for n, row in graph.items()}
        self.size = dict.fromkeys(self.sums, 1)

    def score(self, a: int, b: int) -> float:
        """Summed edge weights across the clusters over the number of pairs."""
        return self.sums[a].get(b, 0.0) / (self.size[a] * self.size[b])

    def merge(self, keep: int, gone: int) -> None:
        """Add the folded cluster's edge sums to the kept one's."""
        kept, folded = self.sums[keep], self.sums.pop(gone)
        kept.pop(gone, None)
        for other, weight in folded.items():
            if other != keep:
                kept[other] = kept.get(other, 0.0) + weight
                row = self.sums[other]
                row[keep] = kept[other]
                del row[gone]
        self.size[keep] += self.size.pop(gone)


class _Agglomeration:
    """The state of one clustering run: linkage to neighbouring clusters, members, best neighbours."""

    __slots__ = ("links", "linkage", "members", "best", "heap", "threshold")

    def __init__(self, graph: Graph, linkage: Linkage, threshold: float) -> None:
        self.links: dict[int, dict[int, float]] = {n: {} for n in graph}
        for n in sorted(graph):
            for m in graph[n]:
                if m > n and m in graph:
                    self.links[n][m] = self.links[m][n] = linkage.score(n, m)
                elif m < n and n not in graph.get(m, ()):  # an edge listed on one side only
                    self.links[n][m] = self.links[m][n] = linkage.score(m, n)
        self.linkage, self.threshold = linkage, threshold
        self.members = {n: [n] for n in self.links}
        self.best: dict[int, tuple[float, int] | None] = {}
        self.heap: list[tuple[float, int, int]] = []
        for node in sorted(self.links):
            self._find_best(node)

    def run(self) -> list[list[int]]:
        """Merge the closest candidate pair until no candidate's linkage reaches the threshold."""
        while self.heap:
            negative, a, b = heapq.heappop(self.heap)
            if self.best.get(a) == (-negative, b) and b in self.links:
                self._merge(a, b)
        return [sorted(members) for _, members in sorted(self.members.items())]

    def _find_best(self, node: int) -> None:
        row = self.links[node]
        best = max(((score, -m) for m, score in row.items()), default=None)
        if best is None or best[0] < self.threshold:
            self.best[node] = None
            return
        self._set_best(node, best[0], -best[1])

    def _set_best(self, node: int, score: float, other: int) -> None:
        self.best[node] = (score, other)
        heapq.heappush(self.heap, (-score, node, other))

    def _merge(self, a: int, b: int) -> None:
        # The cluster with fewer neighbours is folded into the other, so each link moves rarely.
        keep, gone = (a, b) if len(self.links[a]) >= len(self.links[b]) else (b, a)
        self.linkage.merge(keep, gone)
        kept, folded = self.links[keep], self.links.pop(gone)
        kept.pop(gone, None)
        folded.pop(keep, None)
        for other in folded:
            del self.links[other][gone]
            kept[other] = 0.0
        for other in kept:
            kept[other] = self.links[other][keep] = self.linkage.score(keep, other)
        self.members[keep] += self.members.pop(gone)
        del self.best[gone]
        self._rescore(keep, gone)

    def _rescore(self, keep: int, gone: int) -> None:
        # A neighbour whose best was one of the parts looks again; any other takes the merged
        # cluster when it is now closer than its best (its part's unlinked pairs may be close).
        self._find_best(keep)
        for other in sorted(self.links[keep]):
            best, score = self.best.get(other), self.links[other][keep]
            if best is not None and best[1] in (keep, gone):
                self._find_best(other)
            elif score >= self.threshold and (best is None or (score, -keep) > (best[0], -best[1])):
                self._set_best(other, score, keep)


def average_link(graph: Graph, threshold: float, linkage: Linkage | None = None) -> list[list[int]]:
    """Clusters of the graph's nodes, each sorted, ordered by their smallest node.

    Clusters joined by an edge are candidates; `linkage` scores them (default: `EdgeSums`).
    """
    return _Agglomeration(graph, linkage or EdgeSums(graph), threshold).run()
