"""The store-wide entity tables, the same SQL for both backends (`?` placeholders; the
PostgreSQL store's `_query` turns them into its own).

- `entity_links`: for each article's entity (its local id, as the per-article stage named it),
  the store-wide entity it is, with its name, type and how often the article names it;
- `entity_blocks`: the name keys (link/names.py) under which each entity is looked up;
- `entity_redirects`: ids merged into another entity, so that old links keep working.

Resolving rewrites `mentions.entity_id`, `roles.entity_id` and `statements.speaker_entity_id`
from the local id to the store-wide one; re-analysing an article writes local ids again and
its links are redone at the next linking.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from ..model import Mention
from . import records

LinkRow = tuple[str, str, str, str, str, int]  # article, local id, entity id, name, type, mentions
# Where a store-wide entity id is written, table by column.
# Orders of the entity index, each walked from an index: the most mentioned first, or by name.
ENTITY_SORTS = {"mentions": "e.mentions DESC, e.id", "name": "lower(e.name), e.id"}
_ENTITY_COLUMNS = (("mentions", "entity_id"), ("roles", "entity_id"), ("statements", "speaker_entity_id"),
                   ("entity_links", "entity_id"))


class EntityTables:
    """Reading and writing the store-wide entities, over a backend's `_query(sql, params)` and
    `_query_many(sql, rows)`."""

    def entity_nodes(self, article_id: str) -> list[tuple[str, str, str, list[str]]]:
        """An article's entities as the stage left them: (entity id, name, type, the texts of
        its named mentions in text order)."""
        rows = self._query(
            "SELECT m.entity_id, e.name, e.type, m.text FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id "
            "WHERE m.article_id = ? AND m.kind = 'name' ORDER BY m.start_char, m.entity_id", (article_id,))
        nodes: dict[str, tuple[str, str, str, list[str]]] = {}
        for row in rows:
            entity_id = row["entity_id"]
            nodes.setdefault(entity_id, (entity_id, row["name"], row["type"], []))[3].append(row["text"])
        return list(nodes.values())

    def entity_candidates(self, block: str) -> list[tuple[str, str, str, int]]:
        """The names of the entities filed under one block: (entity id, name, type, mentions)."""
        rows = self._query(
            "SELECT l.entity_id, l.name, l.type, sum(l.mentions) AS n FROM entity_blocks b "
            "JOIN entity_links l ON l.entity_id = b.entity_id WHERE b.block = ? "
            "GROUP BY l.entity_id, l.name, l.type ORDER BY l.entity_id, l.name, l.type", (block,))
        return [(r["entity_id"], r["name"], r["type"], int(r["n"])) for r in rows]

    def entity_neighbours(self, entity_id: str, articles: int) -> list[str]:
        """The store-wide entities named beside one, in up to `articles` of its articles (a
        bounded look, so that the cost does not grow with how often the store names it)."""
        rows = self._query(
            "SELECT DISTINCT l.entity_id FROM entity_links l WHERE l.article_id IN "
            "(SELECT DISTINCT article_id FROM entity_links WHERE entity_id = ? LIMIT ?) "
            "ORDER BY l.entity_id", (entity_id, articles))
        return [r["entity_id"] for r in rows]

    def save_entity_links(self, links: Sequence[LinkRow], merges: Mapping[str, str],
                          entities: Iterable[tuple[str, str, str]],
                          blocks: Iterable[tuple[str, str]]) -> None:
        """Write a resolution: the entities' names and types, merged ids (store-wide), each
        article's entities rewritten to their store-wide ids, and the entities' blocks."""
        with self.transaction():
            self._query_many("INSERT INTO entities (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) "
                             "DO UPDATE SET name = excluded.name, type = excluded.type", list(entities))
            for loser, winner in merges.items():
                self._merge_entity(loser, winner)
            for article_id, rows in _by_article(links).items():
                self._link_article(article_id, rows)
            # An id that names an entity again is no redirect; one that no longer names any
            # (an article's "person:donald-j-trump" now "person:donald-trump") leads to its entity.
            self._query_many("DELETE FROM entity_redirects WHERE old_id = ?", [(r[2],) for r in links])
            self._query_many(
                "INSERT INTO entity_redirects (old_id, new_id) SELECT ?, ? WHERE NOT EXISTS "
                "(SELECT 1 FROM mentions WHERE entity_id = ?) ON CONFLICT (old_id) DO NOTHING",
                [(r[1], r[2], r[1]) for r in links if r[1] != r[2]])
            self._query_many("INSERT INTO entity_blocks (block, entity_id) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING",
                             list(blocks))

    def _merge_entity(self, loser: str, winner: str) -> None:
        for table, column in _ENTITY_COLUMNS:
            self._query(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (winner, loser))
        self._query("DELETE FROM entity_blocks WHERE entity_id = ?", (loser,))
        self._query("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (winner, loser))
        self._query("INSERT INTO entity_redirects (old_id, new_id) VALUES (?, ?) "
                    "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id", (loser, winner))

    def _link_article(self, article_id: str, rows: list[LinkRow]) -> None:
        targets = {row[2] for row in rows}
        # An article entity whose local id another one is resolved to moves first, so that no
        # row is moved twice.
        for row in sorted(rows, key=lambda r: r[1] not in targets):
            local, entity_id = row[1], row[2]
            if local != entity_id:
                for table, column in _ENTITY_COLUMNS[:3]:
                    self._query(f"UPDATE {table} SET {column} = ? WHERE article_id = ? AND {column} = ?",
                                (entity_id, article_id, local))
        self._query("DELETE FROM entity_links WHERE article_id = ?", (article_id,))
        self._query_many("INSERT INTO entity_links (article_id, local_id, entity_id, name, type, mentions) "
                         "VALUES (?, ?, ?, ?, ?, ?)", rows)

    def entity_redirect(self, entity_id: str) -> str | None:
        """The id an entity merged into another now has, if it was merged."""
        row = self._query("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
        return row["new_id"] if row else None

    def refresh_entity_counts(self) -> None:
        """Recount every entity's mentions (after linking has merged and rewritten them)."""
        self._query("UPDATE entities SET mentions = (SELECT count(*) FROM mentions m "
                    "WHERE m.entity_id = entities.id)")

    def entity_index(self, query: str = "", type_: str | None = None, limit: int = 20,
                     offset: int = 0, sort: str = "mentions") -> list[str]:
        """Ids of a page of the named entities, most mentioned first (or by name, `sort="name"`),
        of one type or all, whose name or an alias holds `query` (case-insensitive)."""
        where, params = self._entity_where(query, type_)
        rows = self._query(f"SELECT e.id FROM entities e WHERE e.mentions > 0{where} "
                           f"ORDER BY {ENTITY_SORTS.get(sort, ENTITY_SORTS['mentions'])} LIMIT ? OFFSET ?",
                           (*params, limit, offset))
        return [row["id"] for row in rows]

    def entity_type_counts(self, query: str = "") -> dict[str, int]:
        """How many named entities of each type hold `query` in a name or alias."""
        where, params = self._entity_where(query, None)
        rows = self._query(f"SELECT e.type, count(*) AS n FROM entities e WHERE e.mentions > 0{where} "
                           "GROUP BY e.type ORDER BY e.type", params)
        return {row["type"]: int(row["n"]) for row in rows}

    @staticmethod
    def _entity_where(query: str, type_: str | None) -> tuple[str, list]:
        where, params = "", []
        if type_:
            where, params = " AND e.type = ?", [type_]
        if query.strip():
            needle = f"%{query.strip().lower()}%"
            where += (" AND (lower(e.name) LIKE ? OR e.id IN (SELECT entity_id FROM mentions "
                      "WHERE kind = 'name' AND lower(text) LIKE ?))")
            params += [needle, needle]
        return where, params

    def entity_profile(self, entity_id: str) -> dict:
        """An entity's mention and article counts and its roles, each with the article and the
        date (publication) where it was stated, earliest first."""
        counts = self._query("SELECT count(*) AS n, count(DISTINCT article_id) AS k FROM mentions "
                             "WHERE entity_id = ?", (entity_id,)).fetchone()
        roles = self._query(
            "SELECT r.role, r.article_id, a.published FROM roles r JOIN articles a ON a.id = r.article_id "
            "WHERE r.entity_id = ? ORDER BY coalesce(a.published, ''), a.pk, r.start_char", (entity_id,))
        return {"mentions": int(counts["n"]), "articles": int(counts["k"]),
                "roles": [{"role": r["role"], "article_id": r["article_id"],
                           "date": (r["published"] or "")[:10] or None} for r in roles]}

    def iter_mentions(self, article_id: str | None = None) -> Iterator[Mention]:
        """Every stored mention (of one article, or all), in article and text order, streamed."""
        where = "WHERE m.article_id = ?" if article_id is not None else ""
        rows = self._query(
            "SELECT m.* FROM mentions m JOIN articles a ON a.id = m.article_id "
            f"{where} ORDER BY a.pk, m.start_char, m.end_char, m.entity_id",
            (article_id,) if article_id is not None else ())
        return (records.mention(row) for row in rows)


def _by_article(links: Sequence[LinkRow]) -> dict[str, list[LinkRow]]:
    grouped: dict[str, list[LinkRow]] = {}
    for row in links:
        grouped.setdefault(row[0], []).append(row)
    return grouped
