"""One story as readers see it: its articles, who said what with corroboration, the claims,
the conflicts with their evidence, and a timeline. The CLI, the briefing and the web UI all
read this view, so they always agree."""

from __future__ import annotations

from ..store import Store
from .export import conflict_records, quantity_record, statement_record, story_record
from .timeline import build_timeline


def story_view(store: Store, story_id: str) -> dict:
    """Everything newsprism knows about one story, as JSON-ready data."""
    story = store.get_story(story_id)
    articles = {a: store.get_article(a) for a in story.article_ids}
    groups = list(store.iter_groups(story_id))
    texts = {a.id: a.text for a in articles.values()}
    said = {a: list(store.iter_statements(article_id=a)) for a in articles}
    return {
        **story_record(story),
        "articles": [{"id": a.id, "source": a.source, "published": a.published, "title": a.title}
                     for a in articles.values()],
        "statements": _statement_groups(groups, articles, said),
        "claims": _quantity_groups(store, groups, articles),
        "conflicts": list(conflict_records(store, store.iter_conflicts(story_id), texts)),
        "timeline": sorted((e.as_dict() for a in story.article_ids
                            for e in build_timeline(store, a, texts, said)),
                           key=lambda e: (e["date"], e["article_id"], e["start"])),
    }


def _statement_groups(groups: list[dict], articles: dict, said: dict[str, list]) -> list[dict]:
    """Aligned statements, most corroborated first, each with every outlet's version."""
    members = {s.id: s for a in articles for s in said[a]}
    views = []
    for group in groups:
        if group["kind"] != "statement":
            continue
        versions = [statement_record(members[m], articles[members[m].article_id].text)
                    for m in group["member_ids"] if m in members]
        views.append({**group, "speaker": _speaker(versions), "versions": versions})
    return sorted(views, key=lambda g: (-g["corroboration"], g["id"]))


def _speaker(versions: list[dict]) -> str | None:
    names = [v["speaker"]["name"] for v in versions if v["speaker"] and v["speaker"]["name"]]
    return max(sorted(set(names)), key=names.count) if names else None


def _quantity_groups(store: Store, groups: list[dict], articles: dict) -> list[dict]:
    """Numbers stated by several articles, most corroborated first."""
    members = {q.id: q for a in articles for q in store.iter_quantities(article_id=a)}
    views = []
    for group in groups:
        if group["kind"] == "quantity":
            versions = [quantity_record(members[m]) for m in group["member_ids"] if m in members]
            views.append({**group, "versions": versions})
    return sorted(views, key=lambda g: (-g["corroboration"], g["id"]))
