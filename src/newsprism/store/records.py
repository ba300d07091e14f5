"""Rows to records and back, shared by every backend: the columns each table holds, how a
record becomes the values of a row, and how a row (any mapping from column name to value)
becomes a record again. JSON columns may come as text (SQLite) or already decoded (PostgreSQL).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..model import (
    Analysis,
    Article,
    Conflict,
    ConflictSide,
    Event,
    Evidence,
    Mention,
    Quantity,
    Role,
    Statement,
    Story,
    Timex,
)

Row = Mapping

ARTICLE_COLUMNS = ("id", "source", "title", "url", "published", "published_inferred",
                   "language", "text", "content_hash", "path", "boilerplate")

STATEMENT_COLUMNS = ("id", "article_id", "kind", "content_start", "content_end", "cue_start", "cue_end",
                     "speaker_start", "speaker_end", "speaker_entity_id", "speaker_name", "group_id",
                     "provenance")

QUANTITY_COLUMNS = ("id", "article_id", "start_char", "end_char", "text", "value", "unit", "change",
                    "subject", "scope_from", "scope_to", "group_id")


def decoded(value):
    """A JSON column's value as Python data, whether the driver gave text or decoded it."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def article_values(article: Article) -> list:
    """The values of an article's row, in ARTICLE_COLUMNS order (boilerplate as JSON text)."""
    values = [getattr(article, c) for c in ARTICLE_COLUMNS]
    values[ARTICLE_COLUMNS.index("boilerplate")] = json.dumps(article.boilerplate)
    values[ARTICLE_COLUMNS.index("published_inferred")] = bool(article.published_inferred)
    return values


def article(row: Row) -> Article:
    """The Article a row of `articles` holds."""
    data = {c: row[c] for c in ARTICLE_COLUMNS}
    data["boilerplate"] = tuple(tuple(span) for span in decoded(data["boilerplate"]))
    data["published_inferred"] = bool(data["published_inferred"])
    return Article(**data)


def statement_values(s: Statement) -> tuple:
    """The values of a statement's row, in STATEMENT_COLUMNS order."""
    cue, speaker = s.cue or (None, None), s.speaker or (None, None)
    return (s.id, s.article_id, s.kind, *s.content, *cue, *speaker, s.speaker_entity_id,
            s.speaker_name, s.group_id, s.provenance)


def statement(row: Row) -> Statement:
    """The Statement a row of `statements` holds."""
    def span(prefix):
        start = row[f"{prefix}_start"]
        return None if start is None else (start, row[f"{prefix}_end"])

    return Statement(row["id"], row["article_id"], row["kind"], span("content"), span("cue"),
                     span("speaker"), row["speaker_entity_id"], row["speaker_name"], row["group_id"],
                     row["provenance"])


def quantity_values(q: Quantity) -> tuple:
    """The values of a quantity's row, in QUANTITY_COLUMNS order."""
    scope = q.scope or (None, None)
    return (q.id, q.article_id, q.start, q.end, q.text, q.value, q.unit, q.change, q.subject,
            *scope, q.group_id)


def quantity(row: Row) -> Quantity:
    """The Quantity a row of `quantities` holds."""
    scope = None if row["scope_from"] is None and row["scope_to"] is None else (
        row["scope_from"], row["scope_to"])
    return Quantity(row["id"], row["article_id"], row["start_char"], row["end_char"], row["text"],
                    row["value"], row["unit"], row["change"], row["subject"], scope, row["group_id"])


def analysis_values(analysis: Analysis) -> dict[str, list[tuple]]:
    """The rows one article's analysis adds, table by table (entities are shared by articles)."""
    return {
        "entities": sorted((e.id, e.name, e.type) for e in analysis.entities),
        "mentions": [(m.article_id, m.entity_id, m.start, m.end, m.text, m.kind) for m in analysis.mentions],
        "roles": [(r.article_id, r.entity_id, r.role, r.start, r.end) for r in analysis.roles],
        "statements": [statement_values(s) for s in analysis.statements],
        "quantities": [quantity_values(q) for q in analysis.quantities],
        "timexes": [(t.article_id, t.start, t.end, t.text, t.type, t.value) for t in analysis.timexes],
    }


def mention_count_changes(old: Iterable[tuple[str, int]], mentions: Iterable[tuple]) -> list[tuple[int, str]]:
    """(change, entity id) for each entity whose mention count an article's new analysis changes:
    `old` holds (entity id, count) of the mentions it replaces, `mentions` the new rows (entity id
    second). In entity id order, so that writers lock the rows in one order."""
    change: Counter[str] = Counter()
    for entity_id, count in old:
        change[entity_id] -= count
    for row in mentions:
        change[row[1]] += 1
    return [(change[e], e) for e in sorted(change) if change[e]]


def timex(row: Row) -> Timex:
    """The Timex a row of `timexes` holds."""
    return Timex(row["article_id"], row["start_char"], row["end_char"], row["text"], row["type"],
                 row["value"])


def mention(row: Row) -> Mention:
    """The Mention a row of `mentions` holds."""
    return Mention(row["article_id"], row["entity_id"], row["start_char"], row["end_char"], row["text"],
                   row["kind"])


def role(row: Row) -> Role:
    """The Role a row of `roles` holds."""
    return Role(row["article_id"], row["entity_id"], row["role"], row["start_char"], row["end_char"])


def story(row: Row, members: Sequence[str]) -> Story:
    """The Story a row of `stories` holds, with its articles."""
    events = tuple(Event(e["id"], tuple(e["article_ids"]), e["start"], e["end"])
                   for e in decoded(row["events"]))
    return Story(row["id"], row["title"], tuple(members), row["start"], row["end"],
                 tuple(decoded(row["entities"])), events)


def events_data(story: Story) -> list[dict]:
    """A story's events as the JSON the `stories.events` column holds."""
    return [event.as_dict() for event in story.events]


def sides_json(conflict: Conflict) -> str:
    """A conflict's sides as the JSON text the `conflicts.sides` column holds."""
    return json.dumps([s.as_dict() for s in conflict.sides])


def conflict(row: Row) -> Conflict:
    """The Conflict a row of `conflicts` holds."""
    sides = tuple(
        ConflictSide(side["value"], tuple(side["article_ids"]),
                     tuple(Evidence(e["article_id"], e["start"], e["end"]) for e in side["evidence"]))
        for side in decoded(row["sides"]))
    return Conflict(row["id"], row["kind"], row["status"], row["summary"], sides, row["confidence"],
                    tuple(decoded(row["reasons"])))


# Who published a grouped record's article, for corroboration: the outlet of the report a copy
# repeats (`o`, joined on story_articles.copy_of), else the article's own, one unknown outlet for
# every article without a source.
OUTLET_SQL = "coalesce(CASE WHEN sa.copy_of IS NULL THEN a.source ELSE o.source END, '(unknown source)')"


def group(group_id: str, rows: Sequence[Row]) -> dict:
    """One group's record from its member rows (kind, group_id, id, article_id, outlet,
    story_id), with its corroboration: how many distinct outlets carry it."""
    outlets = sorted({r["outlet"] for r in rows})
    return {"id": group_id, "kind": rows[0]["kind"], "story_id": rows[0]["story_id"],
            "member_ids": [r["id"] for r in rows],
            "article_ids": sorted({r["article_id"] for r in rows}),
            "sources": outlets, "corroboration": len(outlets)}


def aliases(joined: str | None) -> tuple[str, ...]:
    """An entity's names in one article, from SQLite's comma-joined group_concat."""
    return tuple(sorted(set((joined or "").split(",")) - {""}))


def where_clause(*conditions: tuple[str, object]) -> tuple[str, list]:
    """A WHERE clause of the conditions whose value is given, and its parameters (plain
    `col = ?` terms, so the database can use its indexes, which `? IS NULL OR col = ?` defeats)."""
    used = [(sql, value) for sql, value in conditions if value is not None]
    if not used:
        return "", []
    return "WHERE " + " AND ".join(sql for sql, _ in used), [value for _, value in used]


def story_inputs(ids: Sequence[str], articles: Iterable[Row], names: Iterable[Row], timexes: Iterable[Row]
                 ) -> list[tuple[Article, tuple[tuple[str, str], ...], tuple[Timex, ...]]]:
    """`Store.story_inputs` from the rows of three queries over the same articles (names and
    timexes in text order): each article with its named mentions and its time expressions."""
    found = {row["id"]: article(row) for row in articles}
    named: dict[str, list[tuple[str, str]]] = {}
    for row in names:
        named.setdefault(row["article_id"], []).append((row["name"], row["type"]))
    dated: dict[str, list[Timex]] = {}
    for row in timexes:
        dated.setdefault(row["article_id"], []).append(timex(row))
    return [(found[i], tuple(named.get(i, ())), tuple(dated.get(i, ()))) for i in ids if i in found]

