"""Time expressions: dates, times, durations and sets, with TIMEX3 values resolved against
the publication date; and the publication date itself, inferred from the text when missing.

The expressions are found by the rules of `timegrammar` (regular expressions, cheap next to
the parse) and resolved by `timedates` and `timeperiods`, one resolver per rule; the spaCy
parse only supplies the tense of the governing verb ("will meet on Monday" is the Monday
after publication) and rejects readings a pattern cannot ("May" the modal verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..model import Article, Timex
from . import timedates as dates
from . import timeperiods as periods
from .textspans import doc_text
from .timecalendar import FUTURE, PAST, PRESENT, make_date, parse_anchor
from .timedates import Context, Resolved
from .timegrammar import MONTHS, WEEKDAYS, YEAR_CUES, Candidate, scan

FUTURE_AUX = frozenset({"will", "'ll", "\u2019ll", "shall", "wo", "would"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "\u2019ve"})
CONTEXT_CHARS = 80  # how much text before and after a match its resolver may look at
# Words just before a date that put it ahead of the report whatever the verb's tense:
# "planned a rally on Saturday", "is to resume trading Tuesday", "as soon as Tuesday".
_LEAD_WORD = (r"\b(?:will|shall|'ll|\u2019ll|plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|set\s+to"
              r"|expected\s+to|due\s+to|is\s+to|are\s+to|as\s+(?:soon|early)\s+as|until"
              r"|postpon(?:e|es|ed|ing)|deadline|upcoming)\b")
_FUTURE_LEAD = re.compile(_LEAD_WORD + r"[^.;!?]*$", re.IGNORECASE)
_LEAD = re.compile(_LEAD_WORD, re.IGNORECASE)


RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved]] = {
    "iso": dates.iso, "numeric": dates.numeric, "month_day": dates.month_day, "month": dates.month,
    "day_of_month": dates.day_of_month,
    "year": dates.year, "year_words": dates.year_words, "decade": dates.decade, "century": dates.century,
    "quarter": dates.quarter, "quarter_ref": dates.quarter_ref, "quarter_code": dates.quarter_code,
    "half": dates.half,
    "rel_unit": dates.rel_unit, "year_ref": dates.year_ref, "year_adj": dates.year_adj,
    "unit_edge": dates.unit_edge, "ago": dates.ago, "deictic": dates.deictic, "day_word": dates.day_word,
    "weekday": dates.weekday, "weekend": dates.weekend, "season": dates.season, "holiday": dates.holiday,
    "clock": periods.clock, "duration": periods.duration, "duration_vague": periods.duration_vague,
    "duration_adj": periods.duration_adj, "set": periods.set_,
}


def find_timexes(doc, article: Article) -> list[Timex]:
    """The time expressions of an article, with TIMEX3 values resolved against its publication date."""
    text = doc_text(doc)
    anchor = parse_anchor(article.published)
    financial = "quarter" in text.casefold()
    found = []
    for cand in scan(text):
        if not plausible(cand, doc, text):
            continue
        resolved = RESOLVERS[cand.rule](cand, context(cand, doc, text, anchor, financial))
        if resolved:
            kind, value = resolved
            found.append(Timex(article.id, cand.start, cand.end, text[cand.start:cand.end], kind, value))
    return found


def context(cand: Candidate, doc, text: str, anchor: date | None, financial: bool = False) -> Context:
    """What the resolver of a match may know: the anchor, the tense, the text around it."""
    before = text[max(0, cand.start - CONTEXT_CHARS):cand.start].rsplit("\n", 1)[-1]
    after = text[cand.end:cand.end + CONTEXT_CHARS].split("\n", 1)[0]
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return Context(anchor, _tense(span, before, cand.start), before, after, financial)


def _tense(span, before: str, start: int) -> str | None:
    """The tense a date is read in: future after a lead word ("planned a rally on Saturday"),
    unless a past verb between that word and the date governs it ("will now begin on June 26,
    organisers announced on Monday": the announcement is past)."""
    tail = before[-60:]
    lead = _FUTURE_LEAD.search(tail)
    tense = tense_of(span)
    if lead is None:
        return tense
    if tense == PAST:
        last_lead_end = start - len(tail) + max(m.end() for m in _LEAD.finditer(tail, lead.start()))
        if governing_verb(span.root).idx >= last_lead_end:
            return PAST
    return FUTURE


def plausible(cand: Candidate, doc, text: str) -> bool:
    """Whether a match reads as a time expression where the pattern alone cannot tell."""
    if cand.rule == "year":
        return _year_is_date(cand, doc, text)
    if cand.rule == "month" and len(cand.groups) == 1:
        token = _token_at(doc, cand.start)
        return token is None or token.tag_ != "MD" and token.pos_ != "VERB"
    return True


def _year_is_date(cand: Candidate, doc, text: str) -> bool:
    # A bare four-digit number is a year after "in", "since", "fiscal"... or when spaCy says so.
    if set(cand.groups) - {"y"}:
        return True
    words = re.findall(r"[\w.']+", text[max(0, cand.start - 20):cand.start].casefold())
    if words and words[-1] in YEAR_CUES:
        return True
    token = _token_at(doc, cand.start)
    return token is not None and token.ent_type_ == "DATE"


def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# --- tense -------------------------------------------------------------------------------------


def tense_of(span) -> str | None:
    """PAST, PRESENT or FUTURE from the verb governing a span, or None without a parse."""
    if span is None or not span.doc.has_annotation("DEP"):
        return None
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else None


def governing_verb(token):
    """The nearest verb up the dependency tree from a token (itself included)."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:  # spaCy makes a new Token object on each access
            return None
        token = token.head
    return token


def verb_tense(verb) -> str | None:
    """The tense of a verb with its auxiliaries; perfects count as past, "would" as future."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowered = {aux.lower_ for aux in auxes} | ({verb.lower_} if verb.tag_ == "MD" else set())
    if lowered & FUTURE_AUX or _going_to(verb):
        return FUTURE
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes) or lowered & PERFECT_AUX:
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxes):
        return PRESENT
    # An infinitive ("agreed to meet Monday") leaves the time open: measured, guessing either way loses.
    return None


def _going_to(verb) -> bool:
    head = verb.head
    return verb.tag_ == "VB" and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


# --- publication date ---------------------------------------------------------------------------

_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|\u2019ll|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+scheduled"
    r"|are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|plans?\s+to|upcoming)\b", re.IGNORECASE)
_WEEKDAY_DATE = re.compile(r"^(\w+)\.?,?\s+(?:the\s+)?(?:(\w+)\.?\s+(\d+)|(\d+)\w*\s+(?:of\s+)?(\w+))",
                           re.IGNORECASE)
_STATED_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def infer_published(article: Article, timexes: list[Timex]) -> str | None:
    """The publication date (ISO) an undated article implies, or None when its text cannot tell.

    Rule: a date with its year (or whose weekday fixes the year, "Monday, January 20" ->
    the first year on or after the latest year the article mentions in which January 20 is
    a Monday) is a bound. One said in the future ("will assume the presidency on Monday,
    January 20") is an upper bound: publication is before it. Any other is a lower bound:
    publication is on or after it. The estimate is the latest lower bound that stays
    below the upper bounds; failing that, the day before the earliest upper bound.
    """
    lower, upper = publication_bounds(article, timexes)
    if lower is not None and (upper is None or lower < upper):
        return lower.isoformat()
    return (upper - timedelta(days=1)).isoformat() if upper is not None else None


def publication_bounds(article: Article, timexes: list[Timex]) -> tuple[date | None, date | None]:
    """(latest date said as past or present, earliest date said as future) of the full dates."""
    text = article.text
    latest_year = max((int(y) for y in _STATED_YEAR.findall(text)), default=None)
    lower = upper = None
    for timex in timexes:
        day = _explicit_date(timex, latest_year)
        if day is None:
            continue
        if _said_as_future(text, timex.start):
            upper = day if upper is None else min(upper, day)
        else:
            lower = day if lower is None else max(lower, day)
    return lower, upper


def _explicit_date(timex: Timex, latest_year: int | None) -> date | None:
    if timex.type != "DATE" or len(timex.value) != 10:
        return None
    if not timex.value.startswith("XXXX-"):
        return parse_anchor(timex.value) if _STATED_YEAR.search(timex.text) else None
    return _weekday_fixed_date(timex.text, latest_year)


def _weekday_fixed_date(text: str, latest_year: int | None) -> date | None:
    """The date of "Monday, January 20" in the first fitting year from the latest year mentioned."""
    match = _WEEKDAY_DATE.match(text)
    if match is None or latest_year is None or match.group(1).casefold() not in WEEKDAYS:
        return None
    weekday = WEEKDAYS[match.group(1).casefold()]
    month_name, day = (match.group(2), match.group(3)) if match.group(2) else (match.group(5), match.group(4))
    month = MONTHS.get(month_name.casefold())
    for year in range(latest_year, latest_year + 12):
        found = make_date(year, month, int(day)) if month else None
        if found is not None and found.isoweekday() == weekday:
            return found
    return None


def _said_as_future(text: str, start: int) -> bool:
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? ")) + 1
    return bool(_FUTURE_CUE.search(text, sentence_start, start))


def date_article(doc, article: Article) -> tuple[Article, list[Timex]]:
    """The article (with an inferred, marked publication date when it had none) and its timexes."""
    timexes = find_timexes(doc, article)
    if article.published:
        return article, timexes
    inferred = infer_published(article, timexes)
    if inferred is None:
        return article, timexes
    dated = article.with_(published=inferred, published_inferred=True)
    return dated, find_timexes(doc, dated)


__all__ = ["PAST", "PRESENT", "FUTURE", "date_article", "find_timexes", "infer_published",
           "publication_bounds"]
