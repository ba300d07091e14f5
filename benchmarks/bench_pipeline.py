"""Per-article pipeline throughput against spaCy alone on the same texts (same run).

    python benchmarks/bench_pipeline.py [--articles 400] [--polnear ../shared/datasets/polnear]

Reports articles/s and words/s for both, and the ratio (target: >= 0.8). spaCy alone runs
the same pipeline (tagger, parser, lemmatizer, NER) through nlp.pipe with the same batch
size; ours adds reading the boilerplate mask, entities and statements on top.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from newsprism.clean import analysis_text  # noqa: E402
from newsprism.config import Settings  # noqa: E402
from newsprism.nlp import load  # noqa: E402
from newsprism.pipeline import analyze_articles  # noqa: E402


def spacy_alone(articles, settings) -> float:
    import spacy

    nlp = spacy.load(settings.spacy_model)
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=settings.batch_size):
        pass
    return time.perf_counter() - started


def newsprism_pipeline(articles, settings) -> float:
    started = time.perf_counter()
    for _ in analyze_articles(articles, settings):
        pass
    return time.perf_counter() - started


def polnear_articles(path: str, limit: int):
    from newsprism.evaluate.polnear import load_polnear

    return [doc.article() for doc in load_polnear(path, "dev", limit)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--polnear", default="../shared/datasets/polnear")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    load(settings.spacy_model)  # load both models before timing
    sets = {"generated": list(generate(args.articles))}
    if Path(args.polnear).is_dir():
        sets["PolNeAR dev (real news)"] = polnear_articles(args.polnear, args.articles)
    print("| texts | articles | words | spaCy alone (art/s) | newsprism (art/s) | ratio |")
    print("|---|---|---|---|---|---|")
    for name, articles in sets.items():
        words = sum(len(analysis_text(a).split()) for a in articles)
        base = min(spacy_alone(articles, settings) for _ in range(args.repeat))
        ours = min(newsprism_pipeline(articles, settings) for _ in range(args.repeat))
        print(f"| {name} | {len(articles)} | {words:,} | {len(articles) / base:.1f} "
              f"({words / base:,.0f} words/s) | {len(articles) / ours:.1f} ({words / ours:,.0f} words/s) "
              f"| {base / ours:.2f} |")


if __name__ == "__main__":
    main()
