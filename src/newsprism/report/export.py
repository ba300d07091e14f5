"""The export: everything in a store as JSON or JSON Lines (see docs/export-format.md).

The export is a public contract. Add fields freely; rename or remove one only together
with a bump of SCHEMA_VERSION and a note in docs/export-format.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import IO

from .. import __version__
from ..model import Article, Conflict, Entity, Mention, Quantity, Statement, Story
from ..store import Store
from .numbers import readable

SCHEMA_VERSION = 5
# Record lists in the order they appear in the export; later steps fill the empty ones.
SECTIONS = ("articles", "entities", "mentions", "statements", "quantities", "timexes", "stories", "groups",
            "conflicts")
VAGUE = re.compile(r"(?:some |several )?(?:dozens|tens|hundreds|thousands|millions|billions|trillions)\b",
                   re.I)
TEXT_CACHE = 64  # article texts a conflict export keeps at once
# The `record` tag of each section's lines in JSON Lines.
RECORD_KINDS = {"articles": "article", "entities": "entity", "mentions": "mention", "statements": "statement",
                "quantities": "quantity", "timexes": "timex", "stories": "story", "groups": "group",
                "conflicts": "conflict"}


def article_record(article: Article) -> dict:
    """An article as the export shows it: metadata, the stored text, and boilerplate spans."""
    record = article.as_dict()
    record.pop("path")  # where it was read from is local to one machine
    return record


def statement_records(store: Store, statements: Iterable[Statement]) -> Iterator[dict]:
    """Statements as the export shows them, each span with its text (statements come grouped
    by article, so each article's text is read once)."""
    article = None
    for s in statements:
        if article is None or article.id != s.article_id:
            article = store.get_article(s.article_id)
        yield statement_record(s, article.text)


def statement_record(s: Statement, text: str) -> dict:
    """One statement's export form, given its article's text."""
    def span(pair):
        return None if pair is None else {"start": pair[0], "end": pair[1], "text": text[pair[0]:pair[1]]}

    speaker = None
    if s.speaker is not None or s.speaker_name is not None:
        start, end = s.speaker or (None, None)
        speaker = {"entity_id": s.speaker_entity_id, "name": s.speaker_name, "start": start, "end": end}
    return {"id": s.id, "article_id": s.article_id, "kind": s.kind, "content": span(s.content),
            "cue": span(s.cue), "speaker": speaker, "group_id": s.group_id, "provenance": s.provenance}


def entity_record(store: Store, entity: Entity) -> dict:
    """An entity's export form: its names, its roles each with the article and date that
    state it (and their names alone), how often and in how many articles it is named."""
    profile = store.entity_profile(entity.id)
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "roles": profile["roles"], "role_names": list(entity.roles), "mentions": profile["mentions"],
            "articles": profile["articles"]}


def mention_record(m: Mention) -> dict:
    """One mention's export form: which store-wide entity, where, and how it is named."""
    return {"entity_id": m.entity_id, "article_id": m.article_id, "start": m.start, "end": m.end,
            "text": m.text, "kind": m.kind}


def section_records(store: Store, section: str) -> Iterator[dict]:
    """The export records of one section, streamed from the store."""
    if section == "articles":
        return (article_record(a) for a in store.iter_articles())
    if section == "entities":
        return (entity_record(store, e) for e in store.iter_entities())
    if section == "mentions":
        return (mention_record(m) for m in store.iter_mentions())
    if section == "statements":
        return statement_records(store, store.iter_statements())
    if section == "quantities":
        return (quantity_record(q) for q in store.iter_quantities())
    if section == "timexes":
        return (t.as_dict() for t in store.iter_timexes())
    if section == "stories":
        return (story_record(s) for s in store.iter_stories())
    if section == "groups":
        return iter(store.iter_groups())
    if section == "conflicts":
        return conflict_records(store, store.iter_conflicts())
    return iter(())


def story_record(story: Story) -> dict:
    """A story's export form: title, articles, time span, main entities and events."""
    return {"id": story.id, "title": story.title, "article_ids": list(story.article_ids),
            "start": story.start, "end": story.end, "entities": list(story.entities),
            "events": [event.as_dict() for event in story.events]}


def conflict_records(store: Store, conflicts: Iterable[Conflict],
                     texts: dict[str, str] | None = None) -> Iterator[dict]:
    """Conflicts with the text of every evidence span; `texts` (article id -> text) saves
    reading articles the caller already has. Conflicts come story by story, so a small cache
    of the others is enough to read each article about once."""
    known = texts or {}
    cache: dict[str, str] = {}
    for conflict in conflicts:
        record = conflict.as_dict()
        for side in record["sides"]:
            for evidence in side["evidence"]:
                article_id = evidence["article_id"]
                if article_id not in known and article_id not in cache:
                    if len(cache) >= TEXT_CACHE:
                        cache.clear()
                    cache[article_id] = store.get_article(article_id).text
                text = known[article_id] if article_id in known else cache[article_id]
                evidence["text"] = text[evidence["start"]:evidence["end"]]
        yield record


def quantity_record(q: Quantity) -> dict:
    """One quantity's export form: its scope as {"from", "to"}, and how a reader writes it."""
    record = q.as_dict()
    record["scope"] = None if q.scope is None else {"from": q.scope[0], "to": q.scope[1]}
    vague = VAGUE.match(q.text)  # "tens of billions of dollars" is at least ten billion
    record["display"] = (f"at least {readable(q.value, q.unit)}" if vague
                         else readable(q.value, q.unit, q.change))
    return record


# Characters that str.splitlines() and some JSON Lines readers take for line breaks; JSON
# allows them raw inside strings, so escape them to keep one record a line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(record: dict) -> str:
    """One record as compact, readable JSON on a single line."""
    text = json.dumps(record, ensure_ascii=False)
    for char, escape in _LINE_BREAKS.items():
        text = text.replace(char, escape)
    return text


def header() -> dict:
    """The fields that describe the export itself."""
    return {"schema_version": SCHEMA_VERSION, "generator": f"newsprism {__version__}"}


def write_json(store: Store, out: IO[str]) -> None:
    """Write one JSON document, streaming each section so memory stays flat."""
    head = dumps(header())[:-1]
    out.write(head)
    for section in SECTIONS:
        out.write(f', "{section}": [')
        for index, record in enumerate(section_records(store, section)):
            out.write(("," if index else "") + "\n  " + dumps(record))
        out.write("]")
    out.write("}\n")


def write_jsonl(store: Store, out: IO[str]) -> None:
    """Write one JSON object a line: a header line, then records tagged with their type."""
    out.write(dumps({"record": "header", **header()}) + "\n")
    for section in SECTIONS:
        for record in section_records(store, section):
            out.write(dumps({"record": RECORD_KINDS[section], **record}) + "\n")


def export(store: Store, out: IO[str], fmt: str = "json") -> None:
    """Write the store's export in `json` or `jsonl` format."""
    writers = {"json": write_json, "jsonl": write_jsonl}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; use json or jsonl")
    writers[fmt](store, out)
