"""Web page times on a large store: the median and 95th percentile of each page.

    python benchmarks/bench_web.py [--articles 10000] [--requests 50] [--db PATH]

Articles come from the generated corpus (benchmarks/corpus.py, seed 7, one event per 30
articles). The real pipeline analyses ~40 articles a second on two cores, too slow to build
10,000 for a benchmark of the pages (benchmarks/bench_scale.py times that), so each article
gets a cheap synthetic analysis of the same shape, found by regular expressions in the
generated text: its people named in full (entities, name mentions), its quotes and "said ...
that" clauses (statements with speakers), its euro amounts and percentages (quantities with
subjects) and its weekdays (dates). `link_store` then builds stories, groups and conflicts with
newsprism's default parameters. With `--db`, an existing store is reused (and a new
one is kept there). Requests go through FastAPI's TestClient, so the times include routing,
the store queries, the template and the JSON encoding, but not a network. Target: < 200 ms
a page.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FIRST, generate  # noqa: E402

from newsprism.link import link_store  # noqa: E402
from newsprism.model import Analysis, Article, Entity, Mention, Quantity, Statement, Timex  # noqa: E402
from newsprism.pipeline import PIPELINE_VERSION  # noqa: E402
from newsprism.stages.entities import slug  # noqa: E402
from newsprism.store import SQLiteStore  # noqa: E402
from newsprism.web import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

PERSON = re.compile(rf"\b(?:{'|'.join(FIRST)}) [A-Z][a-z]+\b")
QUOTE = re.compile(r"“([^”]+)”")
SAID_THAT = re.compile(r"said on \w+ that ([^\n]+?)\.\n")
EUROS = re.compile(r"€(\d+) million")
PERCENT = re.compile(r"(\d+)%")
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
SEARCH = "strike residents"  # words of many articles


def synthetic_analysis(article: Article) -> Analysis:
    """An analysis of a generated article found by regular expressions, in milliseconds."""
    text, aid = article.text, article.id
    people = list(PERSON.finditer(text))
    entities = {f"person:{slug(m.group())}": m.group() for m in people}
    mentions = tuple(Mention(aid, f"person:{slug(m.group())}", m.start(), m.end(), m.group()) for m in people)
    speaker = people[0].group() if people else None
    who = (f"person:{slug(speaker)}", speaker) if speaker else (None, None)
    spans = [("direct", m.span(1)) for m in QUOTE.finditer(text)]
    spans += [("indirect", m.span(1)) for m in SAID_THAT.finditer(text)]
    statements = tuple(Statement(f"{aid}:s{n}", aid, kind, span, None, None, *who)
                       for n, (kind, span) in enumerate(sorted(spans, key=lambda s: s[1]), 1))
    quantities = [Quantity(f"{aid}:q{n}", aid, m.start(), m.end(), m.group(), int(m.group(1)) * 1e6, "EUR",
                           subject="the cost of the plan")
                  for n, m in enumerate(EUROS.finditer(text), 1)]
    quantities += [Quantity(f"{aid}:p{n}", aid, m.start(), m.end(), m.group(), float(m.group(1)), "percent",
                            subject="residents support the plan")
                   for n, m in enumerate(PERCENT.finditer(text), 1)]
    timexes = tuple(Timex(aid, m.start(), m.end(), m.group(), "DATE", article.published)
                    for m in WEEKDAY.finditer(text))
    return Analysis(aid, PIPELINE_VERSION, tuple(Entity(i, n, "PERSON") for i, n in entities.items()),
                    mentions, (), statements, tuple(quantities), timexes)


def build_store(path: Path, count: int) -> None:
    """Generated articles with synthetic analyses, linked into stories."""
    store = SQLiteStore(path)
    started = time.perf_counter()
    for article in generate(count):
        store.add_article(article, synthetic_analysis(article))
    print(f"stored {count:,} articles in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    report = link_store(store)
    print(f"{report.summary()} in {time.perf_counter() - started:.0f} s", flush=True)
    store.close()


def page_paths(client: TestClient) -> dict[str, str]:
    """One URL per page kind, taken from the store (the largest story, its first article that
    names an entity, and that entity)."""
    story = client.get("/stories.json", params={"size": 1}).json()["stories"][0]
    for article in story["article_ids"]:
        entities = client.get(f"/articles/{article}.json").json()["entities"]
        if entities:
            break
    speaker = client.get("/statements.json", params={"size": 1}).json()["facets"]["speaker"][0]["value"]
    return {"stories list": "/stories", "a story": f"/stories/{story['id']}",
            "an article": f"/articles/{article}", "an entity": f"/entities/{entities[0]['id']}",
            "the most quoted speaker": f"/entities/{quote(speaker)}", "conflicts": "/conflicts",
            "search": f"/search?q={quote(SEARCH)}", "entities index": "/entities",
            "entities index, by name, page 5": "/entities?sort=name&page=5",
            "statements index": "/statements",
            "statements, one kind, page 5": "/statements?kind=direct&page=5",
            "statements of one speaker": f"/statements?speaker={quote(speaker)}",
            "claims index, largest first": "/claims?unit=EUR&sort=largest",
            "claims index, one subject": "/claims?subject=cost",
            "claims of one speaker": f"/claims?speaker={quote(speaker)}", "articles index": "/articles",
            "articles index, oldest first": "/articles?sort=oldest"}


def time_page(client: TestClient, path: str, requests: int) -> list[float]:
    """Milliseconds of each request (after one warm-up)."""
    assert client.get(path).status_code == 200, path
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, path
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile."""
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="Reuse (or keep) the store here.")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench-web.db"
    if not path.exists():
        build_store(path, args.articles)
    client = TestClient(create_app(path))
    stats = client.get("/stories.json").json()["pagination"]["total"]
    print(f"\nstore: {path} ({stats:,} stories); {args.requests} requests a page, HTML\n")
    print("| page | URL | median ms | p95 ms |\n|---|---|---|---|")
    for name, url in page_paths(client).items():
        median, p95 = percentiles(time_page(client, url, args.requests))
        print(f"| {name} | `{url}` | {median:.1f} | {p95:.1f} |", flush=True)


if __name__ == "__main__":
    main()
