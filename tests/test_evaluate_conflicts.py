"""The conflict suite: its packaged cases are sound, and the scorer counts what it should."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsprism.errors import InputError, NewsprismError
from newsprism.evaluate.conflicts import (
    KINDS,
    REASONS,
    STATUSES,
    ConflictCase,
    ExpectedConflict,
    ExpectedSide,
    NonConflict,
    expected_as_conflict,
    format_conflict_scores_markdown,
    gold_predict,
    load_cases,
    score_case,
    score_conflicts,
)
from newsprism.model import Article, Conflict, ConflictSide, Evidence


@pytest.fixture(scope="module")
def cases():
    return load_cases()


# --- the packaged cases ------------------------------------------------------------------------


def test_the_suite_has_sixteen_to_twenty_cases(cases):
    assert 16 <= len(cases) <= 20


def test_names_and_article_ids_are_unique(cases):
    names = [c.name for c in cases]
    ids = [a.id for c in cases for a in c.articles]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)


def test_every_case_has_two_to_four_short_dated_articles(cases):
    for case in cases:
        assert 2 <= len(case.articles) <= 4, case.name
        for article in case.articles:
            assert article.source and article.title and article.published, article.id
            sentences = article.text.count(". ") + 1
            assert 3 <= sentences <= 9, (article.id, sentences)


def test_every_conflict_evidence_stands_once_in_each_of_its_articles(cases):
    for case in cases:
        for conflict in case.conflicts:
            for side in conflict.sides:
                for article_id in side.articles:
                    assert case.article(article_id).text.count(side.evidence) == 1, (case.name, side)


def test_every_non_conflict_evidence_stands_once_in_its_case(cases):
    for case in cases:
        for non in case.non_conflicts:
            for evidence in non.evidence:
                assert sum(a.text.count(evidence) for a in case.articles) == 1, (case.name, evidence)


def test_kinds_statuses_and_reasons_are_known(cases):
    for case in cases:
        assert all(c.kind in KINDS and c.status in STATUSES for c in case.conflicts)
        assert all(n.kind in KINDS and n.why in REASONS for n in case.non_conflicts)


def test_the_suite_covers_every_kind_of_case(cases):
    statuses = Counter(c.status for case in cases for c in case.conflicts)
    kinds = Counter((c.kind, c.status) for case in cases for c in case.conflicts)
    reasons = Counter(n.why for case in cases for n in case.non_conflicts)
    assert statuses["contradiction"] >= 6 and statuses["revision"] >= 3 and statuses["scope"] >= 2
    for kind in ("numeric", "identity", "temporal"):
        assert kinds[kind, "contradiction"] >= 2, kind
    assert kinds["temporal", "revision"] >= 1
    assert reasons["rounding"] >= 2 and reasons["paraphrase"] >= 2
    assert reasons["different-subject"] >= 2 and reasons["consistent"] >= 2 and reasons["role-change"] >= 1
    assert sum(1 for case in cases if not case.conflicts) >= 3
    assert sum(1 for case in cases if len(case.conflicts) >= 2) >= 1


def test_the_gold_answers_score_perfectly(cases):
    scores = score_conflicts(cases, gold_predict(cases))
    assert scores.strict.precision == scores.strict.recall == 1.0
    assert scores.strict.gold == sum(len(c.conflicts) for c in cases)


# --- the loader's errors ------------------------------------------------------------------------


def _case_file(tmp_path, name="tiny", **changes):
    data = {
        "name": name, "about": "a test case",
        "articles": [{"id": f"{name}-a", "text": "Costs hit $5 million."},
                     {"id": f"{name}-b", "text": "Costs hit $9 million."}],
        "conflicts": [{"kind": "numeric", "status": "contradiction", "sides": [
            {"articles": [f"{name}-a"], "evidence": "$5 million"},
            {"articles": [f"{name}-b"], "evidence": "$9 million"}]}],
    } | changes
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_folder_of_cases_loads(tmp_path):
    _case_file(tmp_path, "one")
    _case_file(tmp_path, "two")
    assert [c.name for c in load_cases(tmp_path)] == ["one", "two"]


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(NewsprismError, match="no conflict cases"):
        load_cases(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(NewsprismError, match="is not a folder"):
        load_cases(tmp_path / "nowhere")


def test_evidence_that_is_absent_names_the_file(tmp_path):
    sides = [{"articles": ["tiny-a"], "evidence": "$6 million"},
             {"articles": ["tiny-b"], "evidence": "$9 million"}]
    path = _case_file(tmp_path, conflicts=[{"kind": "numeric", "status": "contradiction", "sides": sides}])
    with pytest.raises(InputError, match=r"tiny\.json.*'\$6 million' stands 0 times in tiny-a"):
        load_cases(tmp_path)
    assert path.exists()


@pytest.mark.parametrize("changes, message", [
    ({"conflicts": [{"kind": "numeric", "status": "maybe", "sides": []}]}, "status of"),
    ({"conflicts": [{"kind": "numeric", "status": "scope", "sides": [
        {"articles": ["tiny-z"], "evidence": "x"}, {"articles": ["tiny-b"], "evidence": "$9 million"}]}]},
     "names no article"),
    ({"non_conflicts": [{"kind": "numeric", "why": "luck", "evidence": ["a", "b"]}]}, "why of"),
    ({"non_conflicts": [{"kind": "numeric", "why": "rounding", "evidence": ["Costs hit", "$9"]}]},
     "stands 2 times in the case"),
    ({"articles": [{"id": "tiny-a", "text": "x"}]}, "two to four"),
    ({"conflicts": [{"kind": "numeric"}]}, "missing or malformed field"),
])
def test_malformed_cases_are_reported(tmp_path, changes, message):
    _case_file(tmp_path, **changes)
    with pytest.raises(InputError, match=message):
        load_cases(tmp_path)


def test_unreadable_json_is_reported(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json: not a readable conflict case"):
        load_cases(tmp_path)


def test_an_article_id_used_by_two_cases_is_an_error(tmp_path):
    _case_file(tmp_path, "one")
    clash = json.loads(_case_file(tmp_path, "two").read_text())
    clash["articles"][0]["id"] = "one-a"
    clash["conflicts"][0]["sides"][0]["articles"] = ["one-a"]
    (tmp_path / "two.json").write_text(json.dumps(clash), encoding="utf-8")
    with pytest.raises(NewsprismError, match="article id 'one-a' is used twice"):
        load_cases(tmp_path)


# --- the scorer, on a case built here ----------------------------------------------------------

TEXT_A = "Officials said the bridge cost $1.98 billion. The minister, Ana Costa, opened it on Monday."
TEXT_B = "The bridge cost nearly $2 billion, or $2.4 billion with interest. Minister Rui Alves opened it."
TEXT_C = "A later audit put the bridge's cost at $2.6 billion."


@pytest.fixture
def case():
    articles = (Article("x-a", TEXT_A, source="One", published="2025-03-04"),
                Article("x-b", TEXT_B, source="Two", published="2025-03-04"),
                Article("x-c", TEXT_C, source="Three", published="2025-04-10"))
    return ConflictCase(
        "bridge", "a test case", articles,
        conflicts=(
            ExpectedConflict("identity", "contradiction",
                             (ExpectedSide(("x-a",), "Ana Costa"), ExpectedSide(("x-b",), "Rui Alves"))),
            ExpectedConflict("numeric", "revision", (ExpectedSide(("x-a",), "$1.98 billion"),
                                                     ExpectedSide(("x-c",), "$2.6 billion"))),
        ),
        non_conflicts=(NonConflict("numeric", "rounding", ("$1.98 billion", "nearly $2 billion")),),
    )


def side(article: Article, words: str) -> ConflictSide:
    start = article.text.index(words)
    return ConflictSide(words, (article.id,), (Evidence(article.id, start, start + len(words)),))


def conflict(kind: str, status: str, *sides: ConflictSide) -> Conflict:
    return Conflict(f"p-{kind}-{len(sides)}", kind, status, "predicted", sides)


def identity(case, status="contradiction"):
    a, b, _ = case.articles
    return conflict("identity", status, side(a, "Ana Costa"), side(b, "Rui Alves"))


def revision(case, status="revision"):
    a, _, c = case.articles
    return conflict("numeric", status, side(a, "$1.98 billion"), side(c, "$2.6 billion"))


def counts(result):
    return (result.strict.matched, result.lenient.matched, result.strict.predicted, result.strict.gold)


def test_perfect_predictions(case):
    result = score_case(case, [revision(case), identity(case)])
    assert counts(result) == (2, 2, 2, 2)
    assert result.strict.precision == result.strict.recall == 1.0
    assert not result.misses and not result.false_positives and not result.wrong_status


def test_a_missing_conflict_lowers_recall_only(case):
    result = score_case(case, [identity(case)])
    assert (result.strict.precision, result.strict.recall) == (1.0, 0.5)
    assert [c.kind for c in result.misses] == ["numeric"]


def test_a_wrong_status_counts_leniently_only(case):
    result = score_case(case, [identity(case), revision(case, status="contradiction")])
    assert counts(result) == (1, 2, 2, 2)
    assert (result.strict.precision, result.strict.recall) == (0.5, 0.5)
    assert (result.lenient.precision, result.lenient.recall) == (1.0, 1.0)
    assert [p.status for _, p in result.wrong_status] == ["contradiction"]
    assert not result.false_positives


def test_an_extra_conflict_is_a_false_positive_and_names_the_declared_look_alike(case):
    a, b, _ = case.articles
    rounding = conflict("numeric", "contradiction", side(a, "$1.98 billion"), side(b, "nearly $2 billion"))
    result = score_case(case, [identity(case), revision(case), rounding])
    assert (result.strict.precision, result.strict.recall) == (2 / 3, 1.0)
    assert [fp.non_conflict.why for fp in result.false_positives] == ["rounding"]


def test_a_false_positive_on_undeclared_text_names_no_look_alike(case):
    a, b, _ = case.articles
    other = conflict("numeric", "contradiction", side(a, "$1.98 billion"), side(b, "$2.4 billion"))
    result = score_case(case, [other])
    assert len(result.false_positives) == 1 and result.false_positives[0].non_conflict is None


def test_a_side_found_in_the_wrong_article_does_not_match(case):
    a, b, c = case.articles
    start = a.text.index("Ana Costa")
    misplaced = ConflictSide("Ana Costa", ("x-c",), (Evidence("x-c", start, start + 9),))
    result = score_case(case, [conflict("identity", "contradiction", misplaced, side(b, "Rui Alves"))])
    assert counts(result) == (0, 0, 1, 2)


def test_a_wider_or_partial_evidence_span_still_matches(case):
    a, b, _ = case.articles
    wide = side(a, "The minister, Ana Costa, opened it")
    partial = side(b, "Alves")
    result = score_case(case, [conflict("identity", "contradiction", wide, partial)])
    assert result.strict.matched == 1


def test_both_expected_sides_need_distinct_predicted_sides(case):
    a, b, _ = case.articles
    both = ConflictSide("both", ("x-a", "x-b"), side(a, "Ana Costa").evidence + side(b, "Rui Alves").evidence)
    result = score_case(case, [conflict("identity", "contradiction", both, side(a, "Officials"))])
    assert result.lenient.matched == 0


def test_the_wrong_kind_does_not_match(case):
    a, b, _ = case.articles
    temporal = conflict("temporal", "contradiction", side(a, "Ana Costa"), side(b, "Rui Alves"))
    result = score_case(case, [temporal])
    assert counts(result) == (0, 0, 1, 2)


def test_matching_is_one_to_one(case):
    result = score_case(case, [identity(case), identity(case)])
    assert counts(result) == (1, 1, 2, 2) and len(result.false_positives) == 1


def test_scores_sum_over_cases_and_report_status_accuracy(case):
    def predict(articles):
        assert [x.id for x in articles] == ["x-a", "x-b", "x-c"]
        return [identity(case), revision(case, status="scope")]

    scores = score_conflicts([case, case], predict)
    assert (scores.strict.matched, scores.lenient.matched, scores.strict.gold) == (2, 4, 4)
    assert scores.status_accuracy == 0.5
    assert scores.as_dict()["strict"]["precision"] == 0.5


def test_expected_conflicts_become_records_that_match_themselves(case):
    records = [expected_as_conflict(case, c, str(i)) for i, c in enumerate(case.conflicts)]
    start = TEXT_A.index("Ana Costa")
    assert records[0].sides[0].evidence == (Evidence("x-a", start, start + 9),)
    assert score_case(case, records).strict.f1 == 1.0


def test_the_markdown_report_lists_scores_misses_and_false_positives(case):
    a, b, _ = case.articles
    rounding = conflict("numeric", "contradiction", side(a, "$1.98 billion"), side(b, "nearly $2 billion"))
    scores = score_conflicts([case], lambda _: [identity(case, "scope"), rounding])
    report = format_conflict_scores_markdown(scores)
    assert "| strict (kind, sides, status) | 1 | 2 | 2 | 0 | 0.0 | 0.0 | 0.0 |" in report
    assert "| lenient (kind, sides) | 1 | 2 | 2 | 1 | 50.0 | 50.0 | 50.0 |" in report
    assert "bridge: missed numeric/revision '$1.98 billion' (x-a) vs '$2.6 billion' (x-c)" in report
    assert "bridge: identity/contradiction 'Ana Costa' (x-a) vs 'Rui Alves' (x-b) reported as scope" in report
    assert ("bridge: false positive numeric/contradiction '$1.98 billion' (x-a) vs 'nearly $2 billion' (x-b) "
            "(declared not a conflict: rounding)") in report


def test_a_clean_report_says_so(case):
    scores = score_conflicts([case], lambda _: [identity(case), revision(case)])
    report = format_conflict_scores_markdown(scores)
    assert "- none" in report and "| 100.0 | 100.0 | 100.0 |" in report


# --- the held-out cases ------------------------------------------------------------------------


def test_the_held_out_folder_loads_and_its_evidence_validates():
    from importlib import resources

    folder = resources.files("newsprism.evaluate").joinpath("data", "conflicts_heldout")
    held_out = load_cases(folder)
    assert len(held_out) == 10
    assert all(a.id.startswith(("h0", "h1")) for case in held_out for a in case.articles)
    for case in held_out:
        for conflict in case.conflicts:
            for side in conflict.sides:
                for article_id in side.articles:
                    assert case.article(article_id).text.count(side.evidence) == 1, (case.name, side)
        for non in case.non_conflicts:
            for evidence in non.evidence:
                assert sum(a.text.count(evidence) for a in case.articles) == 1, (case.name, evidence)
    statuses = Counter(c.status for case in held_out for c in case.conflicts)
    assert statuses["contradiction"] and statuses["revision"] and statuses["scope"]
    packaged = {a.id for c in load_cases() for a in c.articles}
    assert packaged.isdisjoint(a.id for c in held_out for a in c.articles)
    assert score_conflicts(held_out, gold_predict(held_out)).strict.f1 == 1.0


def test_the_blind_folder_loads_and_its_evidence_validates():
    from importlib import resources

    folder = resources.files("newsprism.evaluate").joinpath("data", "conflicts_blind")
    blind = load_cases(folder)
    assert len(blind) == 12
    assert all(case.name.startswith("blind-") for case in blind)
    assert all(a.id.startswith(("b0", "b1")) for case in blind for a in case.articles)
    for case in blind:
        assert 2 <= len(case.articles) <= 4, case.name
        for conflict in case.conflicts:
            for side in conflict.sides:
                for article_id in side.articles:
                    assert case.article(article_id).text.count(side.evidence) == 1, (case.name, side)
        for non in case.non_conflicts:
            for evidence in non.evidence:
                assert sum(a.text.count(evidence) for a in case.articles) == 1, (case.name, evidence)
    kinds = Counter((c.kind, c.status) for case in blind for c in case.conflicts)
    assert kinds == Counter({("numeric", "contradiction"): 3, ("numeric", "revision"): 2,
                             ("numeric", "scope"): 1, ("identity", "contradiction"): 2,
                             ("temporal", "contradiction"): 1, ("temporal", "revision"): 1})
    assert sum(1 for case in blind if not case.conflicts) == 2
    others = {a.id for c in load_cases() for a in c.articles}
    others |= {a.id for c in load_cases(folder.parent.joinpath("conflicts_heldout")) for a in c.articles}
    assert others.isdisjoint(a.id for c in blind for a in c.articles)
    assert score_conflicts(blind, gold_predict(blind)).strict.f1 == 1.0


@pytest.mark.parametrize("number", [2, 3, 4])
def test_the_later_blind_folders_load_validate_and_share_no_article_with_the_others(number):
    from importlib import resources

    data = resources.files("newsprism.evaluate").joinpath("data")
    blind = load_cases(data.joinpath(f"conflicts_blind{number}"))
    assert len(blind) == 12 and all(case.name.startswith(f"blind{number}-") for case in blind)
    for case in blind:
        for conflict in case.conflicts:
            for side in conflict.sides:
                for article_id in side.articles:
                    assert case.article(article_id).text.count(side.evidence) == 1, (case.name, side)
    kinds = Counter((c.kind, c.status) for case in blind for c in case.conflicts)
    assert sum(kinds.values()) == 8 and {k for k, _ in kinds} == {"numeric", "identity", "temporal"}
    assert sum(1 for case in blind if not case.conflicts) == 4
    folders = ["conflicts", "conflicts_heldout", *(f"conflicts_blind{n}" for n in ("", 2, 3, 4))]
    others = {a.id for folder in folders if folder != f"conflicts_blind{number}"
              for c in load_cases(data.joinpath(folder)) for a in c.articles}
    assert others.isdisjoint(a.id for c in blind for a in c.articles)
    assert score_conflicts(blind, gold_predict(blind)).strict.f1 == 1.0


def test_every_packaged_suite_loads_with_article_ids_of_its_own():
    from newsprism.evaluate.conflicts import PACKAGED_SUITES, default_folder

    seen: set[str] = set()
    for folder in PACKAGED_SUITES.values():
        cases = load_cases(default_folder(folder))
        ids = {a.id for case in cases for a in case.articles}
        assert cases and ids.isdisjoint(seen), folder
        seen |= ids
        assert score_conflicts(cases, gold_predict(cases)).strict.f1 == 1.0
