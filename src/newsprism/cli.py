"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from contextlib import contextmanager
from functools import partial

import click
from rapidfuzz import fuzz, process
from tqdm import tqdm

from . import __version__
from .config import SETTINGS, load_settings, setting_sources
from .errors import InputError, NewsprismError
from .link import link_store
from .link.conflicts import SHOWN_CONFIDENCE
from .pipeline import RunReport, analyze_paths, ingest_paths
from .report.briefing import day_span
from .report.export import conflict_records, entity_record, quantity_record, statement_records, story_record
from .report.export import export as export_store
from .report.speaker import speaker_view
from .report.story import story_view
from .report.text import fixed_row, render_speaker
from .report.timeline import build_timeline
from .stages.entities import ENTITY_TYPES
from .store import existing_store, open_store
from .store.entity_links import ENTITY_SORTS
from .store.indexes import IndexFilter

db_option = click.option("--db", envvar="NEWSPRISM_DB", default=None,
                         help="Store: a SQLite path, sqlite:///PATH or postgresql://URL "
                              "[default: ./newsprism.db].")
DATASETS = "../shared/datasets"  # where the gold data sits beside a checkout
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
STATEMENT_KINDS = ("direct", "unmarked", "indirect", "mixed")


def _iso_day(ctx, param, value):
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r} is no date: write YYYY-MM-DD")
    return value


_ARTICLE_OPTIONS = (
    click.option("--story", "story_id", default=None, help="Only this story."),
    click.option("--outlet", default=None, help="Only this outlet's reports (its source, exactly)."),
    click.option("--since", default=None, callback=_iso_day, help="Reports from this day (YYYY-MM-DD)."),
    click.option("--until", default=None, callback=_iso_day, help="Reports up to this day (YYYY-MM-DD)."))


class ArticleFilter:
    """Keeps the records of articles in one story, of one outlet, published within dates."""

    def __init__(self, store, story_id=None, outlet=None, since=None, until=None) -> None:
        if story_id is not None:
            store.get_story(story_id)  # an unknown story is an error, not an empty list
        self.store, self.story_id, self.outlet, self.since, self.until = store, story_id, outlet, since, until
        self.active = any(v is not None for v in (story_id, outlet, since, until))
        self._kept: dict[str, bool] = {}

    def keeps(self, article_id: str) -> bool:
        """Whether the filter keeps what this article states."""
        if not self.active:
            return True
        if article_id not in self._kept:
            article = self.store.get_article(article_id)
            day = (article.published or "")[:10]
            self._kept[article_id] = (
                (self.story_id is None or self.store.story_of(article_id) == self.story_id)
                and (self.outlet is None or article.source == self.outlet)
                and (self.since is None or bool(day) and day >= self.since)
                and (self.until is None or bool(day) and day[:len(self.until)] <= self.until))
        return self._kept[article_id]


class KindFilter:
    """Keeps what is said in a statement of one kind: a figure inside its content, a dated
    sentence that holds one."""

    def __init__(self, store, kind: str | None) -> None:
        self.store, self.kind = store, kind
        self._statements: dict[str, list] = {}

    def _of(self, article_id: str) -> list:
        if article_id not in self._statements:
            self._statements[article_id] = [s for s in self.store.iter_statements(article_id)
                                            if s.kind == self.kind]
        return self._statements[article_id]

    def keeps_span(self, article_id: str, start: int, end: int) -> bool:
        return self.kind is None or any(s.content[0] <= start and end <= s.content[1]
                                        for s in self._of(article_id))

    def keeps_ids(self, article_id: str, statement_ids) -> bool:
        return self.kind is None or bool({s.id for s in self._of(article_id)} & set(statement_ids))


def _filter_options(command):
    """--story, --kind, --outlet, --since and --until, for the commands that list statements."""
    for option in reversed((
            _ARTICLE_OPTIONS[0],
            click.option("--kind", default=None, type=click.Choice(STATEMENT_KINDS),
                         help="Only statements of this kind."),
            *_ARTICLE_OPTIONS[1:])):
        command = option(command)
    return command


class NewsprismGroup(click.Group):
    """A click group that turns newsprism's own errors into clear messages and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsprismError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=NewsprismGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="A TOML config file [default: ./newsprism.toml, then ~/.config/newsprism/config.toml].")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """newsprism: who said what, what was claimed, who reported it, where outlets disagree."""
    ctx.obj = {"config": config}


def settings_for(db: str | None = None, **overrides):
    """Settings with the config file of the current invocation and the given overrides."""
    ctx = click.get_current_context()
    return load_settings(ctx.find_root().obj.get("config"), db=db, **overrides)


@contextmanager
def store_for(db: str | None, create: bool = False):
    """Open the store the options name, and close it when the command is done. Only the
    commands that add articles may `create` it: the others refuse a store that does not exist."""
    url = settings_for(db).db
    store = open_store(url if create else existing_store(url))
    try:
        yield store
    finally:
        store.close()


class Progress:
    """What long work is doing, on stderr: on a terminal a progress bar a step (`tqdm`: done,
    total, rate, time left) for reading, analysing and each phase of linking; elsewhere a
    one-line status every STATUS_SECONDS and at the end of each step. Problems are printed as
    they happen."""

    def __init__(self, live: bool | None = None) -> None:
        self.live = sys.stderr.isatty() if live is None else live
        self.read = self.failed = self.done = 0
        self.total: int | None = None
        self.step: str | None = None
        self.bar = None
        self.last = time.monotonic()

    def __call__(self, item) -> None:
        """One input read (an article, or the problem with one)."""
        self.read += 1
        if isinstance(item, InputError):
            self.failed += 1
            self._write(f"error: {item}")
        self.steps("reading", self.read, None)

    def steps(self, step: str, done: int, total: int | None) -> None:
        """How far a long step has got."""
        if step != self.step:
            self.finish()
            self.step, self.last = step, time.monotonic()
            if self.live:
                self.bar = tqdm(total=total, desc=step, unit=" article" if step in WORK_UNITS else "",
                                file=sys.stderr, leave=False, dynamic_ncols=True)
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.refresh()
        elif time.monotonic() - self.last >= STATUS_SECONDS:
            self.last = time.monotonic()
            click.echo(_status(step, done, total), err=True)
        self.done, self.total = done, total

    def finish(self) -> None:
        """End the current step's display (off a terminal: its last status line)."""
        if self.step is None:
            return
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif self.step != "reading" or self.failed:
            click.echo(_status(self.step, self.done, self.total), err=True)
        self.step = None

    def _write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        self.finish()


STATUS_SECONDS = 10  # off a terminal, a status line this often
WORK_UNITS = {"reading", "analysing"}


def _status(step: str, done: int, total: int | None) -> str:
    return f"{step}: {done}" + (f" of {total}" if total is not None else "")


def _run(function, inputs, db, link: bool = False, **overrides) -> RunReport:
    settings = settings_for(db, **overrides)
    progress = Progress()
    with store_for(settings.db, create=True) as store:
        try:
            report = function(inputs, store, settings, progress)
        finally:
            progress.close()
        click.echo(report.summary(), err=True)
        if link:
            try:
                linked = link_store(store, steps=progress.steps)
            finally:
                progress.close()
            click.echo(linked.summary(), err=True)
    if report.skipped:
        names = ", ".join(str(p) for p in report.skipped[:SKIPPED_SHOWN])
        rest = len(report.skipped) - SKIPPED_SHOWN
        more = f" and {rest} more" if rest > 0 else ""
        click.echo(f"skipped, no reader for their type: {names}{more}", err=True)
    if report.failed:
        click.echo(f"{report.failed} input(s) failed; see the errors above.", err=True)
        sys.exit(1)
    if report.skipped and not report.read:
        click.echo("nothing was read: every file found is of a type newsprism does not read "
                   "(txt, html, jsonl, rss/atom/xml, warc; .gz too).", err=True)
        sys.exit(1)
    return report


SKIPPED_SHOWN = 5  # skipped files named in the message; the rest are counted


input_options = [
    click.argument("inputs", nargs=-1, required=True),
    db_option,
    click.option("--max-text-mb", type=float, default=None,
                 help="Reject articles with more text than this [default: 5]."),
    click.option("--encoding", default=None,
                 help="Force this encoding for every input [default: UTF-8, then detect]."),
]


def with_options(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function
    return decorate


@cli.command()
@with_options(input_options)
def ingest(inputs, db, max_text_mb, encoding):
    """Read files, directories or globs (txt, html, jsonl, rss/atom, warc; .gz too) into the store."""
    _run(ingest_paths, inputs, db, max_text_mb=max_text_mb, encoding=encoding)


@cli.command()
@with_options([click.argument("inputs", nargs=-1, required=False), *input_options[1:]])
@click.option("--link/--no-link", default=True, show_default=True,
              help="Then place new articles in stories and find their conflicts.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Processes for the per-article pipeline; 1 runs it in this process "
                   "[default: the workers setting, 0 = one per core].")
@click.option("--dask", metavar="ADDRESS|local", default=None,
              help="Run the per-article pipeline on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://HOST:8786), or on a local one of --workers processes (needs the dask extra).")
def analyze(inputs, db, max_text_mb, encoding, link, workers, dask):
    """Ingest the inputs, run every analysis stage over the articles not yet analysed, and link
    them into stories. With no inputs, analyse what the store holds that is not analysed yet
    (after `ingest`)."""
    if not inputs:
        existing_store(settings_for(db).db)  # nothing to add: the store must be there already
    _run(partial(_analyze_with_steps, dask=dask), inputs, db, link,
         max_text_mb=max_text_mb, encoding=encoding, workers=workers)


def _analyze_with_steps(inputs, store, settings, progress, dask=None) -> RunReport:
    return analyze_paths(inputs, store, settings, progress, dask, steps=progress.steps)


@cli.command()
@db_option
def link(db):
    """Place analysed articles in stories; align statements and claims; find conflicts."""
    progress = Progress()
    with store_for(db) as store:
        try:
            linked = link_store(store, steps=progress.steps)
        finally:
            progress.close()
        click.echo(linked.summary(), err=True)
        counts = store.stats()
        if counts["articles"] > counts["analysed"]:
            where = f" --db {db}" if db else ""
            waiting = counts["articles"] - counts["analysed"]
            click.echo(f"{waiting} article(s) not analysed yet, so not linked: run newsprism analyze{where} "
                       "(with no inputs, it analyses what is stored)", err=True)


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@json_option
def articles(db, limit, offset, as_json):
    """List the stored articles: id, publication date, source and title."""
    with store_for(db) as store:
        for n, article in enumerate(store.iter_articles(limit, offset)):
            if as_json:
                row = {k: getattr(article, k) for k in ("id", "published", "published_inferred", "source",
                                                        "title", "url")}
                click.echo(json.dumps(row, ensure_ascii=False))
                continue
            if n == 0:
                click.echo(fixed_row(ARTICLE_COLUMNS, [name.upper() for name, _ in ARTICLE_COLUMNS]))
            day = date_text(article.published, article.published_inferred)
            cells = [article.id, day, article.source or "-", article.title or "-"]
            click.echo(fixed_row(ARTICLE_COLUMNS, cells))


# The `articles` table, streamed: fixed column widths (the last column takes what is left).
ARTICLE_COLUMNS = (("id", 30), ("published", 23), ("outlet", 22), ("title", 60))


def date_text(published: str | None, inferred: bool = False) -> str:
    """A publication date as every text output writes it: the day (YYYY-MM-DD), marked when
    newsprism inferred it from the text rather than read it from the source's metadata."""
    if not published:
        return "-"
    return published[:10] + (" (inferred)" if inferred else "")


@cli.command()
@click.argument("article_id")
@db_option
@json_option
def show(article_id, db, as_json):
    """Show one article: its metadata and its stored text."""
    with store_for(db) as store:
        article = store.get_article(article_id)
    if as_json:
        click.echo(json.dumps(article.as_dict(), ensure_ascii=False, indent=2))
        return
    for name in ("id", "title", "source", "url", "published", "language", "content_hash"):
        value = date_text(article.published, article.published_inferred) if name == "published" \
            else getattr(article, name) or "-"
        click.echo(f"{name}: {value}")
    click.echo("\n" + article.text)


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@json_option
def search(query, db, limit, as_json):
    """Full-text search over titles and texts (SQLite FTS5 syntax, or plain words)."""
    with store_for(db) as store:
        hits = store.search(query, limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.as_dict(), ensure_ascii=False))
        else:
            click.echo(f"{hit.article_id}\t{hit.title or '-'}\n    {' '.join(hit.snippet.split())}")
    if not hits and not as_json:
        click.echo("no matches", err=True)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def export(db, fmt, output):
    """Export everything in the store (format: docs/export-format.md)."""
    with store_for(db) as store:
        export_store(store, output, fmt)


def emit(records, as_json: bool, line) -> None:
    """Print dict records one JSON object a line, or each as `line(record)` renders it."""
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False) if as_json else line(record))


def emit_table(records, as_json: bool, columns: tuple[tuple[str, int], ...], cells) -> None:
    """Print dict records one JSON object a line, or as a streamed table with a header line
    (`columns`: name and width; `cells(record)`: the row's cells)."""
    for n, record in enumerate(records):
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        if n == 0:
            click.echo(fixed_row(columns, [name.upper() for name, _ in columns]))
        click.echo(fixed_row(columns, cells(record)))


def _statement_line(record: dict) -> str:
    who = (record["speaker"] or {}).get("name") or "(unattributed)"
    return (f"{who} [{record['kind']}] {record['article_id']}@{record['content']['start']}\n"
            f"    {' '.join(record['content']['text'].split())}")


# The `entities` and `stories` tables: fixed column widths (the last column takes what is left).
ENTITY_COLUMNS = (("id", 32), ("name", 26), ("type", 6), ("mentions", 8), ("articles", 8),
                  ("names and roles", 60))
STORY_COLUMNS = (("id", 18), ("articles", 8), ("dates", 36), ("title and who is in it", 80))


def _entity_cells(record: dict) -> list:
    roles = f"; roles: {'; '.join(record['role_names'])}" if record["role_names"] else ""
    return [record["id"], record["name"], record["type"], record["mentions"], record["articles"],
            f"{', '.join(record['aliases'])}{roles}"]


def _claim_line(record: dict) -> str:
    scope = record["scope"]
    scope = f" [{scope['from'] or '…'} – {scope['to'] or '…'}]" if scope else ""
    return (f"{record['display']}{scope}  «{record['text']}»  "
            f"{record['subject'] or '-'}  ({record['article_id']}@{record['start']})")


def _timeline_line(record: dict) -> str:
    said = f"  [{len(record['statement_ids'])} statement(s)]" if record["statement_ids"] else ""
    return f"{record['date']}  {record['article_id']}@{record['start']}{said}\n    {record['text']}"


@cli.command()
@db_option
@click.option("--speaker", default=None, help="Only statements whose speaker's name or alias holds this.")
@click.option("--article", "article_id", default=None, help="Only statements of this article.")
@_filter_options
@json_option
def quotes(db, speaker, article_id, story_id, kind, outlet, since, until, as_json):
    """Who said what: every statement with its speaker, kind and content."""
    with store_for(db) as store:
        kept = ArticleFilter(store, story_id, outlet, since, until)
        said = (s for s in store.iter_statements(article_id, speaker)
                if (kind is None or s.kind == kind) and kept.keeps(s.article_id))
        records = list(statement_records(store, said))
        if not records and (kept.active or kind):
            click.echo("no statement matches these filters", err=True)
            return
        emit(records, as_json, _statement_line)
        if not records:
            click.echo(_why_no_statements(store, db, speaker, article_id), err=True)


def _why_no_conflicts(store, db: str | None, story_id: str | None) -> str:
    """Why no conflict was found, and what to run where a step is missing."""
    where = f" --db {db}" if db else ""
    if not store.stats()["analysed"]:
        return (f"no article is analysed yet: run newsprism analyze{where} "
                "(with no inputs, it analyses what is stored)")
    sizes = Counter(store.story_assignments().values())
    if not sizes:
        return f"no article is linked into a story yet: run newsprism link{where}"
    if story_id is not None:
        return (f"no conflict found in story {story_id!r}: its {sizes[story_id]} article(s) do not "
                "disagree on a number, a name or a date")
    shared = sum(1 for size in sizes.values() if size > 1)
    return (f"no conflict found: conflicts are between reports of one story, and the reports of the "
            f"{shared} stories (of {len(sizes)}) that hold two or more articles do not disagree on a "
            "number, a name or a date")


def _why_no_statements(store, db: str | None, speaker: str | None, article_id: str | None) -> str:
    """Why a list of statements came back empty, and what to try instead."""
    where = f" --db {db}" if db else ""
    if not store.stats()["analysed"]:
        return (f"no article is analysed yet: run newsprism analyze{where} "
                "(with no inputs, it analyses what is stored)")
    if article_id is not None:
        store.get_article(article_id)  # an unknown article is an error of its own
        return f"no statement found in article {article_id!r}"
    if speaker:
        names = sorted({s.speaker_name for s in store.iter_statements() if s.speaker_name})
        close = [name for name, score, _ in process.extract(speaker, names, scorer=fuzz.WRatio, limit=3)
                 if score >= DID_YOU_MEAN]
        hint = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
        return f"no statement by a speaker named like {speaker!r}{hint}"
    return "no statement found"


DID_YOU_MEAN = 60  # rapidfuzz WRatio of a speaker's name worth suggesting for a mistyped one


@cli.command()
@db_option
@click.option("--type", "type_", default=None, type=click.Choice(sorted(ENTITY_TYPES), case_sensitive=False),
              help="Only this type.")
@click.option("--story", "story_id", default=None, help="Only entities named in this story.")
@click.option("--sort", type=click.Choice(list(ENTITY_SORTS)), default="mentions", show_default=True,
              help="Most mentioned first, or by name.")
@json_option
def entities(db, type_, story_id, sort, as_json):
    """People, organisations and places across the store, most mentioned first (or by name): one
    entity per real person (names, roles, mention and article counts)."""
    with store_for(db) as store:
        if story_id is not None:
            store.get_story(story_id)  # an unknown story is an error, not an empty list
        found = store.iter_entities(type_, story_id)  # the choice comes back as written above
        if sort == "name":
            found = sorted(found, key=lambda e: (e.name.lower(), e.id))
        emit_table((entity_record(store, e) for e in found), as_json, ENTITY_COLUMNS, _entity_cells)


@cli.command()
@db_option
@click.option("--subject", default=None, help="Only quantities whose subject holds this text.")
@click.option("--article", "article_id", default=None, help="Only quantities of this article.")
@_filter_options
@json_option
def claims(db, subject, article_id, story_id, kind, outlet, since, until, as_json):
    """What was claimed: every number with its value, unit, change, subject and time scope
    (with --kind, only those stated inside a statement of that kind)."""
    with store_for(db) as store:
        kept, said = ArticleFilter(store, story_id, outlet, since, until), KindFilter(store, kind)
        found = (q for q in store.iter_quantities(article_id, subject)
                 if kept.keeps(q.article_id) and said.keeps_span(q.article_id, q.start, q.end))
        emit((quantity_record(q) for q in found), as_json, _claim_line)


def _story_span(record: dict) -> str:
    span = " – ".join(d for d in (record["start"], record["end"]) if d) or "undated"
    if len(record["events"]) > 1:
        span += f" ({len(record['events'])} events)"
    return span


def _story_line(record: dict) -> str:
    count = len(record["article_ids"])
    head = f"{record['id']}  {count} article(s)  {_story_span(record)}  {record['title']}"
    return head + (f"\n    {', '.join(record['entities'])}" if record["entities"] else "")


def _story_cells(record: dict) -> list:
    who = f" ({', '.join(record['entities'])})" if record["entities"] else ""
    return [record["id"], len(record["article_ids"]), _story_span(record), f"{record['title']}{who}"]


def _conflict_line(record: dict) -> str:
    lines = [f"{record['id']} [{record['kind']}, {record['status']}, confidence {record['confidence']:.2f}] "
             f"{record['summary']}"]
    if record["reasons"]:
        lines.append(f"    less sure: {'; '.join(record['reasons'])}")
    for side in record["sides"]:
        where = "; ".join(f"{e['article_id']}@{e['start']} «{' '.join(e['text'].split())}»"
                          for e in side["evidence"])
        lines.append(f"    {side['value']}: {where}")
    return "\n".join(lines)


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@json_option
def stories(db, limit, offset, as_json):
    """Stories: articles about the same event, the most covered first."""
    with store_for(db) as store:
        emit_table((story_record(s) for s in store.iter_stories(limit, offset)), as_json, STORY_COLUMNS,
                   _story_cells)


@cli.command()
@click.argument("story_id")
@db_option
@json_option
def story(story_id, db, as_json):
    """One story: its articles, aligned statements with corroboration, claims, conflicts, timeline."""
    with store_for(db) as store:
        view = story_view(store, story_id)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    click.echo(_story_line(view))
    events = len(view["events"]) > 1
    for article in view["articles"]:
        event = f"[event {article['event']}]  " if events and article["event"] else ""
        when = date_text(article["published"], article["published_inferred"])
        click.echo(f"  {when:<10}  {event}{article['source'] or '-'}  "
                   f"{article['id']}  {article['title'] or ''}")
    if events:
        _echo_section("Events", view["events"], _event_line)
    _echo_section("Who said what", view["statements"], _group_line)
    _echo_section("Claims", view["claims"], _group_line)
    _echo_section("Conflicts", view["conflicts"], _conflict_line)
    _echo_section("Timeline", view["timeline"], _timeline_line)


def _event_line(event: dict) -> str:
    return (f"  {day_span(event['start'], event['end'])}: {len(event['article_ids'])} article(s), "
            f"{', '.join(event['article_ids'])}")


def _echo_section(title: str, records: list[dict], line) -> None:
    if records:
        click.echo(f"\n{title}")
        for record in records:
            click.echo(line(record))


def _group_line(group: dict) -> str:
    first = group["versions"][0] if group["versions"] else {}
    text = first["content"]["text"] if "content" in first else first.get("text", "")
    who = f"{group['speaker']}: " if group.get("speaker") else ""
    return (f"  [{group['corroboration']} outlet(s): {', '.join(group['sources'])}] "
            f"{who}{' '.join(text.split())[:160]}")


@cli.command()
@db_option
@click.option("--story", "story_id", default=None, help="Only this story's conflicts.")
@click.option("--all", "show_all", is_flag=True,
              help="Also the less certain conflicts (by default only those of confidence "
                   f"{SHOWN_CONFIDENCE} or more are shown).")
@json_option
def conflicts(db, story_id, show_all, as_json):
    """Where outlets disagree: numbers, identities and dates, each side with its evidence and a
    confidence with the reasons it is not higher."""
    with store_for(db) as store:
        if story_id is not None:
            store.get_story(story_id)  # an unknown story is an error, not an empty list
        found = list(store.iter_conflicts(story_id))
        shown = [c for c in found if show_all or c.confidence >= SHOWN_CONFIDENCE]
        emit(list(conflict_records(store, shown)), as_json, _conflict_line)
        if not found:
            click.echo(_why_no_conflicts(store, db, story_id), err=True)
    if len(shown) < len(found):
        click.echo(f"{len(found) - len(shown)} less certain conflict(s) not shown: --all shows them.",
                   err=True)


@cli.command()
@db_option
@click.option("--story", "story_ids", multiple=True, help="Only this story (repeatable) [default: all].")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@click.option("--all", "show_all", is_flag=True, help="Also the less certain conflicts.")
def report(db, story_ids, fmt, output, show_all):
    """A briefing per story: who said what, key numbers, conflicts, timeline, each linked to its source."""
    from .report.briefing import briefing_html, briefing_markdown

    render = briefing_html if fmt == "html" else briefing_markdown
    with store_for(db) as store:
        output.write(render(store, list(story_ids) or None, show_all))


@cli.command()
@db_option
@click.option("--article", "article_id", default=None, help="Only this article's dates.")
@_filter_options
@json_option
def timeline(db, article_id, story_id, kind, outlet, since, until, as_json):
    """Dated events and statements in date order, each with its sentence and article (with
    --kind, only sentences that hold a statement of that kind)."""
    with store_for(db) as store:
        kept, said = ArticleFilter(store, story_id, outlet, since, until), KindFilter(store, kind)
        entries = [e for e in build_timeline(store, article_id)
                   if kept.keeps(e.article_id) and said.keeps_ids(e.article_id, e.statement_ids)]
    emit((e.as_dict() for e in entries), as_json, _timeline_line)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the UI to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve(db, host, port):
    """Browse the store in a web browser, read-only: stories, articles, entities, conflicts, and
    the same pages as JSON (OpenAPI at /openapi.json)."""
    try:
        from .web import serve as serve_web
    except ImportError as exc:
        raise click.ClickException(
            f"the web UI needs its extra: pip install 'newsprism[web]' ({exc})") from exc
    serve_web(settings_for(db).db, host, port)


@cli.command()
@db_option
@json_option
def stats(db, as_json):
    """Summarise the store: how many articles, sources and analysed articles, and the dates."""
    with store_for(db) as store:
        counts = store.stats()
    if as_json:
        click.echo(json.dumps(counts))
    else:
        click.echo("\n".join(f"{name.replace('_', ' ')}: {value if value is not None else '-'}"
                             for name, value in counts.items()))


@cli.group()
def evaluate():
    """Measure the extraction stages against gold data (default path: ../shared/datasets)."""


@evaluate.command("seeds")
@click.argument("path", type=click.Path(exists=True, file_okay=False), default="../shared/seeds")
def evaluate_seeds(path):
    """Check the expectations written for the five real seed reports."""
    from .evaluate.seeds import check_seeds

    failures = 0
    for check in check_seeds(path):
        click.echo(f"{'ok  ' if check.passed else 'FAIL'}  {check.name}: {check.detail}")
        if check.notes:
            click.echo("\n".join(f"        {note}" for note in check.notes))
        failures += not check.passed
    click.echo(f"{failures} of the seed checks failed" if failures else "all seed checks passed")
    sys.exit(1 if failures else 0)


@evaluate.command("polnear")
@click.argument("path", type=click.Path(exists=True, file_okay=False), default=f"{DATASETS}/polnear")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents.")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score textacy's direct_quotations (needs the eval extra).")
def evaluate_polnear_command(path, split, limit, baseline):
    """Statements against PolNeAR attributions: content overlap, exact, speakers, direct quotes."""
    from .evaluate.polnear import evaluate_polnear, format_scores_markdown, textacy_predict
    from .evaluate.statements import newsprism_predict

    settings = settings_for()
    scores = {"newsprism": evaluate_polnear(path, split, lambda docs: newsprism_predict(docs, settings),
                                            limit)}
    if baseline:
        scores["textacy direct_quotations (baseline)"] = evaluate_polnear(path, split, textacy_predict, limit)
    click.echo(f"PolNeAR {split}, {scores['newsprism'].docs} documents\n")
    click.echo(format_scores_markdown(scores))


@evaluate.command("quantities")
@click.argument("path", type=click.Path(exists=True, file_okay=False), default=f"{DATASETS}/quantities")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score quantulum3 (needs the eval extra).")
@click.option("--news", "datasets", type=click.Path(exists=True, file_okay=False),
              help="Also score our 420 hand-labelled news sentences: the shared datasets folder.")
def evaluate_quantities_command(path, baseline, datasets):
    """Quantities against the quantulum3 and CQE sets: value F1 and value+unit F1; with --news,
    also on real news sentences labelled by hand (their texts read from the datasets folder)."""
    from .evaluate.quantities import quantities_report

    click.echo(quantities_report(path, baseline, datasets))


@evaluate.command("tempeval")
@click.argument("path", type=click.Path(exists=True, file_okay=False), default=f"{DATASETS}/tempeval3")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents.")
@click.option("--baseline", "baselines", multiple=True, type=click.Choice(["heideltime", "dateparser"]),
              default=("heideltime", "dateparser"), show_default=True,
              help="Baselines to score in the same run (need the eval extra; HeidelTime needs Java).")
@click.option("--no-baseline", is_flag=True, help="Score newsprism alone.")
def evaluate_tempeval_command(path, limit, baselines, no_baseline):
    """Time expressions against TempEval-3 (TimeBank + AQUAINT): span, type and value F1."""
    from .evaluate.tempeval import default_systems, evaluate_tempeval, format_scores_markdown

    scores = {}
    for name, predict in default_systems(() if no_baseline else baselines).items():
        try:
            scores[name] = evaluate_tempeval(path, predict, limit)
        except NewsprismError as exc:  # a baseline that cannot run here must not hide our figures
            if name == "newsprism":
                raise
            click.echo(f"skipped {name}: {exc}", err=True)
    click.echo(format_scores_markdown(scores))


@evaluate.command("stories")
@click.argument("path", type=click.Path(exists=True, dir_okay=False),
                default=f"{DATASETS}/clustering/ecbplus-dev.jsonl")
@click.option("--split", type=click.Choice(["dev", "train", "all"]), default=None,
              help="Rows to score [default: dev where the set has splits, else all].")
def evaluate_stories_command(path, split):
    """Story clustering against gold clusters: B³, pairwise F1 and ARI, with a TF-IDF baseline."""
    from .evaluate.stories import stories_report

    click.echo(stories_report(path, split, settings_for()))


@evaluate.command("entities")
@click.argument("path", type=click.Path(exists=True), default=f"{DATASETS}/entities")
@click.option("--db", "db", default=None, type=click.Path(dir_okay=False),
              help="Analyse into this store (kept) instead of a temporary one.")
def evaluate_entities_command(path, db):
    """Store-wide entities against gold cross-document chains (a file, or the folder's ECB+
    dev, ECB+ train and NewsWCL50): coverage, cross-document pairwise and B³, beside the
    same-head-word baseline."""
    from .evaluate.entities import entities_report

    click.echo(entities_report(path, settings_for(), db))


@evaluate.command("conflicts")
@click.argument("path", type=click.Path(exists=True, file_okay=False), required=False)
@click.option("--real", "datasets", type=click.Path(exists=True, file_okay=False),
              help="Also run the hand-read real news: the shared datasets folder (../shared/datasets).")
def evaluate_conflicts_command(path, datasets):
    """The conflict suites (both packaged ones, or a folder of cases): strict and lenient
    precision and recall; with --real, precision over every conflict printed on 26 real
    multi-outlet events read by hand, and recall of their real disagreements."""
    from .evaluate.conflicts import (
        PACKAGED_SUITES,
        default_folder,
        format_conflict_scores_markdown,
        load_cases,
        score_conflicts,
    )
    from .link.conflicts import find_conflicts
    from .pipeline import analyze_articles

    settings = settings_for()

    def predict(articles):
        return find_conflicts(list(zip(articles, analyze_articles(articles, settings), strict=True)))

    suites = {path: path} if path else {name: default_folder(f) for name, f in PACKAGED_SUITES.items()}
    for name, folder in suites.items():
        click.echo(f"### {name}\n")
        click.echo(format_conflict_scores_markdown(score_conflicts(load_cases(folder), predict)))
    if datasets:
        from .evaluate.real_conflicts import real_conflicts_report

        click.echo("### real news, read by hand\n")
        click.echo(real_conflicts_report(datasets, settings))


@cli.group()
def train():
    """Learn newsprism's small models from gold data (train splits only)."""


@train.command("cues")
@click.argument("path", type=click.Path(exists=True, file_okay=False), default=f"{DATASETS}/polnear")
@click.option("--split", type=click.Choice(["train"]), default="train", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the table; the context model goes beside it "
                   "[default: the ones newsprism ships].")
@click.option("--context-model/--no-context-model", default=True, show_default=True,
              help="Also write the context model (stages/cuemodel.py), which takes a second look "
                   "at the candidates the rules turn down; newsprism uses it when the file is there.")
def train_cues(path, split, limit, output, context_model):
    """Learn which reporting verbs and constructions are cues, and the context model that
    judges them, from PolNeAR's train split."""
    from importlib import resources
    from pathlib import Path

    from .stages.cues import MODEL_FILE, TABLE_FILE
    from .train import train_cue_table, write_model, write_table

    table, model = train_cue_table(path, split, settings_for(), limit,
                                   report=lambda line: click.echo(line, err=True))
    target = Path(output or str(resources.files("newsprism.stages").joinpath("data", TABLE_FILE)))
    write_table(table, target)
    click.echo(f"wrote {target}: {len(table['counts'])} lemmas, threshold {table['threshold']}")
    if context_model:
        write_model(model, target.with_name(MODEL_FILE))
        click.echo(f"wrote {target.with_name(MODEL_FILE)}: {len(model['weights'])} weights, "
                   f"threshold {model['threshold']}")


@cli.command()
@click.argument("name")
@db_option
@_filter_options
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Utterances a page.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many utterances first.")
@json_option
def speaker(name, db, story_id, kind, outlet, since, until, limit, offset, as_json):
    """Everything one person said across the store: utterances (every outlet's wording, earliest
    first), roles over time, names, the figures they stated, and the conflicts they are part of.
    NAME is a name, an alias or an entity id."""
    with store_for(db) as store:
        entity, hint = find_speaker(store, name)
        if entity is None:
            click.echo(hint, err=True)
            return
        where = IndexFilter(story_id=story_id, outlet=outlet, since=since, until=until, kind=kind)
        view = speaker_view(store, entity.id, where, limit, offset)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False))
        return
    click.echo(render_speaker(view, offset))


def find_speaker(store, name: str):
    """The entity a name, alias or id names (the most mentioned of several), or None and why."""
    try:
        return store.get_entity(name), ""
    except NewsprismError:
        pass
    wanted = name.casefold().strip()
    entities = list(store.iter_entities())
    for match in (lambda n: n.casefold() == wanted, lambda n: wanted in n.casefold()):
        found = [e for e in entities if any(match(n) for n in (e.name, *e.aliases))]
        if found:
            return min(found, key=lambda e: e.type != "PERSON"), ""
    names = sorted({e.name for e in entities})
    close = [n for n, score, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=3)
             if score >= DID_YOU_MEAN]
    hint = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
    return None, f"no person or organisation named like {name!r}{hint}"


@cli.command()
def settings():
    """Every setting's effective value and where it comes from (the environment's
    NEWSPRISM_<NAME>, newsprism.toml, or the default), with its default and meaning."""
    effective = settings_for()
    sources = setting_sources(click.get_current_context().find_root().obj.get("config"))
    for name, default, help_text in SETTINGS:
        click.echo(f"{name} = {getattr(effective, name)!r}  [{sources[name]}; default {default!r}, "
                   f"NEWSPRISM_{name.upper()}]: {help_text}")


def main() -> None:
    """Entry point of the `newsprism` command."""
    cli(prog_name="newsprism")
