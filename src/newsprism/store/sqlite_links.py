"""The SQLite store's cross-article tables: stories, their articles, groups and conflicts.

A mixin of `SQLiteStore`, kept apart because linking reads and writes whole stories while
the rest of the store works one article at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from itertools import groupby

from ..errors import NotFound
from ..model import Analysis, Conflict, Entity, Story
from . import records


class LinkTables:
    """Stories, statement and quantity groups, and conflicts, for `SQLiteStore`."""

    conn = None  # set by SQLiteStore

    def analysis_of(self, article_id: str) -> Analysis:
        """What the per-article stages stored for one article, as an Analysis record."""
        row = self.conn.execute("SELECT analysis_version FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        mentions = tuple(records.mention(r) for r in self.conn.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", (article_id,)))
        roles = tuple(records.role(r) for r in self.conn.execute(
            "SELECT * FROM roles WHERE article_id = ? ORDER BY start_char", (article_id,)))
        return Analysis(article_id, row[0] or "", entities=self._article_entities(article_id),
                        mentions=mentions, roles=roles,
                        statements=tuple(self.iter_statements(article_id=article_id)),
                        quantities=tuple(self.iter_quantities(article_id=article_id)),
                        timexes=tuple(self.iter_timexes(article_id=article_id)))

    def _article_entities(self, article_id: str) -> tuple[Entity, ...]:
        rows = self.conn.execute(
            "SELECT e.id, e.name, e.type, group_concat(DISTINCT m.text) AS aliases FROM entities e "
            "JOIN mentions m ON m.entity_id = e.id WHERE m.article_id = ? AND m.kind = 'name' "
            "GROUP BY e.id ORDER BY min(m.start_char)", (article_id,))
        return tuple(Entity(r["id"], r["name"], r["type"], records.aliases(r["aliases"])) for r in rows)

    def unlinked_articles(self) -> list[str]:
        """Analysed articles in no story yet, oldest publication first (ties by id)."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
            "WHERE s.article_id IS NULL AND a.analysis_version IS NOT NULL "
            "ORDER BY coalesce(a.published, ''), a.id")
        return [r[0] for r in rows]

    def story_assignments(self) -> dict[str, str]:
        """Article id -> story id, for every linked article, in story and article order."""
        rows = self.conn.execute(
            "SELECT s.article_id, s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "ORDER BY coalesce(a.published, ''), a.id")
        return {r[0]: r[1] for r in rows}

    def story_inputs(self, article_ids: Sequence[str]) -> list:
        """What linking reads of some articles, in a few queries: each article (in the order
        given) with its named mentions as (entity name, type) and its time expressions."""
        marks = ", ".join("?" * len(article_ids))
        ids = tuple(article_ids)
        return records.story_inputs(
            ids, self.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids),
            self.conn.execute("SELECT m.article_id, e.name, e.type FROM mentions m JOIN entities e "
                              f"ON e.id = m.entity_id WHERE m.kind = 'name' AND m.article_id IN ({marks}) "
                              "ORDER BY m.article_id, m.start_char", ids),
            self.conn.execute(f"SELECT * FROM timexes WHERE article_id IN ({marks}) "
                              "ORDER BY article_id, start_char", ids))

    def save_story(self, story: Story, statement_groups: Mapping[str, str],
                   quantity_groups: Mapping[str, str], conflicts: Sequence[Conflict],
                   copies: Mapping[str, str] | None = None) -> None:
        """Write one story whole, in one transaction: its articles (with the earlier article
        each copy repeats, `copies`), groups and conflicts."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO stories (id, title, start, end, entities, events) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, start = excluded.start, "
                "end = excluded.end, entities = excluded.entities, events = excluded.events",
                (story.id, story.title, story.start, story.end, json.dumps(story.entities),
                 json.dumps(records.events_data(story))))
            self.conn.executemany("INSERT OR REPLACE INTO story_articles (article_id, story_id, copy_of) "
                                  "VALUES (?, ?, ?)",
                                  [(a, story.id, (copies or {}).get(a)) for a in story.article_ids])
            self._write_groups(story.article_ids, statement_groups, quantity_groups)
            self.conn.execute("DELETE FROM conflicts WHERE story_id = ?", (story.id,))
            self.conn.executemany(
                "INSERT OR REPLACE INTO conflicts (id, story_id, kind, status, summary, sides, confidence, "
                "reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(c.id, story.id, c.kind, c.status, c.summary, records.sides_json(c), c.confidence,
                  json.dumps(list(c.reasons))) for c in conflicts])

    def _write_groups(self, article_ids, statement_groups, quantity_groups) -> None:
        for table, groups in (("statements", statement_groups), ("quantities", quantity_groups)):
            self.conn.executemany(f"UPDATE {table} SET group_id = NULL WHERE article_id = ?",
                                  [(a,) for a in article_ids])
            self.conn.executemany(f"UPDATE {table} SET group_id = ? WHERE id = ?",
                                  [(group, member) for member, group in sorted(groups.items())])

    def iter_stories(self, limit: int | None = None, offset: int = 0) -> Iterator[Story]:
        """Stories, the most covered first (ties by earliest start, then id)."""
        rows = self.conn.execute(
            "SELECT st.*, count(sa.article_id) AS n FROM stories st "
            "JOIN story_articles sa ON sa.story_id = st.id GROUP BY st.id "
            "ORDER BY n DESC, coalesce(st.start, ''), st.id LIMIT ? OFFSET ?", (limit or -1, offset))
        return (self._story(r) for r in rows.fetchall())

    def count_stories(self) -> int:
        """How many stories hold at least one article."""
        return self.conn.execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchone()[0]

    def get_story(self, story_id: str) -> Story:
        """The story with this id; raises NotFound."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound("story", story_id)
        return self._story(row)

    def _story(self, row) -> Story:
        members = tuple(r[0] for r in self.conn.execute(
            "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY coalesce(a.published, ''), a.id", (row["id"],)))
        return records.story(row, members)

    def iter_conflicts(self, story_id: str | None = None, limit: int | None = None,
                       offset: int = 0, min_confidence: float = 0.0) -> Iterator[Conflict]:
        """Stored conflicts, of one story or all, in story and discovery order (a slice of them
        with `limit` and `offset`), of at least `min_confidence`."""
        window = (-1 if limit is None else limit, offset)
        if story_id is None:
            rows = self.conn.execute("SELECT * FROM conflicts WHERE confidence >= ? ORDER BY story_id, pk "
                                     "LIMIT ? OFFSET ?", (min_confidence, *window))
        else:
            rows = self.conn.execute("SELECT * FROM conflicts WHERE story_id = ? AND confidence >= ? "
                                     "ORDER BY pk LIMIT ? OFFSET ?", (story_id, min_confidence, *window))
        return (records.conflict(r) for r in rows.fetchall())

    def count_conflicts(self, min_confidence: float = 0.0) -> int:
        """How many conflicts of at least `min_confidence` are stored."""
        return self.conn.execute("SELECT count(*) FROM conflicts WHERE confidence >= ?",
                                 (min_confidence,)).fetchone()[0]

    def iter_groups(self, story_id: str | None = None) -> Iterator[dict]:
        """Aligned statements and quantities, one record per group with its corroboration:
        how many independent outlets report it (a copy counts as the outlet it copies;
        articles without a source are one unknown outlet)."""
        # One story: start from its articles, so the indexes on article_id do the work.
        scope = ("(SELECT article_id, story_id, copy_of FROM story_articles WHERE story_id = ?)"
                 if story_id is not None else "story_articles")
        rows = self.conn.execute(
            f"SELECT g.kind, g.group_id, g.id, g.article_id, {records.OUTLET_SQL} AS outlet, "
            f"sa.story_id FROM {scope} sa JOIN (SELECT 'statement' AS kind, group_id, id, article_id "
            "FROM statements WHERE group_id IS NOT NULL UNION ALL SELECT 'quantity', group_id, id, "
            "article_id FROM quantities WHERE group_id IS NOT NULL) g ON g.article_id = sa.article_id "
            "JOIN articles a ON a.id = g.article_id LEFT JOIN articles o ON o.id = sa.copy_of "
            "ORDER BY g.group_id, g.article_id, g.id",
            () if story_id is None else (story_id,))
        for group_id, members in groupby(rows, key=lambda r: r["group_id"]):
            yield records.group(group_id, list(members))

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it is linked."""
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                (article_id,)).fetchone()
        return row[0] if row else None

    def drop_empty_stories(self) -> int:
        """Remove stories left with no article; how many went."""
        return self.conn.execute(
            "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)").rowcount
