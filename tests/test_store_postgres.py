"""What only the PostgreSQL store has: URLs, connection errors, its migrations table, the
websearch query syntax, and concurrent writers (the behaviour every backend shares is tested
in test_store.py)."""

import sys
import threading

import pytest

from newsprism.errors import PostgresNotInstalled, StoreError
from newsprism.model import Article
from newsprism.store import open_store
from newsprism.store.migrations import MIGRATIONS as SQLITE_MIGRATIONS

psycopg = pytest.importorskip("psycopg")

from newsprism.store.pg_migrations import MIGRATIONS, apply_migrations  # noqa: E402
from newsprism.store.postgres import PostgresStore, redacted  # noqa: E402


def test_postgres_urls_open_a_postgres_store(postgres_url):
    for url in (postgres_url, postgres_url.replace("postgresql://", "postgres://", 1)):
        store = open_store(url)
        assert isinstance(store, PostgresStore)
        store.close()


def test_migrations_are_recorded_under_the_sqlite_names_and_run_once(postgres_url):
    store = PostgresStore(postgres_url)
    names = [r["name"] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY applied_at, name")]
    assert names == [m.__name__ for m in MIGRATIONS] == [m.__name__ for m in SQLITE_MIGRATIONS]
    assert apply_migrations(store.conn) == []
    store.close()


def test_a_server_that_does_not_answer_is_a_clear_error_without_the_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://news:s3cret@127.0.0.1:1/newsprism")
    message = str(caught.value)
    assert "cannot connect to PostgreSQL store postgresql://news:***@127.0.0.1:1/newsprism" in message
    assert "the server is running" in message and "s3cret" not in message


def test_a_bad_url_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL store"):
        open_store("postgresql://host:notaport/db")


def test_passwords_are_redacted():
    assert redacted("postgresql://u:p@h:5/d") == "postgresql://u:***@h:5/d"
    assert redacted("postgresql://u@h/d?password=p&sslmode=require") == (
        "postgresql://u@h/d?password=***&sslmode=require")
    assert redacted("postgres://h/d") == "postgres://h/d"


def test_without_psycopg_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    monkeypatch.delitem(sys.modules, "newsprism.store.postgres")
    with pytest.raises(PostgresNotInstalled, match=r"newsprism\[postgres\]"):
        open_store("postgresql://localhost/news")


def test_websearch_syntax_and_stemming(store_on_postgres):
    store = store_on_postgres
    store.add_article(Article(id="a", text="Dock workers are striking in Antwerp.", title="Port"))
    store.add_article(Article(id="b", text="Ferry strikes in Texel and Antwerp.", title="Ferry"))
    assert [h.article_id for h in store.search("strike")] == ["a", "b"]
    assert [h.article_id for h in store.search("antwerp -ferry")] == ["a"]
    assert [h.article_id for h in store.search("texel OR dock")] == ["a", "b"]
    assert [h.article_id for h in store.search("port")] == ["a"]  # titles are searched too
    assert store.search("the") == []  # stop words only


def test_a_concurrent_writer_of_the_same_article_sees_a_duplicate(postgres_url):
    first, second = PostgresStore(postgres_url), PostgresStore(postgres_url)
    results = []
    with first.transaction():
        first.add_article(Article(id="a", text="Same text."))
        writer = threading.Thread(target=lambda: results.append(second.add_article(
            Article(id="b", text="Same text."))))
        writer.start()
        writer.join(0.3)
        assert writer.is_alive()  # waits for the first transaction to end
    writer.join()
    assert results == [False] and second.count_articles() == 1
    first.close()
    second.close()


@pytest.fixture
def store_on_postgres(postgres_url):
    store = PostgresStore(postgres_url)
    yield store
    store.close()


def test_a_very_long_article_is_stored_and_its_start_searchable(store_on_postgres):
    words = [f"w{n:07d}" for n in range(400_000)]  # every word distinct: the largest tsvector
    store_on_postgres.add_article(Article(id="long", text="harbour " + " ".join(words)))
    assert [h.article_id for h in store_on_postgres.search("harbour")] == ["long"]
    assert store_on_postgres.get_article("long").text.endswith("w0399999")
