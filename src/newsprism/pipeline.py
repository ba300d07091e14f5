"""The per-article pipeline, its ordered stage list, and the ingest/analyze runs over a store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import nlp
from .clean import analysis_text
from .config import Settings
from .errors import InputError
from .ingest import read_articles
from .model import Analysis, Article, Quantity, Statement, Timex
from .stages.entities import EntityIndex, find_entities
from .stages.quantities import find_quantities
from .stages.quotes import extract_statements
from .stages.timexes import date_article
from .store import Store

# Bumped whenever a stage changes what it finds, so `analyze` redoes stale articles.
PIPELINE_VERSION = "4"


@dataclass(slots=True)
class Context:
    """One article's working state while the stages run over it."""

    article: Article
    doc: object  # the spaCy Doc of the article's analysis text
    cue_table: object = None  # a CueTable to use instead of the shipped one (training)
    entities: EntityIndex | None = None
    statements: list[Statement] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Stage:
    """A named per-article step, with what it reads from and adds to the context."""

    name: str
    run: Callable[[Context], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def _entities(ctx: Context) -> None:
    ctx.entities = find_entities(ctx.doc, ctx.article.id)


def _statements(ctx: Context) -> None:
    ctx.statements = extract_statements(ctx.doc, ctx.entities, ctx.article.id, ctx.cue_table)


def _timexes(ctx: Context) -> None:
    # An undated article gets the publication date its text implies, marked as inferred.
    ctx.article, ctx.timexes = date_article(ctx.doc, ctx.article)


def _quantities(ctx: Context) -> None:
    ctx.quantities = find_quantities(ctx.doc, ctx.article)


# The per-article stages, in the order they run.
STAGES: tuple[Stage, ...] = (
    Stage("entities", _entities, requires=("doc",), assigns=("entities",)),
    Stage("statements", _statements, requires=("doc", "entities"), assigns=("statements",)),
    Stage("timexes", _timexes, requires=("doc", "article"), assigns=("timexes", "published")),
    Stage("quantities", _quantities, requires=("doc", "published"), assigns=("quantities",)),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Fail at import time when a stage needs something no earlier stage provides."""
    available = {"article", "doc"}
    for stage in stages:
        missing = set(stage.requires) - available
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs {sorted(missing)} before it runs")
        available |= set(stage.assigns)


check_order(STAGES)

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


def analyze_doc(article: Article, doc, cue_table=None) -> Analysis:
    """Run every per-article stage over one parsed article."""
    ctx = Context(article, doc, cue_table=cue_table)
    for stage in STAGES:
        stage.run(ctx)
    entities, roles = ctx.entities.records()
    inferred = ctx.article.published if ctx.article.published_inferred else None
    return Analysis(article_id=article.id, version=PIPELINE_VERSION, entities=entities,
                    mentions=tuple(ctx.entities.mentions), roles=roles,
                    statements=tuple(ctx.statements), quantities=tuple(ctx.quantities),
                    timexes=tuple(ctx.timexes), inferred_published=inferred)


def analyze_articles(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyses of the articles, in order; spaCy parses them in batches."""
    settings = settings or Settings()
    batch = list(articles)
    docs = nlp.parse((analysis_text(a) for a in batch), settings.spacy_model, settings.batch_size)
    for article, doc in zip(batch, docs, strict=True):
        yield analyze_doc(article, doc)


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """Run the whole per-article pipeline over one article."""
    return next(analyze_articles([article], settings))


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


def analyze_pending(store: Store, settings: Settings | None = None) -> int:
    """Analyse every stored article whose analysis is missing or stale; each is saved alone."""
    settings = settings or Settings()
    pending = store.pending_analysis(PIPELINE_VERSION)
    done = 0
    for start in range(0, len(pending), settings.batch_size):
        articles = [store.get_article(i) for i in pending[start:start + settings.batch_size]]
        for analysis in analyze_articles(articles, settings):
            store.save_analysis(analysis)
            done += 1
    return done


def analyze_paths(inputs: Iterable[str | os.PathLike], store: Store, settings: Settings | None = None,
                  listener: Listener | None = None) -> RunReport:
    """Ingest the inputs, then run the pipeline over every article it has not analysed yet."""
    report = ingest_paths(inputs, store, settings, listener)
    report.analyzed = analyze_pending(store, settings)
    return report
