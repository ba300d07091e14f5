"""The PostgreSQL store (psycopg 3): the same tables and answers as the SQLite store, with
full-text search through a stored tsvector column.

Text is compared and ordered with COLLATE "C" (code point order, as SQLite and Python sort),
so listings come in the same order whatever the database's locale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row
from psycopg.types.json import Json

from ..errors import NotFound, StoreError
from ..model import Analysis, Article, Entity, Quantity, Statement, Timex
from . import records
from .base import SearchHit
from .common import ArticleWrites
from .entity_links import EntityTables
from .indexes import IndexQueries
from .pg_migrations import SEARCH_CONFIG, apply_migrations
from .postgres_links import PostgresLinkTables
from .speakers import SpeakerQueries

PAGE = 1000  # articles fetched a round trip, so that iterating over a large store streams
CONNECT_TIMEOUT = 10  # seconds, unless the URL sets connect_timeout


class PostgresStore(ArticleWrites, PostgresLinkTables, EntityTables, SpeakerQueries, IndexQueries):
    """A Store in a PostgreSQL database, named by a postgresql:// URL; its tables live in the
    first schema of the connection's search_path."""

    def __init__(self, url: str):
        self.url = url
        self.conn = _connect(url)
        try:
            apply_migrations(self.conn)
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot set up the newsprism tables in PostgreSQL store {redacted(url)}: "
                             f"{_reason(exc, url)} (does the role have CREATE on the schema?)") from exc

    def __repr__(self) -> str:
        return f"PostgresStore({redacted(self.url)!r})"

    def _sql(self, query: str, params=None) -> psycopg.Cursor:
        """Run one statement; a failure of the server or the connection (not of the statement)
        becomes a StoreError that names the store."""
        try:
            return self.conn.execute(query, params)
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def _query(self, query: str, params=()) -> psycopg.Cursor:
        """`_sql` for the SQL the backends share, written with `?` placeholders."""
        return self._sql(query.replace("?", "%s"), params)

    def _query_many(self, query: str, rows: list) -> None:
        self._many(query.replace("?", "%s"), rows)

    def _many(self, query: str, rows: list) -> None:
        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                cur.executemany(query, rows)
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def _lost(self, exc: Exception) -> StoreError:
        return StoreError(f"PostgreSQL store {redacted(self.url)} failed: {_reason(exc, self.url)}")

    @contextmanager
    def transaction(self):
        """Run a block in one transaction: all of it is stored, or none of it. Inside an open
        transaction the block simply joins it (the outer one commits or rolls back)."""
        if self.conn.info.transaction_status != TransactionStatus.IDLE:
            yield self.conn
            return
        try:
            with self.conn.transaction():
                yield self.conn
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def duplicate_of(self, article: Article) -> str | None:
        """The id of a stored article with the same id or the same text, if any."""
        row = self._sql("SELECT id FROM articles WHERE id = %s OR content_hash = %s LIMIT 1",
                        (article.id, article.content_hash)).fetchone()
        return row["id"] if row else None

    def _insert_article(self, article: Article) -> bool:
        # ON CONFLICT: a concurrent writer of the same article makes a duplicate, not an error.
        values = records.article_values(article)
        values[records.ARTICLE_COLUMNS.index("boilerplate")] = Json(article.boilerplate)
        inserted = self._sql(
            f"INSERT INTO articles ({', '.join(records.ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join(['%s'] * len(values))}) ON CONFLICT DO NOTHING", values)
        return inserted.rowcount == 1

    def _write_analysis(self, analysis: Analysis) -> None:
        article_id = analysis.article_id
        updated = self._sql("UPDATE articles SET analysis_version = %s WHERE id = %s",
                            (analysis.version, article_id))
        if updated.rowcount != 1:
            raise NotFound("article", article_id)
        if analysis.inferred_published:
            self._sql("UPDATE articles SET published = %s, published_inferred = true "
                      "WHERE id = %s AND (published IS NULL OR published_inferred)",
                      (analysis.inferred_published, article_id))
        replaced = [(row["entity_id"], row["n"]) for row in self._sql(
            "SELECT entity_id, count(*) AS n FROM mentions WHERE article_id = %s GROUP BY entity_id",
            (article_id,))]
        for table in ("statements", "mentions", "roles", "quantities", "timexes", "entity_links"):
            self._sql(f"DELETE FROM {table} WHERE article_id = %s", (article_id,))
        # A re-analysed article is linked again: its story's groups and conflicts are redone.
        self._sql("DELETE FROM story_articles WHERE article_id = %s", (article_id,))
        rows = records.analysis_values(analysis)
        self._many("INSERT INTO entities (id, name, type) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                   rows["entities"])
        for table, columns in _ANALYSIS_COLUMNS.items():
            self._many(f"INSERT INTO {table} ({', '.join(columns)}) "
                       f"VALUES ({', '.join(['%s'] * len(columns))})", rows[table])
        # Mention counts stay right without linking, so the entity index lists what is analysed.
        self._many("UPDATE entities SET mentions = mentions + %s WHERE id = %s",
                   records.mention_count_changes(replaced, rows["mentions"]))

    def set_published(self, article_id: str, published: str, inferred: bool = True) -> None:
        """Record a publication date found after ingestion (inferred from text or story)."""
        with self.transaction():
            self._sql("UPDATE articles SET published = %s, published_inferred = %s WHERE id = %s",
                      (published, inferred, article_id))

    def iter_quantities(self, article_id: str | None = None, subject: str | None = None
                        ) -> Iterator[Quantity]:
        """Stored quantities in article and text order, optionally of one article or subject."""
        where, params = records.where_clause(("q.article_id = %s", article_id),
                                             ("q.subject ILIKE %s", subject and f"%{subject}%"))
        rows = self._sql(f"SELECT q.* FROM quantities q JOIN articles a ON a.id = q.article_id {where} "
                         "ORDER BY a.pk, q.start_char, q.pk", params)
        return (records.quantity(row) for row in rows)

    def iter_timexes(self, article_id: str | None = None) -> Iterator[Timex]:
        """Stored time expressions in article and text order."""
        where, params = records.where_clause(("t.article_id = %s", article_id))
        rows = self._sql(f"SELECT t.* FROM timexes t JOIN articles a ON a.id = t.article_id {where} "
                         "ORDER BY a.pk, t.start_char, t.pk", params)
        return (records.timex(row) for row in rows)

    def iter_statements(self, article_id: str | None = None, speaker: str | None = None
                        ) -> Iterator[Statement]:
        """Stored statements in article and text order, optionally of one article or speaker."""
        where, params = [], []
        if article_id is not None:
            where.append("s.article_id = %s")
            params.append(article_id)
        if speaker:
            where.append("(s.speaker_name ILIKE %s OR s.speaker_entity_id IN "
                         "(SELECT entity_id FROM mentions WHERE text ILIKE %s))")
            params += [f"%{speaker}%", f"%{speaker}%"]
        rows = self._sql("SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id "
                         f"{'WHERE ' + ' AND '.join(where) if where else ''} "
                         "ORDER BY a.pk, s.content_start, s.pk", params)
        return (records.statement(row) for row in rows)

    def iter_entities(self, type_: str | None = None, story_id: str | None = None) -> Iterator[Entity]:
        """Stored entities with every alias and role found for them, most mentioned first; only
        those named somewhere (an id merged into another is not listed), of one type or story."""
        where, params = records.where_clause(
            ("e.type = %s", type_),
            ("e.id IN (SELECT m.entity_id FROM mentions m "
             "JOIN story_articles sa ON sa.article_id = m.article_id "
             "WHERE sa.story_id = %s)", story_id))
        rows = self._sql(f"SELECT * FROM ({_ENTITY_QUERY} {where}) x WHERE n > 0 "
                         'ORDER BY n DESC, id COLLATE "C"', params)
        return (_entity(row) for row in rows)

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id (or the one it was merged into); raises NotFound."""
        entity_id = self.entity_redirect(entity_id) or entity_id
        row = self._sql(f"{_ENTITY_QUERY} WHERE e.id = %s", (entity_id,)).fetchone()
        if row is None:
            raise NotFound("entity", entity_id)
        return _entity(row)

    def pending_analysis(self, version: str) -> list[str]:
        """Ids of stored articles not yet analysed by this version of the pipeline."""
        rows = self._sql("SELECT id FROM articles WHERE analysis_version IS DISTINCT FROM %s ORDER BY pk",
                         (version,))
        return [row["id"] for row in rows]

    def get_article(self, article_id: str) -> Article:
        """The article with this id; raises NotFound."""
        row = self._sql("SELECT * FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        return records.article(row)

    def iter_articles(self, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in ingestion order, fetched a page at a time (so a large store
        streams, and other queries can run between pages)."""
        last, left = None, limit
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            if last is None:
                rows = self._sql("SELECT * FROM articles ORDER BY pk LIMIT %s OFFSET %s",
                                 (size, offset)).fetchall()
            else:
                rows = self._sql("SELECT * FROM articles WHERE pk > %s ORDER BY pk LIMIT %s",
                                 (last, size)).fetchall()
            yield from (records.article(row) for row in rows)
            if len(rows) < size:
                return
            last, left = rows[-1]["pk"], None if left is None else left - len(rows)

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self._sql("SELECT count(*) AS n FROM articles").fetchone()["n"]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search, best first. Any text is a valid query (websearch_to_tsquery):
        words, "quoted phrases", OR, and -word or NOT word to exclude a word."""
        rows = self._sql(
            f"""
            WITH q AS (SELECT websearch_to_tsquery('{SEARCH_CONFIG}', %s) AS q),
            hits AS (SELECT a.pk, a.id, a.title, a.text, ts_rank(a.search, q.q) AS score
                     FROM articles a, q WHERE a.search @@ q.q ORDER BY score DESC, a.pk LIMIT %s)
            SELECT hits.id, hits.title, hits.score, ts_headline('{SEARCH_CONFIG}', hits.text, q.q,
                   'StartSel=[, StopSel=], MaxFragments=1, MaxWords=12, MinWords=6') AS snip
            FROM hits, q ORDER BY hits.score DESC, hits.pk
            """, (_websearch(query), limit))
        return [SearchHit(r["id"], r["title"], r["snip"], r["score"]) for r in rows]

    def stats(self) -> dict:
        """Counts for a summary: articles, sources, publication date range."""
        counts = ", ".join(f"(SELECT count(*) FROM {table}) AS {table}"
                           for table in ("entities", "statements", "quantities", "timexes"))
        row = self._sql(
            "SELECT count(*) AS articles, count(DISTINCT source) AS sources, "
            'min(published COLLATE "C") AS first_published, max(published COLLATE "C") AS last_published, '
            f"count(analysis_version) AS analysed, {counts} FROM articles").fetchone()
        return dict(row)

    def refresh_statistics(self) -> None:
        """Refresh the planner's statistics (autovacuum does it too, but later)."""
        self._sql("ANALYZE")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


_ANALYSIS_COLUMNS = {
    "mentions": ("article_id", "entity_id", "start_char", "end_char", "text", "kind"),
    "roles": ("article_id", "entity_id", "role", "start_char", "end_char"),
    "statements": records.STATEMENT_COLUMNS,
    "quantities": records.QUANTITY_COLUMNS,
    "timexes": ("article_id", "start_char", "end_char", "text", "type", "value"),
}

# An entity with its names (sorted) and roles (most given first), in one query.
_ENTITY_QUERY = """
    SELECT e.id, e.name, e.type,
           (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS n,
           ARRAY(SELECT DISTINCT m.text COLLATE "C" FROM mentions m
                 WHERE m.entity_id = e.id AND m.kind = 'name' ORDER BY 1) AS aliases,
           ARRAY(SELECT r.role FROM roles r WHERE r.entity_id = e.id
                 GROUP BY r.role ORDER BY count(*) DESC, r.role COLLATE "C") AS roles
    FROM entities e"""


def _entity(row) -> Entity:
    return Entity(row["id"], row["name"], row["type"], tuple(row["aliases"]), tuple(row["roles"]))


def _websearch(query: str) -> str:
    # FTS5's NOT (the syntax the SQLite store takes) as websearch's exclusion.
    return re.sub(r"\bNOT\s+(?=\S)", "-", query)


def _connect(url: str) -> psycopg.Connection:
    """An autocommit connection (transactions are explicit) whose rows are dicts."""
    try:
        given = psycopg.conninfo.conninfo_to_dict(url)
        options = {} if "connect_timeout" in given else {"connect_timeout": CONNECT_TIMEOUT}
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, **options)
        # JIT compiling takes longer than the short queries of a store take to run (it doubled
        # the entity listing); this session only.
        conn.execute("SET jit = off")
        return conn
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL store {redacted(url)}: {_reason(exc, url)} "
                         "(check that the server is running and the URL's host, port, user, password "
                         "and database)") from exc


def holds_store(url: str) -> bool:
    """Whether the database (schema) the URL names already holds newsprism's tables; creates nothing."""
    conn = _connect(url)
    try:
        return conn.execute("SELECT to_regclass('_migrations') IS NOT NULL AS found").fetchone()["found"]
    finally:
        conn.close()


def redacted(url: str) -> str:
    """The URL with any password replaced by ***, for messages."""
    url = re.sub(r"^(\w+://[^:/@?#]*:)[^@/?#]*@", r"\1***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


def _reason(exc: Exception, url: str) -> str:
    """The driver's message on one line, the password (should it appear) hidden."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    try:
        password = psycopg.conninfo.conninfo_to_dict(url).get("password")
    except psycopg.Error:
        password = None
    return reason.replace(password, "***") if password else reason
