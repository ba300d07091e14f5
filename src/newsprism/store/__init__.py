"""Storage backends behind one small protocol, chosen by URL."""

from __future__ import annotations

from ..errors import PostgresNotInstalled, UnknownStoreURL
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


def _postgres_store(url: str) -> Store:
    # Imported here: psycopg is an optional dependency, needed only for PostgreSQL stores.
    try:
        from .postgres import PostgresStore
    except ImportError as exc:
        if exc.name is not None and not exc.name.startswith("psycopg"):
            raise
        raise PostgresNotInstalled(str(exc)) from exc
    return PostgresStore(url)


__all__ = ["SQLiteStore", "SearchHit", "Store", "open_store"]
