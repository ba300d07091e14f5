"""Character-span helpers shared by the stages: every span is (start, end) into the text."""

from __future__ import annotations

import re

# Characters trimmed from the ends of a content span (quotation marks are kept).
STRIP = " \t\r\n,.;:—–-"


def doc_text(doc) -> str:
    """A Doc's text, computed once: spaCy rebuilds `doc.text` from its tokens on every call."""
    text = doc.user_data.get("newsprism_text")
    if text is None:
        text = doc.user_data["newsprism_text"] = doc.text
    return text


def strip_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without outer spaces and punctuation, or None when nothing is left."""
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return (start, end) if end > start else None


def token_span(doc, start: int, end: int) -> tuple[int, int] | None:
    """A token range [start, end) as a stripped character span."""
    if end <= start:
        return None
    return strip_chars(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def char_span(token) -> tuple[int, int]:
    """The characters of one token."""
    return token.idx, token.idx + len(token)


def paragraph_spans(text: str):
    """(start, end) of each non-blank line: scraped articles put one paragraph a line."""
    start = 0
    while (index := text.find("\n", start)) >= 0:
        if not text[start:index].isspace() and index > start:
            yield start, index
        start = index + 1
    if text[start:].strip():
        yield start, len(text)


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding an offset begins."""
    return text.rfind("\n", 0, at) + 1


def overlaps(a, b) -> bool:
    """True when two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


LETTER_WORD = re.compile(r"[^\W\d_]+")


def line_span(text: str, at: int) -> tuple[int, int]:
    """The line of the text holding position `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, end if end >= 0 else len(text)


def title_case_line(text: str, at: int) -> bool:
    """Whether the line holding position `at` is a headline: three to 25 words, seven in ten of
    them capitalised ("Vincent Gigante, Mafia Leader Who Feigned Insanity, Dies at 77")."""
    start, end = line_span(text, at)
    words = LETTER_WORD.findall(text, start, end)
    return 3 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
