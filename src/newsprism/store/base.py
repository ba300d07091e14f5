"""The Store protocol: what every storage backend offers the rest of newsprism."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from ..model import Analysis, Article, Entity, Quantity, Statement, Timex


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

    def iter_entities(self, type_: str | None = None) -> Iterator[Entity]:
        """Stored entities with their aliases and roles, most mentioned first."""

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id; raises NotFound."""

    def iter_quantities(self, article_id: str | None = None, subject: str | None = None
                        ) -> Iterator[Quantity]:
        """Stored quantities in article and text order, optionally of one article or subject."""

    def iter_timexes(self, article_id: str | None = None) -> Iterator[Timex]:
        """Stored time expressions in article and text order."""

    def set_published(self, article_id: str, published: str, inferred: bool = True) -> None:
        """Record a publication date found after ingestion."""

    def stats(self) -> dict:
        """Counts for a summary of the store."""

    def close(self) -> None:
        """Release the connection."""
