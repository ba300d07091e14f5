"""Stories: articles about the same real-world event, by average-link clustering re-run locally.

Two articles are as similar as their TF-IDF cosine (sublinear tf, idf from the articles seen so
far), plus a weighted cosine of the entities they name, minus a penalty when their publication
dates lie far apart or they are about other years. Each article is compared only with the
candidates that an inverted index over the heaviest terms and entities finds, and keeps edges to
its most similar ones. Stories are average-link clusters cut at a threshold: the sparse graph
only says which clusters may merge (those joined by an edge), and their linkage is the exact
mean similarity over every pair across them, from per-cluster sums (`Summary`), so a story
grows as long as its articles stay similar on average. New articles re-run the clustering only
over themselves, the small stories their neighbours belong to and, kept whole, the large ones
and the small ones whose articles are all much alike (one event told again), so the rest of the
store stays as it was, a batch of small stories comes out the same whatever its order, and the
cost grows with the articles added, not the store or the size of the stories they land in.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ..model import Analysis, Article, Event, Story, Timex
from .graph import average_link
from .summaries import Linkage, Summary, date_penalty, summed, year_profile
from .vectors import DocumentFrequencies, Vector, cosine, normalised, sublinear_tf, terms, top

# Entity types that say which event an article is about (quantities and dates are not names).
STORY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What story clustering needs from one analysed article."""

    article_id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    entities: tuple[str, ...] = ()  # canonical names, repeated once per mention
    dates: tuple[str, ...] = ()  # TIMEX3 values of the dates the text mentions
    # The date was read from the text (the latest full date it mentions, a lower bound), not
    # given: it orders the article and counts as a year, but is no evidence of a gap in days.
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Similarity weights, the clustering threshold and the limits that keep the cost linear.

    The threshold, the two weights and the number of neighbours were chosen on the ECB+ train
    rows (docs/quality.md, Stories).
    """

    threshold: float = 0.24  # mean similarity across two clusters below which they stay apart
    entity_weight: float = 0.3
    time_weight: float = 0.2  # weight of other main years (for pairs not both dated)
    day_weight: float = 0.2  # weight of the publication gap
    gap_days: float = 60.0  # publication gap at which the day penalty reaches half its weight
    neighbours: int = 4  # nearest articles each article keeps an edge to
    index_terms: int = 20  # an article's heaviest terms listed in (and looked up in) the index
    index_entities: int = 10
    max_postings: int = 100  # most recent articles read from one index entry
    max_candidates: int = 40  # articles an article is compared with
    max_region: int = 400  # members of small stories that one new article re-clusters
    whole: int = 50  # stories larger than this join a re-run whole instead of article by article
    cohesive: float = 0.8  # ... and smaller ones too, past `tiny`, when their articles are this similar
    tiny: int = 5  # stories this small are always re-run article by article
    summary_terms: int = 2000  # heaviest terms (and entities) a story's summed vectors keep
    drift: float = 0.1  # share of new documents after which an article's idf weights are redone
    # Events: a story's articles clustered again with the publication gap weighing more (half
    # its weight at a gap of a few days), so that reports of one happening stay together and a
    # story's later developments (a verdict weeks after the arrest) form events of their own.
    event_day_weight: float = 0.4
    event_gap_days: float = 3.0


class _Node:
    """One article in the graph: its frequency vectors, dates, idf-weighted vectors and edges."""

    __slots__ = ("doc", "seq", "rank", "tf", "names", "day", "years", "text", "entities", "stamp",
                 "edges", "own", "edge_stamp", "pinned", "linked")

    def __init__(self, doc: StoryDoc, seq: int) -> None:
        self.tf = normalised(sublinear_tf(terms(_full_text(doc))))
        # The text is needed only for the term vector: 100,000 articles should not stay in memory.
        self.doc, self.seq, self.rank = replace(doc, text=""), seq, batch_order(doc)
        self.names = normalised(sublinear_tf(n.casefold() for n in doc.entities))
        self.day = None if doc.inferred else _day(doc.published)
        self.years = year_profile(Counter(_years(doc.dates + (doc.published or "",))))
        self.text: Vector = {}
        self.entities: Vector = {}
        self.stamp = 0  # documents counted when the weighted vectors were made
        self.edges: dict[str, float] = {}  # to its own nearest and to articles that chose it
        self.own: dict[str, float] = {}  # its nearest articles found so far (at most `neighbours`)
        self.edge_stamp = 0  # the stamp of the weights its edges were last computed with
        self.pinned: str | None = None  # the story key it was given (rebuilds from a store)
        self.linked = True  # whether its nearest articles were looked for (restored ones: when needed)


class StoryIndex:
    """Incremental story clustering: new articles re-run average-link clustering where they land."""

    def __init__(self, params: StoryParams | None = None, **overrides) -> None:
        self.params = replace(params or StoryParams(), **overrides)
        self._terms, self._names = DocumentFrequencies(), DocumentFrequencies()
        self._nodes: dict[str, _Node] = {}
        self._order: list[_Node] = []  # the nodes by `seq`, as the index lists them
        self._assigned: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._postings: dict[str, array] = {}  # feature -> the `seq` of the articles listing it
        self._summaries: dict[str, Summary] = {}  # story key -> its summed vectors and dates

    def __len__(self) -> int:
        return len(self._members)

    def add(self, doc: StoryDoc, story: str | None = None) -> str:
        """Place an article and return its story key; `story` puts it there unscored (rebuilds)."""
        if doc.article_id in self._assigned or story is None:
            return self.add_batch([doc])[doc.article_id]
        (node,) = self._register([doc])
        node.pinned = story
        self._link(node)
        self._assign(story, [doc.article_id])
        return story

    def restore(self, placed: Iterable[tuple[StoryDoc, str]]) -> None:
        """Put back articles already in stories (doc, story key), as a store keeps them, without
        scoring them: their terms are counted and indexed, and their nearest articles are looked
        for only when new articles make a run re-cluster their story. Rebuilding the index for a
        new run so costs one pass over the store, not a linking of it."""
        restored: list[_Node] = []
        for doc, story in placed:
            if doc.article_id in self._nodes:
                continue
            node = _Node(doc, len(self._nodes))
            node.pinned, node.linked = story, False
            self._nodes[doc.article_id] = node
            self._order.append(node)
            self._terms.add(node.tf)
            self._names.add(node.names)
            restored.append(node)
        members: dict[str, list[str]] = {}
        for node in restored:  # indexed once every term is counted, so early articles weigh right
            self._post(node, self._features(node))
            members.setdefault(node.pinned, []).append(node.doc.article_id)
        for key, articles in members.items():
            self._assign(key, articles)

    def add_batch(self, docs: Iterable[StoryDoc]) -> dict[str, str]:
        """Place several articles at once, whatever their order; article id -> story key."""
        docs = list(docs)
        fresh = self._register(docs)
        for node in fresh:
            self._link(node)
        if fresh:
            self._recluster(*self._region(fresh))
        return {d.article_id: self._assigned[d.article_id] for d in docs}

    def assignments(self) -> dict[str, str]:
        """Article id -> story key, for every article added."""
        return dict(self._assigned)

    def members(self, key: str) -> tuple[str, ...]:
        """The article ids of one story, in the order they were added."""
        return tuple(self._members[key])

    def stories(self, entities: int = 5) -> list[Story]:
        """Every story as a record (title, articles, publication span, main entities), by first added."""
        keys = sorted(self._members, key=lambda k: self._nodes[self._members[k][0]].seq)
        return [self.story(key, entities) for key in keys]

    def story(self, key: str, entities: int = 5) -> Story:
        """One story as a record (title, articles, publication span, main entities)."""
        return self._record(key, entities)

    def events(self, key: str) -> list[Event]:
        """A story's events: its articles clustered again with the publication gap weighing
        `event_day_weight` (half of it at `event_gap_days`), each in the order added, the
        earliest event first. A story whose articles share one publication day (or have
        none) is one event."""
        members = self._members[key]
        if len({self._nodes[m].day for m in members} - {None}) < 2:
            return [self._event(members)]
        p = self.params
        params = replace(p, day_weight=p.event_day_weight, gap_days=p.event_gap_days)
        position = {m: n for n, m in enumerate(members)}
        graph: dict[int, dict[int, float]] = {n: {} for n in range(len(members))}
        for n, article in enumerate(members):
            for other in self._nodes[article].edges:
                if other in position:
                    graph[n][position[other]] = graph[position[other]][n] = 0.0
        documents = self._terms.documents
        summaries = [Summary(self._weighed(self._nodes[m]), documents) for m in members]
        items, _ = self._agglomerate([[m] for m in members], summaries, graph, params, set())
        events = [self._event(sorted(event, key=position.__getitem__)) for event in items]
        return sorted(events, key=lambda e: self._nodes[self._first(e.article_ids)].rank)

    def _event(self, members: Sequence[str]) -> Event:
        """An event's record, its id from its earliest article (by date, then id) like a story's."""
        return Event(_key("event", self._first(members)), tuple(members), *self._span(members))

    def _first(self, members: Iterable[str]) -> str:
        return min(members, key=lambda m: self._nodes[m].rank)

    def _span(self, members: Iterable[str]) -> tuple[str | None, str | None]:
        """The first and last publication day of some articles (inferred ones too)."""
        days = [d for d in (_day(self._nodes[m].doc.published) for m in members) if d is not None]
        return _iso(min(days, default=None)), _iso(max(days, default=None))

    def title(self, key: str) -> str:
        """A title for a story (see `story_title`)."""
        return story_title(self, key)

    def score(self, doc: StoryDoc, key: str) -> float:
        """Mean similarity of an article to a story's members, without adding it (for inspection)."""
        node = _Node(doc, -1)
        members = self._members[key]
        return sum(self._similarity(node, self._nodes[m]) for m in members) / len(members)

    # --- the graph --------------------------------------------------------------------------

    def _register(self, docs: Sequence[StoryDoc]) -> list[_Node]:
        """Count the new articles' terms first, so that a batch is weighted as one."""
        unique = {d.article_id: d for d in docs if d.article_id not in self._nodes}
        ordered = sorted(unique.values(), key=batch_order)
        fresh = [_Node(d, len(self._nodes) + i) for i, d in enumerate(ordered)]
        for node in fresh:
            self._nodes[node.doc.article_id] = node
            self._order.append(node)
            self._terms.add(node.tf)
            self._names.add(node.names)
        return fresh

    def _weigh(self, node: _Node) -> None:
        """Give the node idf-weighted vectors, redone when idf has drifted since they were made."""
        documents = self._terms.documents
        if not node.stamp or documents > node.stamp * (1.0 + self.params.drift):
            node.text, node.entities = self._terms.weighted(node.tf), self._names.weighted(node.names)
            node.stamp = documents

    def _similarity(self, a: _Node, b: _Node) -> float:
        self._weigh(a)
        self._weigh(b)
        p = self.params
        return (cosine(a.text, b.text) + p.entity_weight * cosine(a.entities, b.entities)
                - date_penalty(a, b, p))

    def _features(self, node: _Node) -> list[str]:
        self._weigh(node)
        names = top(node.names, self.params.index_entities)
        return [f"t:{t}" for t in top(node.text, self.params.index_terms)] + [f"e:{n}" for n in names]

    def _link(self, node: _Node) -> None:
        """Connect an article to its most similar candidates and list it in the index."""
        features = self._features(node)
        self._connect_nearest(node, features)
        self._post(node, features)

    def _connect_nearest(self, node: _Node, features: Iterable[str]) -> None:
        node.linked = True
        scored = self._candidates(node, features)
        for other, weight in scored[:self.params.neighbours]:
            self._connect(node, self._nodes[other], weight)
        for other, weight in scored[self.params.neighbours:]:
            self._offer(self._nodes[other], node, weight)
        node.edge_stamp = node.stamp

    def _post(self, node: _Node, features: Iterable[str]) -> None:
        """List an article under its features in the index (the most recent entries are read)."""
        limit = self.params.max_postings
        for feature in features:
            posting = self._postings.get(feature)
            if posting is None:
                posting = self._postings[feature] = array("q")
            posting.append(node.seq)
            if len(posting) > 2 * limit:
                del posting[:-limit]

    def _candidates(self, node: _Node, features: Iterable[str]) -> list[tuple[str, float]]:
        """The articles the index finds for an article, with their similarity, the closest first."""
        listed = (self._postings.get(feature) for feature in features)
        found = _most_hit([posting for posting in listed if posting], self.params.max_postings,
                          self.params.max_candidates)
        nodes = [self._order[seq] for seq in found]
        scored = [(other.doc.article_id, self._similarity(node, other)) for other in nodes]
        return sorted((item for item in scored if item[1] > 0), key=lambda item: (-item[1], item[0]))

    def _connect(self, node: _Node, other: _Node, weight: float) -> None:
        """An edge chosen by `node`; `other` may take it among its own nearest too."""
        node.own[other.doc.article_id] = weight
        node.edges[other.doc.article_id] = other.edges[node.doc.article_id] = weight
        self._offer(other, node, weight)

    def _offer(self, node: _Node, newcomer: _Node, weight: float) -> None:
        """Let an earlier article take a later one among its nearest, dropping the edge it no longer needs."""
        # Without this an early article keeps the neighbours it found among the few articles
        # before it, and the graph (so the stories) would depend on the order articles came in.
        own, article = node.own, node.doc.article_id
        if len(own) >= self.params.neighbours:
            weakest = min(own, key=lambda i: (own[i], i))
            if (own[weakest], weakest) >= (weight, newcomer.doc.article_id):
                return
            del own[weakest]
            if article not in self._nodes[weakest].own:
                del node.edges[weakest], self._nodes[weakest].edges[article]
        own[newcomer.doc.article_id] = weight
        node.edges[newcomer.doc.article_id] = newcomer.edges[article] = weight

    # --- re-running the clustering where new articles land --------------------------------------

    def _region(self, fresh: Sequence[_Node]) -> tuple[set[str], set[str]]:
        """The articles to re-cluster one by one (new ones and small stories, up to `max_region`
        members per new article) and the larger stories their neighbours are in, kept whole."""
        loose, whole = {n.doc.article_id for n in fresh}, set()
        for node in fresh:
            budget = self.params.max_region
            for key in self._touched(node):
                size = len(self._members[key])
                if key in whole or self._members[key][0] in loose:
                    continue
                if size <= min(budget, self.params.whole) and not self._cohesive(key):
                    loose.update(self._members[key])
                    budget -= size
                else:
                    whole.add(key)
        return loose, whole

    def _cohesive(self, key: str) -> bool:
        """Whether a story's articles are on average at least `cohesive` similar to one another.

        Such a story is one event told again and again (two articles of one event score about 0.9;
        a story that holds two events, about 0.6): re-clustering it article by article would give
        it back, at a cost that grows with the stories a batch lands in, so it joins the re-run
        whole. The mean comes from the story's summed vectors, less each article's own pair."""
        members = self._members[key]
        n, p = len(members), self.params
        if n <= p.tiny:
            return False
        summary = self._summaries.get(key) or self._summary(members)
        pairs = Linkage({0: summary, 1: summary}, p).score(0, 1) * n * n  # every ordered pair
        # Each article with itself: text 1, entities 1 at most (so the mean is not overstated).
        return (pairs - n * (1.0 + p.entity_weight)) / (n * (n - 1)) >= p.cohesive

    def _touched(self, node: _Node) -> list[str]:
        """The stories of an article's neighbours, the most strongly linked first."""
        strength: dict[str, float] = {}
        for other, weight in node.edges.items():
            key = self._assigned.get(other)
            if key is not None:
                strength[key] = max(strength.get(key, weight), weight)
        return sorted(strength, key=lambda k: (-strength[k], k))

    def _recluster(self, loose: set[str], whole: set[str]) -> None:
        """Average-link clustering of the loose articles and the whole stories, as items."""
        items = sorted([[a] for a in loose] + [self._members[k] for k in whole],
                       key=lambda members: self._nodes[members[0]].rank)
        for article in loose:
            node = self._nodes[article]
            if not node.linked:  # restored from a store: find its nearest now that it is needed
                self._connect_nearest(node, self._features(node))
            self._refresh_edges(node)
        graph = self._graph(items, loose)
        summaries = [self._summary(members, take=True) for members in items]  # their keys go next
        for key in {self._assigned[a] for a in loose if a in self._assigned} | whole:
            del self._members[key]
            self._summaries.pop(key, None)
        items, summaries = self._agglomerate(items, summaries, graph, self.params, loose)
        claimed: set[str] = set()
        for members, summary in zip(items, summaries, strict=True):
            members.sort(key=lambda a: self._nodes[a].rank)
            key = self._key(members, claimed)
            claimed.add(key)
            self._assign(key, members)
            self._summaries[key] = summary

    def _agglomerate(self, items: list[list[str]], summaries: list[Summary],
                     graph: dict[int, dict[int, float]], params: StoryParams,
                     loose: set[str]) -> tuple[list[list[str]], list[Summary]]:
        """Average-link clusters of the items (lists of articles) at `params`' threshold, with
        their merged summaries: first the articles' edges say which clusters may merge, then,
        until no merge is left, the heavy terms and entities the clusters share. An edge between
        two loose articles was scored with `params`' weights and is their link."""
        shared = False
        while True:
            linkage = Linkage(dict(enumerate(summaries)), params)
            if not shared:
                for n, row in graph.items():
                    if items[n][0] in loose:
                        for m, weight in row.items():
                            if items[m][0] in loose:
                                linkage.know(n, m, weight)
            clusters = average_link(graph, params.threshold, linkage)
            if shared and len(clusters) == len(items):
                return items, summaries
            items = [[a for p in c for a in items[p]] for c in clusters]
            summaries = [next(linkage.summaries[p] for p in c if p in linkage.summaries) for c in clusters]
            graph, shared = self._shared_features(summaries), True

    def _shared_features(self, summaries: Sequence[Summary]) -> dict[int, dict[int, float]]:
        """Clusters that share heavy terms or entities, as candidates: the edges between articles
        miss clusters of near-copies whose nearest articles all lie inside them."""
        postings: dict[str, list[int]] = {}
        features = [s.features(self.params.index_terms, self.params.index_entities) for s in summaries]
        for n, found in enumerate(features):
            for feature in found:
                postings.setdefault(feature, []).append(n)
        graph: dict[int, dict[int, float]] = {n: {} for n in range(len(summaries))}
        for n, found in enumerate(features):
            hits = Counter(m for f in found for m in postings[f][-self.params.max_postings:] if m != n)
            for m in sorted(hits, key=lambda m: (-hits[m], m))[:self.params.neighbours]:
                graph[n][m] = graph[m][n] = 0.0
        return graph

    def _graph(self, items: Sequence[Sequence[str]], loose: set[str]) -> dict[int, dict[int, float]]:
        """The loose articles' edges between items, by position; an edge into a whole story joins it."""
        position = {m[0]: n for n, m in enumerate(items) if m[0] in loose}
        stories = {self._assigned[m[0]]: n for n, m in enumerate(items) if m[0] not in loose}
        graph: dict[int, dict[int, float]] = {n: {} for n in range(len(items))}
        for article, n in position.items():
            for other, weight in self._nodes[article].edges.items():
                m = position.get(other, stories.get(self._assigned.get(other, "")))
                if m is not None and m != n:
                    graph[n][m] = graph[m][n] = weight
        return graph

    def _summary(self, members: Sequence[str], take: bool = False) -> Summary:
        """The summed vectors and dates of a story or one article: a copy, since merges change
        it, unless `take` (the story's kept summary is dropped right after, so it is handed over)."""
        cached = self._summaries.get(self._assigned.get(members[0], ""))
        documents = self._terms.documents
        if cached and cached.size == len(members) and documents <= cached.stamp * (1 + self.params.drift):
            return cached if take else cached.copy()
        summary, *others = (Summary(self._weighed(self._nodes[a]), documents) for a in members)
        for other in others:
            summary.absorb(other, self.params.summary_terms)
        return summary

    def _weighed(self, node: _Node) -> _Node:
        self._weigh(node)
        return node

    def _refresh_edges(self, node: _Node) -> None:
        """Recompute an article's edges once its weights changed; an edge that falls to 0 goes."""
        self._weigh(node)
        if node.edge_stamp == node.stamp:
            return
        node.edge_stamp = node.stamp
        article = node.doc.article_id
        for other in list(node.edges):
            peer = self._nodes[other]
            weight = self._similarity(node, peer)
            for a, b in ((node, other), (peer, article)):
                if weight <= 0:
                    del a.edges[b]
                    a.own.pop(b, None)
                else:
                    a.edges[b] = weight
                    if b in a.own:
                        a.own[b] = weight

    def _key(self, members: Sequence[str], claimed: set[str]) -> str:
        """A story's key: the key its earliest pinned article was given, else that of its earliest."""
        pinned = (self._nodes[m].pinned for m in members)
        return next((k for k in pinned if k is not None and k not in claimed), story_key(members[0]))

    def _assign(self, key: str, articles: Iterable[str]) -> None:
        members = self._members.setdefault(key, [])
        members.extend(articles)
        members.sort(key=lambda a: self._nodes[a].seq)
        for article in articles:
            self._assigned[article] = key

    # --- story records --------------------------------------------------------------------

    def _record(self, key: str, entities: int) -> Story:
        return Story(key, story_title(self, key), self.members(key), *self._span(self._members[key]),
                     tuple(main_entities(self, key, entities)), tuple(self.events(key)))

    def _member_nodes(self, key: str) -> list[_Node]:
        return [self._nodes[m] for m in self._members[key]]


def _most_hit(postings: Sequence[array], recent: int, count: int) -> list[int]:
    """The `count` articles (by `seq`) listed most often in the `recent` last entries of the
    postings, the most recent first among equals."""
    # numpy reads the arrays in place: counting a few thousand entries this way costs a fifth of
    # a Counter's, and a full index (a dense feed) gives every article that many to count.
    if not postings:
        return []
    listed = np.concatenate([np.frombuffer(posting, dtype=np.int64)[-recent:] for posting in postings])
    seqs, hits = np.unique(listed, return_counts=True)
    return seqs[np.lexsort((-seqs, -hits))[:count]].tolist()


def story_key(article_id: str) -> str:
    """The key of a story whose earliest article (by date, then id) is this one."""
    return _key("story", article_id)


def _key(kind: str, article_id: str) -> str:
    """A story's or an event's key, from its earliest article."""
    return f"{kind}-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def story_title(index: StoryIndex, key: str) -> str:
    """The title that best covers the story's central terms, or its main entities when none has one."""
    nodes = index._member_nodes(key)
    central = top(summed(index._terms.weighted(n.tf) for n in nodes), 20)
    titles = [n.doc.title for n in nodes if n.doc.title]
    if titles:
        weight = dict(zip(central, range(len(central), 0, -1), strict=True))
        best = max(enumerate(titles), key=lambda item: (_cover(item[1], weight), -item[0]))
        return best[1]
    return ", ".join(main_entities(index, key, 3)) or " ".join(central[:5])


def main_entities(index: StoryIndex, key: str, count: int) -> list[str]:
    """The story's most mentioned entities, spelled as first seen in its articles."""
    nodes = index._member_nodes(key)
    spelling: dict[str, str] = {}
    for node in nodes:
        for name in node.doc.entities:
            spelling.setdefault(name.casefold(), name)
    return [spelling[n] for n in top(summed(n.names for n in nodes), count)]


def cluster(docs: Iterable[StoryDoc], params: StoryParams | None = None, **overrides) -> dict[str, str]:
    """Cluster articles as one batch (their order does not matter); article id -> story key."""
    return StoryIndex(params, **overrides).add_batch(docs)


def story_doc(article: Article, analysis: Analysis) -> StoryDoc:
    """The clustering view of an analysed article: its named entities, by mention, and its dates."""
    entities = {e.id: e for e in analysis.entities}
    names = [(entities[m.entity_id].name, entities[m.entity_id].type) for m in analysis.mentions
             if m.entity_id in entities and m.kind == "name"]
    if article.published is None and analysis.inferred_published:
        article = replace(article, published=analysis.inferred_published, published_inferred=True)
    return stored_story_doc(article, names, analysis.timexes)


def stored_story_doc(article: Article, names: Iterable[tuple[str, str]],
                     timexes: Iterable[Timex]) -> StoryDoc:
    """The clustering view of a stored article, from its named mentions (name, entity type) in
    text order and its time expressions (see `Store.story_inputs`)."""
    kept = tuple(name for name, type_ in names if type_ in STORY_ENTITY_TYPES)
    dates = tuple(t.value for t in timexes if t.type == "DATE" and _YEAR.match(t.value))
    return StoryDoc(article.id, article.text, article.title, article.published, kept, dates,
                    article.published_inferred)


def batch_order(doc: StoryDoc) -> tuple[bool, str, str]:
    """Dated articles first, by date, then undated ones, each by id: the order keys are taken in."""
    return doc.published is None, doc.published or "", doc.article_id


def _full_text(doc: StoryDoc) -> str:
    # The title is usually the first line of the text already; add it only when it is not.
    if doc.title and not doc.text.lstrip().startswith(doc.title.strip()):
        return f"{doc.title}\n{doc.text}"
    return doc.text


def _day(value: str | None) -> int | None:
    match = _DAY.match(value or "")
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).toordinal() if match else None
    except ValueError:
        return None


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def _years(values: Iterable[str]) -> list[str]:
    return [m[1] for m in map(_YEAR.match, values) if m]


def _cover(title: str, weight: Mapping[str, int]) -> int:
    return sum(weight.get(t, 0) for t in set(terms(title)))
