"""The quantities scorer on small sets written for these tests."""

import hashlib
import json

import pytest

from newsprism.errors import NewsprismError
from newsprism.evaluate.quantities import (
    GoldSentence,
    evaluate_quantities,
    format_quantities_markdown,
    gold_quantity,
    load_news_set,
    load_set,
    missing_seed_quantities,
    newsprism_quantities_predict,
    normalise_unit,
    score_sentence,
)
from newsprism.model import Quantity


def sentence(*golds):
    return GoldSentence("-", tuple(gold_quantity(v, u) for v, u in golds))


@pytest.mark.parametrize("gold, ours", [
    ("dollar", "USD"), ("$", "USD"), ("US$", "USD"), ("euro", "EUR"), ("€", "EUR"),
    ("pound sterling", "GBP"), ("£", "GBP"), ("japanese yen", "JPY"), ("yuan", "CNY"),
    ("australian dollar", "AUD"), ("A$", "AUD"), ("percentage", "percent"), ("%", "percent"),
    ("kilometres", "km"), ("mile per hour", "mph"), ("mph", "mi/h"), ("degree Celsius", "°C"),
    ("celsius", "°C"), ("year of age", "year"), ("year-old", "year"), ("dollar per share", "USD/share"),
    ("-", None), ("dimensionless", ""), ("soldiers", "soldier"),
])
def test_units_are_normalised_alike(gold, ours):
    assert normalise_unit(gold) == normalise_unit(ours)


def test_other_units_differ():
    assert normalise_unit("metre") != normalise_unit("mile")
    assert normalise_unit("dollar") != normalise_unit("canadian dollar")


def test_exact_match_scores_both():
    scores = score_sentence(sentence(("1500", "dollar"), ("3", "percentage")), [(1500, "USD"), (3, "%")])
    assert (scores.value.matched, scores.value.predicted, scores.value.gold) == (2, 2, 2)
    assert scores.value_unit.matched == 2


def test_values_within_a_millionth_are_equal():
    scores = score_sentence(sentence((2 / 3, "dimensionless")), [(0.6666667, None), (0.667, None)])
    assert (scores.value.matched, scores.value.predicted) == (1, 2)


def test_right_value_wrong_unit_counts_for_value_only():
    scores = score_sentence(sentence(("20", "metre")), [(20, "ft")])
    assert scores.value.f1 == 1.0 and scores.value_unit.f1 == 0.0


def test_matching_is_one_to_one():
    scores = score_sentence(sentence(("5", "dollar")), [(5, "USD"), (5, "USD")])
    assert (scores.value.matched, scores.value.predicted, scores.value.gold) == (1, 2, 1)


def test_one_to_one_matching_finds_the_best_pairing():
    gold = sentence(("5", "metre"), ("5", "dollar"))
    scores = score_sentence(gold, [(5, "USD"), (5, "m")])
    assert scores.value_unit.matched == 2


@pytest.mark.parametrize("predicted", [8, 10, 9])
def test_a_range_is_matched_by_either_end_or_its_midpoint(predicted):
    scores = score_sentence(sentence(("8-10", "foot")), [(predicted, "ft")])
    assert scores.value.matched == 1 and scores.value_unit.matched == 1


def test_the_other_end_of_a_range_is_no_false_positive():
    scores = score_sentence(sentence(("8-10", "foot")), [(8, "ft"), (10, "ft")])
    assert (scores.value.matched, scores.value.predicted) == (1, 1)


def test_misses_and_extras():
    scores = score_sentence(sentence(("7", "day"), ("3", "hour")), [(7, "day"), (99, None)])
    assert (scores.value.matched, scores.value.predicted, scores.value.gold) == (1, 2, 2)
    assert scores.value.precision == 0.5 and scores.value.recall == 0.5


def test_an_optional_gold_item_is_neither_hit_nor_miss():
    gold = GoldSentence("-", (gold_quantity(5, "percent"), gold_quantity(1, "official", optional=True)))
    found = score_sentence(gold, [(5, "percent"), (1, "official")])
    skipped = score_sentence(gold, [(5, "percent")])
    for scores in (found, skipped):
        assert (scores.value.matched, scores.value.predicted, scores.value.gold) == (1, 1, 1)
    wrong = score_sentence(gold, [(5, "percent"), (7, None)])
    assert (wrong.value.matched, wrong.value.predicted, wrong.value.gold) == (1, 2, 1)


def test_empty_sentence():
    scores = score_sentence(sentence(), [])
    assert (scores.value.matched, scores.value.predicted, scores.value.gold) == (0, 0, 0)


@pytest.fixture
def sets(tmp_path):
    """A small datasets folder in both formats."""
    (tmp_path / "quantulum3").mkdir()
    (tmp_path / "cqe").mkdir()
    quantulum = [
        {"req": "The ferry sails 12 km twice a day.",
         "res": [{"value": 12, "unit": "kilometre", "surface": "12 km"}]},
        {"req": "Nothing to see here.", "res": []},
    ]
    cqe = [{"text": "the mayor pledged $ 2 million for 8 - 10 new parks.",
            "quantities": [{"value": "2000000", "normalized_unit": "dollar"},
                           {"value": "8-10", "normalized_unit": "new park"}]}]
    (tmp_path / "quantulum3" / "quantities.json").write_text(json.dumps(quantulum))
    (tmp_path / "cqe" / "currency-model.json").write_text(json.dumps(cqe))
    return tmp_path


def test_load_both_formats(sets):
    quantulum = load_set(sets / "quantulum3" / "quantities.json")
    assert quantulum[0].quantities[0].values == (12.0,) and quantulum[0].quantities[0].unit == "km"
    cqe = load_set(sets / "cqe" / "currency-model.json")
    assert cqe[0].quantities[1].values == (8.0, 10.0, 9.0) and cqe[0].quantities[1].ends == (8.0, 10.0)


def test_evaluate_with_a_fixed_predictor(sets):
    answers = {"The ferry sails 12 km twice a day.": [(12, "km")], "Nothing to see here.": [(1, None)],
               "the mayor pledged $ 2 million for 8 - 10 new parks.": [(2e6, "USD"), (9, "park")]}
    results = evaluate_quantities(sets, lambda sentences: [answers[s] for s in sentences])
    assert set(results) == {"quantulum3", "cqe-currency", "overall"}
    assert (results["quantulum3"].value.matched, results["quantulum3"].value.predicted) == (1, 2)
    assert results["cqe-currency"].value.f1 == 1.0 and results["cqe-currency"].value_unit.matched == 1
    overall = results["overall"]
    assert (overall.sentences, overall.value.matched, overall.value.gold) == (3, 3, 3)


def test_markdown_table(sets):
    results = evaluate_quantities(sets, lambda sentences: [[] for _ in sentences])
    table = format_quantities_markdown({"none": results})
    assert table.splitlines()[0].startswith("| Set | System | Value P")
    assert "| overall | none | 0.0 |" in table


def test_missing_sets_are_a_clear_error(tmp_path):
    with pytest.raises(NewsprismError, match="no quantities sets"):
        evaluate_quantities(tmp_path, lambda sentences: [])


def test_unreadable_set_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(NewsprismError, match="cannot read"):
        load_set(bad)


def test_our_predictor_on_sentences():
    predicted = newsprism_quantities_predict(["Kyiv got €800bn.", "No numbers here."])
    assert predicted == [[(800e9, "EUR")], []]


def test_missing_seed_quantities():
    expected = [("a", "$5 billion", 5e9, "USD"), ("a", "3%", 3, "percent"), ("a", "3%", 3, "percent")]
    found = [Quantity("a:q1", "a", 0, 10, "$5 billion", 5e9, "USD"),
             Quantity("a:q2", "a", 20, 22, "3%", 3, "percent")]
    assert missing_seed_quantities(found, expected) == ["a: '3%' = 3 percent"]


def _news_labels(tmp_path, text, start, end):
    labels = {"sentences": [{"path": "entities/mini.jsonl", "doc": "d1", "start": start, "end": end,
                             "sha1": hashlib.sha1(text[start:end].encode()).hexdigest()[:10],
                             "quantities": [{"text": "12 km", "value": "12", "unit": "km"}]}]}
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(labels))
    return path


def test_news_set_reads_its_sentences_from_the_datasets_folder(tmp_path):
    text = "Title line. The ferry sails 12 km twice a day. More."
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "mini.jsonl").write_text(json.dumps({"id": "d1", "text": text}) + "\n")
    [sentence] = load_news_set(tmp_path, _news_labels(tmp_path, text, 12, 46))
    assert sentence.text == "The ferry sails 12 km twice a day."
    assert sentence.quantities[0].values == (12.0,) and sentence.quantities[0].unit == "km"


def test_news_set_refuses_a_changed_text(tmp_path):
    text = "Title line. The ferry sails 12 km twice a day. More."
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "mini.jsonl").write_text(json.dumps({"id": "d1", "text": "X" + text}) + "\n")
    with pytest.raises(NewsprismError, match="not the sentence that was labelled"):
        load_news_set(tmp_path, _news_labels(tmp_path, text, 12, 46))


def test_news_set_without_its_files_is_a_clear_error(tmp_path):
    with pytest.raises(NewsprismError, match="cannot read"):
        load_news_set(tmp_path, _news_labels(tmp_path, "The ferry sails 12 km twice a day.", 0, 34))


def test_the_shipped_news_labels_are_well_formed():
    from newsprism.evaluate.quantities import NEWS_SET

    labels = json.loads(NEWS_SET.read_text(encoding="utf-8"))["sentences"]
    assert len(labels) >= 150
    for item in labels:
        assert item["end"] > item["start"] and len(item["sha1"]) == 10
        for quantity in item["quantities"]:
            gold_quantity(quantity["value"], quantity["unit"])  # every value parses
