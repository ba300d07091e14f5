"""Named, ordered schema migrations for the PostgreSQL store; each is recorded once applied.

A migration keeps the name of its SQLite counterpart (migrations.py) where it means the same.
The tables live in the first schema of the connection's search_path, so one database can hold
several stores (the tests give each test its own schema).
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from psycopg import sql
from psycopg.rows import tuple_row

# One migration run at a time per database (pg_advisory_xact_lock key: "news" in ASCII).
LOCK_KEY = 0x6E657773

# Full-text search: English stemming and stop words, accents folded where the server has the
# unaccent extension (as the SQLite store's remove_diacritics does).
SEARCH_CONFIG = "newsprism_english"
# A tsvector holds at most 1 MB: the first 250,000 characters (a long news article is a tenth
# of that) stay under it whatever the text, so no article is refused for its length.
SEARCHED_CHARS = 250_000


# Columns every per-article table starts with: its own key (listings break ties by it, in
# insertion order) and the article it belongs to.
_KEYED = "pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
_OF_ARTICLE = "article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE"


def m001_articles(conn: psycopg.Connection) -> None:
    """Articles, with a stored tsvector over title and text and a GIN index on it."""
    _search_configuration(conn)
    _table(conn, "articles", f"""
        {_KEYED}, id text NOT NULL UNIQUE,
        source text, title text, url text, published text,
        published_inferred boolean NOT NULL DEFAULT false, language text,
        text text NOT NULL, content_hash text NOT NULL UNIQUE, path text,
        boilerplate json NOT NULL DEFAULT '[]',
        ingested_at timestamptz NOT NULL DEFAULT now(), analysis_version text,
        search tsvector GENERATED ALWAYS AS (to_tsvector('{SEARCH_CONFIG}'::regconfig,
            left(coalesce(title, '') || ' ' || text, {SEARCHED_CHARS}))) STORED""")
    conn.execute("CREATE INDEX articles_search ON articles USING gin (search)")


def m002_analysis(conn: psycopg.Connection) -> None:
    """What the per-article stages find: entities, their mentions and roles, statements."""
    _table(conn, "entities", "id text PRIMARY KEY, name text NOT NULL, type text NOT NULL")
    _table(conn, "mentions", f"""
        {_KEYED}, {_OF_ARTICLE}, entity_id text NOT NULL REFERENCES entities(id),
        start_char integer NOT NULL, end_char integer NOT NULL, text text NOT NULL, kind text NOT NULL""",
           article="article_id", entity="entity_id")
    _table(conn, "roles", f"""
        {_KEYED}, {_OF_ARTICLE}, entity_id text NOT NULL REFERENCES entities(id),
        role text NOT NULL, start_char integer NOT NULL, end_char integer NOT NULL""",
           article="article_id", entity="entity_id", role="lower(role)")
    _table(conn, "statements", f"""
        {_KEYED}, id text NOT NULL UNIQUE, {_OF_ARTICLE}, kind text NOT NULL,
        content_start integer NOT NULL, content_end integer NOT NULL,
        cue_start integer, cue_end integer, speaker_start integer, speaker_end integer,
        speaker_entity_id text REFERENCES entities(id), speaker_name text, group_id text""",
           article="article_id", speaker="speaker_entity_id")


def m003_claims(conn: psycopg.Connection) -> None:
    """Quantities and time expressions found in articles."""
    _table(conn, "quantities", f"""
        {_KEYED}, id text NOT NULL UNIQUE, {_OF_ARTICLE},
        start_char integer NOT NULL, end_char integer NOT NULL, text text NOT NULL,
        value double precision NOT NULL, unit text, change text NOT NULL,
        subject text, scope_from text, scope_to text, group_id text""",
           article="article_id")
    _table(conn, "timexes", f"""
        {_KEYED}, {_OF_ARTICLE},
        start_char integer NOT NULL, end_char integer NOT NULL, text text NOT NULL,
        type text NOT NULL, value text NOT NULL""",
           article="article_id", value="value")


def m004_links(conn: psycopg.Connection) -> None:
    """Stories and their articles, and the conflicts found among a story's articles."""
    _table(conn, "stories", f"""
        {_KEYED}, id text NOT NULL UNIQUE, title text NOT NULL, start text, "end" text,
        entities json NOT NULL DEFAULT '[]'""")
    _table(conn, "story_articles", """
        article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE""",
           story="story_id")
    _table(conn, "conflicts", f"""
        {_KEYED}, id text NOT NULL UNIQUE,
        story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        kind text NOT NULL, status text NOT NULL, summary text NOT NULL, sides json NOT NULL""",
           story="story_id")
    _index(conn, "statements", group="group_id")
    _index(conn, "quantities", group="group_id")


def _table(conn: psycopg.Connection, name: str, columns: str, **indexes: str) -> None:
    """A table and its indexes, each named `<table>_<key>` as in the SQLite schema."""
    conn.execute(f"CREATE TABLE {name} ({columns})")
    _index(conn, name, **indexes)


def _index(conn: psycopg.Connection, table: str, **indexes: str) -> None:
    for key, expression in indexes.items():
        conn.execute(f"CREATE INDEX {table}_{key} ON {table} ({expression})")


def _search_configuration(conn: psycopg.Connection) -> None:
    conn.execute(f"CREATE TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} (COPY = pg_catalog.english)")
    schema = _unaccent_schema(conn)
    if schema is not None:
        conn.execute(sql.SQL(
            "ALTER TEXT SEARCH CONFIGURATION {} ALTER MAPPING FOR hword, hword_part, word "
            "WITH {}.unaccent, english_stem").format(sql.Identifier(SEARCH_CONFIG), sql.Identifier(schema)))


def _unaccent_schema(conn: psycopg.Connection) -> str | None:
    """The schema of the unaccent dictionary, installing the extension where it is missing (it
    is a trusted extension: the database's owner may); None where the server lacks it."""
    try:
        with conn.transaction():  # a savepoint: a refusal leaves the migration going
            conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except psycopg.Error:
        return None
    return _scalar(conn, "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                         "WHERE e.extname = 'unaccent'")


def m005_events(conn: psycopg.Connection) -> None:
    """A story's events; a story linked before keeps none until linking touches it again."""
    conn.execute("ALTER TABLE stories ADD COLUMN events json NOT NULL DEFAULT '[]'")


def m006_entity_links(conn: psycopg.Connection) -> None:
    """Entities across the store: which store-wide entity each article's entity is, the blocks
    (name keys) entities are looked up by, the ids merged into others; statements' provenance."""
    _table(conn, "entity_links", f"""
        {_OF_ARTICLE}, local_id text NOT NULL, entity_id text NOT NULL,
        name text NOT NULL, type text NOT NULL, mentions integer NOT NULL,
        PRIMARY KEY (article_id, local_id)""", entity="entity_id")
    _table(conn, "entity_blocks",
           "block text NOT NULL, entity_id text NOT NULL, PRIMARY KEY (block, entity_id)",
           entity="entity_id")
    _table(conn, "entity_redirects", "old_id text PRIMARY KEY, new_id text NOT NULL")
    conn.execute("ALTER TABLE statements ADD COLUMN provenance text")


def m007_conflict_confidence(conn: psycopg.Connection) -> None:
    """A conflict's confidence and the reasons for it (conflicts linked before count as sure
    until linking touches their story again); the earlier article a story's article copies."""
    conn.execute("ALTER TABLE conflicts ADD COLUMN confidence double precision NOT NULL DEFAULT 1.0")
    conn.execute("ALTER TABLE conflicts ADD COLUMN reasons json NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE story_articles ADD COLUMN copy_of text")


def m008_indexes(conn: psycopg.Connection) -> None:
    """Publication order for the index pages (newest first) and units for the claims index."""
    conn.execute("CREATE INDEX articles_published ON articles (published DESC NULLS LAST, pk DESC)")
    conn.execute("CREATE INDEX quantities_unit ON quantities (unit)")


def m009_entity_counts(conn: psycopg.Connection) -> None:
    """Each entity's mention count, kept by linking, so the entity index pages from an index;
    claims by value, within a unit or across all."""
    conn.execute("ALTER TABLE entities ADD COLUMN mentions integer NOT NULL DEFAULT 0")
    conn.execute("UPDATE entities SET mentions = "
                 "(SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)")
    conn.execute("CREATE INDEX entities_mentions ON entities (mentions DESC, id)")
    conn.execute("CREATE INDEX quantities_unit_value ON quantities (unit, value)")
    conn.execute("CREATE INDEX quantities_value ON quantities (value)")


def m010_entity_names(conn: psycopg.Connection) -> None:
    """The entity index in name order (A to Z, case aside) pages from an index too."""
    conn.execute("CREATE INDEX entities_name ON entities (lower(name), id)")


MIGRATIONS: tuple[Callable[[psycopg.Connection], None], ...] = (m001_articles, m002_analysis, m003_claims,
                                                                m004_links, m005_events, m006_entity_links,
                                                                m007_conflict_confidence, m008_indexes,
                                                                m009_entity_counts, m010_entity_names)


def apply_migrations(conn: psycopg.Connection) -> list[str]:
    """Apply, in order and each in its own transaction, the migrations not yet recorded. A
    lock held through each one lets several processes open a new store at once."""
    if _recorded(conn) >= {m.__name__ for m in MIGRATIONS}:
        return []
    applied = []
    for migration in MIGRATIONS:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                         "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            if migration.__name__ in _recorded(conn):
                continue
            migration(conn)
            conn.execute("INSERT INTO _migrations (name) VALUES (%s)", (migration.__name__,))
        applied.append(migration.__name__)
    return applied


def _recorded(conn: psycopg.Connection) -> set[str]:
    """The names of the migrations applied, none if the store is new."""
    if _scalar(conn, "SELECT to_regclass('_migrations')") is None:
        return set()
    with conn.cursor(row_factory=tuple_row) as cur:
        return {row[0] for row in cur.execute("SELECT name FROM _migrations")}


def _scalar(conn: psycopg.Connection, query: str):
    with conn.cursor(row_factory=tuple_row) as cur:
        row = cur.execute(query).fetchone()
    return None if row is None else row[0]
