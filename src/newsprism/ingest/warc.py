"""WARC crawls (CC-NEWS and the like): HTML responses only, each through the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .files import MARKUP_FACTOR, stable_id
from .html import html_to_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, limit_chars: int, encoding: str = "") -> Iterator[Article | InputError]:
    """Yield an article for each HTML response record; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator  # loaded with the first archive read
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with path.open("rb") as fh:
            head = fh.read(5)
            if not (head == b"WARC/" or head.startswith(b"\x1f\x8b")):
                raise InputError(path, "not a WARC file (it does not start with a WARC record)")
            fh.seek(0)
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if _is_html_response(record):
                    yield _record_article(record, path, number, limit_chars, encoding)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputError(path, f"malformed WARC after record {number}: {exc}")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode()
    return status == "200" and content_type.startswith(_HTML_TYPES)


def _record_article(record, path: Path, number: int, limit_chars: int, encoding: str):
    where = f"record {number}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(limit_chars * MARKUP_FACTOR + 1)
    if len(payload) > limit_chars * MARKUP_FACTOR:
        return InputError(path, "HTML payload is over the size limit", where)
    if getattr(record.raw_stream, "limit", 0) > 0:
        # Fewer bytes than the record's Content-Length: the file was cut short.
        return InputError(path, "record is truncated (the file ends inside it)", where)
    try:
        return html_to_article(payload, stable_id(url or f"{path}#{number}", prefix="warc-"),
                               path, limit_chars, url=url, encoding=encoding, where=where)
    except InputError as exc:
        return exc
