"""Shared fixtures: a fresh store on every backend, and a helper that writes input files.

The `store` and `store_url` fixtures run each test on SQLite and on PostgreSQL. The PostgreSQL
runs need a server whose URL is in NEWSPRISM_TEST_POSTGRES (`make test-postgres` starts a
private one); without it they are skipped. Each PostgreSQL test gets its own schema, dropped
afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import gzip
import itertools
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.store import SQLiteStore

POSTGRES_ENV = "NEWSPRISM_TEST_POSTGRES"
NO_POSTGRES = f"set {POSTGRES_ENV} (make test-postgres starts a private server)"
BACKENDS = ("sqlite", "postgres")


class PostgresSchemas:
    """Fresh schemas on the test server, each named in a URL through its search_path."""

    def __init__(self, url: str):
        import psycopg

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True)
        self.names = (f"test_{os.getpid()}_{n}" for n in itertools.count())
        try:  # installed once, where no test schema can take it along when it is dropped
            self.conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        except psycopg.Error:
            pass  # a server without it: searches there keep their accents

    @contextmanager
    def fresh(self):
        """The URL of an empty schema for the length of the block."""
        name = next(self.names)
        self.conn.execute(f"CREATE SCHEMA {name}")
        try:
            yield f"{self.url}{'&' if '?' in self.url else '?'}options=-csearch_path%3D{name}"
        finally:
            self.conn.execute(f"DROP SCHEMA {name} CASCADE")

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="session")
def postgres_schemas():
    """The test server (skips the test when none is configured)."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(NO_POSTGRES)
    schemas = PostgresSchemas(url)
    yield schemas
    schemas.close()


@pytest.fixture
def postgres_url(postgres_schemas):
    """The URL of a fresh PostgreSQL store of its own."""
    with postgres_schemas.fresh() as url:
        yield url


def open_backend(backend: str, request) -> object:
    """A fresh store on one backend: in memory for SQLite, in its own schema for PostgreSQL."""
    if backend == "sqlite":
        return SQLiteStore(":memory:")
    from newsprism.store.postgres import PostgresStore

    return PostgresStore(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=BACKENDS)
def store(request):
    """A fresh store, once on each backend."""
    db = open_backend(request.param, request)
    yield db
    db.close()


@pytest.fixture
def sqlite_store():
    """A fresh in-memory SQLite store, for what only SQLite has."""
    db = SQLiteStore(":memory:")
    yield db
    db.close()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """The URL of a new store that several connections can open, once on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(request, tmp_path_factory):
    """The URL of a new store that one module's tests share, once on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "store.db")
        return
    with request.getfixturevalue("postgres_schemas").fresh() as url:
        yield url


@pytest.fixture
def settings():
    """Default settings."""
    return Settings()


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path from str or bytes (gzipped when the name ends in .gz)."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode(encoding) if isinstance(content, str) else content
        if name.endswith(".gz") and not name.endswith(".warc.gz"):
            data = gzip.compress(data)
        path.write_bytes(data)
        return path

    return _write
