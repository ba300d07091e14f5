"""Linking a store: stories, groups and conflicts written, re-runs idempotent, export filled."""

import io
import json

import pytest

from newsprism.link import link_store
from newsprism.model import Article
from newsprism.pipeline import analyze_article
from newsprism.report.export import export
from newsprism.report.story import story_view

FERRY_A = """Ferry operator Nordlys cancels winter crossings to Skerholm
Nordlys Ferries said on Tuesday it would cancel all winter crossings between Brekkvik and
Skerholm island after a fire damaged the vessel MS Havbris.
“We cannot sail safely until the engine room is rebuilt,” chief executive Ingrid Solberg told
reporters in Brekkvik.
The repairs will cost 48 million kroner, Solberg said.
"""
FERRY_B = """Skerholm islanders cut off as Nordlys halts ferry after fire
Islanders on Skerholm face a winter without their ferry after Nordlys Ferries halted crossings
from Brekkvik on Tuesday following a fire aboard the MS Havbris.
“We cannot sail safely until the engine room is rebuilt,” Nordlys chief executive Ingrid Solberg said.
She put the cost of the repairs at 48 million kroner.
"""
FERRY_C = """Skerholm ferry back in service
Islanders on Skerholm welcomed their ferry back on Thursday, three weeks after the engine room
fire stopped winter crossings. The repaired vessel docked to cheers from about 200 people.
"""
ORCHARD = """Apple growers in Valdorra expect record harvest
Fruit growers in the Valdorra valley expect their largest apple harvest in twenty years, the
regional growers' cooperative said on Friday.
Cooperative chair Matteo Brambilla said warm spring weather and few late frosts helped the trees.
"""


def add(store, article_id, text, source, published):
    article = Article(id=article_id, text=text, source=source, published=published)
    store.add_article(article, analyze_article(article))


@pytest.fixture
def linked(store):
    add(store, "ferry-a", FERRY_A, "Coast Post", "2025-11-04")
    add(store, "ferry-b", FERRY_B, "Island Times", "2025-11-04")
    add(store, "orchard", ORCHARD, "Valley Farmer", "2025-09-12")
    report = link_store(store)
    return store, report


def test_articles_about_one_event_share_a_story_and_others_stand_alone(linked):
    store, report = linked
    assert report.linked == 3
    stories = {s.id: set(s.article_ids) for s in store.iter_stories()}
    assert sorted(stories.values(), key=len) == [{"orchard"}, {"ferry-a", "ferry-b"}]
    assert store.story_of("ferry-a") == store.story_of("ferry-b") != store.story_of("orchard")


def test_a_later_development_is_stored_as_its_own_event_of_the_story(linked):
    store, _ = linked
    add(store, "ferry-c", FERRY_C, "Coast Post", "2025-11-27")
    link_store(store)
    story = store.get_story(store.story_of("ferry-a"))
    assert set(story.article_ids) == {"ferry-a", "ferry-b", "ferry-c"}
    assert [(e.article_ids, e.start, e.end) for e in story.events] == [
        (("ferry-a", "ferry-b"), "2025-11-04", "2025-11-04"),
        (("ferry-c",), "2025-11-27", "2025-11-27")]
    view = story_view(store, story.id)
    events = [(a["id"], a["event"]) for a in view["articles"]]
    assert events == [("ferry-a", 1), ("ferry-b", 1), ("ferry-c", 2)]


def test_a_quote_reported_by_two_outlets_forms_one_group(linked):
    store, _ = linked
    groups = [g for g in store.iter_groups() if g["kind"] == "statement"]
    quote = [g for g in groups if set(g["article_ids"]) == {"ferry-a", "ferry-b"}]
    assert quote and quote[0]["corroboration"] == 2
    assert quote[0]["sources"] == ["Coast Post", "Island Times"]
    grouped = [s for s in store.iter_statements() if s.group_id == quote[0]["id"]]
    assert {s.article_id for s in grouped} == {"ferry-a", "ferry-b"}


def test_relinking_with_nothing_new_changes_nothing(linked):
    store, _ = linked
    before = _export(store)
    assert link_store(store).linked == 0
    assert _export(store) == before


def test_a_later_article_joins_its_story_without_touching_the_others(linked):
    store, _ = linked
    orchard_story = store.story_of("orchard")
    add(store, "ferry-c", FERRY_A.replace("Tuesday", "Wednesday") + "Islanders protested.\n",
        "Harbour Herald", "2025-11-05")
    report = link_store(store)
    assert report.linked == 1 and report.stories == 1
    assert store.story_of("ferry-c") == store.story_of("ferry-a")
    assert store.story_of("orchard") == orchard_story


def test_reanalysed_articles_are_linked_again(linked):
    store, _ = linked
    story = store.story_of("ferry-a")
    article = store.get_article("ferry-a")
    store.save_analysis(analyze_article(article))
    assert store.story_of("ferry-a") is None
    assert link_store(store).linked == 1
    assert store.story_of("ferry-a") == story


def test_export_has_stories_groups_and_conflict_sections(linked):
    store, _ = linked
    data = json.loads(_export(store))
    assert data["schema_version"] == 5
    assert {a for s in data["stories"] for a in s["article_ids"]} == {"ferry-a", "ferry-b", "orchard"}
    for story in data["stories"]:  # its events share out its articles
        assert sorted(a for e in story["events"] for a in e["article_ids"]) == sorted(story["article_ids"])
    assert all(g["corroboration"] >= 1 and g["member_ids"] for g in data["groups"])
    assert isinstance(data["conflicts"], list)


def test_story_view_lists_articles_groups_and_timeline(linked):
    store, _ = linked
    view = story_view(store, store.story_of("ferry-a"))
    assert [a["id"] for a in view["articles"]] == ["ferry-a", "ferry-b"]
    assert view["statements"][0]["speaker"] == "Ingrid Solberg"
    # A statement no other outlet carried is listed too, with its outlet.
    grouped = {v["id"] for g in view["statements"] for v in g["versions"]}
    assert view["single_statements"] and all(s["id"] not in grouped and s["group_id"] is None
                                             for s in view["single_statements"])
    assert any(e["date"] == "2025-11-04" for e in view["timeline"])


def test_a_window_of_the_story_view_is_that_slice_of_the_whole_view(linked):
    store, _ = linked
    story_id = store.story_of("ferry-a")
    whole = story_view(store, story_id)
    sections = ("statements", "single_statements", "claims", "conflicts", "timeline")
    expected = {"articles": 2, "conflicts_hidden": 0, **{name: len(whole[name]) for name in sections}}
    assert whole["counts"] == expected
    assert len(whole["timeline"]) >= 2
    for offset in (0, 1, 2):
        part = story_view(store, story_id, window=(offset, 1))
        assert part["counts"] == whole["counts"] and part["articles"] == whole["articles"]
        for name in sections:
            assert part[name] == whole[name][offset:offset + 1]


def _export(store) -> str:
    out = io.StringIO()
    export(store, out, "json")
    return out.getvalue()


def test_a_page_of_the_story_view_shows_a_few_versions_of_a_group_and_counts_the_rest(linked, monkeypatch):
    from newsprism.report import story as story_module

    store, _ = linked
    story_id = store.story_of("ferry-a")
    whole = story_view(store, story_id)
    group = next(g for g in whole["statements"] if len(g["versions"]) >= 2)
    monkeypatch.setattr(story_module, "SHOWN_VERSIONS", 1)
    paged = story_view(store, story_id, window=(0, 50))
    same = next(g for g in paged["statements"] if g["id"] == group["id"])
    assert len(same["versions"]) == 1 and same["more_versions"] == len(group["versions"]) - 1
    assert group["more_versions"] == 0  # the whole view (CLI, briefing) shows every version
