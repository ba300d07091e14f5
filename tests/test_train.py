"""Training helpers, and the models newsprism ships."""

from importlib import resources

from newsprism.stages.cues import MODEL_FILE, TABLE_FILE, default_table
from newsprism.train import _added, _without


def test_counts_without_one_document_are_the_rest():
    counts = {"say": {"ccomp": [10, 12]}, "show": {"ccomp": [3, 9], "dobj": [0, 4]}}
    own = {"show": {"ccomp": [1, 2]}}
    assert _without(counts, own) == {"say": {"ccomp": [10, 12]}, "show": {"ccomp": [2, 7], "dobj": [0, 4]}}
    assert counts["show"]["ccomp"] == [3, 9]


def test_counts_of_two_halves_add_up():
    halves = [{"say": {"ccomp": [1, 2]}}, {"say": {"ccomp": [3, 4]}, "warn": {"prep:about": [1, 1]}}]
    assert _added(halves) == {"say": {"ccomp": [4, 6]}, "warn": {"prep:about": [1, 1]}}


def test_the_shipped_table_and_model_load_and_stay_small():
    data = resources.files("newsprism.stages").joinpath("data")
    assert default_table().model is not None and default_table().counts
    assert default_table().veto is not None
    for name in (TABLE_FILE, MODEL_FILE):
        assert len(data.joinpath(name).read_bytes()) < 20_000_000
