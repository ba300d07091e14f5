"""The web UI in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
navigation, the search box, the highlights, inert markup, and the README's screenshots; the
corpus is served from each store backend."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, sync_playwright

from newsprism.link import link_store
from newsprism.model import Article
from newsprism.pipeline import analyze_article, analyze_paths
from newsprism.store import open_store
from newsprism.web import create_app

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
XSS = Article(id="xss-test", source='"><svg onload=alert(2)>', title="<script>alert(3)</script> headline",
              published="2025-04-09", url="https://example.org/x.png",
              text=(f"Mayor Ruth Adeyemi said that the page must show {SCRIPT} as text.\n"
                    f"A reader wrote {IMG} in a comment on Tuesday.\n"))


class Server:
    """uvicorn serving an app from a background thread, on a free port of 127.0.0.1."""

    def __init__(self, app):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]},
                                       daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "the test server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make install-browser` (Debian packages chromium "
                    f"and chromium-driver) to run the browser tests")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def corpus_server(module_store_url):
    """The bundled corpus, analysed and linked, served (from each store backend)."""
    store = open_store(module_store_url)
    analyze_paths([str(ROOT / "examples" / "corpus")], store)
    link_store(store)
    store.close()
    with Server(create_app(module_store_url)) as server:
        yield server


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("xss") / "xss.db"
    store = open_store(str(path))
    store.add_article(XSS, analyze_article(XSS))
    link_store(store)
    store.close()
    with Server(create_app(path)) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests, tab.dialogs = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def only_local_requests(page: Page, server: Server) -> bool:
    return all(url.startswith(server.url + "/") or url.startswith("data:") for url in page.requests)


def test_navigate_stories_to_story_to_article(page, corpus_server):
    page.goto(corpus_server.url + "/")
    assert page.url == corpus_server.url + "/stories"
    assert page.locator("table.stories tbody tr").count() >= 2
    page.locator("table.stories tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/stories/story-"))
    assert page.locator("section.articles tbody tr").count() >= 2
    assert page.locator(".corroboration").count() >= 1
    assert page.locator("article.conflict .side").count() >= 2
    assert page.locator("mark.hl.evidence").count() >= 2
    page.locator("section.articles tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator(".article-text").is_visible()
    assert only_local_requests(page, corpus_server)


def test_article_highlights_are_elements(page, corpus_server):
    page.goto(corpus_server.url + "/articles/brussels-wire-retraining-fund")
    text = page.locator(".article-text")
    for kind in ("statement", "quantity", "timex"):
        assert text.locator(f"mark.hl.{kind}").count() >= 1, kind
    first = text.locator("mark.hl.quantity").first
    assert first.get_attribute("title")
    assert "€498 million" in text.locator("mark.hl.quantity").all_inner_texts()
    # A statement's anchor from the list below the text lands on its highlight.
    page.locator("ul.statements a[href^='#']").first.click()
    assert page.locator("mark.statement:target").count() == 1


def test_search_box_finds_articles(page, corpus_server):
    page.goto(corpus_server.url + "/stories")
    page.fill("input[name=q]", "dockworkers")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=dockworkers"))
    hits = page.locator("li.hit")
    assert hits.count() >= 1
    assert page.locator("li.hit mark.match").count() >= 1
    hits.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert "dockworkers" in page.locator(".article-text").inner_text().lower()


def test_markup_in_an_article_renders_as_inert_text(page, xss_server):
    page.goto(xss_server.url + "/articles/xss-test")
    text = page.locator(".article-text").inner_text()
    assert SCRIPT in text and IMG in text
    assert page.locator("h1").inner_text() == "<script>alert(3)</script> headline"
    assert page.locator("img").count() == 0 and page.locator("svg").count() == 0
    assert page.locator("script").count() == 0 and page.locator("[onerror], [onload]").count() == 0
    for path in ("/stories", "/search?q=alert", "/entities/person:ruth-adeyemi"):
        page.goto(xss_server.url + path)
        assert page.locator("img, svg, script, [onerror], [onload]").count() == 0, path
    page.wait_for_timeout(200)
    assert page.dialogs == []
    # The article's URL is a link a reader may follow, never a resource the page loads.
    assert only_local_requests(page, xss_server)


def test_speaker_page_groups_utterances_filters_and_charts_figures(page, corpus_server):
    page.goto(corpus_server.url + "/entities/person:helena-varga")
    utterances = page.locator("ol.utterances > li.utterance")
    assert utterances.count() >= 5
    # The utterance two outlets carried shows both wordings, the words one changed marked.
    carried = utterances.filter(has_text="2 outlet(s)")
    assert carried.count() >= 1 and carried.first.locator("ul.versions > li").count() == 2
    assert carried.first.locator("mark.diff").count() >= 1
    assert page.locator("figure.chart svg circle").count() >= 3  # her figures over time
    assert page.locator("table.claims tbody tr").count() >= 3
    page.select_option("select[name=kind]", "direct")
    page.locator("form.filters button").click()
    page.wait_for_url(re.compile(r"kind=direct"))
    kinds = page.locator("ul.versions span.badge").all_inner_texts()
    assert kinds and set(kinds) == {"direct"}
    assert only_local_requests(page, corpus_server)


def test_an_article_marks_the_number_another_outlet_disputes(page, corpus_server):
    page.goto(corpus_server.url + "/articles/dockside-daily-port-strike")
    assert page.locator(".article-text mark.hl.disputed").count() >= 1
    link = page.locator("#disputes a.disputed").first
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r"/stories/story-"))
    assert page.locator(f"article.conflict[id='{target}']").is_visible()


def test_index_facets_filter_the_list(page, corpus_server):
    page.goto(corpus_server.url + "/entities")
    everything = page.locator("table.entities tbody tr").count()
    page.locator("p.facets a", has_text="PERSON").click()
    page.wait_for_url(re.compile(r"type=PERSON"))
    people = page.locator("table.entities tbody tr span.badge").all_inner_texts()
    assert people and set(people) == {"PERSON"} and len(people) <= everything
    page.locator("p.facets a", has_text="by name").click()
    page.wait_for_url(re.compile(r"sort=name"))
    names = page.locator("table.entities tbody tr td:first-child a").all_inner_texts()
    assert len(names) == len(people) and names == sorted(names, key=str.lower)
    assert "type=PERSON" in page.url  # the order keeps the type chosen


def test_screenshots_of_the_main_pages(page, corpus_server, tmp_path):
    # The README's pictures are refreshed only on request, so a test run leaves the tree clean.
    shots = SCREENSHOTS if os.environ.get("NEWSPRISM_SCREENSHOTS") == "docs" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.goto(corpus_server.url + "/stories")
    page.screenshot(path=shots / "stories.png", full_page=True)
    page.locator("table.stories tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/stories/story-"))
    page.screenshot(path=shots / "story.png", full_page=True)
    page.goto(corpus_server.url + "/articles/brussels-wire-retraining-fund")
    page.screenshot(path=shots / "article.png", full_page=True)
    page.goto(corpus_server.url + "/conflicts")
    page.screenshot(path=shots / "conflicts.png", full_page=True)
    page.goto(corpus_server.url + "/entities/person:helena-varga")
    page.screenshot(path=shots / "speaker.png", full_page=True)
    page.goto(corpus_server.url + "/articles/dockside-daily-port-strike")
    page.screenshot(path=shots / "disputed.png", full_page=True)
    for name in ("stories", "story", "article", "conflicts", "speaker", "disputed"):
        assert (shots / f"{name}.png").stat().st_size > 10_000, name
