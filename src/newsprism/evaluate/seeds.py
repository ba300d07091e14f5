"""Expectations for the five real seed reports in ../shared/seeds, checked in CI.

The seed texts never enter the repository; only what we expect to find in them does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..pipeline import analyze_paths
from ..store import SQLiteStore


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation and whether the seeds meet it."""

    name: str
    passed: bool
    detail: str


SEED_PUBLISHED = {"001_789c7485cfc05adc": "2025-01-13"}
SEARCHES = {"Rutte": 5, "Hegseth": 1, "Huckabee": 1, '"Secretary General"': 5}


def check_seeds(path: str | Path) -> list[Check]:
    """Analyse the seeds into a fresh in-memory store and check what came out."""
    store = SQLiteStore(":memory:")
    report = analyze_paths([path], store)
    checks = [Check("all seeds ingest", report.added == 5 and report.failed == 0,
                    report.summary())]
    for article_id, expected in SEED_PUBLISHED.items():
        got = store.get_article(article_id).published
        checks.append(Check(f"published of {article_id}", got == expected, f"{got} (want {expected})"))
    for query, expected in SEARCHES.items():
        found = len(store.search(query, limit=50))
        checks.append(Check(f"search {query}", found == expected, f"{found} hits (want {expected})"))
    return checks
