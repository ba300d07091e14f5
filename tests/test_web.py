"""The web UI and JSON API, through FastAPI's TestClient (no browser): every page in HTML and
JSON, pagination, errors, security headers, the OpenAPI document, and escaping."""

from __future__ import annotations

import csv
import io
import warnings
from html.parser import HTMLParser

import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about httpx on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsprism.errors import StoreError
from newsprism.link import link_store
from newsprism.model import Article
from newsprism.pipeline import analyze_article
from newsprism.store import open_store
from newsprism.web import create_app
from newsprism.web.app import CONTENT_SECURITY_POLICY
from newsprism.web.highlight import Mark, highlight

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

# Two outlets on one event (the cost differs: a conflict) and one article full of markup.
ARTICLES = [
    Article(id="herald-bridge", source="Harbour Herald", title="Dunmore bridge to cost €320 million",
            published="2025-04-08", url="https://example.org/herald/bridge",
            text=("Transport Minister Lena Okafor said on Monday that the new bridge in Dunmore "
                  "would cost €320 million.\n“We will open it before winter,” Okafor told reporters "
                  "in Dunmore.\nAbout 40% of residents support the plan, according to a council survey.\n")),
    Article(id="valley-bridge", source="Valley News", title="Minister puts Dunmore bridge at €350 million",
            published="2025-04-08",
            text=("Transport Minister Lena Okafor said on Monday that the Dunmore bridge "
                  "would cost €350 million.\n“We will open it before winter,” Okafor told reporters "
                  "in Dunmore.\nThe council will vote on the plan on 15 May.\n")),
    Article(id="xss-test", source='"><svg onload=alert(2)>', title="<script>alert(3)</script> headline",
            published="2025-04-09", url="javascript:alert(4)",
            text=(f"Mayor Ruth Adeyemi said that the page must show {SCRIPT} as text.\n"
                  f"A reader wrote {IMG} in a comment on Tuesday.\n")),
]


def build_store(url, articles=ARTICLES) -> str:
    """Analyse and link articles into a new store; its URL."""
    store = open_store(url)
    for article in articles:
        store.add_article(article, analyze_article(article))
    link_store(store)
    store.close()
    return url


@pytest.fixture(scope="module")
def client(module_store_url):
    db = build_store(module_store_url)
    with TestClient(create_app(db, page_size=20)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ids(client):
    """The ids the pages need: the bridge story, its conflict, an entity."""
    stories = client.get("/stories.json").json()["stories"]
    bridge = next(s for s in stories if "herald-bridge" in s["article_ids"])
    return {"story": bridge["id"], "article": "herald-bridge", "entity": "person:lena-okafor"}


def pages(ids) -> list[str]:
    return ["/stories", f"/stories/{ids['story']}", f"/articles/{ids['article']}",
            f"/entities/{ids['entity']}", "/conflicts", "/search?q=bridge"]


def json_path(page: str) -> str:
    path, _, query = page.partition("?")
    return f"{path}.json" + (f"?{query}" if query else "")


def test_every_page_renders_html_and_json(client, ids):
    for page in pages(ids):
        html = client.get(page)
        assert html.status_code == 200, page
        assert html.headers["content-type"].startswith("text/html"), page
        assert "<main>" in html.text
        data = client.get(json_path(page))
        assert data.status_code == 200, page
        assert data.headers["content-type"] == "application/json", page
        by_accept = client.get(page, headers={"Accept": "application/json"})
        assert by_accept.json() == data.json(), page


def test_root_leads_to_the_stories(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307) and response.headers["location"] == "/stories"


def test_story_shows_corroboration_conflict_and_timeline(client, ids):
    data = client.get(f"/stories/{ids['story']}.json").json()
    story = data["story"]
    assert {a["id"] for a in story["articles"]} == {"herald-bridge", "valley-bridge"}
    assert any(g["corroboration"] == 2 and g["speaker"] == "Lena Okafor" for g in story["statements"])
    conflict = story["conflicts"][0]
    assert [side["value"] for side in conflict["sides"]] == ["€320 million", "€350 million"]
    evidence = conflict["sides"][0]["evidence"][0]
    assert evidence["text"] == "€320 million" and "would cost" in evidence["context"]["before"]
    html = client.get(f"/stories/{ids['story']}").text
    assert '<mark class="hl evidence">€320 million</mark>' in html
    assert "2 outlets" in html and "Harbour Herald" in html


def test_article_page_highlights_statements_numbers_and_dates(client, ids):
    html = client.get(f"/articles/{ids['article']}").text
    assert 'class="hl statement direct" id="herald-bridge:s2"' in html
    assert 'class="hl quantity"' in html and 'class="hl timex"' in html
    assert '<a href="https://example.org/herald/bridge" rel="noreferrer noopener">' in html
    data = client.get(f"/articles/{ids['article']}.json").json()
    assert data["story_id"] == ids["story"]
    assert {s["id"] for s in data["statements"]} >= {"herald-bridge:s1", "herald-bridge:s2"}


def test_entity_page_lists_what_they_said(client, ids):
    data = client.get(f"/entities/{ids['entity']}.json").json()
    assert data["entity"]["name"] == "Lena Okafor"
    # Four statements, each carried by both outlets: two utterances of two versions each.
    assert data["pagination"]["total"] == 2
    versions = [v for u in data["utterances"] for v in u["versions"]]
    assert len(versions) == 4 and all(u["outlets"] == 2 for u in data["utterances"])
    assert {v["article_id"] for v in versions} == {"herald-bridge", "valley-bridge"}


def test_search_links_hits_to_their_story(client, ids):
    data = client.get("/search.json", params={"q": "winter"}).json()
    assert {h["article_id"] for h in data["hits"]} == {"herald-bridge", "valley-bridge"}
    assert all(h["story_id"] == ids["story"] for h in data["hits"])
    assert client.get("/search.json", params={"q": '"unbalanced'}).status_code == 200
    assert client.get("/search.json").json()["hits"] == []


def test_lists_are_paginated(client):
    first = client.get("/stories.json", params={"size": 1}).json()
    assert len(first["stories"]) == 1
    assert first["pagination"] == {"page": 1, "size": 1, "total": 2, "has_next": True}
    second = client.get("/stories.json", params={"size": 1, "page": 2}).json()
    assert second["pagination"]["has_next"] is False
    assert second["stories"][0]["id"] != first["stories"][0]["id"]
    assert client.get("/stories.json", params={"page": 99}).json()["stories"] == []
    hits = client.get("/search.json", params={"q": "Okafor", "size": 1}).json()
    assert len(hits["hits"]) == 1 and hits["pagination"]["has_next"] is True
    assert 'rel="next" href="/stories?size=1&amp;page=2"' in client.get("/stories?size=1").text


@pytest.mark.parametrize("query", ["size=0", "size=201", "page=0", "page=-1", "page=x", "size=2.5",
                                   "page=52036182250765778944", "page=1000001"])
def test_bad_page_parameters_are_422(client, ids, query):
    for page in ["/stories", "/conflicts", f"/stories/{ids['story']}", f"/entities/{ids['entity']}",
                 "/search?q=bridge"]:
        sep = "&" if "?" in page else "?"
        html = client.get(f"{page}{sep}{query}")
        assert html.status_code == 422 and html.headers["content-type"].startswith("text/html"), (page, query)
        assert "Bad parameters" in html.text and ("page" in html.text or "size" in html.text)
        api = client.get(f"{page}{sep}{query}", headers={"Accept": "application/json"})
        assert api.status_code == 422 and api.json()["detail"][0]["loc"][0] == "query"


def test_an_unknown_path_is_a_404_page_for_a_browser_and_json_for_the_api(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "Nothing is served at /no/such/page" in page.text
    api = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert api.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("path", ["/stories/nope", "/stories/nope.json", "/articles/nope",
                                  "/articles/nope.json", "/articles/a/b/c", "/entities/nope",
                                  "/entities/person:nobody.json", "/nowhere"])
def test_bad_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    if path.endswith(".json"):
        assert "detail" in response.json()


def test_security_headers_on_every_response(client, ids):
    for path in [*pages(ids), "/stories.json", "/static/style.css", "/openapi.json", "/stories/nope",
                 "/stories?size=0"]:
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
    for directive in ("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'"):
        assert directive in CONTENT_SECURITY_POLICY


def test_only_get_routes(client, ids):
    assert client.post("/stories").status_code == 405
    assert client.delete(f"/stories/{ids['story']}").status_code == 405
    methods = {m for route in client.app.routes for m in getattr(route, "methods", None) or ()}
    assert methods <= {"GET", "HEAD"}


def test_openapi_lists_the_json_routes_with_their_404s_and_leaves_the_html_pages_out(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/stories.json", "/search.json", "/stories/{story_id}.json",
                          "/articles/{article_id}.json", "/entities.json", "/entities/{entity_id}.json",
                          "/conflicts.json", "/statements.json", "/statements.csv", "/claims.json",
                          "/claims.csv", "/articles.json", "/articles.csv", "/entities.csv"}
    assert all(set(operations) == {"get"} for operations in paths.values())
    for path, operations in paths.items():  # every route with parameters documents its 422
        if operations["get"].get("parameters"):
            assert "422" in operations["get"]["responses"], path
    assert "text/csv" in paths["/claims.csv"]["get"]["responses"]["200"]["content"]
    for path in ("/stories/{story_id}.json", "/articles/{article_id}.json", "/entities/{entity_id}.json"):
        assert "404" in paths[path]["get"]["responses"], path
    parameters = {p["name"] for p in paths["/stories.json"]["get"]["parameters"]}
    assert parameters == {"page", "size"}
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_markup_in_articles_is_escaped_in_html(client):
    html = client.get("/articles/xss-test").text
    assert SCRIPT not in html and "<img" not in html and "<svg" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt; headline" in html
    assert 'href="javascript' not in html and "javascript:alert(4)" in html  # shown, not linked
    for page in ["/stories", "/search?q=alert", "/entities/person:ruth-adeyemi"]:
        body = client.get(page).text
        assert "<script" not in body and "<img" not in body and "<svg" not in body, page


def test_markup_in_articles_survives_as_text_in_json(client):
    data = client.get("/articles/xss-test.json").json()
    assert SCRIPT in data["article"]["text"] and IMG in data["article"]["text"]
    assert data["article"]["title"] == "<script>alert(3)</script> headline"
    assert any(IMG in s["content"]["text"] for s in data["statements"])


def test_create_app_refuses_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        create_app(tmp_path / "missing.db")
    with pytest.raises(StoreError):
        create_app(":memory:")


def test_create_app_refuses_an_empty_postgres_database_and_creates_nothing(postgres_url):
    from newsprism.store.postgres import PostgresStore, holds_store

    with pytest.raises(StoreError, match="no store at"):
        create_app(postgres_url)
    assert not holds_store(postgres_url)
    PostgresStore(postgres_url).close()
    assert holds_store(postgres_url)
    create_app(postgres_url)


class _Tags(HTMLParser):
    """Checks that start and end tags balance."""

    def __init__(self):
        super().__init__()
        self.stack, self.text, self.marks = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.marks += 1

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return parser


def test_highlight_nests_overlapping_spans_and_keeps_the_text():
    text = "Okafor said <b> costs €320 million & more on Monday."
    marks = [Mark(0, 40, "statement", id="s1", title='a "title"'), Mark(22, 34, "quantity"),
             Mark(30, 52, "timex"), Mark(5, 5, "empty"), Mark(-4, 3, "clamped"), Mark(50, 99, "tail")]
    html = str(highlight(text, marks))
    parsed = parse(html)
    assert "".join(parsed.text) == text  # every character once, in order
    assert "&lt;b&gt;" in html and "&amp;" in html and 'title="a &#34;title&#34;"' in html
    assert html.count('id="s1"') == 1 and "cont" in html  # the timex crosses the statement's end
    assert 'class="hl empty"' not in html


def test_highlight_without_marks_is_escaped_text():
    assert str(highlight(f"a {SCRIPT} b", [])) == "a &lt;script&gt;alert(1)&lt;/script&gt; b"


def test_story_page_numbers_the_events_of_a_story(tmp_path):
    from test_link import FERRY_A, FERRY_B, FERRY_C

    articles = [Article(id=i, text=text, source=source, published=day) for i, text, source, day in (
        ("ferry-a", FERRY_A, "Coast Post", "2025-11-04"), ("ferry-b", FERRY_B, "Island Times", "2025-11-04"),
        ("ferry-c", FERRY_C, "Coast Post", "2025-11-27"))]
    db = build_store(str(tmp_path / "events.db"), articles)
    store = open_store(db)
    story_id = store.story_of("ferry-c")
    store.close()
    with TestClient(create_app(db)) as test_client:
        html = test_client.get(f"/stories/{story_id}").text
    assert "Articles <small>(2 events)</small>" in html
    assert [cell.split("<")[0] for cell in html.split('<td class="event">')[1:]] == ["1", "1", "2"]


def test_entities_index_searches_names_and_facets_types(client):
    listing = client.get("/entities.json").json()
    assert listing["entities"] and sum(listing["facets"].values()) == listing["pagination"]["total"]
    first = listing["entities"][0]
    assert {"mentions", "articles", "aliases", "roles"} <= set(first)
    word = first["name"].split()[-1]
    found = client.get("/entities.json", params={"q": word.lower()}).json()
    assert first["id"] in [e["id"] for e in found["entities"]]
    typed = client.get("/entities.json", params={"type": first["type"]}).json()
    assert {e["type"] for e in typed["entities"]} == {first["type"]}
    page = client.get("/entities", params={"q": "<script>x</script>"})
    assert page.status_code == 200 and "<script>x" not in page.text and "No entity is named like" in page.text
    assert client.get("/entities.json", params={"type": "people"}).status_code == 422


def test_entities_index_sorts_by_name_and_exports_csv(client):
    by_name = client.get("/entities.json", params={"sort": "name", "size": 100}).json()["entities"]
    names = [e["name"].lower() for e in by_name]
    assert len(names) >= 3 and names == sorted(names)
    mentioned = client.get("/entities.json", params={"size": 100}).json()["entities"]
    assert [e["mentions"] for e in mentioned] == sorted((e["mentions"] for e in mentioned), reverse=True)
    assert {e["id"] for e in mentioned} == {e["id"] for e in by_name}
    assert [e["id"] for e in mentioned] != [e["id"] for e in by_name]  # the two orders differ here
    assert client.get("/entities.json", params={"sort": "loudest"}).status_code == 422
    response = client.get("/entities.csv", params={"type": "PERSON", "sort": "name"})
    assert response.status_code == 200 and "text/csv" in response.headers["content-type"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["id", "name", "type", "mentions", "articles", "aliases", "roles"]
    people = [e for e in by_name if e["type"] == "PERSON"]
    assert [r[0] for r in rows[1:]] == [e["id"] for e in people]
    okafor = next(r for r in rows if r[0] == "person:lena-okafor")
    assert okafor[3] == str(next(e["mentions"] for e in people if e["id"] == "person:lena-okafor"))
    html = client.get("/entities", params={"sort": "name"}).text
    assert 'aria-current="page">by name' in html and "/entities.csv?sort=name" in html


def test_csv_exports_page_through_every_row(client, monkeypatch):
    from newsprism.web import views

    whole = {path: client.get(path).text for path in ("/entities.csv", "/claims.csv")}
    monkeypatch.setattr(views, "EXPORT_BATCH", 2)  # many batches, one of them short or empty
    for path, text in whole.items():
        assert len(text.splitlines()) > 3 and client.get(path).text == text, path


def test_an_article_marks_its_disputed_number_and_links_its_conflict(client, ids):
    data = client.get(f"/articles/{ids['article']}.json").json()
    disputed = [d for d in data["disputes"] if d["kind"] == "numeric"]
    assert disputed and all(d["story_id"] == ids["story"] for d in disputed)
    money = next(q for q in data["quantities"] if q["unit"] == "EUR")
    assert money["display"] == "€320 million" and money["conflict_ids"] == [disputed[0]["conflict_id"]]
    html = client.get(f"/articles/{ids['article']}").text
    assert 'mark class="hl disputed numeric"' in html
    assert f'href="/stories/{ids["story"]}#{disputed[0]["conflict_id"]}"' in html
    story = client.get(f"/stories/{ids['story']}").text
    assert f'id="{disputed[0]["conflict_id"]}"' in story  # the link lands on the conflict


def test_the_speaker_page_filters_and_pages(client, ids):
    base = f"/entities/{ids['entity']}"
    herald = client.get(f"{base}.json", params={"outlet": "Harbour Herald"}).json()
    assert herald["filters"] == {"outlet": "Harbour Herald"} and herald["pagination"]["total"] == 2
    one = client.get(f"{base}.json", params={"size": 1}).json()
    assert len(one["utterances"]) == 1 and one["pagination"]["has_next"]
    empty = client.get(base, params={"since": "2030-01-01"})
    assert empty.status_code == 200 and "No statement by Lena Okafor matches these filters" in empty.text
    assert client.get(base, params={"kind": "shouted"}).status_code == 422
    assert client.get(base, params={"since": "April"}).status_code == 422
    assert client.get("/entities/person:nobody").status_code == 404


def test_statement_index_pages_filters_and_facets(client, ids):
    data = client.get("/statements.json", params={"size": 2}).json()
    assert len(data["rows"]) == 2 and data["pagination"]["has_next"]
    kinds = {f["value"]: f["count"] for f in data["facets"]["kind"]}
    assert sum(kinds.values()) >= 4 and data["facet_sample"] >= 1000
    speaker = {f["value"]: f["label"] for f in data["facets"]["speaker"]}
    assert speaker[ids["entity"]] == "Lena Okafor"
    hers = client.get("/statements.json", params={"speaker": ids["entity"], "size": 50}).json()["rows"]
    assert hers and {r["speaker"]["entity_id"] for r in hers} == {ids["entity"]}
    herald = client.get("/statements.json", params={"outlet": "Harbour Herald", "size": 50}).json()["rows"]
    assert herald and {r["article"]["source"] for r in herald} == {"Harbour Herald"}
    direct = client.get("/statements.json", params={"kind": "direct", "size": 50}).json()["rows"]
    assert direct and {r["kind"] for r in direct} == {"direct"}
    assert all(r["content"]["text"] for r in direct)
    none = client.get("/statements", params={"since": "2030-01-01"})
    assert none.status_code == 200 and "Nothing matches these filters" in none.text


def test_claim_index_sorts_by_value_and_filters_by_unit(client):
    euros = client.get("/claims.json", params={"unit": "EUR", "sort": "largest", "size": 50}).json()["rows"]
    assert [r["display"] for r in euros][:2] == ["€350 million", "€320 million"]
    assert {r["unit"] for r in euros} == {"EUR"} and all(r["article"]["source"] for r in euros)
    small = client.get("/claims.json", params={"unit": "EUR", "max": 330e6, "size": 50}).json()["rows"]
    assert [r["value"] for r in small] == [320e6]
    speakers = {f["value"]: f["label"] for f in client.get("/claims.json").json()["facets"]["speaker"]}
    assert speakers["person:lena-okafor"] == "Lena Okafor"
    hers = client.get("/claims.json", params={"speaker": "person:lena-okafor", "size": 50}).json()["rows"]
    assert sorted(r["display"] for r in hers) == ["€320 million", "€350 million"]
    assert client.get("/claims.json", params={"min": "lots"}).status_code == 422
    assert client.get("/claims.json", params={"sort": "random"}).status_code == 422


def test_article_index_and_csv_export(client):
    rows = client.get("/articles.json", params={"size": 50}).json()["rows"]
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)
    oldest = client.get("/articles.json", params={"sort": "oldest", "size": 1}).json()["rows"][0]
    assert oldest["published"] == min(r["published"] for r in rows)
    response = client.get("/claims.csv", params={"unit": "EUR"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].startswith("id,article_id,published,outlet") and len(lines) == 3
    assert "€320 million" in response.text and "Harbour Herald" in response.text


def test_csv_cells_that_look_like_formulas_stay_text():
    from newsprism.web.views import csv_row

    record = {"id": "a:s1", "article_id": "a", "kind": "direct", "speaker": None, "group_id": None,
              "content": {"start": 0, "end": 9, "text": "=HYPERLINK(\"http://x\")"},
              "article": {"published": "2025-01-01", "source": "@outlet", "story_id": None}}
    row = dict(zip(("id", "article_id", "published", "outlet", "story_id", "kind", "speaker", "speaker_id",
                    "text", "group_id"), csv_row("statements", record), strict=True))
    assert row["text"] == "'=HYPERLINK(\"http://x\")" and row["outlet"] == "'@outlet"
    assert row["id"] == "a:s1" and row["published"] == "2025-01-01"
