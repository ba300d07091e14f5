"""The bundled sample corpus (examples/corpus), written by the team, read end to end."""

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


def test_scraping_debris_is_hidden_from_analysis(store):
    analyze_paths([CORPUS], store)
    article = store.get_article("dockside-daily-port-strike")
    assert "Read also" in article.text
    analysed = analysis_text(article)
    assert "Read also" not in analysed and "Ferry operator cancels" not in analysed
    assert "date 2025-03-11" not in analysed
    assert "Helena Varga" in analysed
