"""Text helpers shared by alignment and conflict finding: words, sentences, windows, dates, ids.

Cross-article comparison works on the words around a claim, not on the whole article, so
these helpers cut a sentence out of an article and turn it into comparable word stems.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from .. import nlp
from ..config import load_settings
from ..model import Analysis, Article, Conflict, ConflictSide, Evidence, Span
from .copies import UNKNOWN_OUTLET

Item = tuple[Article, Analysis]

# Letters of any script: names such as "Kučera" or "Atlântida" stay one word.
LETTER = r"[^\W\d_]"
WORD = re.compile(rf"{LETTER}(?:(?:{LETTER}|['’\-])*{LETTER})?|\d[\d,.]*\d|\d")
# A sentence ends at . ! ? (maybe closed by a quote mark) before a capital or an opening mark.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘'(])|\n+")
# Words before a period that do not end a sentence: months, titles, initials.
ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sen", "rep", "gov", "prof", "vs",
})
STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for from with without into onto over under about as
is are was were be been being has have had do does did will would shall should can could may might
must it its this that these those there their they them he him his she her we our us you your i me my
who whom whose which what when where why how than then so such not no all any some more most much
very also only just still even yet up down out off after before since until while during per
said says say saying told tell tells added according
""".split())
# British and American spellings that outlets mix, folded to one form.
SPELLING = {"defence": "defense", "labour": "labor", "programme": "program", "centre": "center",
            "metres": "meters", "metre": "meter", "kilometres": "kilometers", "per-cent": "percent"}


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, stable stem: lower case, one spelling, no possessive, no common suffix."""
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s").strip("'-")
    word = SPELLING.get(word, word)
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """The words of a text with their offsets (shifted by `offset`)."""
    return [(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words of a text that carry meaning, in order."""
    return [stem(w) for w, _, _ in words(text) if w.lower() not in STOPWORDS and not w.isdigit()]


@lru_cache(maxsize=1)
def sentence_parser():
    """The spaCy pipeline the settings name, loaded once, to parse single sentences."""
    return nlp.load(load_settings().spacy_model)


PARSED_KEPT = 4096  # parsed sentences kept for the run: a figure's sentence is read again per group
_parsed: OrderedDict[str, object] = OrderedDict()


def parse_sentences(sentences: Sequence[str]) -> list:
    """The parse of each sentence, in order; a sentence parsed earlier in the run is not parsed again."""
    new = list(dict.fromkeys(s for s in sentences if s not in _parsed))
    for sentence, doc in zip(new, sentence_parser().pipe(new), strict=True):
        _parsed[sentence] = doc
    found = []
    for sentence in sentences:
        _parsed.move_to_end(sentence)
        found.append(_parsed[sentence])
    while len(_parsed) > max(PARSED_KEPT, len(sentences)):
        _parsed.popitem(last=False)
    return found


def sentence_span(text: str, start: int, end: int) -> Span:
    """The sentence of `text` holding the span (start, end)."""
    starts, ends = _sentence_ends(text)
    before = bisect_right(ends, start)  # sentence ends at or before the span's start
    after = bisect_left(starts, end)  # the first sentence end at or after the span's end
    return (ends[before - 1] if before else 0), (starts[after] if after < len(starts) else len(text))


@lru_cache(maxsize=512)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where the sentences of a text end (each stop's start and end offsets), found once a text:
    every conflict, measure and date of an article asks for its sentences."""
    stops = [m for m in SENTENCE_END.finditer(text) if not _is_abbreviation(text, m.start())]
    return [m.start() for m in stops], [m.end() for m in stops]


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop - 1:stop] != ".":
        return False
    before = re.search(r"([A-Za-z]+)\.$", text[max(0, stop - 12):stop])
    return bool(before) and (before.group(1).lower() in ABBREVIATIONS or len(before.group(1)) == 1)


# "TALLINN, Jan 13 (Northern Courier) - ": where and when an article was filed, not what it says.
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,[^()\n]{0,40}\([^)\n]{0,60}\)\s*[-–—]\s*")


def body_sentence_span(article: Article, start: int, end: int) -> Span:
    """The sentence holding a span, without the dateline when it is the article's first sentence."""
    left, right = sentence_span(article.text, start, end)
    if left == 0 and (dateline := DATELINE.match(article.text)) and dateline.end() <= start:
        left = dateline.end()
    return left, right


def window(article: Article, start: int, end: int, size: int) -> list[tuple[str, int, int]]:
    """Words of the span's sentence, at most `size` on each side of it, the span's own left out."""
    left, right = body_sentence_span(article, start, end)
    before = words(article.text[left:start], left)[-size:] if size else []
    after = words(article.text[end:right], end)[:size] if size else []
    return before + after


def window_stems(article: Article, start: int, end: int, size: int) -> frozenset[str]:
    """Content stems of the words around a span, within its sentence."""
    return frozenset(stem(w) for w, _, _ in window(article, start, end, size)
                     if w.lower() not in STOPWORDS and not w[0].isdigit())


def published(article: Article, analysis: Analysis | None = None) -> date | None:
    """The article's publication day, given or inferred, or None when unknown."""
    value = article.published or (analysis.inferred_published if analysis else None)
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# In a large story each article is compared with the articles published nearest to it, not with
# every other one: groups are unions of pairs, so a chain of near pairs still joins the far ends,
# and the cost grows with the story's size instead of its square. A story of up to
# PAIR_WINDOW + 1 articles is compared pair by pair in full.
PAIR_WINDOW = 15


def publication_order(items: Sequence[Item]) -> list[int]:
    """Positions of the items sorted by publication day (undated last), then article id."""
    days = [published(article, analysis) for article, analysis in items]
    return sorted(range(len(items)), key=lambda i: (days[i] is None, days[i] or date.min, items[i][0].id))


def nearby_pairs(items: Sequence[Item], window: int = PAIR_WINDOW) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the items whose articles lie within `window` places of each other
    in publication order; every pair when there are at most `window` + 1 items."""
    order = publication_order(items)
    pairs = {(min(i, j), max(i, j))
             for place, i in enumerate(order) for j in order[place + 1:place + 1 + window]}
    return sorted(pairs)


def publication_days(items: Sequence[Item]) -> dict[str, date | None]:
    """Each article's publication day (or None), by article id."""
    return {article.id: published(article, analysis) for article, analysis in items}


def interval(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 or ISO date value covers (year, half, quarter, month, day), or None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12]))?", value[:10])
    if not m:
        return None
    year, month, day, quarter, half = m.groups()
    y = int(year)
    if day:
        d = date(y, int(month), int(day))
        return d, d
    first, months = ((int(month), 1) if month else (3 * int(quarter) - 2, 3) if quarter
                     else (6 * int(half) - 5, 6) if half else (1, 12))
    return date(y, first, 1), _month_end(y, first + months - 1)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def short_id(prefix: str, parts: Iterable[str]) -> str:
    """A stable id from a prefix and the sorted parts it stands for."""
    digest = hashlib.sha1("\x1f".join(sorted(parts)).encode("utf-8")).hexdigest()
    return f"{prefix}:{digest[:12]}"


def outlet(article: Article) -> str:
    """Who published an article: its source, or the one unknown outlet (articles without a
    source are not one outlet each)."""
    return article.source or UNKNOWN_OUTLET


class UnionFind:
    """Disjoint sets over string keys, for grouping pairwise matches."""

    def __init__(self, keys: Sequence[str] = ()) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        """The representative of the key's set."""
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        """Merge the sets of two keys; the smaller key stays representative, for stable output."""
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra

    def groups(self) -> list[list[str]]:
        """The sets, each sorted, in order of their first key."""
        by_root: dict[str, list[str]] = {}
        for key in sorted(self.parent):
            by_root.setdefault(self.find(key), []).append(key)
        return sorted(by_root.values())


def evidence_key(evidence: Evidence) -> str:
    """The place of one piece of evidence, as text for ids and sorting."""
    return f"{evidence.article_id}:{evidence.start:08d}:{evidence.end:08d}"


def make_conflict(kind: str, status: str, summary: str, sides: Sequence[ConflictSide],
                  confidence: float = 1.0, reasons: Sequence[str] = ()) -> Conflict:
    """A conflict whose id comes from its kind and evidence, so finding it again gives the same id."""
    sides = sorted(sides, key=lambda s: min(evidence_key(e) for e in s.evidence))
    ident = short_id("c", [kind] + [evidence_key(e) for s in sides for e in s.evidence])
    return Conflict(ident, kind, status, summary, tuple(sides), confidence, tuple(reasons))


def side(value: str, evidence: Iterable[Evidence]) -> ConflictSide:
    """One side of a conflict: its value, and its evidence sorted and without repeats."""
    evidence = sorted(set(evidence), key=evidence_key)
    return ConflictSide(value, tuple(sorted({e.article_id for e in evidence})), tuple(evidence))


def outlets_text(articles: Iterable[Article]) -> str:
    """"2 outlets", "1 outlet": how many distinct outlets some articles come from."""
    count = len({outlet(a) for a in articles})
    return f"{count} outlet{'s' if count != 1 else ''}"


def phrase_tokens(token, deps) -> list:
    """A word with the words that modify it through the given dependencies, recursively."""
    found = [token]
    for child in token.children:
        if child.dep_ in deps:
            found += phrase_tokens(child, deps)
    return found


# Who ran a poll: the capitalised words right before "poll" or "survey" ("a Fox News poll", "the
# AP-GfK Poll", "Quinnipiac University survey"), before "conducted its poll" ("Monmouth conducted
# its poll"), or after a poll's "conducted by" ("The survey, conducted by the Public Policy
# Institute of California").
POLLSTER = re.compile(r"((?:[A-Z][\w&/.-]*\s+){1,4})(?:conducted\s+(?:its|the|a|this)\s+(?:\w+\s+)?)?"
                      r"(?:[Pp]oll|[Ss]urvey)s?\b")
CONDUCTED_BY = re.compile(r"\b(?:[Pp]oll|[Ss]urvey)s?,?\s+(?:was\s+)?conducted\s+by\s+(?:the\s+)?"
                          r"((?:[A-Z][\w&/.-]*(?:\s+of)?\s*){1,6})")
NOT_POLLSTERS = frozenset({"the", "a", "an", "new", "latest", "national", "exit", "online", "recent", "poll"})


@lru_cache(maxsize=1024)
def pollsters(text: str) -> frozenset[str]:
    """The names of the polls a text cites, lower case ("fox news", "ap-gfk", "quinnipiac university")."""
    found = set()
    for match in [*POLLSTER.finditer(text), *CONDUCTED_BY.finditer(text)]:
        words = [w for w in match[1].split() if w.lower() not in NOT_POLLSTERS]
        if words:
            found.add(" ".join(words).lower())
    return frozenset(found)
