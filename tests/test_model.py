import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Article, Conflict, ConflictSide, Evidence, content_hash


@given(st.text(max_size=300))
def test_content_hash_follows_the_text(text):
    article = Article(id="a", text=text)
    assert article.content_hash == content_hash(text)
    changed = article.with_(text=text + "!")
    assert changed.content_hash == content_hash(text + "!")


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Article(id="a", text="x").text = "y"


def test_nested_as_dict_gives_plain_json_values():
    conflict = Conflict(id="c1", kind="numeric", status="contradiction", summary="640 vs 700",
                        sides=(ConflictSide("640", ("a",), (Evidence("a", 3, 9),)),))
    assert conflict.as_dict()["sides"] == [
        {"value": "640", "article_ids": ["a"], "evidence": [{"article_id": "a", "start": 3, "end": 9}]}
    ]


def test_span_text():
    assert Article(id="a", text="Hello world").span_text(6, 11) == "world"
