"""The Store protocol: what every storage backend offers the rest of newsprism."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from ..model import Analysis, Article, Conflict, Entity, Mention, Quantity, Statement, Story, Timex


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result."""

    article_id: str
    title: str | None
    snippet: str
    score: float

    def as_dict(self) -> dict:
        """The hit as a JSON-ready dict."""
        return {"article_id": self.article_id, "title": self.title,
                "snippet": self.snippet, "score": self.score}


class Store(Protocol):
    """Where articles and everything found in them are kept."""

    url: str

    def transaction(self) -> AbstractContextManager:
        """A block whose writes are stored all together or not at all; re-entrant (an inner
        block joins the outer transaction)."""

    def add_article(self, article: Article, analysis: Analysis | None = None) -> bool:
        """Write an article (and its analysis) in one transaction; False if already stored."""

    def duplicate_of(self, article: Article) -> str | None:
        """The id of a stored article with the same id or the same text, if any."""

    def save_analysis(self, analysis: Analysis) -> None:
        """Replace what is stored from one article's analysis, in one transaction."""

    def pending_analysis(self, version: str) -> list[str]:
        """Ids of stored articles not yet analysed by this version of the pipeline."""

    def get_article(self, article_id: str) -> Article:
        """The article with this id; raises NotFound."""

    def iter_articles(self, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in ingestion order, streamed."""

    def count_articles(self) -> int:
        """How many articles are stored."""

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best first."""

    def iter_statements(self, article_id: str | None = None, speaker: str | None = None
                        ) -> Iterator[Statement]:
        """Stored statements in article and text order, optionally of one article or speaker."""

    def iter_entities(self, type_: str | None = None, story_id: str | None = None) -> Iterator[Entity]:
        """Stored entities with their aliases and roles, most mentioned first (only those named
        somewhere), optionally of one type or story."""

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id, or the one it was merged into; raises NotFound."""

    def entity_profile(self, entity_id: str) -> dict:
        """An entity's mention and article counts and its roles, each with article and date."""

    def iter_mentions(self, article_id: str | None = None) -> Iterator[Mention]:
        """Every stored mention (of one article, or all), in article and text order."""

    def iter_quantities(self, article_id: str | None = None, subject: str | None = None
                        ) -> Iterator[Quantity]:
        """Stored quantities in article and text order, optionally of one article or subject."""

    def iter_timexes(self, article_id: str | None = None) -> Iterator[Timex]:
        """Stored time expressions in article and text order."""

    def set_published(self, article_id: str, published: str, inferred: bool = True) -> None:
        """Record a publication date found after ingestion."""

    def stats(self) -> dict:
        """Counts for a summary of the store."""

    # Cross-article linking: stories, aligned groups and conflicts.

    def analysis_of(self, article_id: str) -> Analysis:
        """What the per-article stages stored for one article; raises NotFound."""

    def unlinked_articles(self) -> list[str]:
        """Analysed articles in no story yet, oldest publication first (ties by id)."""

    def story_assignments(self) -> dict[str, str]:
        """Article id -> story id for every linked article, by publication date and id."""

    def story_inputs(self, article_ids: Sequence[str]) -> list[tuple[Article, tuple[tuple[str, str], ...],
                                                                  tuple[Timex, ...]]]:
        """Each article (in the order given, missing ones left out) with its named mentions as
        (entity name, entity type) in text order and its time expressions: what linking reads."""

    def save_story(self, story: Story, statement_groups: Mapping[str, str],
                   quantity_groups: Mapping[str, str], conflicts: Sequence[Conflict],
                   copies: Mapping[str, str] | None = None) -> None:
        """Write one story whole, in one transaction: its articles (with the earlier article
        each copy repeats, `copies`), groups and conflicts."""

    def iter_stories(self, limit: int | None = None, offset: int = 0) -> Iterator[Story]:
        """Stories with articles, most covered first (ties by earliest start, then id)."""

    def count_stories(self) -> int:
        """How many stories hold at least one article."""

    def get_story(self, story_id: str) -> Story:
        """The story with this id; raises NotFound."""

    def iter_conflicts(self, story_id: str | None = None, limit: int | None = None,
                       offset: int = 0, min_confidence: float = 0.0) -> Iterator[Conflict]:
        """Stored conflicts, of one story or all, in story and discovery order (a slice of them
        with `limit` and `offset`), of at least `min_confidence`."""

    def count_conflicts(self, min_confidence: float = 0.0) -> int:
        """How many conflicts of at least `min_confidence` are stored."""

    def iter_groups(self, story_id: str | None = None) -> Iterator[dict]:
        """Aligned statements and quantities, one record per group with its corroboration."""

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it is linked."""

    def drop_empty_stories(self) -> int:
        """Remove stories left with no article; how many went."""

    # One speaker across the store (store/speakers.py, shared by both backends).

    def count_utterances(self, entity_id: str, where=None) -> int:
        """How many utterances (statement groups, or lone statements) of a speaker a filter keeps."""

    def speaker_utterances(self, entity_id: str, where=None, limit: int = 20, offset: int = 0) -> list:
        """One page of a speaker's utterances, earliest first, each with every outlet's version."""

    def speaker_figures(self, entity_id: str, limit: int = 500) -> list:
        """The numbers inside a speaker's statements, with publication date and source."""

    def entity_story_ids(self, entity_id: str, limit: int = 200) -> list[str]:
        """The stories that name an entity, the most recently published first."""

    def entity_spans(self, entity_id: str, article_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Where an entity is named or speaks in some articles."""

    # The browsable indexes (store/indexes.py, shared by both backends).

    def index_rows(self, index: str, where, sort: str = "newest", limit: int = 20,
                   offset: int = 0) -> list[dict]:
        """One page of the statements, claims or articles index."""

    def index_facets(self, index: str, where) -> dict[str, list[tuple[str, int]]]:
        """Facet counts of an index over the rows the filter keeps stored last."""

    def count_rows(self, index: str, where) -> int:
        """How many rows of an index a filter keeps."""

    def statements_by_id(self, ids: Sequence[str]) -> dict[str, Statement]:
        """Stored statements by id."""

    def quantities_by_id(self, ids: Sequence[str]) -> dict[str, Quantity]:
        """Stored quantities by id."""

    def refresh_entity_counts(self) -> None:
        """Recount every entity's mentions (linking does, after resolving)."""

    def entity_index(self, query: str = "", type_: str | None = None, limit: int = 20,
                     offset: int = 0, sort: str = "mentions") -> list[str]:
        """Ids of a page of named entities, most mentioned first (or by name), matching a name or alias."""

    def entity_type_counts(self, query: str = "") -> dict[str, int]:
        """How many named entities of each type match a name or alias."""

    def refresh_statistics(self) -> None:
        """Refresh what the database's query planner knows of the tables (after large writes)."""

    def close(self) -> None:
        """Release the connection."""
