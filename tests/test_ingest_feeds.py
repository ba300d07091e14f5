from pages import rss_feed

from newsprism.errors import InputError
from newsprism.ingest import read_articles

ITEMS = [
    {"title": "Dock strike ends", "link": "https://example.org/strike", "guid": "hh-001",
     "date": "Tue, 11 Mar 2025 07:15:00 +0100",
     "html": "<p>The strike ended on Monday.</p><p>“We won,” a union leader said.</p>"},
    {"title": "Ferry delayed", "link": "https://example.org/ferry", "guid": "https://example.org/?p=2",
     "date": "Wed, 12 Mar 2025 10:00:00 GMT", "html": "<p>The ferry was delayed by fog.</p>"},
]

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Atom</title>
<entry><title>Bridge reopens</title><id>urn:uuid:1225c695</id>
<link href="https://example.org/bridge"/><updated>2025-03-13T12:00:00Z</updated>
<summary>The bridge reopened after repairs costing $3 million.</summary></entry></feed>"""


def test_rss_items_become_articles_with_block_text(write):
    first, second = read_articles([write("herald.xml", rss_feed(ITEMS))])
    assert first.id == "hh-001" and first.title == "Dock strike ends"
    assert first.text == "The strike ended on Monday.\n“We won,” a union leader said."
    assert first.published == "2025-03-11T06:15:00+00:00"
    assert first.source == "Harbour Herald" and first.language == "en"
    assert second.id.startswith("feed-") and second.url == "https://example.org/ferry"


def test_atom_entry_summary(write):
    (article,) = read_articles([write("valley.atom", ATOM)])
    assert article.text == "The bridge reopened after repairs costing $3 million."
    assert article.published == "2025-03-13T12:00:00+00:00"
    assert article.source == "Valley Atom"


def test_malformed_feed_is_an_error(write):
    items = list(read_articles([write("broken.rss", "<rss><channel><item><title>oops")]))
    assert all(isinstance(i, InputError) for i in items)
    assert "malformed feed" in items[0].reason


def test_entry_without_text_is_reported_and_others_kept(write):
    items = [dict(ITEMS[0], html="<p>  </p>"), ITEMS[1]]
    problem, article = read_articles([write("partial.xml", rss_feed(items))])
    assert isinstance(problem, InputError) and problem.location == "entry 1"
    assert article.title == "Ferry delayed"
