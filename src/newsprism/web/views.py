"""What each page of the web UI shows, as JSON-ready data.

Every view is a plain function of a store (and a page of a list, where it has one). The app
renders the same data as a Jinja2 template or as JSON, so the HTML page and its `.json`
twin always agree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass

from ..errors import NotFound
from ..link.conflicts import SHOWN_CONFIDENCE
from ..report.export import (
    article_record,
    conflict_records,
    entity_record,
    quantity_record,
    statement_record,
    story_record,
)
from ..report.numbers import readable
from ..report.speaker import history_chart, speaker_view
from ..report.story import story_view
from ..report.timeline import sentence_around
from ..store import Store, records
from ..store.indexes import FACET_SAMPLE, IndexFilter

MAX_PAGE_SIZE = 200
MAX_PAGE = 1_000_000  # a larger page number is a mistake (and overflows the database's integers)


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a list to show: `number` counts from 1."""

    number: int = 1
    size: int = 20

    @property
    def offset(self) -> int:
        """How many items come before this page."""
        return (self.number - 1) * self.size

    def take(self, items: list) -> list:
        """This page's slice of a list."""
        return items[self.offset:self.offset + self.size]

    def info(self, total: int | None, has_next: bool | None = None) -> dict:
        """The pagination block every list answers with."""
        if has_next is None:
            has_next = total is not None and self.offset + self.size < total
        return {"page": self.number, "size": self.size, "total": total, "has_next": has_next}


def stories_list(store: Store, page: Page) -> dict:
    """Stories, the most covered first, one page of them."""
    stories = [{**story_record(s), "article_count": len(s.article_ids)}
               for s in store.iter_stories(page.size, page.offset)]
    return {"stories": stories, "pagination": page.info(store.count_stories())}


def search_results(store: Store, query: str, page: Page) -> dict:
    """Full-text search hits (FTS5 syntax, or plain words), each with the story of its article."""
    hits = store.search(query, page.offset + page.size + 1) if query.strip() else []
    shown = [{**hit.as_dict(), "story_id": store.story_of(hit.article_id)}
             for hit in hits[page.offset:page.offset + page.size]]
    return {"query": query, "hits": shown,
            "pagination": page.info(None, has_next=len(hits) > page.offset + page.size)}


def story_detail(store: Store, story_id: str, page: Page, show_all: bool = False) -> dict:
    """One story (raises NotFound): every section cut to the same page; the less certain
    conflicts only with `show_all`."""
    view = story_view(store, story_id, window=(page.offset, page.size), show_all=show_all)
    _add_sources(view)
    view["articles"] = page.take(view["articles"])
    counts = view.pop("counts")
    _add_evidence_context(store, view["conflicts"])
    return {"story": view, "counts": counts, "pagination": page.info(max(counts.values()))}


def _add_sources(view: dict) -> None:
    """Name the outlet of every version and timeline entry of a story."""
    sources = {a["id"]: a["source"] for a in view["articles"]}
    for item in [v for g in view["statements"] + view["claims"] for v in g["versions"]] + view["timeline"]:
        item["source"] = sources.get(item["article_id"])


def article_detail(store: Store, article_id: str) -> dict:
    """One article (raises NotFound): its text, story, and everything found in it."""
    article = store.get_article(article_id)
    analysis = store.analysis_of(article_id)
    story_id = store.story_of(article_id)
    disputes = article_disputes(store, article_id, story_id)
    quantities = [quantity_record(q) for q in analysis.quantities]
    for q in quantities:
        q["conflict_ids"] = sorted({d["conflict_id"] for d in disputes
                                    if d["start"] < q["end"] and q["start"] < d["end"]})
    return {
        "article": article_record(article),
        "story_id": story_id,
        "entities": [e.as_dict() for e in analysis.entities],
        "statements": [statement_record(s, article.text) for s in analysis.statements],
        "quantities": quantities,
        "timexes": [t.as_dict() for t in analysis.timexes],
        "disputes": disputes,
    }


def article_disputes(store: Store, article_id: str, story_id: str | None) -> list[dict]:
    """The spans of an article that conflicts rest on (a disputed number, name or date), each
    with its conflict; in text order."""
    if story_id is None:
        return []
    found = []
    for conflict in store.iter_conflicts(story_id):
        for side in conflict.sides:
            for evidence in side.evidence:
                if evidence.article_id == article_id:
                    found.append({"conflict_id": conflict.id, "kind": conflict.kind,
                                  "status": conflict.status, "confidence": conflict.confidence,
                                  "summary": conflict.summary, "value": side.value,
                                  "shown": conflict.confidence >= SHOWN_CONFIDENCE,
                                  "start": evidence.start, "end": evidence.end, "story_id": story_id})
    return sorted(found, key=lambda d: (d["start"], d["end"], d["conflict_id"]))


def entities_list(store: Store, query: str, type_: str | None, page: Page, sort: str = "mentions") -> dict:
    """One page of the store's entities whose name or an alias holds `query`, of one type or
    all, most mentioned first (or by name), with how many of each type match (the facets)."""
    facets = store.entity_type_counts(query)
    ids = store.entity_index(query, type_, page.size + 1, page.offset, sort)
    records = [entity_record(store, store.get_entity(i)) for i in ids[:page.size]]
    total = facets.get(type_, 0) if type_ else sum(facets.values())
    return {"entities": records, "query": query, "type": type_, "facets": facets, "sort": sort,
            "pagination": page.info(total, has_next=len(ids) > page.size)}


ENTITY_CSV_COLUMNS = ("id", "name", "type", "mentions", "articles", "aliases", "roles")


def entities_csv(store: Store, query: str, type_: str | None, sort: str):
    """Every entity the filters keep, as CSV text in chunks (the header first); names and roles
    joined by "; "."""
    def cells(entity_id: str) -> tuple:
        record = entity_record(store, store.get_entity(entity_id))
        joined = {**record, "aliases": "; ".join(record["aliases"]), "roles": "; ".join(record["role_names"])}
        return tuple(_inert(joined[c]) for c in ENTITY_CSV_COLUMNS)

    pages = (map(cells, ids) for ids in _batches(
        lambda offset: store.entity_index(query, type_, EXPORT_BATCH, offset, sort)))
    return csv_chunks(ENTITY_CSV_COLUMNS, pages)


def _batches(fetch):
    """The batches `fetch(offset)` gives, EXPORT_BATCH at a time, until one comes back short."""
    offset = 0
    while True:
        batch = fetch(offset)
        yield batch
        if len(batch) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH


def csv_chunks(header, pages):
    """CSV text, a chunk per page of rows, the header first."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for rows in pages:
        writer.writerows(rows)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def entity_detail(store: Store, entity_id: str, page: Page, where: IndexFilter | None = None) -> dict:
    """One entity's speaker page (raises NotFound): names, roles, mention counts, a page of what
    it said grouped by utterance (filtered by story, kind, outlet and dates), its figures over
    time and the conflicts it is part of."""
    view = speaker_view(store, entity_id, where, page.size, page.offset)
    _add_evidence_context(store, view["conflicts"])
    view["pagination"] = page.info(view.pop("total"))
    return view


def conflicts_list(store: Store, page: Page, show_all: bool = False) -> dict:
    """Every conflict (the less certain ones only with `show_all`), story by story, one page of
    them, each side with its evidence in context."""
    floor = 0.0 if show_all else SHOWN_CONFIDENCE
    total = store.count_conflicts(floor)
    shown = store.iter_conflicts(limit=page.size, offset=page.offset, min_confidence=floor)
    records = list(conflict_records(store, shown))
    _add_evidence_context(store, records)
    for record in records:
        first = record["sides"][0]["article_ids"] if record["sides"] else []
        record["story_id"] = store.story_of(first[0]) if first else None
    hidden = 0 if show_all else store.count_conflicts() - total
    return {"conflicts": records, "pagination": page.info(total), "hidden": hidden, "all": show_all}


def _add_evidence_context(store: Store, conflicts: list[dict]) -> None:
    """Give each piece of evidence its sentence and each side its outlets."""
    articles: dict = {}
    for conflict in conflicts:
        for side in conflict["sides"]:
            for evidence in side["evidence"]:
                article = _cached(store, articles, evidence["article_id"])
                start, end = sentence_around(article.text, evidence["start"], evidence["end"])
                evidence["context"] = {"before": article.text[start:evidence["start"]],
                                       "after": article.text[evidence["end"]:end]}
            side["sources"] = [_cached(store, articles, a).source or a for a in side["article_ids"]]


def _cached(store: Store, articles: dict, article_id: str):
    if article_id not in articles:
        articles[article_id] = store.get_article(article_id)
    return articles[article_id]


# --- the indexes: statements, claims, articles ------------------------------------------------

INDEXES = ("statements", "claims", "articles")


def index_page(store: Store, index: str, where: IndexFilter, sort: str, page: Page) -> dict:
    """One page of an index with its facets (counted over the newest rows the filters keep)."""
    rows = store.index_rows(index, where, sort, page.size + 1, page.offset)
    facets = {name: [{"value": v, "label": _facet_label(store, name, v), "count": n} for v, n in values]
              for name, values in store.index_facets(index, where).items()}
    return {"index": index, "rows": [index_record(index, r) for r in rows[:page.size]], "facets": facets,
            "facet_sample": FACET_SAMPLE, "sort": sort,
            "filters": {k: v for k, v in asdict(where).items() if v is not None},
            "chart": subject_chart(store, where) if index == "claims" else "",
            "pagination": page.info(None, has_next=len(rows) > page.size)}


HISTORY_FIGURES = 500  # figures of a subject a history chart is drawn from, the earliest first


def subject_chart(store: Store, where: IndexFilter) -> str:
    """The history of one subject's figures in one unit (both filtered for), as an SVG chart
    of the dated ones (see `history_chart`); no chart without both filters."""
    if not (where.subject and where.unit):
        return ""
    rows = store.index_rows("claims", where, "oldest", HISTORY_FIGURES, 0)
    return history_chart([(r["a_published"], r["value"], f"{readable(r['value'], r['unit'], r['change'])} "
                           f"({r['a_source'] or r['a_id']})") for r in rows if r["a_published"]],
                         where.unit, f"{where.subject}: figures over time")


def _facet_label(store: Store, facet: str, value: str) -> str:
    if facet != "speaker":
        return value
    try:
        return store.get_entity(value).name
    except NotFound:
        return value


def index_record(index: str, row: dict) -> dict:
    """One index row as the JSON shows it: the record and its article's metadata."""
    article = {"id": row["a_id"], "title": row["a_title"], "source": row["a_source"],
               "published": row["a_published"], "story_id": row["a_story"]}
    if index == "statements":
        speaker = ({"entity_id": row["speaker_entity_id"], "name": row["speaker_name"]}
                   if row["speaker_entity_id"] or row["speaker_name"] else None)
        return {"id": row["id"], "article_id": row["article_id"], "kind": row["kind"], "speaker": speaker,
                "content": {"start": row["content_start"], "end": row["content_end"], "text": row["content"]},
                "group_id": row["group_id"], "article": article}
    if index == "claims":
        return {**quantity_record(records.quantity(row)), "article": article}
    return {**article, "published_inferred": bool(row["published_inferred"])}


CSV_COLUMNS = {
    "statements": ("id", "article_id", "published", "outlet", "story_id", "kind", "speaker", "speaker_id",
                   "text", "group_id"),
    "claims": ("id", "article_id", "published", "outlet", "story_id", "text", "display", "value", "unit",
               "change", "subject", "group_id"),
    "articles": ("id", "published", "outlet", "story_id", "title"),
}
EXPORT_BATCH = 5_000


def csv_row(index: str, record: dict) -> tuple:
    """The CSV columns of one index record."""
    article = record.get("article", record)
    common = {"published": article["published"], "outlet": article["source"], "story_id": article["story_id"]}
    speaker = record.get("speaker") or {}
    values = {**record, **common, "speaker": speaker.get("name"), "speaker_id": speaker.get("entity_id"),
              "text": (record["content"]["text"] if index == "statements" else record.get("text"))}
    return tuple(_inert(values.get(column)) for column in CSV_COLUMNS[index])


def _inert(value):
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def index_csv(store: Store, index: str, where: IndexFilter, sort: str):
    """Every row the filters keep, as CSV text in chunks (the header first)."""
    pages = ([csv_row(index, index_record(index, row)) for row in rows] for rows in _batches(
        lambda offset: store.index_rows(index, where, sort, EXPORT_BATCH, offset)))
    return csv_chunks(CSV_COLUMNS[index], pages)
