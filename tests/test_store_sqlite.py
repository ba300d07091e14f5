import sqlite3

import pytest

from newsprism.errors import NotFound, StoreError, UnknownStoreURL
from newsprism.model import Analysis, Article
from newsprism.store import SQLiteStore, open_store
from newsprism.store.migrations import MIGRATIONS


def article(ident="a1", text="The mayor said the tram will run in May.", **extra):
    return Article(id=ident, text=text, **extra)


def test_round_trip_keeps_every_field(store):
    original = article(source="Valley News", title="Tram", url="https://example.org/t",
                       published="2025-03-11", language="en", path="/x/t.txt",
                       boilerplate=((0, 4), (10, 12)))
    assert store.add_article(original)
    assert store.get_article("a1") == original


def test_same_id_or_same_text_is_a_no_op(store):
    assert store.add_article(article("a1"))
    assert not store.add_article(article("a1", text="Other text entirely."))
    assert not store.add_article(article("copy-of-a1"))
    assert store.count_articles() == 1
    assert store.get_article("a1").text.startswith("The mayor")


def test_unknown_id_raises_not_found(store):
    with pytest.raises(NotFound, match="no article with id 'zz'"):
        store.get_article("zz")


def test_an_exception_mid_write_leaves_no_partial_article(store, monkeypatch):
    def crash(analysis):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "_write_analysis", crash)
    with pytest.raises(RuntimeError):
        store.add_article(article("a1"), Analysis(article_id="a1", version="1"))
    assert store.count_articles() == 0
    assert store.search("mayor") == []
    assert store.integrity_problems() == []
    monkeypatch.undo()
    assert store.add_article(article("a1"), Analysis(article_id="a1", version="1"))
    assert store.pending_analysis("1") == []


def test_search_ranks_and_survives_bad_syntax(store):
    store.add_article(article("a1", "Dock workers strike in Antwerp over automation.", title="Strike"))
    store.add_article(article("a2", "The ferry to Texel was delayed by fog.", title="Ferry"))
    assert [h.article_id for h in store.search("strike")] == ["a1"]
    assert [h.article_id for h in store.search('"dock workers"')] == ["a1"]
    assert [h.article_id for h in store.search('strike" (')] == ["a1"]
    assert store.search("submarine") == []
    assert store.search('"') == []
    assert "[strike]" in store.search("strike")[0].snippet.lower()


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


def test_file_store_uses_wal_records_migrations_and_reopens(tmp_path):
    path = tmp_path / "x.db"
    first = SQLiteStore(path)
    first.add_article(article())
    first.close()
    second = open_store(f"sqlite:///{path}")
    assert second.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in second.conn.execute("SELECT name FROM _migrations")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert second.count_articles() == 1
    second.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(StoreError, match="not a newsprism store"):
        SQLiteStore(path)


def test_unknown_store_url():
    with pytest.raises(UnknownStoreURL):
        open_store("mongodb://localhost/news")


def test_stats(store):
    store.add_article(article("a1", source="A", published="2025-03-11"))
    store.add_article(article("a2", "Second.", source="B", published="2025-03-09"))
    assert store.stats() == {"articles": 2, "sources": 2, "first_published": "2025-03-09",
                             "last_published": "2025-03-11", "analysed": 0, "entities": 0,
                             "statements": 0, "quantities": 0, "timexes": 0}


def test_two_connections_see_each_others_writes(tmp_path):
    path = tmp_path / "shared.db"
    writer, reader = SQLiteStore(path), SQLiteStore(path)
    writer.add_article(article())
    assert reader.count_articles() == 1
    writer.close()
    reader.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def analysis_for(article_id="a1"):
    from newsprism.model import Entity, Mention, Role, Statement
    person = Entity("person:anna-berg", "Anna Berg", "PERSON")
    return Analysis(
        article_id=article_id, version="1", entities=(person,),
        mentions=(Mention(article_id, person.id, 0, 9, "Anna Berg"),
                  Mention(article_id, person.id, 30, 34, "Berg")),
        roles=(Role(article_id, person.id, "Harbour Master", 40, 54),),
        statements=(Statement(f"{article_id}:s1", article_id, "direct", (10, 20), (21, 25), (0, 9),
                              person.id, "Anna Berg"),),
    )


def test_analysis_round_trip_and_replacement(store):
    store.add_article(article("a1", "x" * 60))
    store.save_analysis(analysis_for())
    (statement,) = store.iter_statements()
    assert statement == analysis_for().statements[0]
    entity = store.get_entity("person:anna-berg")
    assert entity.aliases == ("Anna Berg", "Berg") and entity.roles == ("Harbour Master",)
    store.save_analysis(analysis_for())  # saving again replaces, never duplicates
    assert len(list(store.iter_statements())) == 1
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 2


def test_statement_filters(store):
    store.add_article(article("a1", "x" * 60))
    store.add_article(article("a2", "y" * 60))
    store.save_analysis(analysis_for("a1"))
    store.save_analysis(analysis_for("a2"))
    assert [s.article_id for s in store.iter_statements(article_id="a2")] == ["a2"]
    assert len(list(store.iter_statements(speaker="berg"))) == 2
    assert list(store.iter_statements(speaker="nobody")) == []
