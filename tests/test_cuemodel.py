"""The cue context model: fitting, scoring, and its use by the cue table."""

from dataclasses import replace

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


REJECTING = CueTable(default_table().counts, model=CueModel({}, bias=-10.0))
ACCEPTING = CueTable(default_table().counts, model=CueModel({}, bias=10.0))
RULES_ONLY = CueTable(default_table().counts)


def report_of(sentence: str, verb: str, table: CueTable):
    doc = load(default_table_model_name())(sentence)
    return find_report(next(t for t in doc if t.lower_ == verb), [], table)


def test_what_the_rules_accept_the_model_does_not_overrule():
    sentence = "Analysts said the port would reopen on Monday."
    found = report_of(sentence, "said", REJECTING)
    assert found is not None and not found.judged


def test_the_veto_turns_down_an_object_the_rules_accept():
    sentence = "The senator welcomed the delegation from the capital."
    table = CueTable({"welcome": {"dobj": [50, 50]}})
    found = report_of(sentence, "welcomed", table)
    assert sentence[found.content[0]:found.content[1]] == "the delegation from the capital"
    vetoing = replace(table, veto=CueModel({}, bias=-10.0, threshold=0.2))
    assert report_of(sentence, "welcomed", vetoing) is None
    found = report_of(sentence, "welcomed", replace(table, veto=CueModel({}, bias=10.0, threshold=0.2)))
    assert found is not None and not found.judged


def test_the_veto_leaves_clauses_alone():
    sentence = "Analysts said the port would reopen on Monday."
    vetoing = CueTable(default_table().counts, veto=CueModel({}, bias=-10.0, threshold=0.2))
    assert report_of(sentence, "said", vetoing) is not None


def test_the_veto_leaves_the_other_constructions_of_the_verb_to_be_tried():
    sentence = "The mayor spoke to reporters about the new budget."
    table = CueTable({"speak": {"prep:to": [50, 50], "prep:about": [50, 50]}})
    found = report_of(sentence, "spoke", table)
    assert sentence[found.content[0]:found.content[1]] == "reporters"
    vetoing_addressees = replace(table, veto=CueModel({"c=prep:to": -20.0}, bias=10.0, threshold=0.5))
    found = report_of(sentence, "spoke", vetoing_addressees)
    assert sentence[found.content[0]:found.content[1]] == "the new budget"


def test_a_subject_the_rules_turn_down_gets_a_second_look_from_the_model():
    sentence = "The footage shows that the guards were asleep."
    assert report_of(sentence, "shows", RULES_ONLY) is None
    assert report_of(sentence, "shows", REJECTING) is None
    found = report_of(sentence, "shows", ACCEPTING)
    assert found is not None and found.judged
    assert sentence[found.content[0]:found.content[1]] == "that the guards were asleep"


def test_a_construction_the_table_rejects_gets_a_second_look_from_the_model():
    sentence = "The mayor painted the old fence."
    assert report_of(sentence, "painted", REJECTING) is None
    found = report_of(sentence, "painted", ACCEPTING)
    assert found is not None and found.judged


def test_first_person_reports_never_reach_the_model():
    assert report_of("We know that the bridge is unsafe.", "know", ACCEPTING) is None


def test_a_report_only_the_model_accepts_does_not_stop_an_unmarked_paragraph():
    from newsprism.model import Article
    from newsprism.pipeline import analyze_doc

    text = ("The mayor Ruth Adeyemi said the council would vote on Monday.\n"
            "We need more time. The council will decide how we pay for the bridge.\n")
    doc = load(default_table_model_name())(text)
    found = analyze_doc(Article(id="a", text=text), doc, ACCEPTING).statements
    unmarked = [s for s in found if s.kind == "unmarked"]
    assert [text[s.content[0]:s.content[1]] for s in unmarked] == [
        "We need more time. The council will decide how we pay for the bridge"]
    assert unmarked[0].speaker_name == "Ruth Adeyemi"


def default_table_model_name() -> str:
    from newsprism.config import Settings

    return Settings().spacy_model


def test_a_quote_after_a_colon_stays_with_its_speaker_when_only_the_model_accepts_the_verb():
    from newsprism.model import Article
    from newsprism.pipeline import analyze_doc

    text = "The crowd at the rally cheered the senator Leila Haddad: “We will build the new line.”"
    doc = load(default_table_model_name())(text)
    found = analyze_doc(Article(id="a", text=text), doc, ACCEPTING).statements
    (statement,) = [s for s in found if text[s.content[0]] == "“"]
    assert statement.speaker_name == "Leila Haddad"
