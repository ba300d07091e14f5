"""The per-article pipeline, its ordered stage list, and the ingest/analyze runs over a store."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import nlp
from .clean import analysis_text
from .config import Settings
from .errors import AnalysisError, InputError
from .ingest import read_articles, skipped_files
from .model import Analysis, Article, Quantity, Statement, Timex
from .parallel import open_runner, run_in_order
from .stages.entities import EntityIndex, find_entities
from .stages.quantities import find_quantities
from .stages.quotes import extract_statements
from .stages.timexes import date_article
from .store import Store

# Bumped whenever a stage changes what it finds, so `analyze` redoes stale articles.
PIPELINE_VERSION = "14"
# spaCy keeps every string it has seen in its vocabulary; once a process has added this many,
# the pipeline is loaded afresh (the analyses do not depend on it), so memory stays flat over
# a long run (about 70 MB per 150,000 strings).
VOCABULARY_GROWTH = 200_000


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
# Progress of a long step: its name, how much of it is done, and of how much (None: unknown).
Steps = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class RunReport:
    """What one ingest or analyze run did, for the summary line and the exit code."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    analyzed: int = 0
    problems: list[InputError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files of types no reader takes

    def summary(self) -> str:
        """One line a person can read."""
        parts = [f"{self.read} read", f"{self.added} added", f"{self.duplicates} already stored"]
        if self.analyzed:
            parts.append(f"{self.analyzed} analysed")
        parts.append(f"{self.failed} failed")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped (unsupported type)")
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


@dataclass(frozen=True, slots=True)
class Failure:
    """An article whose analysis raised, and why."""

    article_id: str
    reason: str


def analyze_batch(articles: list[Article], settings: Settings) -> list[Analysis | Failure]:
    """Analyses of a batch of articles, in order; an article whose analysis raises gives a
    Failure instead, and the others are still analysed."""
    model = _fresh_model(settings.spacy_model)
    try:
        docs = list(model.pipe((analysis_text(a) for a in articles), batch_size=settings.batch_size))
    except Exception:  # one text spaCy cannot take: parse them one by one to find it
        return [_attempt(a, lambda a=a: model(analysis_text(a))) for a in articles]
    return [_attempt(a, lambda doc=doc: doc) for a, doc in zip(articles, docs, strict=True)]


def _attempt(article: Article, parse: Callable[[], object]) -> Analysis | Failure:
    try:
        return analyze_doc(article, parse())
    except Exception as exc:
        return Failure(article.id, f"{type(exc).__name__}: {exc}")


_fresh_size: dict[str, int] = {}  # vocabulary size of each pipeline when it was loaded


def _fresh_model(name: str):
    """The spaCy pipeline, loaded again once its vocabulary has grown by VOCABULARY_GROWTH."""
    model = nlp.load(name)
    size = len(model.vocab.strings)
    if size - _fresh_size.setdefault(name, size) > VOCABULARY_GROWTH:
        nlp.load.cache_clear()
        model = nlp.load(name)
        _fresh_size[name] = len(model.vocab.strings)
    return model


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """Run the whole per-article pipeline over one article."""
    return next(analyze_articles([article], settings))


def ingest_paths(inputs: Iterable[str | os.PathLike], store: Store, settings: Settings | None = None,
                 listener: Listener | None = None) -> RunReport:
    """Read every input into the store; bad inputs are reported and skipped, never fatal; files
    of types no reader takes are counted (`skipped`)."""
    inputs = list(inputs)
    report = RunReport(skipped=skipped_files(inputs))
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


def analyze_pending(store: Store, settings: Settings | None = None, listener: Listener | None = None,
                    dask: str | None = None, report: RunReport | None = None,
                    steps: Steps | None = None) -> RunReport:
    """Analyse every stored article whose analysis is missing or stale, on `settings.workers`
    processes or the Dask cluster at `dask` ("local": one started here). Each analysis is saved
    alone, in the order one worker saves them; an article whose analysis fails is reported
    and stays pending. `steps` hears ("analysing", done, total) after each."""
    settings = settings or Settings()
    report = RunReport() if report is None else report
    pending = store.pending_analysis(PIPELINE_VERSION)
    if not pending:
        return report
    size, batches = settings.batch_size, math.ceil(len(pending) / settings.batch_size)
    # Articles are read a batch at a time, as the runner has room for them.
    articles = ([store.get_article(i) for i in pending[n * size:(n + 1) * size]] for n in range(batches))
    done = 0
    if steps:
        steps("analysing", 0, len(pending))
    with open_runner(settings.workers, settings.spacy_model, dask, batches) as runner:
        for results in run_in_order(runner, analyze_batch, articles, settings):
            for result in results:
                _save(store, result, report, listener)
                done += 1
                if steps:
                    steps("analysing", done, len(pending))
    return report


def _save(store: Store, result: Analysis | Failure, report: RunReport, listener: Listener | None) -> None:
    if isinstance(result, Failure):
        problem = AnalysisError(result.article_id, result.reason)
        report.failed += 1
        report.problems.append(problem)
        if listener:
            listener(problem)
        return
    store.save_analysis(result)
    report.analyzed += 1


def analyze_paths(inputs: Iterable[str | os.PathLike], store: Store, settings: Settings | None = None,
                  listener: Listener | None = None, dask: str | None = None,
                  steps: Steps | None = None) -> RunReport:
    """Ingest the inputs, then run the pipeline over every article it has not analysed yet
    (where: see `analyze_pending`)."""
    report = ingest_paths(inputs, store, settings, listener)
    return analyze_pending(store, settings, listener, dask, report, steps)
