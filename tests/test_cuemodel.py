"""The cue context model: fitting, scoring, and its use by the cue table."""

from newsprism.nlp import load
from newsprism.stages.cuemodel import CueModel, fit_logistic
from newsprism.stages.cues import CueTable, default_table, find_report


def test_fit_separates_a_feature_that_decides_the_label():
    rows = [{"speech": 1.0}] * 20 + [{"other": 1.0}] * 20
    labels = [True] * 18 + [False] * 2 + [False] * 18 + [True] * 2
    model = fit_logistic(rows, labels)
    assert model.probability({"speech": 1.0}) > 0.8 > 0.2 > model.probability({"other": 1.0})


def test_probability_of_unknown_features_is_the_bias():
    model = CueModel({"x": 2.0}, bias=0.0)
    assert model.probability({"unseen": 1.0}) == 0.5
    assert model.probability({"x": 1.0}) > 0.85


def test_the_table_defers_to_its_model_when_it_has_one():
    doc = load(default_table_model_name())("Analysts said the port would reopen on Monday.")
    said = next(t for t in doc if t.lower_ == "said")
    rejecting = CueTable(default_table().counts, model=CueModel({}, bias=-10.0))
    accepting = CueTable(default_table().counts, model=CueModel({}, bias=10.0))
    assert find_report(said, [], rejecting) is None
    assert find_report(said, [], accepting) is not None


def default_table_model_name() -> str:
    from newsprism.config import Settings

    return Settings().spacy_model
