"""Storage backends behind one small protocol, chosen by URL."""

from __future__ import annotations

from ..errors import UnknownStoreURL
from .base import SearchHit, Store
from .sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """Open the store a URL names: a file path or sqlite:///PATH (PostgreSQL comes later)."""
    if url.startswith("sqlite:///"):
        return SQLiteStore(url.removeprefix("sqlite:///"))
    if url == ":memory:" or "://" not in url:
        return SQLiteStore(url)
    raise UnknownStoreURL(url)


__all__ = ["SQLiteStore", "SearchHit", "Store", "open_store"]
