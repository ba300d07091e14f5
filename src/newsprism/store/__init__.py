"""Storage backends behind one small protocol, chosen by URL."""

from __future__ import annotations

from pathlib import Path

from ..errors import PostgresNotInstalled, StoreError, UnknownStoreURL
from .base import SearchHit, Store
from .sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """Open the store a URL names: a file path or sqlite:///PATH (SQLite), or
    postgresql://... / postgres://... (PostgreSQL, with the `postgres` extra)."""
    if url.startswith("sqlite:///"):
        return SQLiteStore(url.removeprefix("sqlite:///"))
    if url.startswith(("postgresql://", "postgres://")):
        return _postgres_store(url)
    if url == ":memory:" or "://" not in url:
        return SQLiteStore(url)
    raise UnknownStoreURL(url)


def existing_store(url: str, who: str = "this command") -> str:
    """The store URL, after checking it names a store that exists: reading never creates one
    (a mistyped --db would otherwise answer with an empty store and zeros)."""
    path = url.removeprefix("sqlite:///")
    if path == ":memory:":
        raise StoreError(f"{who} needs a store file, not ':memory:'")
    if "://" not in path and not Path(path).is_file():
        raise StoreError(f"no store at {path!r}: analyse some articles into it first "
                         f"(newsprism analyze FILES --db {path})")
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import holds_store, redacted  # psycopg: the postgres extra

        if not holds_store(url):
            raise StoreError(f"no store at {redacted(url)!r}: analyse some articles into it first "
                             f"(newsprism analyze FILES --db URL)")
    open_store(url).close()  # fail now, with a clear message, if it is not a newsprism store
    return url


def _postgres_store(url: str) -> Store:
    # Imported here: psycopg is an optional dependency, needed only for PostgreSQL stores.
    try:
        from .postgres import PostgresStore
    except ImportError as exc:
        if exc.name is not None and not exc.name.startswith("psycopg"):
            raise
        raise PostgresNotInstalled(str(exc)) from exc
    return PostgresStore(url)


__all__ = ["SQLiteStore", "SearchHit", "Store", "existing_store", "open_store"]
