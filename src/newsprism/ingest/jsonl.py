"""JSON Lines: one article an object a line; the stored text is the `text` field, unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, content_hash
from .files import check_text, decode, normalize_date, open_binary

_OPTIONAL = ("source", "title", "url", "language")


def read_jsonl_file(path: Path, limit_chars: int, encoding: str = "") -> Iterator[Article | InputError]:
    """Yield each line's article, or the problem with that line; one bad line spoils no other.
    A file with no record at all is a problem, as an empty text file is."""
    records = 0
    try:
        with open_binary(path) as fh:
            for lineno, raw in enumerate(fh, start=1):
                if raw.strip():
                    records += 1
                    yield _parse_line(raw, path, lineno, limit_chars, encoding)
    except (OSError, EOFError) as exc:
        yield InputError(path, f"cannot read file: {exc}")
        return
    if not records:
        yield InputError(path, "no records (the input is empty)")


def _parse_line(raw: bytes, path: Path, lineno: int, limit_chars: int, encoding: str):
    where = f"line {lineno}"
    try:
        record = json.loads(decode(raw, path, encoding, where=where))
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # json's "Invalid control character at"
        return InputError(path, f"invalid JSON: {message} at column {exc.colno}", where)
    except InputError as exc:
        return exc
    if not isinstance(record, dict):
        return InputError(path, "a line must hold a JSON object", where)
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(path, "record has no string field 'text'", where)
    try:
        check_text(text, path, limit_chars, where)
    except InputError as exc:
        return exc
    return _article(record, text, path)


def _article(record: dict, text: str, path: Path) -> Article:
    ident = str(record.get("id") or "").strip() or "h" + content_hash(text)[:16]
    extra = {k: str(record[k]) for k in _OPTIONAL if record.get(k) not in (None, "")}
    published = record.get("published") or record.get("date")
    return Article(id=ident, text=text, published=normalize_date(published), path=str(path), **extra)
