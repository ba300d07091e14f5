"""Linking time at two corpus sizes (same run): store-wide entity resolution, then story
clustering, to show that neither grows quadratically.

    python benchmarks/bench_linking.py [--sizes 10000 100000] [--history]

Articles come from the generated corpus (benchmarks/corpus.py, seed 7, one event per 30
articles by default), title and text. No spaCy: an article's entities are the capitalised
multi-word names of its text, found by a regular expression, and its dates are its publication
date; its entity nodes are those names and the lone surnames before or after "said" ("Corlund
said"), all resolved as people by an in-memory `EntityResolver`, batch by batch. Clustering
runs with newsprism's default parameters (`--threshold` overrides the
threshold). Articles arrive in publication order (the generator's), in batches of `--batch`
(as a daily ingest would; 0: all at once), so each batch re-runs the clustering only where it
lands. Each size but the largest is timed `--repeat` times (3), the fastest run kept: on a
shared machine one 10,000-article run varies by 15%. Reports seconds, CPU seconds (less
disturbed by other jobs on a shared machine),
articles/s, entities, resolution's share of the CPU time, stories, how many stories a
generated event comes out in (on average), B³ F1
against the generator's events, and the ratio of the largest size's CPU time to the
smallest's (target: < 12x for 10x the articles). Events happen over 300 days at every size,
so 100,000 articles are ten times as many a day as 10,000 (ten times the events running at
once); with `--history` the span grows with the corpus instead (300 days per 10,000 articles:
the same feed, ten times the history), the 10,000-article corpus being the same either way.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SPAN_DAYS, labelled  # noqa: E402

from newsprism.evaluate.stories import b_cubed  # noqa: E402
from newsprism.link.entities import EntityResolver, Node  # noqa: E402
from newsprism.link.stories import StoryDoc, StoryIndex, StoryParams  # noqa: E402

NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
SAID = re.compile(r"\b([A-Z][a-z]+) said\b|\bsaid ([A-Z][a-z]+)\b")


def entity_nodes(docs: list[StoryDoc]) -> list[Node]:
    """Each article's people: its full names and the lone surnames of "X said" / "said X"."""
    nodes = []
    for doc in docs:
        names = set(doc.entities) | {a or b for a, b in SAID.findall(doc.text)}
        nodes += [Node(doc.article_id, "person:" + name.lower().replace(" ", "-"), name, "PERSON")
                  for name in names]
    return nodes


def story_docs(count: int, span_days: int = SPAN_DAYS) -> tuple[list[StoryDoc], dict[str, str]]:
    """Cheap StoryDocs for `count` generated articles, and article id -> generated event."""
    docs, events = [], {}
    for article, event in labelled(count, span_days=span_days):
        names = tuple(NAME.findall(article.text))
        docs.append(StoryDoc(article.id, article.text, article.title, article.published, names,
                             (article.published,)))
        events[article.id] = str(event)
    return docs, events


def timed(docs: list[StoryDoc], params: StoryParams, batch: int
          ) -> tuple[float, float, float, int, dict[str, str]]:
    """Seconds and CPU seconds to link the documents batch by batch (entities, then stories),
    the CPU seconds of entity resolution alone, the entities, and article id -> story."""
    nodes: dict[str, list[Node]] = {}
    for node in entity_nodes(docs):
        nodes.setdefault(node.article_id, []).append(node)
    started, cpu = time.perf_counter(), time.process_time()
    resolving = 0.0
    index, resolver = StoryIndex(params), EntityResolver()
    step = batch or len(docs)
    for start in range(0, len(docs), step):
        part = docs[start:start + step]
        before = time.process_time()
        resolver.resolve([node for doc in part for node in nodes.get(doc.article_id, ())])
        resolving += time.process_time() - before
        index.add_batch(part)
    return (time.perf_counter() - started, time.process_time() - cpu, resolving, len(resolver.entities),
            index.assignments())


def stories_per_event(stories: dict[str, str], events: dict[str, str]) -> float:
    """How many stories a generated event's articles are spread over, on average."""
    spread: dict[str, set[str]] = {}
    for article, event in events.items():
        spread.setdefault(event, set()).add(stories[article])
    return sum(map(len, spread.values())) / len(spread)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--threshold", type=float, default=StoryParams().threshold)
    parser.add_argument("--batch", type=int, default=1000, help="articles per batch (0: one batch)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="times each size but the largest is timed, the fastest kept (the largest "
                             "runs once, so the ratio is if anything overstated)")
    parser.add_argument("--history", action="store_true",
                        help="the same articles a day at every size: events span 300 days per 10,000 "
                             "articles (default: 300 days at every size, so a larger corpus is denser)")
    args = parser.parse_args()
    results = {}
    print("| articles | seconds | CPU s | articles/s | entities | resolution CPU s | stories | events "
          "| stories per event | B³ F1 |\n|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted(args.sizes):
        docs, events = story_docs(size, round(SPAN_DAYS * size / 10_000) if args.history else SPAN_DAYS)
        runs = [timed(docs, StoryParams(threshold=args.threshold), args.batch)
                for _ in range(1 if size == max(args.sizes) else max(1, args.repeat))]
        seconds, cpu, resolving, entities, stories = min(runs, key=lambda run: run[1])
        results[size] = cpu
        precision, recall = b_cubed(stories, events)
        print(f"| {size:,} | {seconds:.1f} | {cpu:.1f} | {size / seconds:,.0f} | {entities:,} "
              f"| {resolving:.1f} "
              f"| {len(set(stories.values())):,} | {len(set(events.values()))} "
              f"| {stories_per_event(stories, events):.1f} "
              f"| {2 * precision * recall / (precision + recall):.3f} |", flush=True)
    small, large = min(results), max(results)
    if large != small:
        print(f"\n{large:,} vs {small:,} articles: {results[large] / results[small]:.1f}x the CPU time "
              f"for {large / small:.0f}x the articles (target: < 12x for 10x)")


if __name__ == "__main__":
    main()
