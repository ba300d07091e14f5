"""PolNeAR reader and metric, on small documents written here (no dataset text in the repo)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.evaluate.polnear import (
    GoldAttribution,
    GoldDoc,
    Prediction,
    evaluate_polnear,
    format_scores_markdown,
    gold_predictions,
    load_polnear,
    parse_brat,
    score_document,
    score_polnear,
    source_texts,
    speaker_correct,
)
from newsprism.evaluate.spans import PRF, greedy_match, jaccard, span_tokens, tokenize

# --- a tiny corpus in PolNeAR's layout -----------------------------------------------------

HARBOUR = (
    "Harbour talks stall\r\n"
    "The harbour master said the ferry would sail at noon.\r\n"
    "\u201cWe are ready,\u201d she added, \u201cand the crew agrees.\u201d\r\n"
    "According to the union the strike\nwill go on.\r\n"
)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """The (start, end) of the nth occurrence of a phrase as whole words ("he" is not in "She")."""
    before = r"(?<!\w)" if phrase[0].isalnum() else ""
    after = r"(?!\w)" if phrase[-1].isalnum() else ""
    found = list(re.finditer(before + re.escape(phrase) + after, text))
    return found[nth].span()


def t_line(tid: str, label: str, text: str, *phrases: str) -> str:
    spans = [at(text, p) for p in phrases]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in spans)}\n"


def harbour_ann(text: str = HARBOUR) -> str:
    """Attributions of HARBOUR: one plain, one discontinuous with a Content2, one without source."""
    return "".join([
        t_line("T1", "Source", text, "The harbour master"),
        t_line("T2", "Cue", text, "said"),
        t_line("T3", "Content", text, "the ferry would sail at noon"),
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        "#1\tAnnotatorNotes T3\tIs noon local time?\n",
        t_line("T4", "Source", text, "she"),
        t_line("T5", "Cue", text, "added"),
        # fragments listed out of text order, as some PolNeAR lines are
        t_line("T6", "Content", text, "\u201cand the crew agrees.\u201d", "\u201cWe are ready,\u201d"),
        t_line("T7", "Content", text, "the crew"),
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4 Content2:T7\n",
        t_line("T8", "Cue", text, "According to"),
        # this line's text runs over the line break that is inside the span
        t_line("T9", "Content", text, "the strike\nwill go on"),
        "E3\tAttribution-no-source:T8 Content:T9 Cue:T8\n",
        t_line("T10", "Discuss", text, "stall"),
    ])


@pytest.fixture
def corpus(tmp_path):
    """A two-document dev split; the first document has two annotators."""
    dev = tmp_path / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    (dev / "text" / "coast_2016-05-01_harbour.txt").write_bytes(HARBOUR.encode("utf-8"))
    (dev / "attributions" / "coast_2016-05-01_harbour_b2.ann").write_text("garbage\n")
    (dev / "attributions" / "coast_2016-05-01_harbour_a1.ann").write_text(
        harbour_ann(), encoding="utf-8", newline="")
    (dev / "text" / "coast_2016-05-02_quiet.txt").write_text("Nobody said anything.")
    (dev / "attributions" / "coast_2016-05-02_quiet_c3.ann").write_text("")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tpublication_date\ttitle\n"
        "dev\tcoast_2016-05-01_harbour\t1\t2016-05-01\tHarbour talks stall\n")
    return tmp_path


# --- reading -------------------------------------------------------------------------------


def test_parse_brat_reads_discontinuous_content2_notes_and_wrapped_text():
    gold = parse_brat(harbour_ann())
    assert [a.id for a in gold] == ["E1", "E2", "E2/Content2", "E3"]
    plain, quoted, second, unsourced = gold
    assert HARBOUR[slice(*plain.content[0])] == "the ferry would sail at noon"
    assert HARBOUR[slice(*plain.source[0])] == "The harbour master"
    # fragments come back in text order
    assert [HARBOUR[s:e] for s, e in quoted.content] == [
        "\u201cWe are ready,\u201d", "\u201cand the crew agrees.\u201d"]
    assert second.source == quoted.source and second.cue == quoted.cue
    assert unsourced.source is None
    assert HARBOUR[slice(*unsourced.content[0])] == "the strike\nwill go on"


def test_load_polnear_picks_first_annotator_and_reads_metadata(corpus):
    harbour, quiet = load_polnear(corpus, "dev")
    assert harbour.id == "coast_2016-05-01_harbour"
    assert harbour.published == "2016-05-01" and quiet.published is None
    assert len(harbour.attributions) == 4  # from _a1, not the garbage in _b2
    assert quiet.attributions == ()
    article = harbour.article()
    assert article.id == harbour.id and article.published == "2016-05-01"


def test_load_polnear_keeps_crlf_so_offsets_hold(corpus):
    doc = next(load_polnear(corpus, "dev", limit=1))
    assert "\r\n" in doc.text
    assert doc.text_of(doc.attributions[0].source) == "The harbour master"


def test_load_polnear_limit_and_missing_split(corpus):
    assert len(list(load_polnear(corpus, "dev", limit=1))) == 1
    with pytest.raises(InputError):
        list(load_polnear(corpus, "train"))


# --- span helpers --------------------------------------------------------------------------


def test_tokens_and_span_tokens():
    text = "Mr. O'Neil said: go!"
    assert [text[s:e] for s, e in tokenize(text)] == ["Mr", "O", "Neil", "said", "go"]
    tokens = tokenize(text)
    assert span_tokens(tokens, (4, 7)) == {1, 2}  # "O'N" touches O and Neil
    assert span_tokens(tokens, (5, 6)) == frozenset()  # the apostrophe alone
    assert span_tokens(tokens, (2, 4)) == frozenset()  # ". " has no word characters


def test_jaccard_of_empty_sets_is_zero():
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert jaccard(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(1 / 3)


def test_greedy_match_takes_best_pair_first():
    preds, golds = ["ab", "a"], ["a", "b"]

    def score(p, g):
        return {("ab", "a"): 0.6, ("ab", "b"): 0.9, ("a", "a"): 0.8}.get((p, g), 0.0)

    matches = greedy_match(preds, golds, score, 0.5)
    assert {(m.pred, m.gold) for m in matches} == {(0, 1), (1, 0)}


@given(st.lists(st.lists(st.floats(0, 1), min_size=3, max_size=3), max_size=6))
def test_greedy_match_is_one_to_one_above_threshold(rows):
    matches = greedy_match(range(len(rows)), range(3), lambda p, g: rows[p][g], 0.5)
    assert len({m.pred for m in matches}) == len({m.gold for m in matches}) == len(matches)
    assert all(m.score >= 0.5 for m in matches)


def test_prf_handles_zero_counts():
    assert PRF().f1 == 0.0
    assert PRF(1, 2, 4) + PRF(1, 2, 0) == PRF(2, 4, 4)
    assert PRF(2, 4, 4).f1 == pytest.approx(0.5)


# --- the metric ----------------------------------------------------------------------------

SPEECH = (
    "Senator Ann Smith spoke in Ghent. She said the bridge will open in May next year. "
    "Officials said the tunnel is closed. \u2018It will not reopen soon,\u2019 he said. "
    "Mayor Jo Brel said that taxes rise."
)


def speech_doc(*contents: str) -> GoldDoc:
    """SPEECH with a gold attribution per content phrase; sources chosen per phrase below."""
    sources = {
        "the bridge will open in May next year": "She",
        "the tunnel is closed": "Officials",
        "\u2018It will not reopen soon,\u2019": "he",
        "taxes rise": "Mayor Jo Brel",
    }
    attributions = tuple(
        GoldAttribution(f"E{i}", (at(SPEECH, c),), (), (at(SPEECH, sources[c]),))
        for i, c in enumerate(contents)
    )
    return GoldDoc("speech", SPEECH, None, attributions)


def predict(phrase: str, speaker: str | None = None, name: str | None = None) -> Prediction:
    return Prediction(at(SPEECH, phrase), at(SPEECH, speaker) if speaker else None, name)


def test_match_needs_half_the_tokens():
    doc = speech_doc("the bridge will open in May next year")  # 8 tokens
    half = score_document(doc, [predict("the bridge will open")])
    less = score_document(doc, [predict("the bridge will")])
    assert half.overlap == PRF(1, 1, 1) and half.exact.matched == 0
    assert less.overlap == PRF(0, 1, 1)


def test_exact_means_same_token_set_not_same_characters():
    doc = speech_doc("the bridge will open in May next year")
    scores = score_document(doc, [predict("said the bridge will open in May next year.")])
    assert scores.overlap.matched == 1 and scores.exact.matched == 0
    scores = score_document(doc, [predict(" the bridge will open in May next year.")])
    assert scores.exact == PRF(1, 1, 1)


def test_matching_is_one_to_one():
    doc = speech_doc("the bridge will open in May next year")
    preds = [predict("bridge will open in May"), predict("the bridge will open in May next year")]
    scores = score_document(doc, preds)
    assert scores.overlap == PRF(1, 2, 1) and scores.exact.matched == 1


def test_discontinuous_gold_matches_its_fragments_or_its_hull():
    text = "\u201cWe are ready,\u201d she said. \u201cThe crew agrees.\u201d"
    content = (at(text, "\u201cWe are ready,\u201d"), at(text, "\u201cThe crew agrees.\u201d"))
    doc = GoldDoc("d", text, None, (GoldAttribution("E1", content),))
    hull_pred = Prediction((0, len(text)))
    first_fragment = Prediction(content[0])  # 3 of 6 fragment tokens, 3 of 8 hull tokens
    assert score_document(doc, [hull_pred]).exact.matched == 1
    assert score_document(doc, [first_fragment]).overlap.matched == 1


def test_speaker_by_overlap_or_last_word_of_name():
    doc = speech_doc("taxes rise")
    source = doc.attributions[0].source
    assert speaker_correct(doc, predict("taxes rise", "Jo Brel"), source)
    assert speaker_correct(doc, predict("taxes rise", name="Joanna BREL's"), source)
    assert not speaker_correct(doc, predict("taxes rise", name="Brel Jones"), source)
    assert not speaker_correct(doc, predict("taxes rise", "Ghent"), source)


def test_pronoun_source_also_accepts_closest_earlier_named_source():
    doc = speech_doc("the bridge will open in May next year", "taxes rise",
                     "\u2018It will not reopen soon,\u2019", "the tunnel is closed")
    he = doc.attributions[2].source
    assert source_texts(doc, he) == ["he", "Officials"]  # not "Mayor Jo Brel", which comes later
    quote = "\u2018It will not reopen soon,\u2019"
    assert speaker_correct(doc, predict(quote, name="city officials"), he)
    assert not speaker_correct(doc, predict(quote, name="Jo Brel"), he)
    # with no earlier named Source, only the pronoun itself is there to match
    assert source_texts(doc, doc.attributions[0].source) == ["She"]


def test_a_he_or_she_source_is_resolved_only_by_its_referents_name():
    doc = speech_doc("the bridge will open in May next year", "\u2018It will not reopen soon,\u2019",
                     "the tunnel is closed")
    quote = "\u2018It will not reopen soon,\u2019"
    right = score_document(doc, [predict(quote, "he", name="the officials")])
    wrong = score_document(doc, [predict(quote, "he", name="Ann Smith")])
    assert right.speaker_correct == wrong.speaker_correct == 1  # the pronoun's span is a right speaker
    assert (right.pronoun_correct, right.pronoun_total) == (1, 1)
    assert (wrong.pronoun_correct, wrong.pronoun_total) == (0, 1)
    # "She" has no named Source before it: nothing to resolve it against
    first = score_document(doc, [predict("the bridge will open in May next year", name="Ann Smith")])
    assert first.pronoun_total == 0 and (right + first).pronoun_accuracy == 1.0


def test_speaker_accuracy_counts_only_matched_pairs_with_a_source():
    doc = speech_doc("taxes rise", "the tunnel is closed")
    no_source = GoldAttribution("E9", (at(SPEECH, "spoke in Ghent"),))
    doc = GoldDoc(doc.id, doc.text, None, doc.attributions + (no_source,))
    preds = [predict("taxes rise", name="Brel"), predict("spoke in Ghent", name="Smith"),
             predict("the bridge will open in May next year", name="Smith")]
    scores = score_document(doc, preds)
    assert (scores.speaker_correct, scores.speaker_total) == (1, 1)
    assert scores.overlap == PRF(2, 3, 3)


def test_direct_subset_matches_quoted_contents_among_themselves():
    quote = "\u2018It will not reopen soon,\u2019"
    doc = speech_doc(quote, "the tunnel is closed")
    preds = [predict(quote), predict("the tunnel is closed"), predict("\u2018It will not")]
    scores = score_document(doc, preds)
    assert scores.direct == PRF(1, 2, 1)
    assert scores.overlap == PRF(2, 3, 2)


def test_score_polnear_sums_documents_and_oracle_is_perfect(corpus):
    docs = list(load_polnear(corpus, "dev"))
    scores = score_polnear(docs, [gold_predictions(d) for d in docs])
    assert scores.docs == 2 and scores.overlap == PRF(4, 4, 4)
    assert scores.exact.f1 == scores.direct.f1 == scores.speaker_accuracy == 1.0
    assert scores.speaker_total == 3 and scores.direct.gold == 1
    with pytest.raises(ValueError):
        score_polnear(docs, [])


def test_evaluate_polnear_passes_articles_to_the_predictor(corpus):
    seen = []

    def nothing(articles):
        seen.extend(a.id for a in articles)
        return [[] for _ in articles]

    scores = evaluate_polnear(corpus, "dev", nothing)
    assert seen == ["coast_2016-05-01_harbour", "coast_2016-05-02_quiet"]
    assert scores.overlap == PRF(0, 0, 4) and scores.speaker_accuracy == 0.0


def test_markdown_table_has_a_row_per_system():
    doc = speech_doc("taxes rise")
    table = format_scores_markdown({
        "oracle": score_polnear([doc], [gold_predictions(doc)]),
        "silent": score_polnear([doc], [[]]),
    })
    header, rule, oracle, silent = table.strip().splitlines()
    assert "Overlap F1" in header and "Speaker acc" in header and "Direct F1" in header
    assert oracle.startswith("| oracle | 100.0 | 100.0 | 100.0 |")
    assert silent.startswith("| silent | 0.0 | 0.0 | 0.0 |")
