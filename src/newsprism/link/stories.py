"""Stories: articles about the same real-world event, grouped one article at a time.

Each new article is compared with a few candidate stories only, found through an inverted
index over every story's heaviest terms and entities, and joins the best one when the
similarity passes a threshold; otherwise it starts a story of its own. The similarity adds
three signals: TF-IDF cosine of the text, cosine of the entities named, and agreement of
publication and event dates. A story keeps a trimmed centroid of term and entity weights and
its date range, so memory per story is bounded and nothing is ever re-clustered.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice

from ..model import Analysis, Article, Story
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


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Weights, threshold and limits of the clusterer; the weights were tuned on ECB+ train."""

    threshold: float = 0.25
    text_weight: float = 1.0
    entity_weight: float = 0.5
    time_weight: float = 0.4
    coherence: float = 0.0  # 0: cosine with the centroid; 1: close to the mean similarity to members
    gap_days: float = 30.0  # publication gap at which date agreement has fallen to neutral
    centroid_terms: int = 300  # terms a story keeps (and entities: a third of that)
    index_terms: int = 25  # a story's terms listed in the inverted index
    index_entities: int = 10
    query_terms: int = 20  # an article's terms looked up in the index
    max_postings: int = 100  # most recent stories read from one index entry
    max_candidates: int = 30  # stories an article is scored against


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An article reduced to what scoring and joining read."""

    doc: StoryDoc
    tf: Vector  # unit-length sublinear term frequencies (no idf: idf is applied when scoring)
    names: Vector  # the same for entity names
    day: int | None  # publication date as an ordinal
    years: Counter[str]  # years of the dates mentioned


class _Centroid:
    """Summed unit-length frequency vectors of a story's articles, trimmed to the heaviest entries."""

    __slots__ = ("sums", "count", "coherence", "_vector", "_documents")

    def __init__(self) -> None:
        self.sums: Vector = {}
        self.count = 0
        self.coherence = 1.0  # length of the mean of the articles' unit vectors: 1 when all alike
        self._vector: Vector | None = None
        self._documents = 0

    def add(self, tf: Mapping[str, float], limit: int, df: DocumentFrequencies) -> None:
        """Add one article's frequencies; trim back to `limit` entries when twice over it."""
        for term, weight in tf.items():
            self.sums[term] = self.sums.get(term, 0.0) + weight
        self.count += 1
        if len(self.sums) > 2 * limit:
            kept = top({t: w * df.idf(t) for t, w in self.sums.items()}, limit)
            self.sums = {t: self.sums[t] for t in kept}
        self._vector = None

    def vector(self, df: DocumentFrequencies) -> Vector:
        """The idf-weighted unit vector, recomputed when the story changed or idf drifted."""
        if self._vector is None or df.documents > 2 * self._documents:
            self._vector = df.weighted(self.sums)
            self._documents = df.documents
            self.coherence = math.sqrt(sum(w * w for w in self.sums.values())) / max(self.count, 1)
        return self._vector


class _Story:
    """The state of one story: its articles, centroids, dates and the index entries it holds."""

    __slots__ = ("key", "seq", "article_ids", "titles", "text", "names", "labels", "years", "first", "last",
                 "features")

    def __init__(self, key: str, seq: int) -> None:
        self.key, self.seq = key, seq
        self.article_ids: list[str] = []
        self.titles: list[str] = []
        self.text, self.names = _Centroid(), _Centroid()
        self.labels: dict[str, str] = {}  # casefolded entity name -> the spelling first seen
        self.years: Counter[str] = Counter()
        self.first: int | None = None
        self.last: int | None = None
        self.features: tuple[str, ...] = ()

    def label(self, names: Iterable[str]) -> None:
        """Remember how the story's entities are spelled, for the ones its centroid still holds."""
        for name in names:
            self.labels.setdefault(name.casefold(), name)
        if len(self.labels) > 2 * len(self.names.sums):
            self.labels = {k: v for k, v in self.labels.items() if k in self.names.sums}

    def main_entities(self, count: int) -> list[str]:
        """The story's most mentioned entities, as spelled in its articles."""
        return [self.labels.get(n, n) for n in top(self.names.sums, count)]

    def add_dates(self, day: int | None, years: Counter[str]) -> None:
        """Widen the publication range and count the years mentioned."""
        self.years.update(years)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


class StoryIndex:
    """Incremental story clustering: each added article joins the best existing story or starts a new one."""

    def __init__(self, params: StoryParams | None = None, **overrides) -> None:
        self.params = replace(params or StoryParams(), **overrides)
        self._terms, self._names = DocumentFrequencies(), DocumentFrequencies()
        self._stories: dict[str, _Story] = {}
        self._assigned: dict[str, str] = {}
        self._postings: dict[str, dict[str, None]] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def add(self, doc: StoryDoc, story: str | None = None) -> str:
        """Place an article and return its story key; `story` puts it there unscored (rebuilds)."""
        if doc.article_id in self._assigned:
            return self._assigned[doc.article_id]
        prepared = self._prepare(doc)
        key = story if story is not None else self._choose(prepared)
        if key is None:
            key = story_key(doc.article_id)
        self._join(key, prepared)
        return key

    def assignments(self) -> dict[str, str]:
        """Article id -> story key, for every article added."""
        return dict(self._assigned)

    def members(self, key: str) -> tuple[str, ...]:
        """The article ids of one story, in the order they joined."""
        return tuple(self._stories[key].article_ids)

    def stories(self, entities: int = 5) -> list[Story]:
        """Every story as a record: title, articles, publication span and main entities."""
        return [self._record(story, entities) for story in self._stories.values()]

    def title(self, key: str) -> str:
        """A title for a story (see `story_title`)."""
        return story_title(self, key)

    def score(self, doc: StoryDoc, key: str) -> float:
        """How well an article fits a story, without adding it (for inspection and tests)."""
        prepared = self._reduce(doc)
        return self._score(prepared, self._weigh(prepared), self._stories[key])

    # --- placing an article ---------------------------------------------------------------

    def _reduce(self, doc: StoryDoc) -> _Prepared:
        words = terms(_full_text(doc))
        names = [n.casefold() for n in doc.entities]
        return _Prepared(doc, normalised(sublinear_tf(words)), normalised(sublinear_tf(names)),
                         _day(doc.published), Counter(_years(doc.dates + (doc.published or "",))))

    def _prepare(self, doc: StoryDoc) -> _Prepared:
        prepared = self._reduce(doc)
        self._terms.add(prepared.tf)
        self._names.add(prepared.names)
        return prepared

    def _weigh(self, doc: _Prepared) -> tuple[Vector, Vector]:
        return self._terms.weighted(doc.tf), self._names.weighted(doc.names)

    def _choose(self, doc: _Prepared) -> str | None:
        best_key, best = None, self.params.threshold
        vectors = self._weigh(doc)
        for key in self._candidates(doc, vectors[0]):
            value = self._score(doc, vectors, self._stories[key])
            if value > best:
                best_key, best = key, value
        return best_key

    def _candidates(self, doc: _Prepared, weighted: Vector) -> list[str]:
        hits: Counter[str] = Counter()
        for feature in self._query(doc, weighted):
            posting = self._postings.get(feature)
            if posting:
                hits.update(islice(reversed(posting), self.params.max_postings))
        ranked = sorted(hits.items(), key=lambda item: (-item[1], -self._stories[item[0]].seq))
        return [key for key, _ in ranked[:self.params.max_candidates]]

    def _query(self, doc: _Prepared, weighted: Vector) -> list[str]:
        names = top(doc.names, self.params.index_entities)
        return [f"t:{t}" for t in top(weighted, self.params.query_terms)] + [f"e:{n}" for n in names]

    def _score(self, doc: _Prepared, vectors: tuple[Vector, Vector], story: _Story) -> float:
        p = self.params
        text = cosine(vectors[0], story.text.vector(self._terms)) * story.text.coherence ** p.coherence
        names = cosine(vectors[1], story.names.vector(self._names)) * story.names.coherence ** p.coherence
        return p.text_weight * text + p.entity_weight * names + p.time_weight * self._agreement(doc, story)

    def _agreement(self, doc: _Prepared, story: _Story) -> float:
        """Date disagreement in [-1, 0]: distant publication dates or other event years; 0 is unknown."""
        # Close dates are no evidence (many stories run in the same week), distant ones are.
        penalty = 0.0
        if doc.day is not None and story.first is not None:
            gap = max(story.first - doc.day, doc.day - story.last, 0)
            penalty = 1.0 - math.exp(-gap * math.log(2) / self.params.gap_days)
        if doc.years and story.years:
            penalty = max(penalty, 1.0 - _share(doc.years, story.years))
        return -penalty

    def _join(self, key: str, doc: _Prepared) -> None:
        story = self._stories.get(key)
        if story is None:
            story = self._stories[key] = _Story(key, len(self._stories))
        story.article_ids.append(doc.doc.article_id)
        if doc.doc.title:
            story.titles.append(doc.doc.title)
        story.text.add(doc.tf, self.params.centroid_terms, self._terms)
        story.names.add(doc.names, self._entity_limit(), self._names)
        story.label(doc.doc.entities)
        story.add_dates(doc.day, doc.years)
        self._assigned[doc.doc.article_id] = key
        self._reindex(story)

    def _entity_limit(self) -> int:
        return max(1, self.params.centroid_terms // 3)

    def _reindex(self, story: _Story) -> None:
        """List the story under its current heaviest terms and entities, as the most recent entry."""
        for feature in story.features:
            del self._postings[feature][story.key]
        text = top(story.text.vector(self._terms), self.params.index_terms)
        names = top(story.names.sums, self.params.index_entities)
        story.features = tuple([f"t:{t}" for t in text] + [f"e:{n}" for n in names])
        for feature in story.features:
            self._postings.setdefault(feature, {})[story.key] = None

    def _record(self, story: _Story, entities: int) -> Story:
        return Story(story.key, story_title(self, story.key), tuple(story.article_ids),
                     _iso(story.first), _iso(story.last), tuple(story.main_entities(entities)))


def story_key(article_id: str) -> str:
    """The key of a story started by an article: stable across runs and stores."""
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def story_title(index: StoryIndex, key: str) -> str:
    """The title of the story's most central article, or its main entities when none has a title."""
    story = index._stories[key]
    central = top(story.text.vector(index._terms), 20)
    if story.titles:
        weight = dict(zip(central, range(len(central), 0, -1), strict=True))
        best = max(enumerate(story.titles), key=lambda item: (_cover(item[1], weight), -item[0]))
        return best[1]
    return ", ".join(story.main_entities(3)) or " ".join(central[:5])


def cluster(docs: Iterable[StoryDoc], params: StoryParams | None = None, **overrides) -> dict[str, str]:
    """Cluster articles in (publication date, id) order; article id -> story key."""
    index = StoryIndex(params, **overrides)
    for doc in sorted(docs, key=batch_order):
        index.add(doc)
    return index.assignments()


def story_doc(article: Article, analysis: Analysis) -> StoryDoc:
    """The clustering view of an analysed article: its named entities, by mention, and its dates."""
    kinds = {e.id: e for e in analysis.entities if e.type in STORY_ENTITY_TYPES}
    names = tuple(kinds[m.entity_id].name for m in analysis.mentions
                  if m.entity_id in kinds and m.kind == "name")
    dates = tuple(t.value for t in analysis.timexes if t.type == "DATE" and _YEAR.match(t.value))
    published = article.published or analysis.inferred_published
    return StoryDoc(article.id, article.text, article.title, published, names, dates)


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


def _share(years: Counter[str], story_years: Counter[str]) -> float:
    """How much the story is about one of the article's years: 1 when it is the story's main year."""
    # Background years ("she entered rehab in 2005") must not count against an article.
    return max(story_years.get(y, 0) for y in years) / max(story_years.values())


def _cover(title: str, weight: Mapping[str, int]) -> int:
    return sum(weight.get(t, 0) for t in set(terms(title)))


def batch_order(doc: StoryDoc) -> tuple[bool, str, str]:
    """Dated articles first, by date, then undated ones: stories form around the surest dates."""
    return doc.published is None, doc.published or "", doc.article_id
