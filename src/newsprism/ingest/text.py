"""Plain-text articles: one file, one article; the stored text is the file's text, unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .files import check_text, decode, looks_binary, normalize_date, read_capped

# A leading metadata line as scrapers write it: "date 2025-01-13" (the text may go on after it).
_DATE_LINE = re.compile(
    r"\A[ \t\ufeff]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)[ \t]*\r?\n?",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
FRONT_MATTER_KEYS = {"title", "source", "published", "date", "url", "language", "id"}
MAX_TITLE_CHARS = 200


def read_text_file(path: Path, limit_chars: int, encoding: str = "") -> Iterator[Article]:
    """Yield the one article in a `.txt` (or `.txt.gz`) file."""
    data = read_capped(path, limit_chars * 4)
    if looks_binary(data):
        raise InputError(path, "looks like a binary file, not text")
    text = check_text(decode(data, path, encoding), path, limit_chars)
    meta, header_end = parse_header(text)
    stem = path.name.split(".")[0] if path.name.endswith(".gz") else path.stem
    yield Article(
        id=meta.get("id") or stem,
        text=text,
        source=meta.get("source"),
        title=meta.get("title") or guess_title(text, header_end),
        url=meta.get("url"),
        published=normalize_date(meta.get("published") or meta.get("date")),
        language=meta.get("language"),
        path=str(path),
        boilerplate=((0, header_end),) if header_end else (),
    )


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Metadata from front matter or a leading `date ...` line, and where the header ends."""
    match = _FRONT_MATTER.match(text)
    if match:
        fields = {k.lower(): v.strip("\"'") for k, v in _FIELD.findall(match.group(1))}
        return {k: v for k, v in fields.items() if k in FRONT_MATTER_KEYS and v}, match.end()
    match = _DATE_LINE.match(text)
    if match:
        return {"published": match.group(1)}, match.end()
    return {}, 0


def guess_title(text: str, start: int = 0) -> str | None:
    """The first line after the header, when it is short enough to be a headline."""
    lines = text[start:].lstrip().splitlines()
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    return first if 0 < len(first) <= MAX_TITLE_CHARS else None
