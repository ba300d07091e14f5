"""RSS and Atom feed files through feedparser: one article an entry."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .files import MARKUP_FACTOR, check_text, looks_binary, read_capped, stable_id

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def read_feed_file(path: Path, limit_chars: int, encoding: str = "") -> Iterator[Article | InputError]:
    """Yield each entry of an RSS/Atom feed as an article, or the problem with it."""
    import feedparser  # loaded with the first feed read: most runs read none

    data = read_capped(path, limit_chars * MARKUP_FACTOR)
    if looks_binary(data):
        raise InputError(path, "looks like a binary file, not a feed")
    feed = feedparser.parse(data, response_headers=_headers(encoding))
    if not feed.entries:
        reason = f"malformed feed: {feed.bozo_exception}" if feed.bozo else "feed has no entries"
        raise InputError(path, reason)
    if feed.bozo and not isinstance(feed.bozo_exception, feedparser.CharacterEncodingOverride):
        # Recovered what it could from broken XML: report the damage, keep the entries.
        yield InputError(path, f"malformed feed (entries read in part): {feed.bozo_exception}")
    source = feed.feed.get("title") or None
    language = (feed.feed.get("language") or "")[:2].lower() or None
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_article(entry, path, number, limit_chars, source, language)
        except InputError as exc:
            yield exc


def _headers(encoding: str) -> dict:
    return {"content-type": f"application/xml; charset={encoding}"} if encoding else {}


def _entry_article(entry, path, number, limit_chars, source, language) -> Article:
    where = f"entry {number}"
    body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
    text = check_text(html_fragment_text(body), path, limit_chars, where)
    key = entry.get("id") or entry.get("link") or f"{path}#{number}"
    return Article(
        id=stable_id(key, prefix="feed-"),
        text=text,
        source=source,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        published=_entry_date(entry),
        language=language,
        path=str(path),
    )


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
