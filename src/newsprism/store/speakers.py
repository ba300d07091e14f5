"""What one speaker said across the store, page by page: the same SQL for both backends (`?`
placeholders; the PostgreSQL store's `_query` turns them into its own).

An utterance is a statement group (the same statement aligned across outlets), or a statement
no other outlet carried. Utterances are listed earliest report first and read a page at a
time, so a speaker with thousands of statements never loads them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Quantity, Statement
from . import records
from .indexes import INDEX_FROM, IndexFilter, index_where


def _said(entity_id: str, where: IndexFilter | None) -> tuple[str, list]:
    """The statements index's WHERE clause for one speaker's statements the filter keeps."""
    return index_where("statements", replace(where or IndexFilter(), speaker=entity_id))


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's report of an utterance: the statement and its article's metadata."""

    statement: Statement
    title: str | None
    source: str | None
    published: str | None
    story_id: str | None


class SpeakerQueries:
    """A speaker's utterances and figures, over a backend's `_query(sql, params)`."""

    def count_utterances(self, entity_id: str, where: IndexFilter | None = None) -> int:
        """How many utterances of the speaker the filter (story, kind, outlet, dates) keeps."""
        clause, params = _said(entity_id, where)
        row = self._query(f"SELECT count(DISTINCT coalesce(x.group_id, x.id)) AS n "
                          f"FROM {INDEX_FROM['statements']} {clause}", params).fetchone()
        return int(row["n"])

    def speaker_utterances(self, entity_id: str, where: IndexFilter | None = None, limit: int = 20,
                           offset: int = 0) -> list[list[Version]]:
        """One page of the speaker's utterances, earliest report first; each utterance is every
        outlet's version of it (a version by another speaker name included), earliest first."""
        clause, params = _said(entity_id, where)
        keys = [row["u"] for row in self._query(
            f"SELECT coalesce(x.group_id, x.id) AS u, min(coalesce(a.published, '9999')) AS first_seen, "
            f"min(a.pk) AS first_pk FROM {INDEX_FROM['statements']} {clause} "
            "GROUP BY coalesce(x.group_id, x.id) ORDER BY first_seen, first_pk, u LIMIT ? OFFSET ?",
            (*params, limit, offset))]
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        rows = self._query(
            "SELECT s.*, a.title AS a_title, a.source AS a_source, a.published AS a_published, "
            "sa.story_id AS a_story FROM statements s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN story_articles sa ON sa.article_id = s.article_id "
            f"WHERE s.group_id IN ({marks}) OR (s.group_id IS NULL AND s.id IN ({marks})) "
            "ORDER BY coalesce(a.published, '9999'), a.pk, s.content_start", (*keys, *keys))
        versions: dict[str, list[Version]] = {key: [] for key in keys}
        for row in rows:
            statement = records.statement(row)
            versions[statement.group_id or statement.id].append(
                Version(statement, row["a_title"], row["a_source"], row["a_published"], row["a_story"]))
        return [versions[key] for key in keys if versions[key]]

    def speaker_figures(self, entity_id: str, limit: int = 500
                        ) -> list[tuple[Quantity, str | None, str | None]]:
        """The numbers inside the speaker's statements, with each article's publication date and
        source, earliest first and undated last (at most `limit`, the latest kept)."""
        rows = self._query(
            "SELECT q.*, a.published AS a_published, a.source AS a_source FROM quantities q "
            "JOIN statements s ON s.article_id = q.article_id AND q.start_char >= s.content_start "
            "AND q.end_char <= s.content_end JOIN articles a ON a.id = q.article_id "
            "WHERE s.speaker_entity_id = ? ORDER BY coalesce(a.published, '9999') DESC, a.pk DESC, "
            "q.start_char DESC LIMIT ?", (entity_id, limit)).fetchall()
        return [(records.quantity(row), row["a_published"], row["a_source"]) for row in reversed(rows)]

    def entity_story_ids(self, entity_id: str, limit: int = 200) -> list[str]:
        """The stories that name the entity, the most recently published first."""
        rows = self._query(
            "SELECT sa.story_id, max(coalesce(a.published, '')) AS last FROM mentions m "
            "JOIN story_articles sa ON sa.article_id = m.article_id JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? GROUP BY sa.story_id ORDER BY last DESC, sa.story_id LIMIT ?",
            (entity_id, limit))
        return [row["story_id"] for row in rows]

    def entity_spans(self, entity_id: str, article_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Where the entity is named or speaks in these articles: article id -> (start, end) spans."""
        if not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        spans: dict[str, list[tuple[int, int]]] = {}
        for row in self._query(
                f"SELECT article_id, start_char AS s, end_char AS e FROM mentions WHERE entity_id = ? "
                f"AND article_id IN ({marks}) UNION ALL SELECT article_id, content_start, content_end "
                f"FROM statements WHERE speaker_entity_id = ? AND article_id IN ({marks})",
                (entity_id, *article_ids, entity_id, *article_ids)):
            spans.setdefault(row["article_id"], []).append((row["s"], row["e"]))
        return spans
