import io
import json

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.model import Article
from newsprism.report.export import SCHEMA_VERSION, SECTIONS, export
from newsprism.store import SQLiteStore


def exported(store, fmt="json"):
    out = io.StringIO()
    export(store, out, fmt)
    return out.getvalue()


def test_json_export_has_every_section_and_the_stored_text(store):
    text = "Title line\r\nThe mayor said “yes”.\n"
    store.add_article(Article(id="a", text=text, boilerplate=((0, 10),)))
    data = json.loads(exported(store))
    assert data["schema_version"] == SCHEMA_VERSION
    assert all(isinstance(data[s], list) for s in SECTIONS)
    (record,) = data["articles"]
    assert record["text"] == text and record["boilerplate"] == [[0, 10]]
    assert "path" not in record


def test_empty_store_exports_valid_json(store):
    assert json.loads(exported(store))["articles"] == []


@hsettings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=5, unique=True))
def test_export_round_trips_any_text_exactly(texts):
    store = SQLiteStore(":memory:")
    for n, text in enumerate(texts):
        store.add_article(Article(id=f"a{n}", text=text))
    for fmt in ("json", "jsonl"):
        output = exported(store, fmt)
        rows = (json.loads(output)["articles"] if fmt == "json"
                else [json.loads(line) for line in output.splitlines()][1:])
        assert [r["text"] for r in rows] == texts


def test_statements_and_entities_are_exported_with_their_texts(store):
    from newsprism.model import Analysis, Entity, Mention, Statement
    text = "Anna Berg said: the harbour is full."
    store.add_article(Article(id="a", text=text))
    person = Entity("person:anna-berg", "Anna Berg", "PERSON")
    store.save_analysis(Analysis("a", "1", entities=(person,),
                                 mentions=(Mention("a", person.id, 0, 9, "Anna Berg"),),
                                 statements=(Statement("a:s1", "a", "indirect", (16, 35), (10, 14), (0, 9),
                                                       person.id, "Anna Berg"),)))
    data = json.loads(exported(store))
    (statement,) = data["statements"]
    assert statement["content"] == {"start": 16, "end": 35, "text": "the harbour is full"}
    assert statement["cue"]["text"] == "said"
    assert statement["speaker"] == {"entity_id": "person:anna-berg", "name": "Anna Berg",
                                    "start": 0, "end": 9}
    assert data["entities"] == [{"id": "person:anna-berg", "name": "Anna Berg", "type": "PERSON",
                                 "aliases": ["Anna Berg"], "roles": [], "role_names": [], "mentions": 1,
                                 "articles": 1}]
    assert data["mentions"] == [{"entity_id": "person:anna-berg", "article_id": "a", "start": 0, "end": 9,
                                 "text": "Anna Berg", "kind": "name"}]
    assert statement["provenance"] is None
