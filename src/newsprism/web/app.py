"""The web UI and JSON API: read-only pages over a store, each also answering JSON.

`/stories/42` renders HTML; `/stories/42.json`, or the same URL asked for with
`Accept: application/json`, answers the same view's data as JSON. Only GET routes exist.
"""

import os
import re
import threading
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import NotFound
from ..link.conflicts import SHOWN_CONFIDENCE
from ..stages.entities import ENTITY_TYPES
from ..store import Store, existing_store, open_store
from ..store.entity_links import ENTITY_SORTS
from ..store.indexes import IndexFilter
from . import views
from .highlight import Mark, highlight

HERE = Path(__file__).parent
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware that adds the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ThreadStores:
    """One store connection per thread: sync endpoints run in a thread pool, and a sqlite3
    connection must stay on the thread that opened it."""

    def __init__(self, url: str):
        self.url = url
        self.local = threading.local()

    def __call__(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = open_store(self.url)
        return store


def create_app(store_url_or_path: str | os.PathLike, page_size: int = 20) -> FastAPI:
    """The FastAPI application that serves one store, read-only."""
    url = existing_store(str(store_url_or_path), "the web UI")
    stores = ThreadStores(url)
    templates = _templates()
    app = FastAPI(title="newsprism", version=__version__, docs_url=None, redoc_url=None,
                  description="Stories, articles, entities and conflicts of a newsprism store. "
                              "Every page answers JSON at its `.json` path or with "
                              "`Accept: application/json`; the same paths without `.json` are the "
                              "HTML pages for a browser, left out of this schema.")
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    async def paging(page: int = Query(1, ge=1, le=views.MAX_PAGE, description="Page number, from 1."),
                     size: int = Query(page_size, ge=1, le=views.MAX_PAGE_SIZE,
                                       description="Items a page.")) -> views.Page:
        return views.Page(page, size)

    Paging = Annotated[views.Page, Depends(paging)]
    StoryFilter = Annotated[str, Query(max_length=200, description="Only statements of this story.")]
    KindFilter = Annotated[str, Query(pattern="^(|direct|indirect|mixed|unmarked)$",
                                      description="Only statements of this kind.")]
    OutletFilter = Annotated[str, Query(max_length=200, description="Only this outlet's reports.")]
    SinceFilter = Annotated[str, Query(pattern=DATE_PATTERN, description="Reports from this date (ISO).")]
    UntilFilter = Annotated[str, Query(pattern=DATE_PATTERN, description="Reports up to this date (ISO).")]
    ShowAll = Annotated[bool, Query(description="Also the less certain conflicts (by default only those of "
                                                f"confidence {SHOWN_CONFIDENCE} or more).")]

    def render(request: Request, template: str, data: dict) -> Response:
        if wants_json(request):
            return JSONResponse(data, headers={"Vary": "Accept"})
        page = templates.get_template(template).render({**_page_context(request), **data})
        return HTMLResponse(page, headers={"Vary": "Accept"})

    def error_page(request: Request, status: int, title: str, message: str, detail) -> Response:
        """An error as the client asked for it: JSON for the API, an HTML page for a browser."""
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=status)
        html = templates.get_template("error.html").render(
            {**_page_context(request), "title": title, "message": message})
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> Response:
        return error_page(request, 404, "Not found", str(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_page(request, exc.status_code, "Not found" if exc.status_code == 404 else "Error",
                          f"Nothing is served at {request.url.path}." if exc.status_code == 404
                          else str(exc.detail), exc.detail)

    @app.exception_handler(RequestValidationError)
    def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error_page(request, 422, "Bad parameters", problems, jsonable_encoder(exc.errors()))

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/stories")

    @app.get("/stories", include_in_schema=False, summary="Stories, most covered first")
    @app.get("/stories.json", summary="Stories, most covered first")
    def stories(request: Request, page: Paging) -> Response:
        return render(request, "stories.html", views.stories_list(stores(), page))

    @app.get("/search", include_in_schema=False, summary="Full-text search over articles")
    @app.get("/search.json", summary="Full-text search over articles")
    def search(request: Request, page: Paging,
               q: Annotated[str, Query(max_length=500, description="FTS5 query or words.")] = "") -> Response:
        return render(request, "search.html", views.search_results(stores(), q, page))

    @app.get("/stories/{story_id}", include_in_schema=False, summary="One story")
    @app.get("/stories/{story_id}.json", responses=not_found_response("story"), summary="One story")
    def story(request: Request, story_id: str, page: Paging, all: ShowAll = False) -> Response:
        return render(request, "story.html", views.story_detail(stores(), story_id, page, all))

    @app.get("/articles/{article_id:path}", include_in_schema=False, summary="One article")
    @app.get("/articles/{article_id:path}.json", responses=not_found_response("article"),
             summary="One article")
    def article(request: Request, article_id: str) -> Response:
        data = views.article_detail(stores(), article_id)
        if wants_json(request):
            return JSONResponse(data, headers={"Vary": "Accept"})
        html = templates.get_template("article.html").render(
            {**_page_context(request), **data, "text": highlighted_article(data)})
        return HTMLResponse(html, headers={"Vary": "Accept"})

    EntityQuery = Annotated[str, Query(max_length=200, description="Part of a name or alias.")]
    EntityType = Annotated[str, Query(pattern=f"^(|{'|'.join(sorted(ENTITY_TYPES))})$",
                                      description="Only this type.")]
    EntitySort = Annotated[str, Query(pattern=f"^({'|'.join(ENTITY_SORTS)})$",
                                      description="Order: most mentioned first, or by name.")]

    @app.get("/entities", include_in_schema=False,
             summary="People, organisations and places, most mentioned first")
    @app.get("/entities.json", summary="People, organisations and places, most mentioned first")
    def entities(request: Request, page: Paging, q: EntityQuery = "", type: EntityType = "",
                 sort: EntitySort = "mentions") -> Response:
        return render(request, "entities.html", views.entities_list(stores(), q, type or None, page, sort))

    @app.get("/entities.csv", summary="People, organisations and places: every one the filters keep, as CSV",
             response_class=StreamingResponse,
             responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row."}})
    def entities_export(q: EntityQuery = "", type: EntityType = "",
                        sort: EntitySort = "mentions") -> StreamingResponse:
        return StreamingResponse(views.entities_csv(stores(), q, type or None, sort), media_type="text/csv",
                                 headers={"Content-Disposition": 'attachment; filename="entities.csv"'})

    @app.get("/entities/{entity_id}", include_in_schema=False, summary="One entity")
    @app.get("/entities/{entity_id}.json", responses=not_found_response("entity"), summary="One entity")
    def entity(request: Request, entity_id: str, page: Paging, story: StoryFilter = "", kind: KindFilter = "",
               outlet: OutletFilter = "", since: SinceFilter = "", until: UntilFilter = "") -> Response:
        where = IndexFilter(story_id=story or None, outlet=outlet or None, since=since or None,
                            until=until or None, kind=kind or None)
        return render(request, "entity.html", views.entity_detail(stores(), entity_id, page, where))

    def index_filter(story: StoryFilter = "", outlet: OutletFilter = "", since: SinceFilter = "",
                     until: UntilFilter = "",
                     speaker: Annotated[str, Query(max_length=200, description="Statements (and claims "
                                                   "made in statements): this speaker's entity id.")] = "",
                     kind: KindFilter = "",
                     unit: Annotated[str, Query(max_length=50, description="Claims: this unit (USD, percent, "
                                                "troop...).")] = "",
                     subject: Annotated[str, Query(max_length=200, description="Claims: part of the "
                                                   "subject.")] = "",
                     min: Annotated[float | None, Query(description="Claims: values from this one.",
                                                        ge=-1e300, le=1e300)] = None,
                     max: Annotated[float | None, Query(description="Claims: values up to this one.",
                                                        ge=-1e300, le=1e300)] = None) -> IndexFilter:
        return IndexFilter(story or None, outlet or None, since or None, until or None, speaker or None,
                           kind or None, unit or None, subject or None, min, max)

    Filters = Annotated[IndexFilter, Depends(index_filter)]
    Sort = Annotated[str, Query(pattern="^(newest|oldest|largest|smallest)$",
                                description="Order: newest or oldest report first; claims also largest or "
                                            "smallest value first.")]

    def index_route(index: str, title: str) -> None:
        @app.get(f"/{index}", include_in_schema=False, summary=title)
        @app.get(f"/{index}.json", summary=title)
        def listing(request: Request, page: Paging, where: Filters, sort: Sort = "newest") -> Response:
            data = views.index_page(stores(), index, where, sort, page)
            return render(request, "index.html", {**data, "title": title})

        @app.get(f"/{index}.csv", summary=f"{title}: every row the filters keep, as CSV",
                 response_class=StreamingResponse,
                 responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row."}})
        def export(where: Filters, sort: Sort = "newest") -> StreamingResponse:
            return StreamingResponse(views.index_csv(stores(), index, where, sort), media_type="text/csv",
                                     headers={"Content-Disposition": f'attachment; filename="{index}.csv"'})

    index_route("statements", "Statements: who said what, newest first")
    index_route("claims", "Claims: the figures stated, newest first")
    index_route("articles", "Articles, newest first")

    @app.get("/conflicts", include_in_schema=False, summary="Conflicts between outlets")
    @app.get("/conflicts.json", summary="Conflicts between outlets")
    def conflicts(request: Request, page: Paging, all: ShowAll = False) -> Response:
        return render(request, "conflicts.html", views.conflicts_list(stores(), page, all))

    return app


DATE_PATTERN = r"^(|\d{4}(-\d{2}(-\d{2})?)?)$"


def not_found_response(what: str) -> dict:
    """The OpenAPI description of a detail route's 404."""
    schema = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
    return {404: {"description": f"No {what} with this id.",
                  "content": {"application/json": {"schema": schema}}}}


def wants_json(request: Request) -> bool:
    """JSON for a `.json` path, or for a client that asks for JSON rather than HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def highlighted_article(data: dict):
    """The article's text as HTML with its statements, quantities and dates marked."""
    marks = [Mark(s, e, "boilerplate") for s, e in data["article"]["boilerplate"]]
    for s in data["statements"]:
        who = (s["speaker"] or {}).get("name") or "unattributed"
        marks.append(Mark(s["content"]["start"], s["content"]["end"], f"statement {s['kind']}",
                          id=s["id"], title=f"{who} ({s['kind']})"))
    for q in data["quantities"]:
        marks.append(Mark(q["start"], q["end"], "quantity", id=q["id"], title=q["display"]))
    for d in data["disputes"]:
        marks.append(Mark(d["start"], d["end"], f"disputed {d['kind']}",
                          title=f"disputed ({d['status']}): {d['summary']}"))
    for t in data["timexes"]:
        marks.append(Mark(t["start"], t["end"], "timex", title=f"{t['type']} {t['value']}"))
    return highlight(data["article"]["text"], marks)


def _page_context(request: Request) -> dict:
    """What every template needs about the request: its path, its JSON twin, other pages."""
    params = dict(request.query_params)
    query = f"?{urlencode(params)}" if params else ""

    def page_url(number: int) -> str:
        return request.url.path + "?" + urlencode({**params, "page": number})

    def url_with(name: str, value) -> str:
        """This page with one filter set (or dropped, for an empty value), from its first page."""
        changed = {k: v for k, v in params.items() if k not in (name, "page")}
        if value not in (None, ""):
            changed[name] = value
        return request.url.path + ("?" + urlencode(changed) if changed else "")

    return {"path": request.url.path, "json_url": f"{request.url.path}.json{query}",
            "csv_url": f"{request.url.path}.csv{query}", "page_url": page_url, "url_with": url_with,
            "params": params, "query": params.get("q", "")}


def _snippet(snippet: str) -> Markup:
    """A search snippet, escaped, with the matched terms (FTS5 puts them in [ ]) marked."""
    return Markup(re.sub(r"\[([^\[\]]*)\]", r'<mark class="hl match">\1</mark>', str(escape(snippet))))


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_link"] = _safe_link
    env.filters["snippet"] = _snippet
    return env


def _safe_link(url: str | None) -> str | None:
    """The URL if it is a plain web address, else None (it is then shown as text only)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
