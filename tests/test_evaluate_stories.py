import json

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.evaluate.stories import (
    adjusted_rand,
    average_link_merges,
    b_cubed,
    cut,
    format_scores_markdown,
    load_rows,
    pairwise,
    score_clusters,
    select,
    tfidf_matrix,
    tune_baseline,
)

# Gold {a, b, c} {d, e}; predicted {a, b} {c, d, e}.
GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
PRED = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}


def test_b_cubed_by_hand():
    # precision: a, b 2/2; c 1/3; d, e 2/3 -> (1 + 1 + 1/3 + 2/3 + 2/3) / 5
    # recall:    a, b 2/3; c 1/3; d, e 2/2 -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5
    precision, recall = b_cubed(PRED, GOLD)
    assert precision == pytest.approx(11 / 15) and recall == pytest.approx(11 / 15)


def test_pairwise_by_hand():
    # predicted pairs ab, cd, ce, de (4); gold pairs ab, ac, bc, de (4); shared ab, de
    assert pairwise(PRED, GOLD) == (pytest.approx(0.5), pytest.approx(0.5))


def test_adjusted_rand_by_hand():
    # index 2, expected 4 * 4 / 10 = 1.6, max 4 -> (2 - 1.6) / (4 - 1.6)
    assert adjusted_rand(PRED, GOLD) == pytest.approx(0.4 / 2.4)
    assert adjusted_rand(GOLD, GOLD) == 1.0


def test_perfect_and_missing_predictions():
    perfect = score_clusters(GOLD, GOLD)
    assert (perfect.b3_f1, perfect.pair_f1, perfect.ari, perfect.clusters) == (1.0, 1.0, 1.0, 2)
    singletons = score_clusters({}, GOLD)  # articles left out count as stories of their own
    # recall: a, b, c 1/3 each; d, e 1/2 each -> 2/5
    assert singletons.b3_precision == 1.0 and singletons.b3_recall == pytest.approx(2 / 5)
    assert singletons.clusters == 5 and singletons.pair_precision == 1.0 and singletons.pair_recall == 0.0


def test_average_link_merges_closest_first_and_cuts_by_distance():
    rows = np.array([[1.0, 0.0], [0.96, 0.28], [0.0, 1.0]])
    merges = average_link_merges(rows)
    assert [(a, b) for a, b, _ in merges] == [(0, 1), (0, 2)]
    assert merges[0][2] == pytest.approx(0.96) and merges[1][2] == pytest.approx(0.14)
    ids = ["p", "q", "r"]
    assert cut(merges, ids, 0.1) == {"p": "p", "q": "p", "r": "r"}
    assert cut(merges, ids, 0.9) == {"p": "p", "q": "p", "r": "p"}


def test_baseline_tuned_on_small_texts():
    texts = ["port strike antwerp dockers", "antwerp dockers strike port pay", "tram line council vote",
             "council vote tram budget"]
    ids = ["a", "b", "c", "d"]
    matrix = tfidf_matrix(texts)
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0)
    distance = tune_baseline(texts, ids, {"a": "s", "b": "s", "c": "t", "d": "t"})
    assert cut(average_link_merges(matrix), ids, distance) == {"a": "a", "b": "a", "c": "c", "d": "c"}


def test_rows_are_read_and_split(tmp_path):
    path = tmp_path / "set.jsonl"
    rows = [{"id": 1, "text": "A strike.", "gold": "g1", "split": "train"},
            {"id": "2", "text": "A tram.", "gold": "g2", "split": "dev", "title": "Tram"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    loaded = load_rows(path)
    assert [(r.article.id, r.gold, r.split) for r in loaded] == [("1", "g1", "train"), ("2", "g2", "dev")]
    assert [r.article.id for r in select(loaded, "dev")] == ["2"] and len(select(loaded, "all")) == 2
    with pytest.raises(NewsprismError, match="no rows"):
        select(loaded, "test")


def test_unreadable_set_is_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "text": "no gold"}\n', encoding="utf-8")
    with pytest.raises(NewsprismError, match="gold"):
        load_rows(path)


def test_markdown_table_has_one_row_per_system():
    scores = {"newsprism": score_clusters(PRED, GOLD), "baseline": score_clusters(GOLD, GOLD)}
    table = format_scores_markdown(scores)
    lines = table.splitlines()
    assert lines[0].startswith("| system | B³ P") and len(lines) == 4
    assert lines[3].startswith("| baseline | 100.0 | 100.0 | 100.0 | 100.0 | 100.0 | 2 | 2 |")
