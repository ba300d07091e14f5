"""Readers: turn files (text, HTML, JSONL, RSS/Atom, WARC; gzipped or not) into Articles.

Every reader is a generator, so a corpus of any size streams through in constant memory.
A reader yields an `InputError` for a bad record and goes on; a bad file is one error.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..clean import guess_language, mark_boilerplate
from ..config import Settings
from ..errors import InputError
from ..model import Article
from .feeds import read_feed_file
from .html import read_html_file
from .jsonl import read_jsonl_file
from .text import read_text_file
from .warc import read_warc_file

Reader = Callable[[Path, int, str], Iterable[Article | InputError]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
    ".warc": read_warc_file,
}


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name, looking through a `.gz` suffix."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".warc", ".gz"]:
        return read_warc_file  # WARC gzips each record; warcio reads that itself
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return READERS.get(suffixes[-1]) if suffixes else None


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[Path | InputError]:
    """Files named by the inputs: files as given, directories recursively, globs expanded."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and reader_for(p))
        elif path.is_file():
            yield path
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            yield from (p for p in matches if p.is_file() and reader_for(p))
        else:
            yield InputError(path, "no such file or directory")


def skipped_files(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """The files inside the directories and globs of the inputs that no reader takes (.png,
    .docx): left out of the reading, and reported as such."""
    skipped = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            skipped += [p for p in sorted(path.rglob("*")) if p.is_file() and not reader_for(p)]
        elif not path.exists() and glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            skipped += [p for p in matches if p.is_file() and not reader_for(p)]
    return skipped


def read_articles(inputs: Iterable[str | os.PathLike], settings: Settings | None = None
                  ) -> Iterator[Article | InputError]:
    """Every article in the inputs, cleaned, or the problem met while reading it."""
    settings = settings or Settings()
    for path in expand_inputs(inputs):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_file(path, settings)


def read_file(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    """The articles of one file; any failure becomes an InputError for this file."""
    reader = reader_for(path)
    if reader is None:
        yield InputError(path, f"unsupported file type {''.join(path.suffixes) or '(none)'}; "
                               f"known: {', '.join(sorted(READERS))} (optionally .gz)")
        return
    try:
        for item in reader(path, settings.max_text_chars, settings.encoding):
            yield item if isinstance(item, InputError) else finish(item)
    except InputError as exc:
        yield exc
    except (OSError, EOFError) as exc:
        yield InputError(path, f"cannot read file: {exc}")


def finish(article: Article) -> Article:
    """Mark boilerplate and fill in the language when the reader could not."""
    article = mark_boilerplate(article)
    if article.language is None:
        article = article.with_(language=guess_language(article.text))
    return article


__all__ = ["READERS", "expand_inputs", "read_articles", "read_file", "reader_for"]
