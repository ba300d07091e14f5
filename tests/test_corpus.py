"""The bundled sample corpus (examples/corpus), written by the team, read end to end."""

import importlib.util
import sys
from datetime import date
from pathlib import Path

from newsprism.clean import analysis_text
from newsprism.pipeline import analyze_paths

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

EXPECTED = {  # id: (source, published)
    "dockside-daily-port-strike": (None, "2025-03-11"),
    "brussels-wire-retraining-fund": ("Brussels Wire", "2025-03-11"),
    "continental-courier-port-strike": ("The Continental Courier", "2025-03-12"),
    "scheldt-gazette-strike-suspended": ("Scheldt Gazette", "2025-03-13"),
    "atlantic-post-barcelos-derailment": ("Atlantic Post", "2025-03-14"),
    "teh-2025-03-15-barcelos-derailment": ("Tagus Evening Herald", "2025-03-15T07:15:00+00:00"),
    "porto-ledger-line-reopening": ("Porto Daily Ledger", "2025-03-16"),
    "tartu-library-hours": (None, None),
}


def test_every_format_in_the_corpus_is_read(store):
    report = analyze_paths([CORPUS], store)
    assert report.failed == 0 and report.added == len(EXPECTED)
    got = {a.id: (a.source, a.published) for a in store.iter_articles()}
    assert got == EXPECTED


def test_the_planted_disagreements_are_the_conflicts_shown(store):
    from newsprism.link import link_store
    from newsprism.link.conflicts import SHOWN_CONFIDENCE

    analyze_paths([CORPUS], store)
    link_store(store)
    shown = {(c.kind, c.status, tuple(sorted(s.value for s in c.sides)))
             for c in store.iter_conflicts() if c.confidence >= SHOWN_CONFIDENCE}
    assert shown == {  # EXPECTED.md: C1 to C3, and none of the look-alikes
        ("numeric", "contradiction", ("more than €1.5 billion", "€1.2 billion")),
        ("identity", "contradiction", ("Joris Maes", "Joris Peeters")),
        ("numeric", "revision", ("12", "19")),
    }


def test_scraping_debris_is_hidden_from_analysis(store):
    analyze_paths([CORPUS], store)
    article = store.get_article("dockside-daily-port-strike")
    assert "Read also" in article.text
    analysed = analysis_text(article)
    assert "Read also" not in analysed and "Ferry operator cancels" not in analysed
    assert "date 2025-03-11" not in analysed
    assert "Helena Varga" in analysed


# --- the benchmark corpus generator (benchmarks/corpus.py) ------------------------------------------

def _generator():
    path = CORPUS.parents[1] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = _generator()


def test_generator_is_deterministic_and_seeded():
    assert list(gen.generate(150, seed=3)) == list(gen.generate(150, seed=3))
    assert [a.text for a in gen.generate(20, seed=3)] != [a.text for a in gen.generate(20, seed=4)]
    articles = list(gen.generate(300, events=10))
    assert [a.published for a in articles] == sorted(a.published for a in articles)  # as a feed
    assert [a.id for a in articles] == sorted(a.id for a in articles)


def test_generator_spreads_articles_over_events_and_months():
    assert gen.default_events(3000) == 100 and gen.default_events(5) == 1
    pairs = list(gen.labelled(1200))
    events = {e for _, e in pairs}
    assert len(events) == gen.default_events(1200) == 40
    days = sorted(a.published for a, _ in pairs)
    assert (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days > 120
    assert len({a.text for a, _ in pairs}) == len(pairs) and len({a.id for a, _ in pairs}) == len(pairs)


def test_a_longer_span_spreads_the_same_events_over_more_days():
    def days(span):
        published = [date.fromisoformat(a.published) for a, _ in gen.labelled(600, span_days=span)]
        return (max(published) - min(published)).days

    assert days(gen.SPAN_DAYS) < gen.SPAN_DAYS + 21 < 5 * gen.SPAN_DAYS < days(10 * gen.SPAN_DAYS)
    same = [(a.title, e) for a, e in gen.labelled(200, span_days=10 * gen.SPAN_DAYS)]
    assert same == [(a.title, e) for a, e in gen.labelled(200, span_days=10 * gen.SPAN_DAYS)]


def test_each_event_has_its_own_people_place_and_words():
    facts = [gen.make_event(7, n).fields for n in range(200)]
    people = [{f["lead"], f["second"], f["critic"]} for f in facts]
    assert all(len(p) == 3 for p in people)
    distinct = set().union(*people)
    assert len(distinct) > 0.97 * 3 * len(facts)  # thousands at 100k articles, few shared by chance
    assert len({f["place"] for f in facts}) > 150 and len({f["subject"] for f in facts}) > 190
    assert len({f["org"] for f in facts}) > 150


def test_articles_of_one_event_are_paraphrases_that_keep_its_facts():
    by_event: dict[int, list] = {}
    for article, event in gen.labelled(600, events=5):
        by_event.setdefault(event, []).append(article)
    for event, articles in by_event.items():
        fields = gen.make_event(7, event).fields
        assert all(fields["lead"] in a.text for a in articles)  # the lead always names its speaker
        leads = {a.text.splitlines()[0].replace(fields["amount"], "") for a in articles}
        assert len(leads) >= 3  # several wordings of the same first sentence
        assert len({a.source for a in articles}) > 5


def test_a_few_public_figures_recur_across_events():
    seen: dict[str, set[int]] = {}
    for article, event in gen.labelled(3000):
        for _, name in gen.FIGURES:
            if name in article.text:
                seen.setdefault(name, set()).add(event)
    assert len(seen) >= 5 and max(map(len, seen.values())) >= 3
