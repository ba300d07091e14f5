"""Named, ordered schema migrations for the SQLite store; each is recorded once applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def m001_articles(conn: sqlite3.Connection) -> None:
    """Articles, with a full-text index over title and text kept in step by triggers."""
    _run(
        conn,
        """
        CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT,
            title TEXT,
            url TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            path TEXT,
            boilerplate TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL,
            analysis_version TEXT
        )""",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
        )""",
        """
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END""",
        """
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.pk, old.title, old.text);
        END""",
        """
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.pk, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END""",
    )


def m002_analysis(conn: sqlite3.Connection) -> None:
    """What the per-article stages find: entities, their mentions and roles, statements."""
    _run(
        conn,
        "CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL)",
        """
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
            text TEXT NOT NULL, kind TEXT NOT NULL
        )""",
        "CREATE INDEX mentions_article ON mentions(article_id)",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        """
        CREATE TABLE roles (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            role TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL
        )""",
        "CREATE INDEX roles_article ON roles(article_id)",
        "CREATE INDEX roles_entity ON roles(entity_id)",
        "CREATE INDEX roles_role ON roles(role COLLATE NOCASE)",
        """
        CREATE TABLE statements (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
            cue_start INTEGER, cue_end INTEGER,
            speaker_start INTEGER, speaker_end INTEGER,
            speaker_entity_id TEXT REFERENCES entities(id),
            speaker_name TEXT,
            group_id TEXT
        )""",
        "CREATE INDEX statements_article ON statements(article_id)",
        "CREATE INDEX statements_speaker ON statements(speaker_entity_id)",
    )


def m003_claims(conn: sqlite3.Connection) -> None:
    """Quantities and time expressions found in articles."""
    _run(
        conn,
        """
        CREATE TABLE quantities (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
            value REAL NOT NULL, unit TEXT, change TEXT NOT NULL,
            subject TEXT, scope_from TEXT, scope_to TEXT, group_id TEXT
        )""",
        "CREATE INDEX quantities_article ON quantities(article_id)",
        """
        CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT NOT NULL, value TEXT NOT NULL
        )""",
        "CREATE INDEX timexes_article ON timexes(article_id)",
        "CREATE INDEX timexes_value ON timexes(value)",
    )


def m004_links(conn: sqlite3.Connection) -> None:
    """Stories and their articles, and the conflicts found among a story's articles."""
    _run(
        conn,
        """
        CREATE TABLE stories (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            start TEXT, end TEXT,
            entities TEXT NOT NULL DEFAULT '[]'
        )""",
        """
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
        )""",
        "CREATE INDEX story_articles_story ON story_articles(story_id)",
        """
        CREATE TABLE conflicts (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, status TEXT NOT NULL, summary TEXT NOT NULL,
            sides TEXT NOT NULL
        )""",
        "CREATE INDEX conflicts_story ON conflicts(story_id)",
        "CREATE INDEX statements_group ON statements(group_id)",
        "CREATE INDEX quantities_group ON quantities(group_id)",
    )


def _run(conn: sqlite3.Connection, *statements: str) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        conn.execute(statement)


def m005_events(conn: sqlite3.Connection) -> None:
    """A story's events (JSON); a story linked before keeps none until linking touches it again."""
    _run(conn, "ALTER TABLE stories ADD COLUMN events TEXT NOT NULL DEFAULT '[]'")


def m006_entity_links(conn: sqlite3.Connection) -> None:
    """Entities across the store: which store-wide entity each article's entity is, the blocks
    (name keys) entities are looked up by, the ids merged into others; statements' provenance."""
    _run(
        conn,
        """
        CREATE TABLE entity_links (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL, entity_id TEXT NOT NULL,
            name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, local_id)
        )""",
        "CREATE INDEX entity_links_entity ON entity_links(entity_id)",
        "CREATE TABLE entity_blocks (block TEXT NOT NULL, entity_id TEXT NOT NULL, "
        "PRIMARY KEY (block, entity_id))",
        "CREATE INDEX entity_blocks_entity ON entity_blocks(entity_id)",
        "CREATE TABLE entity_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL)",
        "ALTER TABLE statements ADD COLUMN provenance TEXT",
    )


def m007_conflict_confidence(conn: sqlite3.Connection) -> None:
    """A conflict's confidence and the reasons for it (conflicts linked before count as sure
    until linking touches their story again); the earlier article a story's article copies."""
    _run(conn, "ALTER TABLE conflicts ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0",
         "ALTER TABLE conflicts ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]'",
         "ALTER TABLE story_articles ADD COLUMN copy_of TEXT")


def m008_indexes(conn: sqlite3.Connection) -> None:
    """Publication order for the index pages (newest first) and units for the claims index."""
    _run(conn, "CREATE INDEX articles_published ON articles(published)",
         "CREATE INDEX quantities_unit ON quantities(unit)")


def m009_entity_counts(conn: sqlite3.Connection) -> None:
    """Each entity's mention count, kept by linking, so the entity index pages from an index;
    claims by value, within a unit or across all."""
    _run(conn, "ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0",
         "UPDATE entities SET mentions = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)",
         "CREATE INDEX entities_mentions ON entities(mentions DESC, id)",
         "CREATE INDEX quantities_unit_value ON quantities(unit, value)",
         "CREATE INDEX quantities_value ON quantities(value)")


def m010_entity_names(conn: sqlite3.Connection) -> None:
    """The entity index in name order (A to Z, case aside) pages from an index too."""
    _run(conn, "CREATE INDEX entities_name ON entities(lower(name), id)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_articles, m002_analysis, m003_claims, m004_links, m005_events, m006_entity_links,
    m007_conflict_confidence, m008_indexes, m009_entity_counts, m010_entity_names)


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply, in order and each in its own transaction, the migrations not yet recorded."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (migration.__name__,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.__name__)
    return applied
