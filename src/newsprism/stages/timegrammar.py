"""The patterns that find time expressions in text, and the words they are built from.

Each rule is one regular expression with named groups; `scan` runs them all and keeps the
longest matches that do not overlap. What a match means is decided in `timedates` and
`timeperiods`, one resolver per rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
# Unit codes: MIN is the minute, FN the fortnight, DE the decade, CE the century.
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE",
}
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# Amounts that say "some number of": the TIMEX3 value writes them as X (PXY).
VAGUE = ("a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of",
         "thousands of", "tens of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Fixed days as (month, day); moving feasts by name, computed in `timedates`.
HOLIDAYS = {
    "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "Christmas": (12, 25),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Halloween": (10, 31),
    "Independence Day": (7, 4), "July Fourth": (7, 4), "Fourth of July": (7, 4),
    "Valentine's Day": (2, 14), "Thanksgiving Day": "THANKSGIVING", "Thanksgiving": "THANKSGIVING",
    "Election Day": "ELECTION", "Easter Sunday": "EASTER", "Easter": "EASTER",
    "Labor Day": "LABOR", "Memorial Day": "MEMORIAL",
}
# Words for the present, past and future as such. Left out because in news they mostly are
# not time expressions: "once", "previously", "soon", "so far", and the adjectives "future"
# and "recent" (measured on TempEval-3's training data).
DEICTIC = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at this moment": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}
# "quarterly" and "annually" are left out: in business news they mostly qualify amounts.
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "monthly": "P1M", "bimonthly": "P2M", "yearly": "P1Y", "hourly": "PT1H",
               "semiannually": "P6M"}
# Words after which a bare four-digit number is a year, not an amount.
YEAR_CUES = frozenset("in since from to until till by before after during of through between and "
                      "or early late mid fiscal year end spring summer fall autumn winter the "
                      "around about circa c. ca. pre post".split())


def _alt(words) -> str:
    """A regex alternation of words, longest first so that "Sept" wins over "Sep"."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


# Month and weekday names must be capitalised: "may", "march" and "sun" are common words.
MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
# An abbreviation needs its full stop, except after a day: "postponed to 23 Oct".
MONTH_SHORT = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
MONTH_ABBR = rf"{MONTH_SHORT}\."
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?-i:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+\d))"
WEEKDAY = (r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
           r"|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"
YEAR = r"(?<![\d$£€#,.])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)"
NUMBER_WORD = rf"(?:(?:{_alt(TENS)})(?:[\s-]+(?:{_alt(ONES)}))?|{_alt(ONES)}|hundred|thousand)"
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+|\s+1/2|\u00bd)?"
          rf"|{NUMBER_WORD}(?:[\s-]+and[\s-]+a[\s-]+half)?|a[\s-]+couple[\s-]+of|a\s+dozen|an?|{_alt(VAGUE)})")
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
EDGE = (r"(?:(?P<edge>early|late|mid|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of|end\s+of"
        r"|the\s+(?:first|second|latter)\s+half\s+of|earlier|later)[\s-]+)")
APPROX = (r"(?:about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|fewer\s+than"
          r"|over|under|up\s+to|at\s+least|at\s+most|no\s+more\s+than|within|some|just|only)")
PART = rf"(?:{_alt(DAY_PARTS)})"
DAY_WORD = r"(?:today|yesterday|tomorrow|tonight)"
ZONE = r"(?:[ECMP][SD]T|GMT|UTC|local\s+time)"
SEASON = rf"(?:{_alt(SEASONS)})"
DECADE_WORDS = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
YEAR_WORDS = (rf"(?:nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?:{_alt(TENS)}|{_alt(ONES)})"
              rf"(?:[\s-]+(?:{_alt(ONES)}))?)")
REL = r"(?P<rel>last|next|this(?:\s+coming|\s+past)?|the\s+(?:following|previous))"
OFFSET = (r"(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+(?:past|previous|coming|current"
          r"|following|last|next|latest|prior|preceding|same))")
QUARTER_WHICH = (r"latest|current|recent|previous|past|last|most\s+recent|same|comparable|corresponding"
                 r"|year-earlier|year-ago|just-ended|just-completed|fiscal")
DURATION_DIR = (r"past|last|next|first|coming|previous|following|final|remaining|initial|latest|preceding"
                r"|ensuing|subsequent")
CLOCK = (rf"(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)"
         rf"|(?P<h2>[012]?\d):(?P<mi2>[0-5]\d)(?=\s+{ZONE})|(?P<named>noon|midnight|midday)"
         rf"|(?P<hw>{_alt(ONES)})\s+o'clock")

PATTERNS = (
    ("iso", r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?"),
    ("numeric", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)"),
    ("month_day", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:{REL}\s+)?(?:(?P<m>{MONTH_ANY})\s+(?:the\s+)?(?P<d>{DAY})"
                  rf"|(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH_ANY}|{MONTH_SHORT}\b))"
                  rf"(?:,?\s+(?P<y>{YEAR}))?"),
    # A day of the month said alone, only after "on" and before the clause goes on: "found the
    # case on the 7th," (not "the 7th floor", "the 7th century", "the 7th of the 12 games").
    ("day_of_month", r"(?<=\bon )the\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
                     r"(?=\s*[,.;:)]|\s+(?:and|when|after|before|but|at|in|as|while|with|of\s+(?:this|last|next)"
                     r"\s+month)\b)"),
    ("month", rf"(?:{REL}\s+|{EDGE})?(?P<m>{MONTH_FULL}|{MONTH_ABBR}(?=\s+\d))(?:,?\s+(?:of\s+)?(?P<y>{YEAR})"
              rf"|\s+(?P<yw>{YEAR_WORDS})|\s+(?P<yrel>this|last|next)\s+year)?"),
    ("year", rf"{EDGE}?(?:(?P<fiscal>fiscal|calendar|model)(?:\s+year)?\s+|the\s+year\s+)?(?P<y>{YEAR})"
             rf"(?![\s-]+(?:percent|per\s+cent)\b)"),
    ("year_words", rf"(?P<theyear>the\s+year\s+)?(?P<yw>{YEAR_WORDS}|two\s+thousand(?:\s+and)?"
                   rf"(?:[\s-]+(?:{_alt(ONES)}))?)"),
    ("decade", rf"(?:the\s+)?{EDGE}?(?:(?P<dy>(?:1[5-9]|20)\d)0'?s|'(?P<dd>\d)0'?s"
               rf"|(?:nineteen[\s-]+)?(?P<dw>{DECADE_WORDS}))"),
    ("century", rf"(?:the\s+)?{EDGE}?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|"
                rf"{_alt(['first', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first'])})[\s-]+century"),
    ("quarter", rf"(?:(?:the|its|this|that|a)\s+)?(?:(?P<qy>{YEAR})\s+|(?P<qrel>this|last|next)\s+year's\s+"
                rf"|(?P<qago>year-(?:earlier|ago)|comparable|corresponding|previous|same|prior|latest)\s+)?"
                rf"(?:fiscal[\s-]+)?(?P<qn>{_alt(ORDINALS)})[\s-]+(?:fiscal[\s-]+)?quarters?"
                rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<qy2>{YEAR})|(?P<qrel2>this|last|next)\s+year))?"),
    ("quarter_ref", rf"(?:the|its|this|that)\s+(?:(?P<which>{QUARTER_WHICH})\s+)?(?:(?P<qy>{YEAR})\s+)?"
                    rf"(?:fiscal\s+)?(?P<what>quarter|period)"
                    rf"(?P<ago>\s+a\s+year\s+(?:ago|earlier)|\s+(?:of\s+)?last\s+year|\s+the\s+previous\s+year)?"),
    ("quarter_code", rf"(?-i:(?P<fy>FY\s?)?(?P<code>[QH])(?P<qn>[1-4]))(?:[\s/-]+(?:FY\s?)?(?P<qy>{YEAR}))?"),
    ("half", rf"(?:the\s+)?(?P<h>first|second|latter|last)\s+half(?:\s+of\s+(?:(?P<hy>{YEAR})"
             rf"|(?P<hrel>this|last|next)\s+year|the\s+year))?"),
    ("rel_unit", rf"{EDGE}?{OFFSET}\s+(?:fiscal\s+)?"
                 rf"(?P<unit>year|month|week|weekend|quarter|decade|century)"),
    ("year_ref", r"the\s+(?:(?P<which>full|fiscal|current|latest|current\s+fiscal|same)\s+)?year"
                 r"(?=(?P<ended>\s+end(?:ed|ing)\b)?)(?!\s+(?:of\s+)?(?:the\s+)?\d)"),
    ("year_adj", r"(?P<adj>year-(?:earlier|ago))"),
    ("unit_edge", r"(?P<edge>the\s+(?:end|beginning|start|middle)\s+of\s+the)\s+"
                  r"(?P<unit>year|month|week|decade)"
                  r"|(?P<yend>year-end|year's\s+end|year\s+end)"),
    ("ago", rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUMBER})\s+(?:more\s+)?(?P<unit>{UNIT})\s+"
            rf"(?P<dir>ago|earlier|later|from\s+now|hence|back)"),
    ("deictic", rf"(?P<word>{_alt(DEICTIC)})"),
    ("day_word", rf"(?:(?P<edge>early|late|earlier|later|mid-?)[\s-]*)?(?P<dw>{DAY_WORD})"
                 rf"(?:\s+(?P<part>{PART}))?"
                 rf"|(?P<pre>this|last|tomorrow|yesterday|the)\s+(?P<part2>{PART})"
                 # "overnight stays", "an overnight train": a kind of thing, no time
                 r"|(?P<over>overnight)(?!\s+(?:stays?|visitors?|guests?|trips?|flights?|trains?|buses|"
                 r"shelters?|accommodation|bags?|parking|rates?|figures?)\b)"),
    ("weekday", rf"(?:(?P<rel>last|next|this(?:\s+coming|\s+past)?|the\s+(?:previous|following)|early|late"
                rf"|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?(?:'s)?(?:\s+(?P<part>{PART}))?"),
    ("weekend", rf"(?:(?:{OFFSET}|the)\s+)?weekend"),
    ("clock", rf"(?:(?P<dw1>{WEEKDAY}|{DAY_WORD})\s+(?:at\s+)?)?(?:{CLOCK})(?:\s+(?P<zone>{ZONE}))?"
              rf"(?:\s+(?:on\s+)?(?P<dw2>{WEEKDAY}|{DAY_WORD})|,?\s+(?:on\s+)?(?P<cm>{MONTH_ANY})\s+(?P<cd>{DAY}))?"),
    ("season", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late|the|mid-?)[\s-]+)?"
               rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<yw>{YEAR_WORDS})))?"),
    # "over" and "about" belong to the expression only right before the amount: "over a week",
    # but not "over the past three weeks". A range ("four to five years") is one expression.
    # Ages ("45-year-old") are no durations.
    ("duration", rf"(?:(?P<det>the)\s+)?(?:(?P<dir>{DURATION_DIR})\s+)?(?:(?P<approx>{APPROX})\s+)?"
                 rf"(?:(?P<n0>\d+|{NUMBER_WORD})\s*(?:to|or|-|\u2013)\s*)?(?P<n>{NUMBER})"
                 rf"(?:\s+(?:more|full|straight|consecutive|long|successive))?[\s-]+"
                 rf"(?:(?:trading|business|working|calendar|school)\s+)?(?P<unit>{UNIT})"
                 rf"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?:-long)?(?![\s-]+old\b|-olds?\b)"),
    ("duration_vague", r"(?:(?P<det>the|recent|past|coming|the\s+(?:coming|past|last|next|recent))\s+)?"
                       r"(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s|centuries)(?:-long)?"
                       r"(?![\s-]+old\b)"),
    ("duration_adj", r"(?P<unit>day|week|month|year|decade|hour)s?-long|(?P<unit2>yearlong|monthlong)"),
    ("set", rf"(?P<adv>{_alt(SET_ADVERBS)})|(?:(?P<freq>once|twice|\w+\s+times)\s+(?:a|an|per|every|each)"
            rf"|(?P<quant>every|each|per))\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?"
            rf"(?P<what>{UNIT}|weekends?|seasons?|{WEEKDAY}|{MONTH_FULL}|{SEASON}|mornings?|evenings?|nights?)"),
    ("holiday", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:the\s+)?"
                rf"(?P<name>(?-i:{_alt(HOLIDAYS)}))(?:\s+(?P<y>{YEAR}))?"),
)

# A match may be followed by a possessive ("last year's"), not by more of a word ("Mayor").
END = r"(?!\w)(?!['\u2019](?!s\b)\w)"
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?<![\w'\u2019-])(?:{pattern}){END}", re.IGNORECASE)) for name, pattern in PATTERNS)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule's match: where it is, which rule found it, and its named groups."""

    rule: str
    start: int
    end: int
    groups: dict

    def group(self, name: str) -> str | None:
        """A named group's text, or None when it did not take part in the match."""
        return self.groups.get(name)


# A word every match of a rule holds: a text without it is not searched by that rule (most texts
# lack most of them, and one plain search is far cheaper than a rule's). Checked against the
# full search on TempEval-3 and every article of the shared datasets.
_UNITS = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur"
_MONTH_STARTS = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
TRIGGERS: dict[str, re.Pattern[str]] = {name: re.compile(pattern, flags) for name, pattern, flags in (
    ("iso", r"\d-\d", 0), ("numeric", r"\d/", 0), ("quarter_code", r"[QH][1-4]", 0),
    ("month_day", _MONTH_STARTS, 0), ("month", _MONTH_STARTS, 0), ("day_of_month", r"\d(?:st|nd|rd|th)\b", 0),
    ("year_words", r"nineteen|thousand", re.I), ("decade", r"0'?s|ties", re.I), ("century", r"century", re.I),
    ("quarter", r"quarter", re.I), ("quarter_ref", r"quarter|period", re.I), ("half", r"half", re.I),
    ("rel_unit", r"year|month|week|quarter|decade|century", re.I), ("year_ref", r"year", re.I),
    ("year_adj", r"year-", re.I), ("unit_edge", r"year|month|week|decade", re.I),
    ("ago", r"ago|earlier|later|from\s+now|hence|back", re.I), ("weekend", r"weekend", re.I),
    ("day_word", r"today|yesterday|tomorrow|tonight|morning|afternoon|evening|night", re.I),
    ("weekday", r"Mon|Tue|Wed|Thu|Fri|Sat|Sun", 0), ("season", r"spring|summer|fall|autumn|winter", re.I),
    ("duration", _UNITS, re.I), ("duration_vague", _UNITS, re.I), ("duration_adj", r"long", re.I),
    ("set", r"ly\b|once|twice|times|every|each|per", re.I),
    ("clock", r"\d\s*[ap]\.?\s?m\b|\d:[0-5]\d|noon|midnight|midday|o'clock", re.I),
    ("holiday", r"Christmas|New Year|Halloween|Independence|July|Fourth|Valentine|Thanksgiving|Election"
                r"|Easter|Labor|Memorial", 0),
)}


# Rules whose trigger words stand within a bound of every match: at most `before` characters
# after the match starts and `after` characters before it ends. Only the text around the
# triggers is searched, not the whole article (a duration's unit, "ago" and its kin, a clock's
# "p.m.", the "every" of a set). Checked against the full search like TRIGGERS.
WINDOWS: dict[str, tuple[int, int]] = {
    "duration": (200, 80), "set": (60, 80), "ago": (200, 20), "clock": (80, 100), "day_word": (40, 40),
}


def _windows(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """The stretches of text around the anchor's matches, overlapping ones joined."""
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _matches(name: str, pattern: re.Pattern[str], text: str):
    if name in WINDOWS:
        for start, end in _windows(text, TRIGGERS[name], *WINDOWS[name]):
            yield from pattern.finditer(text, start, end)  # the look-behind still sees before `start`
    elif name not in TRIGGERS or TRIGGERS[name].search(text):
        yield from pattern.finditer(text)


def scan(text: str) -> list[Candidate]:
    """Every rule's matches in the text, longest first where they overlap, in text order."""
    found = [Candidate(name, m.start(), m.end(), {k: v for k, v in m.groupdict().items() if v})
             for name, pattern in RULES for m in _matches(name, pattern, text)]
    # Longest first; between equally long matches at one place, the earlier rule wins.
    found.sort(key=lambda c: (c.start - c.end, c.start))
    chosen: list[Candidate] = []  # disjoint, kept in text order
    starts: list[int] = []
    for cand in found:
        at = bisect.bisect(starts, cand.start)
        if (at and chosen[at - 1].end > cand.start) or (at < len(chosen) and chosen[at].start < cand.end):
            continue
        chosen.insert(at, cand)
        starts.insert(at, cand.start)
    return chosen


def number_value(words: str) -> float | None:
    """The number a numeral or number words stand for; None for a vague amount ("several")."""
    words = re.sub(r"[\s-]+", " ", words.casefold()).strip()
    if words in ("a", "an", "a couple of", "a dozen"):
        return {"a couple of": 2.0, "a dozen": 12.0}.get(words, 1.0)
    if words in VAGUE:
        return None
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", words):
        return float(words.replace(",", ""))
    if re.fullmatch(r"\d+ 1/2|\d+\u00bd", words):
        return float(words.removesuffix("1/2").removesuffix("\u00bd")) + 0.5
    return _word_number(words)


def _word_number(words: str) -> float | None:
    half = words.endswith(" and a half")
    total = 0
    for word in words.removesuffix(" and a half").split():
        if word in ONES or word in TENS:
            total += ONES.get(word, TENS.get(word, 0))
        elif word in ("hundred", "thousand"):
            total = max(total, 1) * (100 if word == "hundred" else 1000)
        else:
            return None
    return total + (0.5 if half else 0)


def year_words_value(words: str) -> int | None:
    """The year that words spell: "nineteen ninety-six" is 1996, "two thousand" is 2000."""
    words = re.sub(r"[\s-]+", " ", words.casefold()).replace(" and", "").strip()
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip()
        return 2000 + (int(_word_number(rest) or 0) if rest else 0)
    rest = words.removeprefix("nineteen").removeprefix(" hundred").strip()
    value = _word_number(rest) if rest else None
    return 1900 + int(value) if value is not None and value < 100 else None
