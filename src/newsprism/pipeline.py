"""The per-article pipeline, its ordered stage list, and the ingest/analyze runs over a store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .config import Settings
from .errors import InputError
from .ingest import read_articles
from .model import Analysis, Article
from .store import Store

# Bumped whenever a stage changes what it finds, so `analyze` redoes stale articles.
PIPELINE_VERSION = "1"

# The per-article stages, in the order they run. Each takes the article and the analysis
# so far and returns the analysis with its own records added. (Filled in by later steps.)
STAGES: tuple[Callable[[Article, Analysis], Analysis], ...] = ()

Listener = Callable[[Article | InputError], None]


@dataclass(slots=True)
class RunReport:
    """What one ingest or analyze run did, for the summary line and the exit code."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    analyzed: int = 0
    problems: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        """One line a person can read."""
        parts = [f"{self.read} read", f"{self.added} added", f"{self.duplicates} already stored"]
        if self.analyzed:
            parts.append(f"{self.analyzed} analysed")
        parts.append(f"{self.failed} failed")
        return ", ".join(parts)


def analyze_article(article: Article) -> Analysis:
    """Run every per-article stage over one article."""
    analysis = Analysis(article_id=article.id, version=PIPELINE_VERSION)
    for stage in STAGES:
        analysis = stage(article, analysis)
    return analysis


def ingest_paths(inputs: Iterable[str | os.PathLike], store: Store, settings: Settings | None = None,
                 listener: Listener | None = None) -> RunReport:
    """Read every input into the store; bad inputs are reported and skipped, never fatal."""
    report = RunReport()
    for item in read_articles(inputs, settings):
        if isinstance(item, InputError):
            report.failed += 1
            report.problems.append(item)
        else:
            report.read += 1
            if store.add_article(item):
                report.added += 1
            else:
                report.duplicates += 1
        if listener:
            listener(item)
    return report


def analyze_paths(inputs: Iterable[str | os.PathLike], store: Store, settings: Settings | None = None,
                  listener: Listener | None = None) -> RunReport:
    """Ingest the inputs, then run the pipeline over every article it has not analysed yet."""
    report = ingest_paths(inputs, store, settings, listener)
    for article_id in store.pending_analysis(PIPELINE_VERSION):
        store.save_analysis(analyze_article(store.get_article(article_id)))
        report.analyzed += 1
    return report
