"""The briefing: per story, who said what, the key numbers, the conflicts and a timeline, as
Markdown or as one self-contained HTML file. Both read `story_view`, so they say what the CLI
and the web UI say; every quote, number and piece of evidence cites its article's characters."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Article
from ..store import Store
from .export import statement_record
from .numbers import readable
from .story import story_view
from .timeline import sentence_around

MAIN_SPEAKERS = 3  # whose ungrouped statements a story lists too
ALSO_SAID = 3  # at most this many ungrouped statements a speaker
TIMELINE_ROWS = 60  # a story's timeline stops here, with a note of how many more there were
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]")
QUOTE_MARKS = "\"'“”‘’«»„"
_SPACES = re.compile(r"\s+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Briefing:
    """The stories of a briefing (story views with `also_said`) and every article they cite."""

    stories: list[dict]
    articles: dict[str, Article]

    def outlet(self, article_id: str) -> str:
        """The outlet of an article; one without a source is its own outlet, as in corroboration."""
        article = self.articles.get(article_id)
        return (article.source if article else None) or article_id

    def context(self, article_id: str, start: int, end: int) -> tuple[str, str, str]:
        """The sentence around a span, as (before, span, after), whitespace collapsed."""
        text = self.articles[article_id].text
        left, right = sentence_around(text, start, end)
        left, right = min(left, start), max(right, end)
        pieces = ((left, start), (start, end), (end, right))
        before, span, after = (_SPACES.sub(" ", text[a:b]) for a, b in pieces)
        return before.lstrip(), span, after.rstrip()


def build_briefing(store: Store, story_ids: list[str] | None = None, show_all: bool = False) -> Briefing:
    """Collect the chosen stories (default: all, most covered first) and their articles; the
    less certain conflicts only with `show_all`."""
    ids = list(story_ids) if story_ids else [s.id for s in store.iter_stories()]
    views = [story_view(store, story_id, show_all=show_all) for story_id in dict.fromkeys(ids)]
    views = [v for v in views if v["articles"]]
    articles = {a["id"]: store.get_article(a["id"]) for v in views for a in v["articles"]}
    for view in views:
        _cite_outside_articles(store, view, articles)
        view["also_said"] = also_said(store, view, articles)
    return Briefing(views, articles)


def briefing_markdown(store: Store, story_ids: list[str] | None = None, show_all: bool = False) -> str:
    """The briefing as Markdown: links to article URLs where known, always `article@start-end`."""
    from .briefing_md import render_markdown

    return render_markdown(build_briefing(store, story_ids, show_all))


def briefing_html(store: Store, story_ids: list[str] | None = None, show_all: bool = False) -> str:
    """The briefing as one self-contained HTML page, with an appendix of the cited articles."""
    from .briefing_html import render_html

    return render_html(build_briefing(store, story_ids, show_all))


def _cite_outside_articles(store: Store, view: dict, articles: dict[str, Article]) -> None:
    """Evidence may come from an article outside the story; load it too."""
    for conflict in view["conflicts"]:
        for side in conflict["sides"]:
            for evidence in side["evidence"]:
                if evidence["article_id"] not in articles:
                    articles[evidence["article_id"]] = store.get_article(evidence["article_id"])


def also_said(store: Store, view: dict, articles: dict[str, Article]) -> list[dict]:
    """The ungrouped statements of the story's main speakers: [{speaker, statements}]."""
    loose: dict[str, list[dict]] = {}
    counts: Counter[str] = Counter()
    for article_id in view["article_ids"]:
        for statement in store.iter_statements(article_id):
            if not statement.speaker_name:
                continue
            counts[statement.speaker_name] += 1
            if statement.group_id is None:
                record = statement_record(statement, articles[article_id].text)
                loose.setdefault(statement.speaker_name, []).append(record)
    main = sorted(counts, key=lambda name: (-counts[name], name))[:MAIN_SPEAKERS]
    return [{"speaker": name, "statements": loose[name][:ALSO_SAID],
             "more": max(0, len(loose[name]) - ALSO_SAID)} for name in main if name in loose]


def outlet_counts(briefing: Briefing, views: list[dict]) -> list[tuple[str, int]]:
    """Articles per outlet over some stories, most first."""
    counts = Counter(briefing.outlet(a["id"]) for v in views for a in v["articles"])
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def story_outlets(briefing: Briefing, view: dict) -> list[str]:
    """The outlets that covered a story, in order of first publication."""
    return list(dict.fromkeys(briefing.outlet(a["id"]) for a in view["articles"]))


def dated_days(view: dict) -> list[dict]:
    """Timeline entries dated to a day (what the timeline chart can place)."""
    return [e for e in view["timeline"] if _DAY.match(e["date"])]


def anchor_id(article_id: str, start: int, end: int) -> str:
    """The HTML id of a cited span in the appendix: `a-ARTICLE-START-END`."""
    return f"a-{safe_id(article_id)}-{start}-{end}"


def safe_id(article_id: str) -> str:
    """An article id usable inside an HTML id and a URL fragment, distinct for distinct ids."""
    cleaned = _UNSAFE_ID.sub("_", article_id)
    if cleaned == article_id:
        return cleaned
    return f"{cleaned}_{hashlib.sha1(article_id.encode()).hexdigest()[:8]}"


def quantity_label(record: dict) -> str:
    """A quantity's value as a reader writes it ("more than $700 billion", "two-thirds")."""
    return readable(record["value"], record.get("unit"), record.get("change"))


def quoted(text: str) -> str:
    """Text in quotation marks, unless it comes with its own."""
    text = " ".join(text.split())
    return text if text[:1] in QUOTE_MARKS else f"“{text}”"


def scope_label(record: dict) -> str:
    """A quantity's time scope as `from – to`, or an empty string."""
    scope = record.get("scope")
    if not scope:
        return ""
    return f"{scope['from'] or '…'} – {scope['to'] or '…'}"


def date_range(view: dict) -> str:
    """A story's publication dates, or 'undated', and its events' when it has more than one."""
    span = day_span(view["start"], view["end"])
    events = view.get("events", [])
    if len(events) > 1:
        span += f" ({len(events)} events: {', '.join(day_span(e['start'], e['end']) for e in events)})"
    return span


def day_span(start: str | None, end: str | None) -> str:
    """ "2025-03-03 – 2025-03-05", one day once, or 'undated'."""
    return " – ".join(dict.fromkeys(d[:10] for d in (start, end) if d)) or "undated"
