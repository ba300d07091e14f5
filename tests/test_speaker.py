"""One speaker across the store: utterances grouped across outlets, filters and pages, figures
over time with revisions, and the conflicts the speaker is part of (both backends)."""

from __future__ import annotations

import pytest

from newsprism.errors import NotFound
from newsprism.link import link_store
from newsprism.model import Article
from newsprism.pipeline import analyze_article
from newsprism.report.speaker import differences, role_history, speaker_view
from newsprism.store import open_store
from newsprism.store.indexes import IndexFilter

# One minister, two outlets on one day (the cost differs: a conflict; the quote is carried by
# both), and a later report where she gives a new cost herself.
ARTICLES = [
    Article(id="herald", source="Harbour Herald", title="Bridge to cost €320 million", published="2025-04-08",
            text=("Transport Minister Lena Okafor said on Monday that the new bridge in Dunmore "
                  "would cost €320 million.\n“We will open it before winter,” Okafor told reporters "
                  "in Dunmore.\n")),
    Article(id="valley", source="Valley News", title="Minister puts bridge at €350 million",
            published="2025-04-08",
            text=("Transport Minister Lena Okafor said on Monday that the Dunmore bridge "
                  "would cost €350 million.\n“We will surely open it before winter,” Okafor told reporters "
                  "in Dunmore.\n")),
    Article(id="coast", source="Coast Daily", title="Bridge costs rise", published="2025-05-20",
            text=("Costs have grown again. “The Dunmore bridge will now cost €410 million,” Lena Okafor "
                  "told the regional council on Tuesday.\nThe council will vote on the plan in June.\n")),
]


@pytest.fixture(scope="module")
def store(module_store_url):
    store = open_store(module_store_url)
    for article in ARTICLES:
        store.add_article(article, analyze_article(article))
    link_store(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def okafor(store):
    return next(e for e in store.iter_entities("PERSON") if e.name == "Lena Okafor").id


def _texts(view):
    return [[v["content"]["text"] for v in u["versions"]] for u in view["utterances"]]


def test_one_utterance_carried_by_two_outlets_is_one_group_earliest_first(store, okafor):
    view = speaker_view(store, okafor)
    carried = [u for u in view["utterances"] if u["outlets"] == 2]
    assert carried, _texts(view)
    quote = next(u for u in carried if "winter" in u["versions"][0]["content"]["text"])
    assert [v["article"]["source"] for v in quote["versions"]] in (["Harbour Herald", "Valley News"],
                                                                    ["Valley News", "Harbour Herald"])
    assert view["total"] == len(view["utterances"])
    assert view["utterances"][-1]["first_published"].startswith("2025-05-20")  # the latest report last


def test_filters_keep_what_they_name(store, okafor):
    only_coast = speaker_view(store, okafor, IndexFilter(outlet="Coast Daily"))
    assert only_coast["total"] == 1 and "410" in _texts(only_coast)[0][0]
    may = speaker_view(store, okafor, IndexFilter(since="2025-05-01"))
    assert may["total"] == 1
    april = speaker_view(store, okafor, IndexFilter(until="2025-04-30"))
    assert april["total"] == speaker_view(store, okafor)["total"] - 1
    # A month or a year as the end keeps all of it: up to "2025-04" keeps 8 April.
    assert speaker_view(store, okafor, IndexFilter(until="2025-04"))["total"] == april["total"]
    whole_year = speaker_view(store, okafor, IndexFilter(until="2025"))
    assert whole_year["total"] == speaker_view(store, okafor)["total"]
    contradictory = IndexFilter(since="2026-01-01", until="2025-01-01")
    assert speaker_view(store, okafor, contradictory)["utterances"] == []
    assert speaker_view(store, okafor, IndexFilter(kind="no-such-kind"))["total"] == 0
    assert speaker_view(store, okafor, IndexFilter(story_id="no-such-story"))["total"] == 0


def test_pages_read_a_slice(store, okafor):
    everything = speaker_view(store, okafor)
    first, second = speaker_view(store, okafor, limit=1), speaker_view(store, okafor, limit=1, offset=1)
    assert first["total"] == everything["total"] >= 2
    assert [u["id"] for u in first["utterances"] + second["utterances"]] == \
        [u["id"] for u in everything["utterances"][:2]]


def test_claim_history_in_date_order_with_her_revision(store, okafor):
    claims = [c for c in speaker_view(store, okafor)["claims"] if c["unit"] == "EUR"]
    assert [c["display"] for c in claims][-1] == "€410 million"
    assert [c["published"][:10] for c in claims] == sorted(c["published"][:10] for c in claims)
    assert claims[-1]["revises"] is not None and claims[-1]["revises"]["display"] in ("€320 million",
                                                                                       "€350 million")


def test_the_conflict_over_her_figure_is_on_her_page(store, okafor):
    conflicts = speaker_view(store, okafor)["conflicts"]
    assert any(c["kind"] == "numeric" and "320" in c["summary"] and "350" in c["summary"] for c in conflicts)


def test_an_unknown_speaker_is_not_found(store):
    with pytest.raises(NotFound):
        speaker_view(store, "person:nobody-at-all")


def test_differences_mark_the_words_an_outlet_changed():
    runs = differences("We will open it before winter", "We will surely open it before winter")
    assert runs == [{"text": "We will", "changed": False}, {"text": "surely", "changed": True},
                    {"text": "open it before winter", "changed": False}]
    assert differences("same words", "same words") == [{"text": "same words", "changed": False}]


def test_role_history_names_each_role_once_with_its_span():
    roles = [{"role": "Minister", "article_id": "b", "date": "2025-05-20T10:00"},
             {"role": "Minister", "article_id": "a", "date": "2025-04-08"},
             {"role": "Mayor", "article_id": "c", "date": None}]
    assert role_history(roles) == [
        {"role": "Minister", "first": "2025-04-08", "last": "2025-05-20", "article_ids": ["b", "a"]},
        {"role": "Mayor", "first": None, "last": None, "article_ids": ["c"]}]


def test_a_subjects_figures_over_time_get_a_chart(store):
    from newsprism.store.indexes import IndexFilter
    from newsprism.web.views import subject_chart

    chart = subject_chart(store, IndexFilter(unit="EUR", subject="bridge"))
    assert chart.startswith("<svg") and chart.count("<circle") == 3 and "€410 million" in chart
    assert subject_chart(store, IndexFilter(unit="EUR")) == ""  # no subject: no history to draw
    assert subject_chart(store, IndexFilter(unit="EUR", subject="tunnel")) == ""  # nothing stated
