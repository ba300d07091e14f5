"""The Store protocol, on every backend: the same calls give the same answers in the same
order on SQLite and PostgreSQL (see conftest.py for how the PostgreSQL runs are set up)."""

import io
import json
from pathlib import Path

import pytest

from newsprism.errors import NotFound
from newsprism.link import link_store
from newsprism.model import (
    Analysis,
    Article,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    Mention,
    Quantity,
    Role,
    Statement,
    Story,
    Timex,
)
from newsprism.pipeline import analyze_paths
from newsprism.report.export import export
from newsprism.store import SQLiteStore, open_store

CORPUS = Path(__file__).parent.parent / "examples" / "corpus"


def article(ident="a1", text="The mayor said the tram will run in May.", **extra):
    return Article(id=ident, text=text, **extra)


def analysis_for(article_id="a1"):
    person = Entity("person:anna-berg", "Anna Berg", "PERSON")
    return Analysis(
        article_id=article_id, version="1", entities=(person,),
        mentions=(Mention(article_id, person.id, 0, 9, "Anna Berg"),
                  Mention(article_id, person.id, 30, 34, "Berg")),
        roles=(Role(article_id, person.id, "Harbour Master", 40, 54),),
        statements=(Statement(f"{article_id}:s1", article_id, "direct", (10, 20), (21, 25), (0, 9),
                              person.id, "Anna Berg"),),
        quantities=(Quantity(f"{article_id}:q1", article_id, 26, 29, "12%", 12.0, "percent", ">",
                             "Harbour fees", ("2014-01-01", None)),),
        timexes=(Timex(article_id, 55, 59, "2019", "DATE", "2019"),),
    )


def test_round_trip_keeps_every_field(store):
    original = article(source="Valley News", title="Tram", url="https://example.org/t",
                       published="2025-03-11", published_inferred=True, language="en", path="/x/t.txt",
                       boilerplate=((0, 4), (10, 12)))
    assert store.add_article(original)
    assert store.get_article("a1") == original


def test_same_id_or_same_text_is_a_no_op(store):
    assert store.add_article(article("a1"))
    assert not store.add_article(article("a1", text="Other text entirely."))
    assert not store.add_article(article("copy-of-a1"))
    assert store.duplicate_of(article("copy-of-a1")) == "a1"
    assert store.duplicate_of(article("a2", "New text.")) is None
    assert store.count_articles() == 1
    assert store.get_article("a1").text.startswith("The mayor")


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFound, match="no article with id 'zz'"):
        store.get_article("zz")
    for call in (store.get_entity, store.get_story, store.analysis_of):
        with pytest.raises(NotFound):
            call("zz")
    with pytest.raises(NotFound):
        store.save_analysis(Analysis(article_id="zz", version="1"))


def test_an_exception_mid_write_leaves_no_partial_article(store, monkeypatch):
    def crash(analysis):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "_write_analysis", crash)
    with pytest.raises(RuntimeError):
        store.add_article(article("a1"), Analysis(article_id="a1", version="1"))
    assert store.count_articles() == 0
    assert store.search("mayor") == []
    monkeypatch.undo()
    assert store.add_article(article("a1"), Analysis(article_id="a1", version="1"))
    assert store.pending_analysis("1") == []


def test_transactions_nest_and_roll_back_whole(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article("a1"))
        with store.transaction():  # joins the outer one
            store.add_article(article("a2", "Second text."))
        raise RuntimeError("stop")
    assert store.count_articles() == 0
    with store.transaction():
        store.add_article(article("a1"))
    assert store.count_articles() == 1


def test_search_ranks_and_survives_bad_syntax(store):
    store.add_article(article("a1", "Dock workers strike in Antwerp over automation.", title="Strike"))
    store.add_article(article("a2", "The ferry to Texel was delayed by fog.", title="Ferry"))
    assert [h.article_id for h in store.search("strike")] == ["a1"]
    assert [h.article_id for h in store.search('"dock workers"')] == ["a1"]
    assert [h.article_id for h in store.search('strike" (')] == ["a1"]
    assert [h.article_id for h in store.search("Texel NOT strike")] == ["a2"]
    assert store.search("submarine") == []
    assert store.search('"') == []
    (hit,) = store.search("strike")
    assert "[strike]" in hit.snippet.lower() and hit.title == "Strike" and hit.score > 0


def test_search_ignores_accents(store):
    store.add_article(article("a1", "The mayor of Liège spoke."))
    assert [h.article_id for h in store.search("liege")] == ["a1"]


def test_pending_analysis_tracks_the_pipeline_version(store):
    store.add_article(article("a1"))
    store.add_article(article("a2", "Another text."))
    assert store.pending_analysis("1") == ["a1", "a2"]
    store.save_analysis(Analysis(article_id="a1", version="1"))
    assert store.pending_analysis("1") == ["a2"]
    assert store.pending_analysis("2") == ["a1", "a2"]


def test_iteration_with_limit_and_offset(store):
    for n in range(5):
        store.add_article(article(f"a{n}", f"Text number {n}."))
    assert [a.id for a in store.iter_articles(limit=2, offset=1)] == ["a1", "a2"]
    assert [a.id for a in store.iter_articles(offset=3)] == ["a3", "a4"]
    assert len(list(store.iter_articles())) == store.count_articles() == 5


def test_stats(store):
    store.add_article(article("a1", source="A", published="2025-03-11"))
    store.add_article(article("a2", "Second.", source="B", published="2025-03-09"))
    assert store.stats() == {"articles": 2, "sources": 2, "first_published": "2025-03-09",
                             "last_published": "2025-03-11", "analysed": 0, "entities": 0,
                             "statements": 0, "quantities": 0, "timexes": 0}


def test_set_published(store):
    store.add_article(article("a1"))
    store.set_published("a1", "2025-01-20")
    assert store.get_article("a1").published == "2025-01-20"
    assert store.get_article("a1").published_inferred


def test_analysis_round_trip_and_replacement(store):
    store.add_article(article("a1", "x" * 60))
    store.save_analysis(analysis_for())
    (statement,) = store.iter_statements()
    assert statement == analysis_for().statements[0]
    assert list(store.iter_quantities()) == list(analysis_for().quantities)
    assert list(store.iter_timexes()) == list(analysis_for().timexes)
    entity = store.get_entity("person:anna-berg")
    assert entity.aliases == ("Anna Berg", "Berg") and entity.roles == ("Harbour Master",)
    store.save_analysis(analysis_for())  # saving again replaces, never duplicates
    stored = store.analysis_of("a1")
    assert stored.mentions == analysis_for().mentions and stored.roles == analysis_for().roles
    assert stored.statements == analysis_for().statements
    assert [e.id for e in stored.entities] == ["person:anna-berg"]
    assert stored.entities[0].aliases == ("Anna Berg", "Berg")
    assert store.stats()["statements"] == 1


def test_statement_and_quantity_filters(store):
    store.add_article(article("a1", "x" * 60))
    store.add_article(article("a2", "y" * 60))
    store.save_analysis(analysis_for("a1"))
    store.save_analysis(analysis_for("a2"))
    assert [s.article_id for s in store.iter_statements(article_id="a2")] == ["a2"]
    assert len(list(store.iter_statements(speaker="berg"))) == 2
    assert list(store.iter_statements(speaker="nobody")) == []
    assert [q.article_id for q in store.iter_quantities(subject="harbour")] == ["a1", "a2"]
    assert [q.id for q in store.iter_quantities(article_id="a2")] == ["a2:q1"]
    assert [t.article_id for t in store.iter_timexes(article_id="a1")] == ["a1"]


def test_entities_most_mentioned_first_then_by_id(store):
    store.add_article(article("a1", "z" * 60))
    people = [Entity(i, i.title(), "PERSON") for i in ("person:b", "person:B", "person:a", "person:Ä")]
    mentions = tuple(Mention("a1", p.id, n, n + 1, p.name) for n, p in enumerate(people))
    store.save_analysis(Analysis("a1", "1", entities=tuple(people), mentions=mentions + mentions[:1]))
    assert [e.id for e in store.iter_entities()] == ["person:b", "person:B", "person:a", "person:Ä"]
    assert [e.id for e in store.iter_entities("ORG")] == []


def test_mention_counts_follow_each_analysis_without_linking(store):
    for ident in ("a1", "a2"):
        store.add_article(article(ident, ident * 40))
        store.save_analysis(analysis_for(ident))
    person = Entity("person:cai-lund", "Cai Lund", "PERSON")
    lund = Analysis("a1", "1", entities=(person,), mentions=(Mention("a1", person.id, 0, 8, "Cai Lund"),))
    store.save_analysis(lund)
    store.save_analysis(lund)  # saved twice: counted once
    # a1 now names Cai Lund once and no longer Anna Berg; a2 names Anna Berg twice
    assert store.entity_index() == ["person:anna-berg", "person:cai-lund"]
    assert store.entity_profile("person:anna-berg")["mentions"] == 2
    assert store.entity_index(sort="name") == ["person:anna-berg", "person:cai-lund"]
    store.save_analysis(Analysis("a2", "1"))  # a2 names nobody now
    assert store.entity_index() == ["person:cai-lund"]
    link_store(store)  # linking recounts, and agrees
    assert store.entity_index() == ["person:cai-lund"]


def test_the_entity_index_sorts_by_name_whatever_the_case(store):
    store.add_article(article("a1", "z" * 60))
    people = [Entity(f"person:{n}", n, "PERSON") for n in ("bo Ek", "Al Ek", "Cy Ek")]
    mentions = tuple(Mention("a1", p.id, n, n + 1, p.name) for n, p in enumerate(people))
    store.save_analysis(Analysis("a1", "1", entities=tuple(people), mentions=mentions + mentions[2:] * 2))
    assert store.entity_index(sort="name") == ["person:Al Ek", "person:bo Ek", "person:Cy Ek"]
    assert store.entity_index()[0] == "person:Cy Ek"  # the most mentioned


def stored_story(store):
    """Three articles, two of them in one story with a group and a conflict."""
    for ident, source in (("b", "Beta"), ("A", None), ("c", "Gamma")):
        store.add_article(article(ident, f"Text of {ident}: " + "w" * 60, source=source,
                                  published="2025-02-01"))
        store.save_analysis(analysis_for(ident))
    conflict = Conflict("c:1", "numeric", "contradiction", "12% vs 14%", (
        ConflictSide("12%", ("A",), (Evidence("A", 26, 29),)),
        ConflictSide("14%", ("b",), (Evidence("b", 26, 29),))))
    story = Story("s:1", "Harbour fees", ("A", "b"), "2025-02-01", "2025-02-01", ("Anna Berg",))
    store.save_story(story, {"A:s1": "g:1", "b:s1": "g:1"}, {"A:q1": "g:2"}, [conflict])
    return story, conflict


def test_a_saved_story_reads_back_whole(store):
    story, conflict = stored_story(store)
    assert store.get_story("s:1") == story
    assert list(store.iter_stories()) == [story]
    assert store.count_stories() == 1
    assert list(store.iter_conflicts()) == list(store.iter_conflicts("s:1")) == [conflict]
    assert store.story_of("A") == "s:1" and store.story_of("c") is None
    assert store.unlinked_articles() == ["c"]
    assert store.story_assignments() == {"A": "s:1", "b": "s:1"}
    assert list(store.iter_groups("s:1")) == list(store.iter_groups()) == [
        {"id": "g:1", "kind": "statement", "story_id": "s:1", "member_ids": ["A:s1", "b:s1"],
         "article_ids": ["A", "b"], "sources": ["(unknown source)", "Beta"], "corroboration": 2},
        {"id": "g:2", "kind": "quantity", "story_id": "s:1", "member_ids": ["A:q1"],
         "article_ids": ["A"], "sources": ["(unknown source)"], "corroboration": 1}]
    assert [s.group_id for s in store.iter_statements()] == ["g:1", "g:1", None]


def test_conflicts_are_counted_and_read_a_page_at_a_time(store):
    story, conflict = stored_story(store)
    more = [Conflict(f"c:{n}", "numeric", "revision", f"{n}", conflict.sides) for n in (2, 3)]
    store.save_story(story, {}, {}, [conflict, *more])
    other = Story("s:2", "Other", ("c",), "2025-02-01", "2025-02-01")
    last = Conflict("c:4", "temporal", "contradiction", "dates", conflict.sides)
    store.save_story(other, {}, {}, [last])
    every = list(store.iter_conflicts())
    assert [c.id for c in every] == ["c:1", "c:2", "c:3", "c:4"] and store.count_conflicts() == 4
    assert list(store.iter_conflicts(limit=2, offset=1)) == every[1:3]
    assert list(store.iter_conflicts(offset=3)) == every[3:]
    assert list(store.iter_conflicts("s:1", limit=1, offset=2)) == every[2:3]


def test_saving_a_story_again_replaces_its_groups_and_conflicts(store):
    story, _ = stored_story(store)
    store.save_story(story, {"b:s1": "g:9"}, {}, [])
    assert list(store.iter_conflicts()) == []
    assert [g["id"] for g in store.iter_groups()] == ["g:9"]
    assert [q.group_id for q in store.iter_quantities()] == [None, None, None]


def test_reanalysis_unlinks_an_article_and_empty_stories_go(store):
    stored_story(store)
    store.save_analysis(analysis_for("A"))
    store.save_analysis(analysis_for("b"))
    assert store.story_of("A") is None and store.count_stories() == 0
    assert list(store.iter_stories()) == []
    assert store.drop_empty_stories() == 1
    with pytest.raises(NotFound):
        store.get_story("s:1")
    assert store.drop_empty_stories() == 0


def test_iter_stories_most_covered_first_with_limit(store):
    for ident in ("a", "b", "c"):
        store.add_article(article(ident, f"Story text {ident}.", published="2025-02-01"))
    store.save_story(Story("s:small", "Small", ("c",), "2025-01-01"), {}, {}, [])
    store.save_story(Story("s:big", "Big", ("a", "b"), "2025-02-01"), {}, {}, [])
    assert [s.id for s in store.iter_stories()] == ["s:big", "s:small"]
    assert [s.id for s in store.iter_stories(limit=1, offset=1)] == ["s:small"]


def test_two_connections_see_each_others_writes(store_url):
    writer, reader = open_store(store_url), open_store(store_url)
    writer.add_article(article())
    assert reader.count_articles() == 1
    writer.close()
    reader.close()
    again = open_store(store_url)  # reopening finds the tables and the article
    assert again.count_articles() == 1
    again.close()


def test_the_corpus_exports_the_same_from_both_backends(postgres_url):
    exports = []
    for store in (SQLiteStore(":memory:"), open_store(postgres_url)):
        analyze_paths([CORPUS], store)
        link_store(store)
        out = io.StringIO()
        export(store, out, "json")
        store.close()
        exports.append(out.getvalue())
    assert json.loads(exports[0])["conflicts"]  # the corpus has some of everything
    assert exports[0] == exports[1]


def test_story_inputs_read_articles_with_their_names_and_dates_in_the_order_asked(store):
    for ident in ("a1", "a2", "a3"):
        store.add_article(article(ident, f"Text {ident}: the mayor said the tram will run in May."),
                          analysis_for(ident))
    read = store.story_inputs(["a3", "missing", "a1"])
    assert [a.id for a, _, _ in read] == ["a3", "a1"]
    original = analysis_for("a3")
    _, names, timexes = read[0]
    named = {e.id: e for e in original.entities}
    assert names == tuple((named[m.entity_id].name, named[m.entity_id].type)
                          for m in sorted(original.mentions, key=lambda m: m.start) if m.kind == "name")
    assert timexes == tuple(original.timexes)


def test_a_copy_counts_as_the_outlet_it_copies(store):
    stored_story(store)
    story = Story("s:1", "Harbour fees", ("A", "b", "c"), "2025-02-01", "2025-02-01", ("Anna Berg",))
    store.save_story(story, {"A:s1": "g:1", "b:s1": "g:1", "c:s1": "g:1"}, {}, [], copies={"c": "b"})
    (group,) = [g for g in store.iter_groups("s:1") if g["kind"] == "statement"]
    assert group["article_ids"] == ["A", "b", "c"]
    assert group["sources"] == ["(unknown source)", "Beta"] and group["corroboration"] == 2
