"""The PostgreSQL store's cross-article tables: stories, their articles, groups and conflicts.

A mixin of `PostgresStore`, the counterpart of `sqlite_links.LinkTables`: the same methods,
the same answers in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import groupby

from psycopg.types.json import Json

from ..errors import NotFound
from ..model import Analysis, Conflict, Entity, Story
from . import records

# Articles of a story are listed by publication date, then id (code point order, as SQLite).
_ARTICLE_ORDER = """coalesce(a.published, '') COLLATE "C", a.id COLLATE "C\""""

# Each story with its articles, in one query (`n` = how many).
_STORY_QUERY = f"""
    SELECT st.*, coalesce(m.ids, '{{}}') AS article_ids, coalesce(m.n, 0) AS n FROM stories st
    LEFT JOIN LATERAL (SELECT array_agg(sa.article_id ORDER BY {_ARTICLE_ORDER}) AS ids, count(*) AS n
                       FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                       WHERE sa.story_id = st.id) m ON true"""


class PostgresLinkTables:
    """Stories, statement and quantity groups, and conflicts, for `PostgresStore`."""

    def analysis_of(self, article_id: str) -> Analysis:
        """What the per-article stages stored for one article, as an Analysis record."""
        row = self._sql("SELECT analysis_version FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        mentions = tuple(records.mention(r) for r in self._sql(
            "SELECT * FROM mentions WHERE article_id = %s ORDER BY start_char, pk", (article_id,)))
        roles = tuple(records.role(r) for r in self._sql(
            "SELECT * FROM roles WHERE article_id = %s ORDER BY start_char, pk", (article_id,)))
        statements = tuple(self.iter_statements(article_id=article_id))
        return Analysis(article_id, row["analysis_version"] or "", self._article_entities(article_id),
                        mentions, roles, statements, tuple(self.iter_quantities(article_id=article_id)),
                        tuple(self.iter_timexes(article_id=article_id)))

    def _article_entities(self, article_id: str) -> tuple[Entity, ...]:
        rows = self._sql(
            "SELECT e.id, e.name, e.type, string_agg(DISTINCT m.text, ',') AS aliases FROM entities e "
            "JOIN mentions m ON m.entity_id = e.id WHERE m.article_id = %s AND m.kind = 'name' "
            'GROUP BY e.id ORDER BY min(m.start_char), e.id COLLATE "C"', (article_id,))
        return tuple(Entity(r["id"], r["name"], r["type"], records.aliases(r["aliases"])) for r in rows)

    def unlinked_articles(self) -> list[str]:
        """Analysed articles in no story yet, oldest publication first (ties by id)."""
        rows = self._sql(
            "SELECT a.id FROM articles a WHERE a.analysis_version IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY {_ARTICLE_ORDER}")
        return [r["id"] for r in rows]

    def story_assignments(self) -> dict[str, str]:
        """Article id -> story id, for every linked article, in story and article order."""
        rows = self._sql("SELECT s.article_id, s.story_id FROM story_articles s "
                         f"JOIN articles a ON a.id = s.article_id ORDER BY {_ARTICLE_ORDER}")
        return {r["article_id"]: r["story_id"] for r in rows}

    def story_inputs(self, article_ids: Sequence[str]) -> list:
        """What linking reads of some articles, in a few queries: each article (in the order
        given) with its named mentions as (entity name, type) and its time expressions."""
        ids = list(article_ids)
        return records.story_inputs(
            ids, self._sql("SELECT * FROM articles WHERE id = ANY(%s)", (ids,)).fetchall(),
            self._sql("SELECT m.article_id, e.name, e.type FROM mentions m JOIN entities e "
                      "ON e.id = m.entity_id WHERE m.kind = 'name' AND m.article_id = ANY(%s) "
                      "ORDER BY m.article_id, m.start_char, m.pk", (ids,)).fetchall(),
            self._sql("SELECT * FROM timexes WHERE article_id = ANY(%s) "
                      "ORDER BY article_id, start_char, pk", (ids,)).fetchall())

    def save_story(self, story: Story, statement_groups: Mapping[str, str],
                   quantity_groups: Mapping[str, str], conflicts: Sequence[Conflict],
                   copies: Mapping[str, str] | None = None) -> None:
        """Write one story whole, in one transaction: its articles (with the earlier article
        each copy repeats, `copies`), groups and conflicts."""
        with self.transaction():
            self._sql(
                'INSERT INTO stories (id, title, start, "end", entities, events) '
                "VALUES (%s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, start = excluded.start, "
                '"end" = excluded."end", entities = excluded.entities, events = excluded.events',
                (story.id, story.title, story.start, story.end, Json(list(story.entities)),
                 Json(records.events_data(story))))
            self._many("INSERT INTO story_articles (article_id, story_id, copy_of) VALUES (%s, %s, %s) "
                       "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
                       "copy_of = excluded.copy_of",
                       [(a, story.id, (copies or {}).get(a)) for a in story.article_ids])
            self._write_groups(story.article_ids, statement_groups, quantity_groups)
            self._write_conflicts(story.id, conflicts)

    def _write_groups(self, article_ids, statement_groups, quantity_groups) -> None:
        for table, groups in (("statements", statement_groups), ("quantities", quantity_groups)):
            self._sql(f"UPDATE {table} SET group_id = NULL WHERE article_id = ANY(%s)", (list(article_ids),))
            members = sorted(groups.items())
            self._sql(f"UPDATE {table} t SET group_id = g.group_id "
                      "FROM unnest(%s::text[], %s::text[]) AS g(id, group_id) WHERE t.id = g.id",
                      ([m for m, _ in members], [g for _, g in members]))

    def _write_conflicts(self, story_id: str, conflicts: Sequence[Conflict]) -> None:
        # As SQLite's INSERT OR REPLACE: a conflict found again replaces the stored one (in any
        # story), and of two with one id in this batch the later wins, in the later place.
        latest: dict[str, Conflict] = {}
        for conflict in conflicts:
            latest.pop(conflict.id, None)
            latest[conflict.id] = conflict
        self._sql("DELETE FROM conflicts WHERE story_id = %s OR id = ANY(%s)", (story_id, list(latest)))
        self._many("INSERT INTO conflicts (id, story_id, kind, status, summary, sides, confidence, reasons) "
                   "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                   [(c.id, story_id, c.kind, c.status, c.summary, records.sides_json(c), c.confidence,
                     Json(list(c.reasons)))
                    for c in latest.values()])

    def iter_stories(self, limit: int | None = None, offset: int = 0) -> Iterator[Story]:
        """Stories, the most covered first (ties by earliest start, then id)."""
        rows = self._sql(f"{_STORY_QUERY} WHERE m.n > 0 "
                         'ORDER BY m.n DESC, coalesce(st.start, \'\') COLLATE "C", st.id COLLATE "C" '
                         "LIMIT %s OFFSET %s", (limit, offset))
        return (records.story(r, r["article_ids"]) for r in rows)

    def count_stories(self) -> int:
        """How many stories hold at least one article."""
        return self._sql("SELECT count(DISTINCT story_id) AS n FROM story_articles").fetchone()["n"]

    def get_story(self, story_id: str) -> Story:
        """The story with this id; raises NotFound."""
        row = self._sql(f"{_STORY_QUERY} WHERE st.id = %s", (story_id,)).fetchone()
        if row is None:
            raise NotFound("story", story_id)
        return records.story(row, row["article_ids"])

    def iter_conflicts(self, story_id: str | None = None, limit: int | None = None,
                       offset: int = 0, min_confidence: float = 0.0) -> Iterator[Conflict]:
        """Stored conflicts, of one story or all, in story and discovery order (a slice of them
        with `limit` and `offset`), of at least `min_confidence`."""
        where, params = records.where_clause(("story_id = %s", story_id),
                                             ("confidence >= %s", min_confidence))
        rows = self._sql(f'SELECT * FROM conflicts {where} ORDER BY story_id COLLATE "C", pk '
                         "LIMIT %s OFFSET %s", (*params, limit, offset))
        return (records.conflict(r) for r in rows)

    def count_conflicts(self, min_confidence: float = 0.0) -> int:
        """How many conflicts of at least `min_confidence` are stored."""
        return self._sql("SELECT count(*) AS n FROM conflicts WHERE confidence >= %s",
                         (min_confidence,)).fetchone()["n"]

    def iter_groups(self, story_id: str | None = None) -> Iterator[dict]:
        """Aligned statements and quantities, one record per group with its corroboration:
        how many independent outlets report it (a copy counts as the outlet it copies;
        articles without a source are one unknown outlet)."""
        where, params = records.where_clause(("sa.story_id = %s", story_id))
        rows = self._sql(
            f"SELECT g.kind, g.group_id, g.id, g.article_id, {records.OUTLET_SQL} AS outlet, "
            "sa.story_id FROM story_articles sa JOIN (SELECT 'statement' AS kind, group_id, id, article_id "
            "FROM statements WHERE group_id IS NOT NULL UNION ALL SELECT 'quantity', group_id, id, "
            "article_id FROM quantities WHERE group_id IS NOT NULL) g ON g.article_id = sa.article_id "
            f"JOIN articles a ON a.id = g.article_id LEFT JOIN articles o ON o.id = sa.copy_of {where} "
            'ORDER BY g.group_id COLLATE "C", g.article_id COLLATE "C", g.id COLLATE "C"', params)
        for group_id, members in groupby(rows, key=lambda r: r["group_id"]):
            yield records.group(group_id, list(members))

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it is linked."""
        row = self._sql("SELECT story_id FROM story_articles WHERE article_id = %s", (article_id,)).fetchone()
        return row["story_id"] if row else None

    def drop_empty_stories(self) -> int:
        """Remove stories left with no article; how many went."""
        return self._sql("DELETE FROM stories st WHERE NOT EXISTS "
                         "(SELECT 1 FROM story_articles sa WHERE sa.story_id = st.id)").rowcount
