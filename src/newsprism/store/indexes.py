"""The browsable indexes of a store (statements, claims, articles): one page at a time, newest
first or in another order, filtered, with facet counts. The same SQL for both backends (`?`
placeholders; the PostgreSQL store's `_query` turns them into its own).

Pages walk articles in publication order through `articles_published` and stop once a page is
full, so the first pages of a 100,000-article store answer without reading it all. Facets are
counted over the FACET_SAMPLE rows the filters keep that were stored last, and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Quantity, Statement
from . import records

FACET_SAMPLE = 5_000  # rows, the latest stored, that facet counts are taken over
FACET_VALUES = 15  # values listed a facet, the most frequent first


@dataclass(frozen=True, slots=True)
class IndexFilter:
    """What an index page keeps; a field left None keeps everything."""

    story_id: str | None = None
    outlet: str | None = None
    since: str | None = None  # publication date, ISO, inclusive
    until: str | None = None
    speaker: str | None = None  # an entity id (statements; claims: the speaker of a statement holding it)
    kind: str | None = None  # a statement kind (statements)
    unit: str | None = None  # a canonical unit (claims)
    subject: str | None = None  # part of a claim's subject (claims)
    min_value: float | None = None  # claims
    max_value: float | None = None
    alone: bool | None = None  # statements: only those no other outlet carried (in no group)


# Per index: its rows (alias x), the join to articles a, and its columns.
INDEX_FROM = {
    "statements": "statements x JOIN articles a ON a.id = x.article_id",
    "claims": "quantities x JOIN articles a ON a.id = x.article_id",
    "articles": "articles a",
}
_COLUMNS = {
    "statements": ("x.id, x.article_id, x.kind, x.speaker_entity_id, x.speaker_name, x.group_id, "
                   "x.content_start, x.content_end, "
                   "substr(a.text, x.content_start + 1, x.content_end - x.content_start) AS content"),
    "claims": ("x.id, x.article_id, x.start_char, x.end_char, x.text, x.value, x.unit, x.change, x.subject, "
               "x.scope_from, x.scope_to, x.group_id"),
    "articles": "a.id, a.title, a.published_inferred",
}
# Who states a claim: the speaker of a statement of its article whose content holds it.
_HOLDING = ("FROM statements s WHERE s.article_id = x.article_id AND s.content_start <= x.start_char "
            "AND x.end_char <= s.content_end")
CLAIM_SPEAKER = f"(SELECT min(s.speaker_entity_id) {_HOLDING})"
_SPEAKERS_ARTICLES = "SELECT article_id FROM statements WHERE speaker_entity_id = ?"
# Facets per index: name -> the column counted.
FACETS = {
    "statements": {"kind": "x.kind", "outlet": "a.source", "speaker": "x.speaker_entity_id"},
    "claims": {"unit": "x.unit", "outlet": "a.source", "speaker": CLAIM_SPEAKER},
    "articles": {"outlet": "a.source"},
}
# Plain column orders, so that both databases walk `articles_published` (undated articles last).
SORTS = {
    "newest": "a.published DESC NULLS LAST, a.pk DESC",
    "oldest": "a.published ASC NULLS LAST, a.pk ASC",
}
# Within one value, the latest stored first: the (unit, value) index holds that order too.
CLAIM_SORTS = {"largest": "x.value DESC, x.pk DESC", "smallest": "x.value ASC, x.pk ASC"}
# The rows facets are counted over: the latest stored, which every index can walk backwards.
_LATEST = {"statements": "x.pk DESC", "claims": "x.pk DESC", "articles": "a.pk DESC"}


def index_where(index: str, f: IndexFilter) -> tuple[str, list]:
    """The WHERE clause of a filter over an index's rows (`x`, joined to articles `a`) and its
    parameters: a condition only for each field given."""
    terms: list[tuple[str, object]] = [
        ("a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", f.story_id),
        ("a.source = ?", f.outlet), ("substr(a.published, 1, 10) >= ?", f.since),
        ("substr(a.published, 1, 10) <= ?", _last_day(f.until))]
    if index == "statements":
        terms += [("x.speaker_entity_id = ?", f.speaker), ("x.kind = ?", f.kind)]
    if index == "claims":
        subject = f"%{f.subject.lower()}%" if f.subject else None
        terms += [("x.unit = ?", f.unit), ("lower(x.subject) LIKE ?", subject),
                  ("x.value >= ?", f.min_value), ("x.value <= ?", f.max_value),
                  # the speaker's articles first (an index on the speaker), then the statement's span
                  (f"x.article_id IN ({_SPEAKERS_ARTICLES})", f.speaker),
                  (f"EXISTS (SELECT 1 {_HOLDING} AND s.speaker_entity_id = ?)", f.speaker)]
    used = [(sql, value) for sql, value in terms if value is not None]
    conditions = [sql for sql, _ in used]
    if index == "statements" and f.alone:
        conditions.append("x.group_id IS NULL")
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), [value for _, value in used]


def _last_day(until: str | None) -> str | None:
    """An ISO date, year or month as the last day it covers, for string comparison: up to
    "2025-04" keeps the reports of 15 April 2025 ("2025-04-31" is no date, but sorts after all)."""
    if until is None or len(until) >= 10:
        return until
    return until + ("-12-31" if len(until) == 4 else "-31")


class IndexQueries:
    """Index pages and facets, over a backend's `_query(sql, params)`."""

    def index_rows(self, index: str, where: IndexFilter, sort: str = "newest", limit: int = 20,
                   offset: int = 0) -> list[dict]:
        """One page of an index ("statements", "claims" or "articles") as plain dicts, each with
        its article's source, title, publication date and story."""
        clause, params = index_where(index, where)
        order = CLAIM_SORTS.get(sort) if index == "claims" else None
        if order is None:
            # An article's rows in their stored order: without a key for the ties, a database may
            # order them differently from page to page (PostgreSQL does), repeating or losing rows.
            order = SORTS.get(sort, SORTS["newest"]) + ("" if index == "articles" else ", x.pk")
        rows = self._query(
            f"SELECT {_COLUMNS[index]}, a.id AS a_id, a.source AS a_source, a.title AS a_title, "
            f"a.published AS a_published, (SELECT story_id FROM story_articles WHERE article_id = a.id) "
            f"AS a_story FROM {INDEX_FROM[index]} {clause} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset))
        return [dict(row) for row in rows]

    def count_rows(self, index: str, where: IndexFilter) -> int:
        """How many rows of an index the filter keeps (for filters that keep few: a story's)."""
        clause, params = index_where(index, where)
        row = self._query(f"SELECT count(*) AS n FROM {INDEX_FROM[index]} {clause}", params).fetchone()
        return int(row["n"])

    def index_facets(self, index: str, where: IndexFilter) -> dict[str, list[tuple[str, int]]]:
        """Per facet, its most frequent values with their counts among the FACET_SAMPLE rows
        the filter keeps that were stored last."""
        clause, params = index_where(index, where)
        facets = {}
        for name, column in FACETS[index].items():
            rows = self._query(
                f"SELECT v, count(*) AS n FROM (SELECT {column} AS v FROM {INDEX_FROM[index]} {clause} "
                f"ORDER BY {_LATEST[index]} LIMIT ?) t WHERE v IS NOT NULL GROUP BY v "
                "ORDER BY count(*) DESC, v LIMIT ?", (*params, FACET_SAMPLE, FACET_VALUES))
            facets[name] = [(row["v"], int(row["n"])) for row in rows]
        return facets

    def statements_by_id(self, ids: Sequence[str]) -> dict[str, Statement]:
        """The stored statements with these ids (those that exist), by id."""
        return self._rows_by_id("statements", ids, records.statement)

    def quantities_by_id(self, ids: Sequence[str]) -> dict[str, Quantity]:
        """The stored quantities with these ids (those that exist), by id."""
        return self._rows_by_id("quantities", ids, records.quantity)

    def _rows_by_id(self, table: str, ids: Sequence[str], read) -> dict:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        return {row["id"]: read(row) for row in self._query(f"SELECT * FROM {table} WHERE id IN ({marks})",
                                                             tuple(ids))}
