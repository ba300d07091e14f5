"""Average-link agglomerative clustering over a sparse similarity graph.

The graph holds only the edges that candidate generation found; a pair with no edge counts
as similarity 0 in the average, so the cost follows the number of edges, not the square of
the number of items. Each cluster keeps the summed edge weights to its neighbouring clusters
and its best neighbour; a merge only re-examines the clusters whose best neighbour it took.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

Graph = Mapping[int, Mapping[int, float]]  # node -> neighbour -> similarity (both directions)


class _Agglomeration:
    """The state of one clustering run: summed links, sizes, members and best neighbours."""

    __slots__ = ("sums", "size", "members", "best", "heap", "threshold")

    def __init__(self, graph: Graph, threshold: float) -> None:
        self.sums = {n: {m: w for m, w in row.items() if m != n and m in graph} for n, row in graph.items()}
        self.size = dict.fromkeys(self.sums, 1)
        self.members = {n: [n] for n in self.sums}
        self.best: dict[int, tuple[float, int] | None] = {}
        self.heap: list[tuple[float, int, int]] = []
        self.threshold = threshold
        for node in sorted(self.sums):
            self._find_best(node)

    def average(self, a: int, b: int) -> float:
        """Mean similarity over every pair across two clusters; a missing edge counts as 0."""
        return self.sums[a][b] / (self.size[a] * self.size[b])

    def run(self) -> list[list[int]]:
        """Merge the closest pair until no pair's average reaches the threshold."""
        while self.heap:
            negative, a, b = heapq.heappop(self.heap)
            if self.best.get(a) == (-negative, b) and b in self.sums:
                self._merge(a, b)
        return [sorted(members) for _, members in sorted(self.members.items())]

    def _find_best(self, node: int) -> None:
        row = self.sums[node]
        best = max(((self.average(node, m), -m) for m in row), default=None)
        if best is None or best[0] < self.threshold:
            self.best[node] = None
            return
        self.best[node] = (best[0], -best[1])
        heapq.heappush(self.heap, (-best[0], node, -best[1]))

    def _merge(self, a: int, b: int) -> None:
        # The cluster with fewer links is folded into the other, so each edge moves rarely.
        keep, gone = (a, b) if len(self.sums[a]) >= len(self.sums[b]) else (b, a)
        kept, folded = self.sums[keep], self.sums.pop(gone)
        kept.pop(gone, None)
        folded.pop(keep, None)
        for other, weight in folded.items():
            kept[other] = kept.get(other, 0.0) + weight
            row = self.sums[other]
            row[keep] = kept[other]
            del row[gone]
        self.size[keep] += self.size.pop(gone)
        self.members[keep] += self.members.pop(gone)
        del self.best[gone]
        self._rescore(keep, gone)

    def _rescore(self, keep: int, gone: int) -> None:
        # A merged cluster's average to a third one lies between its parts' averages, so only
        # the clusters whose best neighbour was one of the parts can have a new best.
        self._find_best(keep)
        for other in sorted(self.sums[keep]):
            best = self.best.get(other)
            if best is not None and best[1] in (keep, gone):
                self._find_best(other)


def average_link(graph: Graph, threshold: float) -> list[list[int]]:
    """Clusters of the graph's nodes, each sorted, ordered by their smallest node."""
    return _Agglomeration(graph, threshold).run()
