"""The embedded default store: one SQLite file in WAL mode with an FTS5 index."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import NotFound, StoreError
from ..model import Analysis, Article, Entity, Quantity, Statement, Timex
from . import records
from .base import SearchHit
from .common import ArticleWrites
from .entity_links import EntityTables
from .indexes import IndexQueries
from .migrations import apply_migrations
from .speakers import SpeakerQueries
from .sqlite_links import LinkTables


class SQLiteStore(ArticleWrites, LinkTables, EntityTables, SpeakerQueries, IndexQueries):
    """A Store in one SQLite file (or in memory with ':memory:')."""

    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {self.path!r}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self._configure()
        apply_migrations(self.conn)

    def _configure(self) -> None:
        try:
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path!r} is not a newsprism store: {exc}") from exc

    @contextmanager
    def transaction(self):
        """Run a block in one write transaction: all of it is stored, or none of it. Inside an
        open transaction the block simply joins it (the outer one commits or rolls back)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _query(self, query: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(query, params)

    def _query_many(self, query: str, rows: list) -> None:
        self.conn.executemany(query, rows)

    def duplicate_of(self, article: Article) -> str | None:
        """The id of a stored article with the same id or the same text, if any."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
            (article.id, article.content_hash),
        ).fetchone()
        return row[0] if row else None

    def _insert_article(self, article: Article) -> bool:
        if self.duplicate_of(article) is not None:
            return False
        values = records.article_values(article)
        self.conn.execute(
            f"INSERT INTO articles ({', '.join(records.ARTICLE_COLUMNS)}, ingested_at) "
            f"VALUES ({', '.join('?' * len(values))}, ?)",
            (*values, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        return True

    def _write_analysis(self, analysis: Analysis) -> None:
        updated = self.conn.execute(
            "UPDATE articles SET analysis_version = ? WHERE id = ?",
            (analysis.version, analysis.article_id),
        )
        if updated.rowcount != 1:
            raise NotFound("article", analysis.article_id)
        article_id = analysis.article_id
        if analysis.inferred_published:
            self.conn.execute("UPDATE articles SET published = ?, published_inferred = 1 "
                              "WHERE id = ? AND (published IS NULL OR published_inferred = 1)",
                              (analysis.inferred_published, article_id))
        replaced = self.conn.execute("SELECT entity_id, count(*) FROM mentions WHERE article_id = ? "
                                     "GROUP BY entity_id", (article_id,)).fetchall()
        for table in ("statements", "mentions", "roles", "quantities", "timexes", "entity_links"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        # A re-analysed article is linked again: its story's groups and conflicts are redone.
        self.conn.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
        rows = records.analysis_values(analysis)
        self.conn.executemany("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?, ?, ?)",
                              rows["entities"])
        self.conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows["mentions"])
        # Mention counts stay right without linking, so the entity index lists what is analysed.
        self.conn.executemany("UPDATE entities SET mentions = mentions + ? WHERE id = ?",
                              records.mention_count_changes(replaced, rows["mentions"]))
        self.conn.executemany("INSERT INTO roles VALUES (?, ?, ?, ?, ?)", rows["roles"])
        self.conn.executemany(
            f"INSERT INTO statements ({', '.join(records.STATEMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(records.STATEMENT_COLUMNS))})", rows["statements"])
        self.conn.executemany(
            f"INSERT INTO quantities ({', '.join(records.QUANTITY_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(records.QUANTITY_COLUMNS))})", rows["quantities"])
        self.conn.executemany("INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?)", rows["timexes"])

    def set_published(self, article_id: str, published: str, inferred: bool = True) -> None:
        """Record a publication date found after ingestion (inferred from text or story)."""
        with self.transaction():
            self.conn.execute("UPDATE articles SET published = ?, published_inferred = ? WHERE id = ?",
                              (published, int(inferred), article_id))

    def iter_quantities(self, article_id: str | None = None, subject: str | None = None
                        ) -> Iterator[Quantity]:
        """Stored quantities in article and text order, optionally of one article or subject."""
        where, params = records.where_clause(("q.article_id = ?", article_id),
                                             ("q.subject LIKE ?", subject and f"%{subject}%"))
        rows = self.conn.execute(
            f"SELECT q.* FROM quantities q JOIN articles a ON a.id = q.article_id {where} "
            "ORDER BY a.pk, q.start_char, q.pk", params)
        return (records.quantity(row) for row in rows)

    def iter_timexes(self, article_id: str | None = None) -> Iterator[Timex]:
        """Stored time expressions in article and text order."""
        where, params = records.where_clause(("t.article_id = ?", article_id))
        rows = self.conn.execute(
            f"SELECT t.* FROM timexes t JOIN articles a ON a.id = t.article_id {where} "
            "ORDER BY a.pk, t.start_char", params)
        return (records.timex(r) for r in rows)

    def iter_statements(self, article_id: str | None = None, speaker: str | None = None
                        ) -> Iterator[Statement]:
        """Stored statements in article and text order, optionally of one article or speaker."""
        where, params = [], []
        if article_id is not None:
            where.append("s.article_id = ?")
            params.append(article_id)
        if speaker:
            where.append("(s.speaker_name LIKE ? OR s.speaker_entity_id IN "
                         "(SELECT entity_id FROM mentions WHERE text LIKE ?))")
            params += [f"%{speaker}%", f"%{speaker}%"]
        rows = self.conn.execute(
            f"SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.pk, s.content_start, s.pk",
            params,
        )
        return (records.statement(row) for row in rows)

    def iter_entities(self, type_: str | None = None, story_id: str | None = None) -> Iterator[Entity]:
        """Stored entities with every alias and role found for them, most mentioned first; only
        those named somewhere (an id merged into another is not listed), of one type or story."""
        where, params = records.where_clause(
            ("e.type = ?", type_),
            ("e.id IN (SELECT m.entity_id FROM mentions m "
             "JOIN story_articles sa ON sa.article_id = m.article_id "
             "WHERE sa.story_id = ?)", story_id))
        rows = self.conn.execute(
            "SELECT * FROM (SELECT e.*, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS n "
            f"FROM entities e {where}) WHERE n > 0 ORDER BY n DESC, id", params).fetchall()
        return (self._entity(row) for row in rows)

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id (or the one it was merged into); raises NotFound."""
        entity_id = self.entity_redirect(entity_id) or entity_id
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFound("entity", entity_id)
        return self._entity(row)

    def _entity(self, row) -> Entity:
        aliases = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT text FROM mentions WHERE entity_id = ? AND kind = 'name' ORDER BY text",
            (row["id"],))]
        roles = [r[0] for r in self.conn.execute(
            "SELECT role FROM roles WHERE entity_id = ? GROUP BY role ORDER BY count(*) DESC, role",
            (row["id"],))]
        return Entity(row["id"], row["name"], row["type"], tuple(aliases), tuple(roles))

    def pending_analysis(self, version: str) -> list[str]:
        """Ids of stored articles not yet analysed by this version of the pipeline."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE analysis_version IS NOT ? ORDER BY pk", (version,)
        )
        return [row[0] for row in rows]

    def get_article(self, article_id: str) -> Article:
        """The article with this id; raises NotFound."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        return records.article(row)

    def iter_articles(self, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in ingestion order, streamed from the database."""
        rows = self.conn.execute(
            "SELECT * FROM articles ORDER BY pk LIMIT ? OFFSET ?", (limit or -1, offset)
        )
        return (records.article(row) for row in rows)

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """FTS5 search; a query that is not valid FTS5 syntax is searched as plain words."""
        try:
            return self._search(query, limit)
        except sqlite3.OperationalError:
            return self._search(_quote_terms(query), limit)

    def _search(self, query: str, limit: int) -> list[SearchHit]:
        rows = self.conn.execute(
            """
            SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snip,
                   bm25(articles_fts) AS score
            FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
            WHERE articles_fts MATCH ? ORDER BY score LIMIT ?
            """,
            (query, limit),
        )
        return [SearchHit(r["id"], r["title"], r["snip"], -r["score"]) for r in rows]

    def stats(self) -> dict:
        """Counts for a summary: articles, sources, publication date range."""
        row = self.conn.execute(
            "SELECT count(*), count(DISTINCT source), min(published), max(published), "
            "sum(analysis_version IS NOT NULL) FROM articles"
        ).fetchone()
        counts = {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("entities", "statements", "quantities", "timexes")}
        return {"articles": row[0], "sources": row[1], "first_published": row[2],
                "last_published": row[3], "analysed": row[4] or 0, **counts}

    def integrity_problems(self) -> list[str]:
        """What SQLite's own check and the full-text index check find wrong (empty: healthy)."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        return problems

    def refresh_statistics(self) -> None:
        """Sample the tables for the query planner (SQLite plans the index pages well only with
        them): a first sampling of a few hundred rows an index, then SQLite's own check, which
        samples again only the tables that changed much."""
        self.conn.execute("PRAGMA analysis_limit = 400")
        sampled = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        self.conn.execute("PRAGMA optimize" if sampled else "ANALYZE")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _quote_terms(query: str) -> str:
    # The words of the query, each as a literal phrase: every FTS5 operator loses its meaning.
    return " ".join(f'"{word}"' for word in re.findall(r"\w+", query)) or '""'
