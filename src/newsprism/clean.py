"""Scraping debris: find it, keep it in the stored text, and hide it from analysis.

Offsets never shift. Boilerplate is a list of spans; `analysis_text` blanks those spans
with spaces (keeping line breaks), so every offset found in the analysed text is also an
offset into the stored text.
"""

from __future__ import annotations

import re

from .model import Article, Span

# A line that introduces a link to another article: the line itself and, when it stands
# alone, the linked headline on the next line are debris.
_LINK_CUE = re.compile(
    r"^[ \t]*(?:read|see|also read|read more|more|related|watch|listen)(?:[ \t]+(?:also|more|next|too))?"
    r"[ \t]*(?:[:>»|\-–—][ \t]*(?P<rest>.*))?[ \t]*$",
    re.IGNORECASE,
)
_DEBRIS_LINE = re.compile(
    r"^[ \t]*(?:advertisement|subscribe to (?:our|the) newsletter.*|share (?:this|on) .*|"
    r"follow us on .*|click here .*|sign up for .*|photo: .*|image: .*|©.*)[ \t]*$",
    re.IGNORECASE,
)
MAX_LINKED_HEADLINE = 160
_ENGLISH = frozenset(
    "the of and to in a is that for on with as was by he it at said from his be have are "
    "has this not but an they were which its had their been will would who".split()
)


def boilerplate_spans(text: str) -> list[Span]:
    """Spans of link cues ("Read also" + headline) and debris lines, in text order."""
    lines = _lines(text)
    spans: list[Span] = []
    skip_next = False
    for start, end in lines:
        line = text[start:end]
        if skip_next and line.strip() and len(line.strip()) <= MAX_LINKED_HEADLINE:
            spans.append((start, end))
            skip_next = False
            continue
        skip_next = False
        cue = _LINK_CUE.match(line)
        if cue or _DEBRIS_LINE.match(line):
            spans.append((start, end))
            skip_next = bool(cue) and not (cue.group("rest") or "").strip()
    return spans


def _lines(text: str):
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def mark_boilerplate(article: Article) -> Article:
    """The article with debris spans added to any its reader already marked (a header)."""
    found = set(article.boilerplate) | set(boilerplate_spans(article.text))
    return article.with_(boilerplate=tuple(sorted(found)))


def analysis_text(article: Article) -> str:
    """The stored text with boilerplate blanked out; same length, same offsets."""
    text = article.text
    if not article.boilerplate:
        return text
    parts, cursor = [], 0
    for start, end in article.boilerplate:
        start = max(start, cursor)
        if end <= start:
            continue
        parts.append(text[cursor:start])
        parts.append(re.sub(r"[^\r\n]", " ", text[start:end]))
        cursor = max(cursor, end)
    parts.append(text[cursor:])
    return "".join(parts)


def guess_language(text: str) -> str | None:
    """'en' when common English function words are frequent; None when it cannot tell."""
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) < 20:
        return None
    return "en" if sum(w in _ENGLISH for w in words) / len(words) > 0.2 else None
