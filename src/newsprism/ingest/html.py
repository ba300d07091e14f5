"""HTML pages through trafilatura: main text, title, publication date, site name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .files import MARKUP_FACTOR, check_text, decode, looks_binary, normalize_date, read_capped

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def read_html_file(path: Path, limit_chars: int, encoding: str = "") -> Iterator[Article]:
    """Yield the article of one HTML page."""
    stem = path.name.split(".")[0] if path.name.endswith(".gz") else path.stem
    yield html_to_article(read_capped(path, limit_chars * MARKUP_FACTOR), stem, path,
                          limit_chars, encoding=encoding)


def html_to_article(data: bytes, ident: str, path, limit_chars: int, url: str | None = None,
                    encoding: str = "", where: str | None = None) -> Article:
    """Extract an article from raw HTML bytes; raise InputError when there is none."""
    if looks_binary(data):
        raise InputError(path, "looks like a binary file, not HTML", where)
    declared = _META_CHARSET.search(data[:4096])
    markup = decode(data, path, encoding, declared.group(1).decode("ascii") if declared else None,
                    where)
    import trafilatura  # loaded with the first page read: most runs read no HTML

    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True,
                                          include_comments=False)
    except Exception as exc:  # trafilatura raises many lxml/parser errors on broken pages
        raise InputError(path, f"malformed HTML: {exc}", where) from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(path, "no article text found in the HTML page", where)
    text = check_text(doc.text, path, limit_chars, where)
    lang = _HTML_LANG.search(markup[:4096])
    return Article(
        id=ident,
        text=text,
        source=doc.sitename or doc.hostname or None,
        title=doc.title or None,
        url=url or doc.url or None,
        published=normalize_date(doc.date),
        language=lang.group(1).lower() if lang else None,
        path=str(path),
    )
