import random
from array import array
from collections import Counter
from dataclasses import replace
from itertools import combinations

import pytest

from newsprism.link.graph import average_link
from newsprism.link.stories import (
    StoryDoc,
    StoryIndex,
    _most_hit,
    batch_order,
    cluster,
    story_doc,
    story_key,
    story_title,
)
from newsprism.link.summaries import Linkage, Summary
from newsprism.link.vectors import DocumentFrequencies, cosine, sublinear_tf, terms, top
from newsprism.model import Analysis, Article, Entity, Mention, Timex


def doc(article_id, text, published=None, entities=(), dates=(), title=None):
    return StoryDoc(article_id, text, title, published, tuple(entities), tuple(dates))


# Two dock strikes: the same kind of event, in other ports, with other people, years apart.
ANTWERP = [
    doc("herald-1", "Dockworkers in Antwerp walked out on Monday, halting container traffic at the port. "
        "Union leader Marek Novak said the strike over night-shift pay would last until the port "
        "authority reopened talks.", "2025-03-03", ["Antwerp", "Marek Novak", "Antwerp", "Port Authority"],
        ["2025-03-03"], "Antwerp dockworkers strike over night-shift pay"),
    doc("ledger-7", "Container ships queued outside Antwerp as the dockworkers' strike entered its second "
        "day. Marek Novak, who leads the union, told reporters the night-shift pay offer was an insult.",
        "2025-03-04", ["Antwerp", "Marek Novak", "Marek Novak"], ["2025-03-04"], "Ships queue at Antwerp"),
    doc("wire-3", "The Antwerp port authority agreed to reopen talks with striking dockworkers, union leader "
        "Novak said, after two days in which no container left the port over the night-shift pay row.",
        "2025-03-05", ["Antwerp", "Marek Novak", "Port Authority"], ["2025-03-05"]),
]
GDANSK = [
    doc("times-2", "Dockworkers in Gdansk began a strike on Thursday over pension cuts, stopping container "
        "traffic at the port. Union chief Helena Kowalski said the walkout would continue.", "2021-10-14",
        ["Gdansk", "Helena Kowalski", "Gdansk"], ["2021-10-14"], "Gdansk dockers strike over pensions"),
    doc("news-9", "Helena Kowalski, head of the Gdansk dockers' union, said the pension strike had emptied "
        "the port of container ships for a third day.", "2021-10-16", ["Helena Kowalski", "Gdansk"],
        ["2021-10-16"]),
]
UNRELATED = doc("valley-4", "The city council approved a new tram line to the university campus, with "
                "construction due to start in the spring.", "2025-03-04", ["City Council"], ["2025-03-04"])


def test_same_event_from_different_outlets_joins_one_story():
    assignments = cluster(ANTWERP)
    assert len(set(assignments.values())) == 1


def test_similar_but_different_event_stays_apart():
    assignments = cluster(ANTWERP + GDANSK + [UNRELATED])
    antwerp = {assignments[d.article_id] for d in ANTWERP}
    gdansk = {assignments[d.article_id] for d in GDANSK}
    assert len(antwerp) == 1 and len(gdansk) == 1 and antwerp != gdansk
    assert assignments["valley-4"] not in antwerp | gdansk


def test_incremental_adds_match_the_batch_in_any_order():
    docs = ANTWERP + GDANSK + [UNRELATED]
    batch = cluster(docs)
    for seed in range(5):
        shuffled = random.Random(seed).sample(docs, len(docs))
        index = StoryIndex()
        for d in shuffled:
            index.add(d)
        assert index.assignments() == batch


@pytest.mark.parametrize("seed", range(5))
def test_batch_partition_does_not_depend_on_input_order(seed):
    docs = ANTWERP + GDANSK + [UNRELATED]
    assert cluster(random.Random(seed).sample(docs, len(docs))) == cluster(docs)


def test_clustering_is_deterministic_and_keys_are_stable():
    docs = ANTWERP + GDANSK + [UNRELATED]
    first = cluster(docs)
    assert cluster(docs) == first
    assert first["herald-1"] == story_key(min(ANTWERP, key=batch_order).article_id)
    assert first["times-2"] == story_key("times-2") and first["valley-4"] == story_key("valley-4")


def test_an_earlier_article_gives_its_story_a_new_key():
    index = StoryIndex()
    index.add_batch(ANTWERP[1:])
    assert index.assignments()["wire-3"] == story_key("ledger-7")
    assert index.add(ANTWERP[0]) == index.assignments()["wire-3"] == story_key("herald-1")


def test_new_articles_leave_stories_they_do_not_reach_alone():
    index = StoryIndex()
    index.add_batch(ANTWERP + GDANSK)
    before = {s.id: s.article_ids for s in index.stories()}
    index.add(UNRELATED)
    after = {s.id: s.article_ids for s in index.stories()}
    assert after == before | {story_key("valley-4"): ("valley-4",)}


def test_adding_an_article_twice_keeps_its_story():
    index = StoryIndex()
    key = index.add(ANTWERP[0])
    assert index.add(ANTWERP[0]) == key and index.members(key) == ("herald-1",)


def test_rebuilding_from_known_assignments_gives_the_same_index():
    docs = sorted(ANTWERP + GDANSK, key=batch_order)
    original = StoryIndex()
    for d in docs:
        original.add(d)
    rebuilt = StoryIndex()
    for d in docs:
        rebuilt.add(d, story=original.assignments()[d.article_id])
    assert rebuilt.assignments() == original.assignments()
    assert [s.as_dict() for s in rebuilt.stories()] == [s.as_dict() for s in original.stories()]
    later = doc("herald-2", "Antwerp dockworkers ended their strike after the port authority raised "
                "night-shift pay, union leader Marek Novak said.", "2025-03-07", ["Antwerp", "Marek Novak"])
    assert rebuilt.add(later) == original.add(later) == original.assignments()["herald-1"]


def test_known_story_key_is_kept_without_scoring():
    index = StoryIndex()
    assert index.add(GDANSK[0], story="story-from-store") == "story-from-store"
    assert index.add(ANTWERP[0], story="story-from-store") == "story-from-store"
    assert index.members("story-from-store") == ("times-2", "herald-1")


def test_distant_event_years_lower_the_score():
    index = StoryIndex()
    key = index.add(ANTWERP[0])
    same = doc("x", ANTWERP[1].text, None, ANTWERP[1].entities, ["2025-03"])
    other_year = doc("y", ANTWERP[1].text, None, ANTWERP[1].entities, ["2019-03"])
    assert index.score(same, key) > index.score(other_year, key)


def test_story_records_have_title_span_and_entities():
    index = StoryIndex()
    for d in ANTWERP:
        index.add(d)
    (story,) = index.stories()
    assert story.article_ids == ("herald-1", "ledger-7", "wire-3")
    assert (story.start, story.end) == ("2025-03-03", "2025-03-05")
    assert set(story.entities[:2]) == {"Antwerp", "Marek Novak"}
    assert story.title == story_title(index, story.id) == "Antwerp dockworkers strike over night-shift pay"


# The Antwerp strike's outcome, three weeks on: the same story, a later development.
ANTWERP_DEAL = [
    doc("herald-9", "Three weeks after the walkout, Antwerp's dockworkers voted to accept a pay deal. Marek "
        "Novak told members the night-shift bonus would rise by a fifth from May.", "2025-03-25",
        ["Antwerp", "Marek Novak"], ["2025-03-25"], "Antwerp dockers accept pay deal"),
    doc("ledger-12", "Members of the Antwerp dockers' union backed the pay deal in a vote, Marek Novak said, "
        "with a bonus for night shifts from May.", "2025-03-26", ["Antwerp", "Marek Novak"], ["2025-03-26"]),
]


def test_a_later_development_joins_the_story_as_an_event_of_its_own():
    index = StoryIndex()
    index.add_batch(ANTWERP + ANTWERP_DEAL + GDANSK + [UNRELATED])
    story = index.story(index.assignments()["herald-1"])
    assert set(story.article_ids) == {d.article_id for d in ANTWERP + ANTWERP_DEAL}
    strike, deal = story.events
    assert strike.article_ids == ("herald-1", "ledger-7", "wire-3") and (strike.start, strike.end) == (
        "2025-03-03", "2025-03-05")
    assert deal.article_ids == ("herald-9", "ledger-12")
    assert (deal.start, deal.end) == ("2025-03-25", "2025-03-26")
    assert strike.id != deal.id and strike.id.startswith("event-")


def test_reports_days_apart_of_one_happening_and_an_undated_one_are_one_event():
    undated = doc("blog-5", "Antwerp dockworkers are on strike over night-shift pay, says union leader "
                  "Marek Novak; container traffic at the port has stopped.", None, ["Antwerp", "Marek Novak"])
    index = StoryIndex()
    index.add_batch(ANTWERP + [undated])
    (story,) = index.stories()
    assert [e.article_ids for e in story.events] == [story.article_ids]


def test_a_date_read_from_the_text_is_no_evidence_of_a_gap_in_days():
    # An inferred date is the latest date the text mentions: a lower bound, not the day it ran.
    index = StoryIndex()
    key = index.add(ANTWERP[0])
    late = replace(ANTWERP[1], article_id="late", published="2025-11-20", inferred=True)
    near = replace(ANTWERP[1], article_id="near", published="2025-03-04", inferred=True)
    given = replace(ANTWERP[1], article_id="given", published="2025-11-20")
    assert index.score(late, key) == pytest.approx(index.score(near, key))
    assert index.score(given, key) < index.score(late, key) - 0.1


def test_untitled_story_is_named_by_its_entities():
    index = StoryIndex()
    key = index.add(GDANSK[1])
    assert index.title(key) == "Gdansk, Helena Kowalski"


def test_story_doc_takes_names_by_mention_and_dates_with_a_year():
    article = Article(id="a1", text="Novak spoke in Antwerp on Monday.", title="Strike")
    entities = (Entity("e1", "Marek Novak", "PERSON"), Entity("e2", "Monday", "DATE"),
                Entity("e3", "Antwerp", "GPE"))
    mentions = (Mention("a1", "e1", 0, 5, "Novak"), Mention("a1", "e3", 15, 22, "Antwerp"),
                Mention("a1", "e2", 26, 32, "Monday"), Mention("a1", "e1", 0, 2, "he", "pronoun"))
    analysis = Analysis("a1", "3", entities=entities, mentions=mentions,
                        timexes=(Timex("a1", 26, 32, "Monday", "DATE", "2025-03-03"),
                                 Timex("a1", 0, 1, "x", "DATE", "XXXX-02-12")),
                        inferred_published="2025-03-04")
    assert story_doc(article, analysis) == StoryDoc("a1", article.text, "Strike", "2025-03-04",
                                                    ("Marek Novak", "Antwerp"), ("2025-03-03",),
                                                    inferred=True)


def test_vectors_weigh_rare_terms_and_drop_stop_words():
    assert terms("The Union's strike, said Novak, is in 2025.") == ["union", "strike", "novak"]
    df = DocumentFrequencies()
    for text in ("port strike antwerp", "port strike gdansk", "port tram"):
        df.add(sublinear_tf(terms(text)))
    vector = df.weighted(sublinear_tf(terms("port strike antwerp")))
    assert top(vector, 1) == ["antwerp"] and abs(cosine(vector, vector) - 1.0) < 1e-9


def test_average_link_counts_a_missing_edge_as_zero():
    # 0-1 and 1-2 are close, 0-2 has no edge: joining 2 to {0, 1} averages (0.8 + 0) / 2.
    graph = {0: {1: 0.9, 2: 0.0}, 1: {0: 0.9, 2: 0.8}, 2: {1: 0.8}}
    del graph[0][2]
    assert average_link(graph, 0.5) == [[0, 1], [2]]
    assert average_link(graph, 0.4) == [[0, 1, 2]]
    assert average_link({0: {}, 1: {}}, 0.1) == [[0], [1]]


def test_average_link_merges_the_closest_clusters_first():
    # {0, 1} and {2, 3} form first; across them the mean is (0.6 + 0.6 + 0 + 0) / 4 = 0.3.
    graph = {0: {1: 0.95, 2: 0.6}, 1: {0: 0.95, 3: 0.6}, 2: {0: 0.6, 3: 0.9}, 3: {1: 0.6, 2: 0.9}}
    assert average_link(graph, 0.31) == [[0, 1], [2, 3]]
    assert average_link(graph, 0.3) == [[0, 1, 2, 3]]


# One long-running story told in many short reports: each picks a few of these sentences.
FLOOD_SENTENCES = [
    "Floodwater from the Merrow river reached the centre of Callinford on {day}.",
    "Rescue crews in Callinford moved {n} families to the sports hall as the Merrow kept rising.",
    "Mayor Ines Okafor said the Callinford flood defences had held along the northern bank.",
    "The Merrow burst its banks south of Callinford, closing the bridge to Eastwick.",
    "Insurers began counting the cost of the Callinford flood, which has damaged {n} homes.",
    "Ines Okafor asked residents of the riverside streets to stay with relatives until the Merrow falls.",
    "Volunteers filled sandbags outside Callinford town hall for a {nth} night.",
    "Forecasters expect more rain over the Merrow valley, and Callinford schools stay shut.",
]
FLOOD_ENTITIES = ["Merrow", "Callinford", "Ines Okafor", "Eastwick"]


def flood_reports(count, seed=3):
    rng = random.Random(seed)
    reports = []
    for number in range(count):
        day = 1 + number // 4
        text = " ".join(s.format(day=f"day {day}", n=rng.randint(20, 400), nth=f"number {day}")
                        for s in rng.sample(FLOOD_SENTENCES, 2))
        names = [e for e in FLOOD_ENTITIES if e in text]
        reports.append(doc(f"flood-{number}", text, f"2025-01-{day:02d}", names, [f"2025-01-{day:02d}"]))
    return reports


def test_a_long_running_story_of_many_short_reports_stays_one_story():
    reports = flood_reports(60)
    assignments = cluster(reports + ANTWERP + GDANSK + [UNRELATED])
    assert len({assignments[d.article_id] for d in reports}) == 1
    assert assignments["herald-1"] not in {assignments[d.article_id] for d in reports}


def test_a_long_running_story_stays_one_story_when_added_day_by_day():
    reports, index = flood_reports(60), StoryIndex()
    for start in range(0, 60, 4):
        index.add_batch(reports[start:start + 4])
    assert len(index) == 1


def test_restoring_a_store_s_stories_places_new_articles_as_an_eager_rebuild_does():
    history = flood_reports(40) + ANTWERP + GDANSK + [UNRELATED]
    original = StoryIndex()
    original.add_batch(history)
    known = original.assignments()
    ordered = sorted(history, key=batch_order)
    eager, lazy = StoryIndex(), StoryIndex()
    for d in ordered:
        eager.add(d, story=known[d.article_id])
    lazy.restore((d, known[d.article_id]) for d in ordered)
    assert lazy.assignments() == known
    later = flood_reports(48)[40:] + [doc("herald-2", "Antwerp dockworkers ended their strike after the port "
                                          "authority raised night-shift pay, union leader Marek Novak said.",
                                          "2025-03-07", ["Antwerp", "Marek Novak"])]
    assert lazy.add_batch(later) == eager.add_batch(later)
    assert lazy.assignments() == eager.assignments()
    assert lazy.assignments()["herald-2"] == known["herald-1"]
    assert {lazy.assignments()[d.article_id] for d in later[:-1]} == {known["flood-0"]}


def test_candidates_are_the_most_hit_articles_the_most_recent_first_among_equals():
    rng = random.Random(5)
    for features in (1, 3, 30):
        postings = [array("q", sorted(rng.sample(range(1000), rng.randint(1, 150)))) for _ in range(features)]
        for recent in (5, 100):
            hits = Counter(seq for posting in postings for seq in posting[-recent:])
            for count in (1, 10, 40):
                expected = sorted(hits, key=lambda seq: (-hits[seq], -seq))[:count]
                assert _most_hit(postings, recent, count) == expected
    assert _most_hit([], 100, 40) == []


@pytest.mark.parametrize("scored_first", [True, False])
def test_linkage_after_merges_is_the_mean_similarity_over_every_pair(scored_first):
    # An undated report that mentions its years: its pairs are penalised by year, not by day.
    archive = doc("archive-1", "Helena Kowalski recalled the Gdansk dock strike over pension cuts, when "
                  "container traffic stopped for days.", None, ["Helena Kowalski", "Gdansk"],
                  ["2021-10", "2019"])
    docs = ANTWERP + GDANSK + [UNRELATED, archive]
    index = StoryIndex()
    index.add_batch(docs)
    nodes = [index._nodes[d.article_id] for d in docs]
    for node in nodes:
        index._weigh(node)
    linkage = Linkage({n: Summary(node, 1) for n, node in enumerate(nodes)}, index.params)
    if scored_first:  # merged links come from the parts' remembered scores
        for a, b in combinations(range(len(nodes)), 2):
            linkage.score(a, b)
    linkage.merge(0, 1)
    linkage.merge(0, 2)
    linkage.merge(3, 6)
    clusters = {0: [0, 1, 2], 3: [3, 6], 4: [4], 5: [5]}
    for a, b in combinations(clusters, 2):
        pairs = [index._similarity(nodes[i], nodes[j]) for i in clusters[a] for j in clusters[b]]
        assert linkage.score(a, b) == pytest.approx(sum(pairs) / len(pairs), abs=1e-9)
    assert linkage.summaries[3].undated == 1 and linkage.summaries[0].undated == 0


def test_two_articles_linkage_is_their_edge_similarity():
    # The first clustering round takes two loose articles' link from their edge: it must be the
    # score their summaries would give, undated reports (years) included.
    archive = doc("archive-2", "Gdansk dockworkers struck over pension cuts, Helena Kowalski said.", None,
                  ["Gdansk", "Helena Kowalski"], ["2021-10"])
    docs = GDANSK + [archive, ANTWERP[0]]
    index = StoryIndex()
    index.add_batch(docs)
    nodes = [index._nodes[d.article_id] for d in docs]
    linkage = Linkage({n: Summary(index._weighed(node), 1) for n, node in enumerate(nodes)}, index.params)
    for a, b in combinations(range(len(nodes)), 2):
        assert linkage.score(a, b) == pytest.approx(index._similarity(nodes[a], nodes[b]), abs=1e-12)
    assert nodes[0].edges[nodes[1].doc.article_id] == pytest.approx(linkage.score(0, 1), abs=1e-12)


def test_a_summarys_heaviest_features_follow_what_it_absorbs():
    docs = ANTWERP + GDANSK
    index = StoryIndex()
    index.add_batch(docs)
    nodes = [index._weighed(index._nodes[d.article_id]) for d in docs]
    antwerp = Summary(nodes[0], 1)
    alone = antwerp.features(20, 10)
    assert antwerp.features(20, 10) is alone  # kept while the summary stays as it is
    gdansk = [Summary(node, 1) for node in nodes[len(ANTWERP):]]
    for other in gdansk:
        antwerp.absorb(other, index.params.summary_terms)
    grown = antwerp.features(20, 10)
    assert "e:gdansk" in grown and "e:gdansk" not in alone


def near_copies(count):
    # One wire report run by several outlets, each adding a line of its own.
    base = ANTWERP[0]
    return [doc(f"copy-{n}", f"{base.text} Reported for outlet number {n}.", base.published, base.entities,
                base.dates, base.title) for n in range(count)]


def region_for(index, docs):
    fresh = index._register(docs)
    for node in fresh:
        index._link(node)
    loose, whole = index._region(fresh)
    index._recluster(loose, whole)
    return loose, whole


@pytest.mark.parametrize("cohesive", [0.8, 2.0])
def test_a_story_of_near_copies_joins_a_re_run_whole(cohesive):
    index = StoryIndex(cohesive=cohesive)
    index.add_batch(near_copies(8))
    (key,) = index._members
    loose, whole = region_for(index, [ANTWERP[1]])
    if cohesive <= 1.0:  # its articles are alike: no need to re-cluster them one by one
        assert index._cohesive(key) and loose == {"ledger-7"} and whole == {key}
    else:
        assert not index._cohesive(key) and loose == {"ledger-7"} | {f"copy-{n}" for n in range(8)}
    assert index.assignments()["ledger-7"] == key and len(index) == 1


def test_a_story_of_several_events_is_re_run_article_by_article():
    index = StoryIndex()
    mixed = ANTWERP[:2] + GDANSK + flood_reports(4)
    for d in mixed:
        index.add(d, story="mixed")
    assert not index._cohesive("mixed")
    loose, whole = region_for(index, [ANTWERP[2]])
    assert loose >= {d.article_id for d in ANTWERP} and not whole
    assert index.assignments()["wire-3"] == index.assignments()["herald-1"] != index.assignments()["times-2"]
