"""The briefing, Markdown and HTML, on a small store of invented articles about one bridge."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.link import link_store
from newsprism.model import Article
from newsprism.pipeline import analyze_article
from newsprism.report.briefing import anchor_id, briefing_html, briefing_markdown
from newsprism.report.briefing_html import marked_text
from newsprism.store import SQLiteStore

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

POST = """Lindholm council approves new harbour bridge
The city council of Lindholm approved a new harbour bridge on Monday, ending a decade of debate.
The bridge will cost €40 million and should open in 2027, the council said.
“This bridge will join the two halves of our city,” mayor Karin Dahl told reporters after the vote.
"""
TIMES = """Lindholm votes for harbour bridge as costs climb
Lindholm's council voted on Monday to build a harbour bridge across the old port.
The bridge will cost €52 million and should open in 2027, according to the city's planning office.
“This bridge will join the two halves of our city,” Mayor Karin Dahl said.
"""
HOSTILE = f"""Harbour bridge approved in Lindholm {SCRIPT}
Lindholm's city council approved the harbour bridge on Monday after a long debate.
Mayor Karin Dahl said the bridge "{SCRIPT}" would help the port. {IMG}
"""


@pytest.fixture
def bridge(store):
    """Three reports of one council vote: two outlets disagree on the cost, one is hostile."""
    for article_id, text, source, url in (
            ("bridge-post", POST, "Lindholm Post", "https://example.org/post/bridge"),
            ("bridge-times", TIMES, "Harbour Times", None),
            ("bridge-hostile", HOSTILE, IMG, "javascript:alert(1)")):
        article = Article(id=article_id, text=text, source=source, url=url, published="2025-06-02",
                          title=text.splitlines()[0])
        store.add_article(article, analyze_article(article))
    link_store(store)
    return store


def test_markdown_has_the_story_the_grouped_quote_and_the_conflict(bridge):
    text = briefing_markdown(bridge)
    assert "## Harbour bridge approved in Lindholm" in text
    quote = next(line for line in text.splitlines() if "join the two halves" in line)
    assert "Karin Dahl" in quote and "(2 outlets)" in quote
    assert "**€40 million**" in text and "**€52 million**" in text
    assert "contradiction" in text


def test_markdown_cites_offsets_and_links_known_urls(bridge):
    text = briefing_markdown(bridge)
    for article_id, start, end in re.findall(r"`([\w-]+)@(\d+)-(\d+)`", text):
        assert bridge.get_article(article_id).text[int(start):int(end)]
    start = POST.index("€40 million")
    assert f"[Lindholm Post](<https://example.org/post/bridge>) `bridge-post@{start}-{start + 11}`" in text
    assert "javascript:" not in text


def test_markdown_escapes_article_markup(bridge):
    text = briefing_markdown(bridge)
    assert not re.search(r"(?<!\\)<(script|img|/script)", text)
    assert r"\<script\>alert(1)\</script\>" in text and r"\<img src=x onerror=alert(1)\>" in text


def test_html_has_the_story_the_grouped_quote_and_both_sides_of_the_conflict(bridge):
    page = briefing_html(bridge)
    assert "Harbour bridge approved in Lindholm &lt;script&gt;" in page
    group = page[page.index("<h3>Who said what</h3>"):]
    assert re.search(r"Karin Dahl</strong> <span class=\"badge\">2 outlets</span>", group)
    assert "This bridge will join the two halves of our city" in group
    conflict = page[page.index("Where outlets disagree"):page.index("<h3>Timeline</h3>")]
    assert "<mark>€40 million</mark>" in conflict and "<mark>€52 million</mark>" in conflict
    post = POST.index("€40 million")
    assert f'href="#{anchor_id("bridge-post", post, post + 11)}"' in conflict


def test_every_html_link_to_a_sentence_resolves(bridge):
    page = briefing_html(bridge)
    targets = re.findall(r'href="#(a-[^"]+)"', page)
    assert targets
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(targets) <= ids
    for target in set(targets):
        article = next(a for a in ("bridge-post", "bridge-times", "bridge-hostile")
                       if target.startswith(f"a-{a}-"))
        start, end = map(int, target.rsplit("-", 2)[1:])
        assert re.search(rf'<mark id="{target}">', page)
        assert bridge.get_article(article).text[start:end]


def test_html_loads_nothing_from_outside(bridge):
    page = briefing_html(bridge)
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    for tag in re.findall(r"<(\w+)[^>]*\b(?:src|href)=[\"']?https?:", page):
        assert tag == "a"
    for anchor in re.findall(r"<a [^>]*href=\"https?:[^>]*>", page):
        assert 'rel="noreferrer noopener"' in anchor
    assert "javascript:" not in page


def test_html_renders_hostile_article_text_as_inert_text(bridge):
    page = briefing_html(bridge)
    assert SCRIPT not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    tags = set(re.findall(r"<([a-zA-Z][\w-]*)", page))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
                    "nav", "ol", "ul", "li", "a", "span", "div", "section", "article", "strong", "blockquote",
                    "mark", "table", "thead", "tbody", "tr", "th", "td", "code", "br", "svg", "text", "rect",
                    "line", "circle"}


def test_html_has_charts_and_a_print_layout(bridge):
    page = briefing_html(bridge)
    assert page.count('<svg class="chart"') >= 2
    assert 'aria-label="Articles per outlet"' in page and "Timeline of dated events" in page
    assert "@media print" in page


def test_chosen_story_only_and_unknown_story_is_an_error(bridge):
    story = next(bridge.iter_stories()).id
    assert briefing_markdown(bridge, [story]).count("\n## ") == 1
    with pytest.raises(Exception, match="no-such-story"):
        briefing_html(bridge, ["no-such-story"])


def test_an_empty_store_gives_a_short_note(store):
    assert "No stories yet" in briefing_markdown(store)
    assert "No stories yet" in briefing_html(store)


def test_overlapping_spans_nest_and_each_keeps_its_anchor():
    text = "abcdefghij"
    html = marked_text("x", text, {(0, 6), (3, 9), (3, 3)})
    assert re.sub(r"<[^>]+>", "", html) == text
    for start, end in ((0, 6), (3, 9), (3, 3)):
        assert f'id="{anchor_id("x", start, end)}"' in html
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0


def test_report_command_writes_html_to_a_file(bridge, tmp_path):
    db = tmp_path / "b.db"
    disk = SQLiteStore(str(db))
    for article in bridge.iter_articles():
        disk.add_article(article, bridge.analysis_of(article.id))
    link_store(disk)
    disk.close()
    out = tmp_path / "briefing.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    result = CliRunner().invoke(cli, ["report", "--db", str(db)])
    assert result.exit_code == 0 and result.output.startswith("# Briefing")


def test_a_story_with_a_later_development_lists_its_events(store):
    from test_link import FERRY_A, FERRY_B, FERRY_C

    for article_id, text, day in (("ferry-a", FERRY_A, "2025-11-04"), ("ferry-b", FERRY_B, "2025-11-04"),
                                  ("ferry-c", FERRY_C, "2025-11-27")):
        article = Article(id=article_id, text=text, published=day, title=text.splitlines()[0])
        store.add_article(article, analyze_article(article))
    link_store(store)
    text = briefing_markdown(store)
    assert "2025-11-04 – 2025-11-27 (2 events: 2025-11-04, 2025-11-27) · 3 article(s)" in text
