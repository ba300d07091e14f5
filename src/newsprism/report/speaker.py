"""One speaker across the store: what they said, utterance by utterance, their figures over
time, their names and roles, and the conflicts they are part of.

The CLI (`newsprism speaker`), the web page (`/entities/{id}`) and its JSON twin all show this
one view, so they always agree.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict

from ..model import Conflict, Entity
from ..store import Store
from ..store.indexes import IndexFilter
from ..store.speakers import Version
from .charts import series_chart
from .export import conflict_records, entity_record, quantity_record, statement_record
from .numbers import readable

CONFLICT_STORIES = 200  # the most recent stories naming the speaker searched for their conflicts
FIGURES = 500  # the most recent figures of the speaker read for the claim history
SERIES_POINTS = 3  # a series of this many dated figures or more gets a chart
SHOWN_VERSIONS = 12  # versions of one utterance shown, the earliest first; the rest are counted
_WORD = re.compile(r"\S+")
CHANGES = ("up", "down")


def speaker_view(store: Store, entity_id: str, where: IndexFilter | None = None, limit: int = 20,
                 offset: int = 0) -> dict:
    """The speaker page (raises NotFound for an unknown entity): a page of utterances, the claim
    history, roles, names, mention counts and conflicts."""
    entity, where = store.get_entity(entity_id), where or IndexFilter()
    total = store.count_utterances(entity.id, where)
    utterances = [_utterance(store, versions, entity.id) for versions in
                  store.speaker_utterances(entity.id, where, limit, offset)]
    conflicts = entity_conflicts(store, entity)
    by_member = {(e["article_id"], e["start"]): c["id"] for c in conflicts for s in c["sides"]
                 for e in s["evidence"]}
    for utterance in utterances:
        utterance["conflict_ids"] = sorted({cid for v in utterance["versions"]
                                            for (article, start), cid in by_member.items()
                                            if article == v["article_id"]
                                            and v["content"]["start"] <= start < v["content"]["end"]})
    history = claim_history(store, entity.id)
    record = entity_record(store, entity)
    return {"entity": record, "roles": role_history(record["roles"]),
            "filters": {k: v for k, v in asdict(where).items() if v},
            "utterances": utterances, "total": total, "claims": history["claims"],
            "charts": history["charts"], "conflicts": conflicts}


def role_history(roles: list[dict]) -> list[dict]:
    """Each role once, with the first and last dates it was stated and the articles stating it,
    in order of first statement (undated last)."""
    found: dict[str, dict] = {}
    for role in roles:
        entry = found.setdefault(role["role"], {"role": role["role"], "first": None, "last": None,
                                                "article_ids": []})
        if role["article_id"] not in entry["article_ids"]:
            entry["article_ids"].append(role["article_id"])
        if role["date"]:
            day = role["date"][:10]
            entry["first"] = min(entry["first"] or day, day)
            entry["last"] = max(entry["last"] or day, day)
    return sorted(found.values(), key=lambda r: (r["first"] is None, r["first"] or "", r["role"]))


def _utterance(store: Store, versions: list[Version], entity_id: str) -> dict:
    first = versions[0]
    texts: dict[str, str] = {}
    records = []
    for version in versions[:SHOWN_VERSIONS]:
        text = texts.get(version.statement.article_id)
        if text is None:
            text = texts[version.statement.article_id] = store.get_article(version.statement.article_id).text
        record = statement_record(version.statement, text)
        record["article"] = {"title": version.title, "source": version.source, "published": version.published,
                             "story_id": version.story_id}
        record["by_speaker"] = version.statement.speaker_entity_id == entity_id
        records.append(record)
    base = records[0]["content"]["text"]
    for record in records:
        record["diff"] = differences(base, record["content"]["text"])
    outlets = {v.source or v.statement.article_id for v in versions}
    return {"id": first.statement.group_id or first.statement.id, "first_published": first.published,
            "outlets": len(outlets), "versions": records, "more_versions": len(versions) - len(records)}


def differences(base: str, other: str) -> list[dict]:
    """`other` cut into runs of words, each marked `changed` where it is not in `base` (the
    earliest report's wording)."""
    words, theirs = _WORD.findall(base), _WORD.findall(other)
    runs: list[dict] = []
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in words], b=[w.casefold() for w in theirs],
                                      autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if j1 == j2:
            continue
        changed = tag != "equal"
        if runs and runs[-1]["changed"] == changed:
            runs[-1]["text"] += " " + " ".join(theirs[j1:j2])
        else:
            runs.append({"text": " ".join(theirs[j1:j2]), "changed": changed})
    return runs


def claim_history(store: Store, entity_id: str) -> dict:
    """The figures inside the speaker's statements, earliest first. A figure that differs from
    the speaker's earlier one of the same unit and subject is marked as their revision of it;
    a series of SERIES_POINTS dated figures or more of one unit gets a chart."""
    claims = []
    for quantity, published, source in store.speaker_figures(entity_id, FIGURES):
        record = quantity_record(quantity)
        record.update(published=published, source=source, revises=None)
        claims.append(record)
    for n, claim in enumerate(claims):
        earlier = next((c for c in reversed(claims[:n]) if _same_measure(c, claim)), None)
        if earlier is not None and earlier["value"] != claim["value"]:
            claim["revises"] = {"display": earlier["display"], "article_id": earlier["article_id"],
                                "published": earlier["published"]}
    charts = []
    for unit in dict.fromkeys(c["unit"] for c in claims if c["unit"]):
        title = f"Figures in {readable(1, unit).removeprefix('1 ').strip() or unit} over time"
        svg = history_chart([(c["published"], c["value"], c["display"]) for c in claims
                             if c["unit"] == unit and c["published"]], unit, title)
        if svg:
            charts.append({"unit": unit, "svg": svg})
    return {"claims": claims, "charts": charts}


def history_chart(points: list[tuple[str, float, str]], unit: str, title: str) -> str:
    """Dated figures of one unit (date, value, label), earliest first, as an SVG chart with its
    value axis named, where there are SERIES_POINTS of them or more; else no chart."""
    if len(points) < SERIES_POINTS:
        return ""
    values = [value for _, value, _ in points]
    axis = (readable(max(values) or 1.0, unit), readable(min(0.0, min(values)), unit))
    return series_chart([(day[:10], value, label) for day, value, label in points], title, axis)


def _same_measure(a: dict, b: dict) -> bool:
    """Two figures of one measure: one unit, one kind of figure (a level, or a rise or fall), no
    different time spans, values less than ten times apart, and subjects sharing two words."""
    if a["unit"] != b["unit"] or (a["change"] in CHANGES) != (b["change"] in CHANGES):
        return False
    if a["scope"] and b["scope"] and a["scope"] != b["scope"]:
        return False
    low, high = sorted((abs(a["value"]), abs(b["value"])))
    if not low or high > 10 * low:
        return False
    return len(_words(a["subject"]) & _words(b["subject"])) >= 2


def _words(text: str | None) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", (text or "").casefold())}


def entity_conflicts(store: Store, entity: Entity) -> list[dict]:
    """The conflicts whose evidence names the entity or lies in what it said: identity and role
    conflicts about them, disputes over their figures."""
    found: list[Conflict] = []
    for story_id in store.entity_story_ids(entity.id, CONFLICT_STORIES):
        conflicts = list(store.iter_conflicts(story_id))
        if not conflicts:
            continue
        articles = sorted({e.article_id for c in conflicts for s in c.sides for e in s.evidence})
        spans = store.entity_spans(entity.id, articles)
        found += [c for c in conflicts if any(
            start < e.end and e.start < end for s in c.sides for e in s.evidence
            for start, end in spans.get(e.article_id, ()))]
    return list(conflict_records(store, found))
