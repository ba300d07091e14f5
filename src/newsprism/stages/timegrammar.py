"""The patterns that find time expressions in text, and the words they are built from.

Each rule is one regular expression with named groups; `scan` runs them all and keeps the
longest matches that do not overlap. What a match means is decided in `timeresolve`.
"""

from __future__ import annotations

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


def _alt(words) -> str:
    """A regex alternation of words, longest first so that "Sept" wins over "Sep"."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# Month and weekday names must be capitalised: "may", "march" and "sun" are common words.
MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?-i:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+\d))"
WEEKDAY = (r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
           r"|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
YEAR = r"(?<![\d$£€#,.])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)"
NUMBER_WORD = rf"(?:(?:{_alt(TENS)})(?:[\s-]+(?:{_alt(ONES)}))?|{_alt(ONES)}|hundred|thousand)"
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{NUMBER_WORD}(?:[\s-]+and[\s-]+a[\s-]+half)?"
          rf"|a[\s-]+couple[\s-]+of|a\s+dozen|an?|{_alt(VAGUE)})")
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
UNIT_S = rf"{UNIT}s?"
EDGE = (r"(?:early|late|mid|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of|end\s+of"
        r"|the\s+(?:first|second|latter)\s+half\s+of|earlier|later)")
APPROX = (r"(?:about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|fewer\s+than"
          r"|over|under|up\s+to|at\s+least|at\s+most|no\s+more\s+than|within|some|just|only)")
PART = rf"(?:{_alt(DAY_PARTS)})"
DAY_WORD = r"(?:today|yesterday|tomorrow|tonight)"
ZONE = r"(?:[ECMP][SD]T|GMT|UTC|local\s+time)"
SEASON = rf"(?:{_alt(SEASONS)})"
DECADE_WORDS = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
YEAR_WORDS = (rf"(?:nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?:{_alt(TENS)}|{_alt(ONES)})"
              rf"(?:[\s-]+(?:{_alt(ONES)}))?)")
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "independence day": (7, 4), "july fourth": (7, 4), "the fourth of july": (7, 4),
    "valentine's day": (2, 14), "thanksgiving day": "THANKSGIVING", "thanksgiving": "THANKSGIVING",
    "election day": "ELECTION", "easter sunday": "EASTER", "easter": "EASTER",
    "labor day": "LABOR", "memorial day": "MEMORIAL",
}
DEICTIC = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "at this moment": "PRESENT_REF", "so far": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "soon": "FUTURE_REF",
    "future": "FUTURE_REF", "shortly": "FUTURE_REF",
}
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P1Q", "yearly": "P1Y",
               "annually": "P1Y", "hourly": "PT1H", "semiannually": "P6M", "semi-annually": "P6M"}
# Words after which a bare four-digit number is a year, not an amount.
YEAR_CUES = frozenset("in since from to until till by before after during of through between and "
                      "or early late mid fiscal year end spring summer fall autumn winter the "
                      "around about circa c. ca. pre post".split())


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


def _rule(pattern: str) -> re.Pattern[str]:
    # Expressions never start or end inside a word.
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w'])", re.IGNORECASE)


OFFSET_WORDS = (r"last|this|next|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+coming"
                r"|the\s+current|the\s+following|the\s+last|the\s+next|the\s+latest|the\s+prior"
                r"|the\s+preceding|the\s+same")
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, _rule(p)) for name, p in (
    ("iso", r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?"),
    ("numeric", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)"),
    ("month_day", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<rel>this\s+coming|this\s+past|next|last|this)\s+)?"
                  rf"(?:(?P<m>{MONTH_ANY})\s+(?:the\s+)?(?P<d>{DAY})|(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?"
                  rf"(?P<m2>{MONTH_ANY}))(?:,?\s+(?P<y>{YEAR}))?"),
    ("month", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+"
              rf"|(?P<edge>{EDGE})[\s-]+)?(?P<m>{MONTH_FULL}|{MONTH_ABBR}(?=\s+\d))(?:,?\s+(?:of\s+)?"
              rf"(?P<y>{YEAR})|\s+(?P<yw>{YEAR_WORDS})|\s+(?P<yrel>this|last|next)\s+year)?"),
    ("year", rf"(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<fiscal>fiscal|calendar|model)(?:\s+year)?\s+"
             rf"|the\s+year\s+)?(?P<y>{YEAR})(?![\s-]+(?:percent|per\s+cent)\b)"),
    ("year_words", rf"(?P<theyear>the\s+year\s+)?(?P<yw>{YEAR_WORDS}|two\s+thousand(?:\s+and)?(?:[\s-]+"
                   rf"(?:{_alt(ONES)}))?)"),
    ("decade", rf"(?:the\s+)?(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<dy>(?:1[5-9]|20)\d)0'?s|'(?P<dd>\d)0'?s"
               rf"|(?:nineteen[\s-]+)?(?P<dw>{DECADE_WORDS}))"),
    ("century", rf"(?:the\s+)?(?:(?P<edge>{EDGE})[\s-]+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|"
                rf"{_alt(['first', 'nineteenth', 'twentieth', 'twenty-first', 'eighteenth'])})[\s-]+century"),
    ("quarter", rf"(?:(?:the|its|this|that|a)\s+)?(?:(?P<qy>{YEAR})\s+|(?P<qrel>this|last|next)\s+year's\s+"
                rf"|(?P<qago>year-(?:earlier|ago)|comparable|corresponding|previous|same|prior|latest)\s+)?"
                rf"(?:fiscal[\s-]+)?(?P<qn>{_alt(ORDINALS)})[\s-]+(?:fiscal[\s-]+)?quarters?"
                rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<qy2>{YEAR})|(?P<qrel2>this|last|next)\s+year))?"),
    ("quarter_ref", rf"(?:the|its|this|that)\s+(?:(?P<which>latest|current|recent|previous|past|last|most"
                    rf"\s+recent|same|comparable|corresponding|year-earlier|year-ago|just-ended|"
                    rf"just-completed|fiscal)\s+)?(?:(?P<qy>{YEAR})\s+)?(?:fiscal\s+)?(?P<what>quarter|period)"
                    rf"(?P<ago>\s+a\s+year\s+(?:ago|earlier)|\s+(?:of\s+)?last\s+year|\s+the\s+previous\s+year)?"),
    ("half", rf"(?:the\s+)?(?P<h>first|second|latter|last)\s+half(?:\s+of\s+(?:(?P<hy>{YEAR})"
             rf"|(?P<hrel>this|last|next)\s+year|the\s+year))?"),
    ("rel_unit", rf"(?:(?P<edge>{EDGE})[\s-]+)?(?P<rel>{OFFSET_WORDS})\s+(?:fiscal\s+)?"
                 rf"(?P<unit>year|month|week|weekend|quarter|decade|century)"),
    ("unit_edge", r"(?P<edge>the\s+(?:end|beginning|start|middle)\s+of\s+the)\s+(?P<unit>year|month|week|decade)"
                  r"|(?P<yend>year-end|year's\s+end|year\s+end)"),
    ("ago", rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUMBER})\s+(?:more\s+)?(?P<unit>{UNIT_S})\s+"
            rf"(?P<dir>ago|earlier|later|from\s+now|hence|back)"),
    ("deictic", rf"(?P<word>{_alt(DEICTIC)})"),
    ("day_word", rf"(?:(?P<edge>early|late|earlier|later|mid-?)[\s-]*)?(?P<dw>{DAY_WORD})"
                 rf"(?:\s+(?P<part>{PART}))?|(?P<pre>this|last|tomorrow|yesterday|the)\s+(?P<part2>{PART})"
                 rf"|(?P<over>overnight)"),
    ("weekday", rf"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|"
                rf"early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?(?:'s)?"
                rf"(?:\s+(?P<part>{PART}))?"),
    ("weekend", rf"(?:(?P<rel>{OFFSET_WORDS}|the)\s+)?weekend"),
    ("clock", rf"(?:(?P<dw1>{WEEKDAY}|{DAY_WORD})\s+(?:at\s+)?)?(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?"
              rf"\s*(?P<ap>[ap]\.?\s?m\b\.?)|(?P<h2>[012]?\d):(?P<mi2>[0-5]\d)(?=\s+{ZONE})|(?P<named>noon|midnight|midday)"
              rf"|(?P<hw>{_alt(ONES)})\s+o'clock)(?:\s+(?P<zone>{ZONE}))?(?:\s+(?:on\s+)?(?P<dw2>{WEEKDAY}|{DAY_WORD}))?"),
    ("season", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late|the|mid-?)[\s-]+)?"
               rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"),
    ("duration", rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>the|a|an)\s+)?(?:(?P<dir>past|last|next|first|"
                 rf"coming|previous|following|final|remaining|initial|latest|preceding|ensuing|subsequent)\s+)?"
                 rf"(?P<n>{NUMBER})(?:\s+(?:more|full|straight|consecutive|long|successive))?[\s-]+"
                 rf"(?:(?:trading|business|working|calendar|school)\s+)?(?P<unit>{UNIT_S})(?:\s+or\s+so)?"
                 rf"(?:-long)?(?![\s-]+old\b|-olds?\b)"),
    ("duration_vague", rf"(?:(?P<det>the|recent|past|coming|the\s+coming|the\s+past|the\s+last|the\s+next"
                       rf"|the\s+recent)\s+)?(?P<unit>(?:second|minute|hour|day|week|month|year|"
                       rf"decade)s|centuries)(?:-long)?(?![\s-]+old\b)"),
    ("duration_adj", r"(?P<unit>day|week|month|year|decade|hour)s?-long|(?P<unit2>yearlong|monthlong)"),
    ("set", rf"(?P<adv>{_alt(SET_ADVERBS)})|(?:(?P<freq>once|twice|\w+\s+times)\s+(?:a|an|per|every|each)"
            rf"|(?P<quant>every|each|per))\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?"
            rf"(?P<what>{UNIT_S}|weekends?|seasons?|{WEEKDAY}|{MONTH_FULL}|{SEASON}|mornings?|evenings?|nights?)"),
    ("holiday", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<name>(?-i:{_alt(k.title() for k in HOLIDAYS)}"
                rf"|the\s+Fourth\s+of\s+July|New\s+Year's\s+(?:Day|Eve)))(?:\s+(?P<y>{YEAR}))?"),
))


def scan(text: str) -> list[Candidate]:
    """Every rule's matches in the text, longest first where they overlap, in text order."""
    found = [Candidate(name, m.start(), m.end(), {k: v for k, v in m.groupdict().items() if v})
             for name, pattern in RULES for m in pattern.finditer(text)]
    found.sort(key=lambda c: (c.start - c.end, c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if not any(cand.start < end and start < cand.end for start, end in taken):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def number_value(words: str) -> float | None:
    """The number a numeral or number words stand for; None for a vague amount ("several")."""
    words = re.sub(r"[\s-]+", " ", words.casefold()).strip()
    if words in ("a", "an"):
        return 1.0
    if words in ("a couple of", "a dozen"):
        return 2.0 if "couple" in words else 12.0
    if words in VAGUE:
        return None
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", words):
        return float(words.replace(",", ""))
    return _word_number(words)


def _word_number(words: str) -> float | None:
    half = words.endswith(" and a half")
    words = words.removesuffix(" and a half")
    total = 0
    for word in words.split():
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
