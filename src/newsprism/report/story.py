"""One story as readers see it: its articles, who said what with corroboration, the claims,
the conflicts with their evidence, and a timeline. The CLI, the briefing and the web UI all
read this view, so they always agree."""

from __future__ import annotations

from ..link.conflicts import SHOWN_CONFIDENCE
from ..store import Store
from ..store.indexes import IndexFilter
from .export import conflict_records, quantity_record, statement_record, story_record
from .timeline import placeable, timeline_entry, timeline_order

SHOWN_VERSIONS = 12  # versions of one aligned statement or figure shown; the rest are counted


def story_view(store: Store, story_id: str, window: tuple[int, int] | None = None,
               show_all: bool = False) -> dict:
    """Everything newsprism knows about one story, as JSON-ready data: statements several
    outlets carry (with their corroboration) and those only one carried. With a window (offset,
    size) the statements, claims, conflicts and timeline hold only that slice of themselves,
    and only what the slice shows is read and built; `counts` gives every section's length.
    Conflicts less sure than SHOWN_CONFIDENCE are left out unless `show_all`; `counts` gives
    how many were (`conflicts_hidden`)."""
    story = store.get_story(story_id)
    articles = {a: store.get_article(a) for a in story.article_ids}
    texts = {a.id: a.text for a in articles.values()}
    groups = list(store.iter_groups(story_id))
    alone = IndexFilter(story_id=story_id, alone=True)
    sections = {
        "statements": _by_corroboration(g for g in groups if g["kind"] == "statement"),
        "claims": _by_corroboration(g for g in groups if g["kind"] == "quantity"),
        "conflicts": list(store.iter_conflicts(story_id, min_confidence=0 if show_all else SHOWN_CONFIDENCE)),
        "timeline": _story_dates(store, story.article_ids),
    }
    counts = {"articles": len(articles), **{name: len(items) for name, items in sections.items()},
              "single_statements": store.count_rows("statements", alone)}
    every = counts["conflicts"] if show_all else sum(1 for _ in store.iter_conflicts(story_id))
    counts["conflicts_hidden"] = every - counts["conflicts"]
    offset, size = window if window is not None else (0, counts["single_statements"])
    if window is not None:
        sections = {name: items[offset:offset + size] for name, items in sections.items()}
    single = store.index_rows("statements", alone, "oldest", size, offset) if size else []
    cap = SHOWN_VERSIONS if window is not None else None  # a page shows a few versions of a group
    shown = {t.article_id for t in sections["timeline"]} | {row["article_id"] for row in single}
    said = {a: list(store.iter_statements(article_id=a)) for a in story.article_ids if a in shown}
    by_id = {st.id: st for statements in said.values() for st in statements}
    event_of = {a: n for n, event in enumerate(story.events, 1) for a in event.article_ids}
    return {
        **story_record(story),
        "articles": [{"id": a.id, "source": a.source, "published": a.published,
                      "published_inferred": a.published_inferred, "title": a.title,
                      "event": event_of.get(a.id)} for a in articles.values()],
        "statements": _statement_groups(store, sections["statements"], articles, cap),
        "single_statements": [{**statement_record(by_id[row["id"]], texts[row["article_id"]]),
                               "source": row["a_source"]} for row in single if row["id"] in by_id],
        "claims": _quantity_groups(store, sections["claims"], cap),
        "conflicts": list(conflict_records(store, sections["conflicts"], texts)),
        "timeline": [timeline_entry(store, t, texts, said).as_dict() for t in sections["timeline"]],
        "counts": counts,
    }


def _by_corroboration(groups) -> list[dict]:
    return sorted(groups, key=lambda g: (-g["corroboration"], g["id"]))


def _story_dates(store: Store, article_ids) -> list:
    """The story's placeable dates in timeline order (date, article, position)."""
    return sorted((t for a in article_ids for t in placeable(store, a)), key=timeline_order)


def _statement_groups(store: Store, groups: list[dict], articles: dict, cap: int | None) -> list[dict]:
    """Aligned statements, each with its outlets' versions (the first `cap`, the rest counted)."""
    kept = {g["id"]: g["member_ids"][:cap] for g in groups}
    members = store.statements_by_id([m for ids in kept.values() for m in ids])
    views = []
    for group in groups:
        versions = [statement_record(members[m], articles[members[m].article_id].text)
                    for m in kept[group["id"]] if m in members]
        views.append({**group, "speaker": _speaker(versions), "versions": versions,
                      "more_versions": len(group["member_ids"]) - len(versions)})
    return views


def _speaker(versions: list[dict]) -> str | None:
    names = [v["speaker"]["name"] for v in versions if v["speaker"] and v["speaker"]["name"]]
    return max(sorted(set(names)), key=names.count) if names else None


def _quantity_groups(store: Store, groups: list[dict], cap: int | None) -> list[dict]:
    """Numbers stated by several articles, each with its versions (the first `cap`, the rest
    counted)."""
    kept = {g["id"]: g["member_ids"][:cap] for g in groups}
    members = store.quantities_by_id([m for ids in kept.values() for m in ids])
    return [{**group, "versions": [quantity_record(members[m]) for m in kept[group["id"]] if m in members],
             "more_versions": len(group["member_ids"]) - len(kept[group["id"]])} for group in groups]
