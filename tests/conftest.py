"""Shared fixtures: an in-memory store and a helper that writes input files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.store import SQLiteStore


@pytest.fixture
def store():
    """A fresh in-memory SQLite store."""
    db = SQLiteStore(":memory:")
    yield db
    db.close()


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
