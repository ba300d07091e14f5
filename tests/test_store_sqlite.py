"""What only the SQLite store has: its file, WAL, migrations table and integrity checks (the
behaviour every backend shares is tested in test_store.py)."""

import sqlite3

import pytest

from newsprism.errors import StoreError, UnknownStoreURL
from newsprism.model import Analysis, Article
from newsprism.store import SQLiteStore, open_store
from newsprism.store.migrations import MIGRATIONS


def article(ident="a1", text="The mayor said the tram will run in May.", **extra):
    return Article(id=ident, text=text, **extra)


def test_an_exception_mid_write_leaves_the_full_text_index_intact(sqlite_store, monkeypatch):
    def crash(analysis):
        raise RuntimeError("power cut")

    monkeypatch.setattr(sqlite_store, "_write_analysis", crash)
    with pytest.raises(RuntimeError):
        sqlite_store.add_article(article("a1"), Analysis(article_id="a1", version="1"))
    assert sqlite_store.integrity_problems() == []


def test_file_store_uses_wal_records_migrations_and_reopens(tmp_path):
    path = tmp_path / "x.db"
    first = SQLiteStore(path)
    first.add_article(article())
    first.close()
    second = open_store(f"sqlite:///{path}")
    assert second.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in second.conn.execute("SELECT name FROM _migrations")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert second.count_articles() == 1
    second.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(StoreError, match="not a newsprism store"):
        SQLiteStore(path)


def test_unknown_store_url():
    with pytest.raises(UnknownStoreURL):
        open_store("mongodb://localhost/news")


def test_plain_paths_and_memory_open_sqlite(tmp_path):
    for url in (str(tmp_path / "plain.db"), ":memory:"):
        store = open_store(url)
        assert isinstance(store, SQLiteStore)
        store.close()


def test_another_connection_reads_the_file_with_sqlite3(tmp_path):
    path = tmp_path / "shared.db"
    writer = SQLiteStore(path)
    writer.add_article(article())
    writer.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
