"""Story clustering against gold clusters (ECB+ sub-topics, NewsWCL50 events).

Gold data lives outside the repository (the datasets README, section "clustering/"): JSON
Lines articles with a `gold` cluster id and, for ECB+, a `split`. Scores are B³ precision,
recall and F1 over articles, pairwise F1 and the adjusted Rand index. The baseline is plain
TF-IDF + cosine with average-link agglomerative clustering, its distance threshold tuned on
the train rows in the same run; newsprism's own parameters were tuned on train once and are
its defaults (`StoryParams`). Both gold sets group articles by event, so newsprism is scored
on its events (each story's articles shared out by publication day) and, beside them, on its
stories; the two differ only where a story's dated articles lie days apart.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..config import Settings
from ..errors import NewsprismError
from ..link.stories import StoryDoc, StoryIndex, StoryParams, story_doc
from ..link.vectors import DocumentFrequencies, sublinear_tf, terms
from ..model import Article

Clusters = Mapping[str, str]  # item id -> cluster id
BASELINE_THRESHOLDS = tuple(round(0.50 + 0.02 * i, 2) for i in range(25))  # cosine distances tried
BASELINE_DISTANCE = 0.82  # the baseline's threshold tuned on ECB+ train, for sets with no train rows


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """B³, pairwise and adjusted-Rand agreement of a clustering with the gold one."""

    b3_precision: float
    b3_recall: float
    pair_precision: float
    pair_recall: float
    ari: float
    clusters: int
    gold_clusters: int
    items: int
    seconds: float = 0.0

    @property
    def b3_f1(self) -> float:
        """Harmonic mean of B³ precision and recall."""
        return f1(self.b3_precision, self.b3_recall)

    @property
    def pair_f1(self) -> float:
        """Harmonic mean of pairwise precision and recall."""
        return f1(self.pair_precision, self.pair_recall)


# --- the metrics ----------------------------------------------------------------------------


def b_cubed(predicted: Clusters, gold: Clusters) -> tuple[float, float]:
    """Mean per-item precision |story ∩ gold| / |story| and recall |story ∩ gold| / |gold|."""
    cells, pred_sizes, gold_sizes = _contingency(predicted, gold)
    precision = recall = 0.0
    for item, gold_id in gold.items():
        shared = cells[predicted[item], gold_id]
        precision += shared / pred_sizes[predicted[item]]
        recall += shared / gold_sizes[gold_id]
    return precision / len(gold), recall / len(gold)


def pairwise(predicted: Clusters, gold: Clusters) -> tuple[float, float]:
    """Precision and recall over the pairs of items put in one cluster."""
    cells, pred_sizes, gold_sizes = _contingency(predicted, gold)
    both = sum(_pairs(n) for n in cells.values())
    in_pred, in_gold = sum(map(_pairs, pred_sizes.values())), sum(map(_pairs, gold_sizes.values()))
    return (both / in_pred if in_pred else 1.0), (both / in_gold if in_gold else 1.0)


def adjusted_rand(predicted: Clusters, gold: Clusters) -> float:
    """The adjusted Rand index (Hubert and Arabie): 1 for identical clusterings, about 0 by chance."""
    cells, pred_sizes, gold_sizes = _contingency(predicted, gold)
    index = sum(_pairs(n) for n in cells.values())
    in_pred, in_gold = sum(map(_pairs, pred_sizes.values())), sum(map(_pairs, gold_sizes.values()))
    expected = in_pred * in_gold / _pairs(len(gold)) if len(gold) > 1 else 0.0
    most = (in_pred + in_gold) / 2
    return 1.0 if most == expected else (index - expected) / (most - expected)


def score_clusters(predicted: Clusters, gold: Clusters, seconds: float = 0.0) -> ClusterScores:
    """Every metric at once; an item the prediction leaves out counts as a cluster of its own."""
    predicted = {item: predicted.get(item, f"\0single:{item}") for item in gold}
    b3 = b_cubed(predicted, gold)
    pairs = pairwise(predicted, gold)
    return ClusterScores(*b3, *pairs, adjusted_rand(predicted, gold), len(set(predicted.values())),
                         len(set(gold.values())), len(gold), seconds)


def _contingency(predicted: Clusters, gold: Clusters) -> tuple[Counter, Counter, Counter]:
    cells = Counter((predicted[item], gold_id) for item, gold_id in gold.items())
    return cells, Counter(predicted[item] for item in gold), Counter(gold.values())


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def f1(p: float, r: float) -> float:
    """The harmonic mean of a precision and a recall (0 when both are)."""
    return 2 * p * r / (p + r) if p + r else 0.0


# --- the baseline: TF-IDF + cosine, average link ------------------------------------------


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sublinear TF-IDF rows, idf from these texts."""
    tfs = [sublinear_tf(terms(text)) for text in texts]
    df = DocumentFrequencies()
    for tf in tfs:
        df.add(tf)
    vocabulary = {t: i for i, t in enumerate(sorted(df.counts))}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, tf in enumerate(tfs):
        for term, weight in df.weighted(tf).items():
            matrix[row, vocabulary[term]] = weight
    return matrix


def average_link_merges(matrix: np.ndarray) -> list[tuple[int, int, float]]:
    """The merges of average-link clustering over cosine similarity: (kept, absorbed, similarity)."""
    sims = matrix @ matrix.T
    np.fill_diagonal(sims, -np.inf)
    sizes = np.ones(len(matrix))
    merges = []
    for _ in range(len(matrix) - 1):
        a, b = divmod(int(np.argmax(sims)), len(matrix))
        merges.append((a, b, float(sims[a, b])))
        # Lance-Williams: the merged cluster's similarity is the size-weighted mean of its parts'.
        row = (sizes[a] * sims[a] + sizes[b] * sims[b]) / (sizes[a] + sizes[b])
        sims[a], sims[:, a] = row, row
        sims[a, a] = sims[b] = sims[:, b] = -np.inf
        sizes[a] += sizes[b]
    return merges


def cut(merges: Iterable[tuple[int, int, float]], ids: Sequence[str], distance: float) -> dict[str, str]:
    """Clusters left when every merge closer than `distance` (1 - cosine) is made."""
    parent = list(range(len(ids)))
    for a, b, similarity in merges:
        if 1.0 - similarity <= distance:
            parent[b] = a
    return {item: ids[_root(parent, i)] for i, item in enumerate(ids)}


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        i = parent[i]
    return i


def tune_baseline(texts: Sequence[str], ids: Sequence[str], gold: Clusters) -> float:
    """The distance threshold with the best B³ F1 on these (train) texts."""
    merges = average_link_merges(tfidf_matrix(texts))
    return max(BASELINE_THRESHOLDS, key=lambda d: score_clusters(cut(merges, ids, d), gold).b3_f1)


# --- reading the sets and running both systems ---------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One row of a clustering set: the article, its gold cluster and its split."""

    article: Article
    gold: str
    split: str | None = None


def load_rows(path: str | Path) -> list[GoldArticle]:
    """The articles of a clustering JSONL file with their gold cluster ids."""
    path = Path(path)
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [_gold_article(row) for row in rows]
    except (OSError, ValueError, KeyError) as exc:
        raise NewsprismError(f"cannot read the clustering set {path}: {exc}; expected JSON Lines "
                             "with id, text and gold (see the datasets README, clustering/)") from exc


def _gold_article(row: dict) -> GoldArticle:
    article = Article(id=str(row["id"]), text=row["text"], title=row.get("title"),
                      published=row.get("published"), source=row.get("source"), url=row.get("url"))
    return GoldArticle(article, str(row["gold"]), row.get("split"))


def select(rows: Sequence[GoldArticle], split: str | None) -> list[GoldArticle]:
    """The rows of one split; all rows when `split` is None or "all"."""
    chosen = [r for r in rows if split in (None, "all") or r.split == split]
    if not chosen:
        raise NewsprismError(f"no rows with split {split!r}; pass --split all for a set without splits")
    return chosen


def story_docs(rows: Sequence[GoldArticle], settings: Settings | None = None) -> list[StoryDoc]:
    """Run the per-article pipeline over the rows once and keep what clustering reads."""
    from ..pipeline import analyze_articles  # spaCy loads only when an evaluation runs

    articles = [r.article for r in rows]
    return [story_doc(a, analysis) for a, analysis in zip(articles, analyze_articles(articles, settings),
                                                          strict=True)]


def score_newsprism(docs: Sequence[StoryDoc], gold: Clusters, params: StoryParams | None = None,
                    analysis_seconds: float = 0.0) -> tuple[ClusterScores, ClusterScores]:
    """Cluster the documents with newsprism and score its stories and its events (the stories'
    articles shared out by publication day); time includes the analysis given."""
    started = time.perf_counter()
    index = StoryIndex(params)
    stories = index.add_batch(docs)
    events = {a: event.id for story in index.stories() for event in story.events for a in event.article_ids}
    seconds = analysis_seconds + time.perf_counter() - started
    return score_clusters(stories, gold, seconds), score_clusters(events, gold, seconds)


def score_baseline(rows: Sequence[GoldArticle], distance: float) -> ClusterScores:
    """TF-IDF + cosine average-link clustering cut at `distance`, scored."""
    started = time.perf_counter()
    ids = [r.article.id for r in rows]
    merges = average_link_merges(tfidf_matrix([_text(r.article) for r in rows]))
    predicted = cut(merges, ids, distance)
    return score_clusters(predicted, {r.article.id: r.gold for r in rows}, time.perf_counter() - started)


def _text(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text


def stories_report(path: str | Path, split: str | None = None, settings: Settings | None = None) -> str:
    """Both systems on one split of a clustering set (baseline tuned on train), as Markdown."""
    rows = load_rows(path)
    split = split or ("dev" if any(r.split for r in rows) else "all")
    chosen = select(rows, split)
    train = [r for r in rows if r.split == "train"] if split != "train" else chosen
    distance = tune_baseline([_text(r.article) for r in train], [r.article.id for r in train],
                             {r.article.id: r.gold for r in train}) if train else BASELINE_DISTANCE
    started = time.perf_counter()
    docs = story_docs(chosen, settings)
    gold = {r.article.id: r.gold for r in chosen}
    stories, events = score_newsprism(docs, gold, analysis_seconds=time.perf_counter() - started)
    scores = {"newsprism events": events, "newsprism stories": stories,
              f"TF-IDF average link, distance {distance:.2f} (baseline)": score_baseline(chosen, distance)}
    tuned = "tuned on train" if train else "threshold tuned on ECB+ train"
    header = f"{Path(path).name}, split {split}: {len(chosen)} articles (baseline {tuned})\n\n"
    return header + format_scores_markdown(scores)


_COLUMNS = ("system", "B³ P", "B³ R", "B³ F1", "pairwise F1", "ARI", "clusters", "gold clusters", "seconds")


def format_scores_markdown(named_scores: Mapping[str, ClusterScores]) -> str:
    """A Markdown table of scores (percentages), one row per system."""
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    for name, s in named_scores.items():
        rates = (s.b3_precision, s.b3_recall, s.b3_f1, s.pair_f1, s.ari)
        cells = [name, *(f"{100 * r:.1f}" for r in rates), str(s.clusters), str(s.gold_clusters),
                 f"{s.seconds:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
