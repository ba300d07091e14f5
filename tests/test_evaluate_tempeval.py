"""TimeML reader and TempEval-3 task A metric, on small documents written here (no dataset text)."""

from __future__ import annotations

import pytest

from newsprism.errors import InputError, NewsprismError
from newsprism.evaluate.spans import tokenize
from newsprism.evaluate.tempeval import (
    TOKEN,
    GoldTimex,
    TempevalScores,
    TimemlDoc,
    _timeml_predictions,
    evaluate_tempeval,
    format_scores_markdown,
    gold_predict,
    load_tempeval,
    read_timeml,
    score_document,
    score_tempeval,
)

HARBOUR_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>HARBOUR1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-15" temporalFunction="false"
  functionInDocument="CREATION_TIME">2025-01-15</TIMEX3></DCT>
<TITLE>Harbour reopens</TITLE>
<TEXT>
The harbour <EVENT eid="e1" class="OCCURRENCE">reopened</EVENT> <TIMEX3 tid="t1" type="DATE"
  value="2025-01-13">Monday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>
of repairs &amp; tests, the port &quot;authority&quot; said. Ferries sail <TIMEX3 tid="t3" type="SET"
  value="P1D">daily</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "tempeval3" / "TBAQ-cleaned" / "Harbour"
    folder.mkdir(parents=True)
    (folder / "HARBOUR1.tml").write_text(HARBOUR_TML, encoding="utf-8")
    return tmp_path / "tempeval3"


@pytest.fixture
def doc(corpus):
    return read_timeml(next(corpus.rglob("*.tml")))


def test_reader_strips_tags_and_unescapes(doc):
    assert doc.id == "HARBOUR1"
    assert doc.published == "2025-01-15"
    assert "<" not in doc.text and "repairs & tests" in doc.text and '"authority"' in doc.text
    assert "Harbour reopens" not in doc.text  # the title is outside <TEXT>


def test_reader_offsets_point_at_the_gold_text(doc):
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("Monday", "DATE", "2025-01-13"), ("three weeks", "DURATION", "P3W"), ("daily", "SET", "P1D")]
    assert all(g.start < g.end for g in doc.timexes)


def test_reader_reports_broken_files(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(InputError):
        read_timeml(bad)
    with pytest.raises(NewsprismError):
        list(load_tempeval(tmp_path / "empty"))


def test_tokens_are_words_and_single_punctuation():
    assert tokenize("a.m., 3:30", TOKEN) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (6, 7), (7, 8), (8, 10)]


def test_the_gold_scores_perfectly(doc):
    scores = score_tempeval([doc], gold_predict([doc]))
    for prf in (scores.strict, scores.relaxed, scores.type, scores.value):
        assert prf.f1 == 1.0


def _at(doc: TimemlDoc, phrase: str) -> tuple[int, int]:
    start = doc.text.index(phrase)
    return start, start + len(phrase)


def test_strict_relaxed_type_and_value(doc):
    preds = [
        (*_at(doc, "Monday"), "DATE", "2025-01-13"),           # all right
        (*_at(doc, "after three weeks"), "DURATION", "P2W"),   # relaxed only, wrong value
        (*_at(doc, "daily"), "DATE", "P1D"),                   # wrong type, right value
        (*_at(doc, "port"), "DATE", "XXXX"),                   # no gold at all
    ]
    scores = score_document(doc, preds)
    assert (scores.strict.matched, scores.relaxed.matched) == (2, 3)
    assert (scores.type.matched, scores.value.matched) == (2, 2)
    assert (scores.relaxed.predicted, scores.relaxed.gold) == (4, 3)
    assert scores.value.precision == 0.5


def test_matching_is_one_to_one(doc):
    start, end = _at(doc, "three weeks")
    preds = [(start, start + 5, "DURATION", "P3W"), (start, end, "DURATION", "P3W")]
    scores = score_document(doc, preds)
    assert scores.relaxed.matched == 1 and scores.strict.matched == 1  # the exact one wins


def test_scores_add_up_and_check_lengths(doc):
    one = score_document(doc, gold_predict([doc])[0])
    assert (one + one).relaxed.gold == 6 and (one + one).docs == 2
    with pytest.raises(ValueError):
        score_tempeval([doc], [])


def test_evaluate_runs_a_predictor_and_times_it(corpus):
    seen = []

    def predict(items):
        seen.extend(items)
        return [[] for _ in items]

    scores = evaluate_tempeval(corpus, predict)
    assert seen[0][1] == "2025-01-15" and "harbour" in seen[0][0]
    assert scores.docs == 1 and scores.relaxed.gold == 3 and scores.relaxed.f1 == 0.0
    assert scores.seconds >= 0.0


def test_heideltime_output_is_aligned_to_the_text():
    text = "Ships & boats left on Monday, and on Monday again."
    tag = '<TIMEX3 tid="t1" type="DATE" value="2025-01-13">'
    timeml = (f"<TimeML>Ships &amp; boats left on {tag}Monday</TIMEX3>, "
              f"and on {tag}Monday</TIMEX3> again.</TimeML>")
    preds = _timeml_predictions(text, timeml)
    assert preds == [(22, 28, "DATE", "2025-01-13"), (37, 43, "DATE", "2025-01-13")]


def test_heideltime_runs_once_per_date_and_splits_back(monkeypatch):
    from newsprism.evaluate import tempeval

    runs = []

    def fake_runner(folder):
        def run(index, item):
            text, day = item
            runs.append(day)
            tag = f'<TIMEX3 tid="t1" type="DATE" value="{day}">Monday</TIMEX3>'
            return "<TimeML>" + text.replace("Monday", tag) + "</TimeML>"
        return run

    monkeypatch.setattr(tempeval, "_heideltime_runner", fake_runner)
    items = [("Met on Monday.", "2025-01-15"), ("Quiet.", "2025-02-01T10:00"),
             ("Monday it rained.", "2025-01-15")]
    preds = tempeval.heideltime_predict(items)
    assert sorted(runs) == ["2025-01-15", "2025-02-01"]
    assert preds == [[(7, 13, "DATE", "2025-01-15")], [], [(0, 6, "DATE", "2025-01-15")]]


def test_markdown_table():
    scores = TempevalScores(docs=1, seconds=2.5)
    table = format_scores_markdown({"newsprism": scores, "baseline": scores})
    lines = table.strip().splitlines()
    assert lines[0].startswith("| System | Strict P") and "Value F1" in lines[0]
    assert len(lines) == 4 and lines[2].startswith("| newsprism |") and "2.5" in lines[2]
    assert GoldTimex(0, 1, "DATE", "X").value == "X"
