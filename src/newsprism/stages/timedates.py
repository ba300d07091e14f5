"""What the date rules of `timegrammar` mean: TIMEX3 values of dates, resolved against the
publication date (the anchor).

One resolver per rule. Each returns (type, value), or None when the match is not a time
expression after all or names a day that does not exist ("31 February").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .timecalendar import (
    FUTURE,
    PAST,
    add_months,
    day_of_month_date,
    duration_value,
    easter,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_unit,
    fmt_week,
    last_completed_quarter,
    make_date,
    month_date,
    month_day_date,
    nth_weekday,
    quarter_date,
    quarter_of,
    relative_unit,
    season_year,
    shift,
    weekday_date,
)
from .timegrammar import (
    DAY_PARTS,
    DEICTIC,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    Candidate,
    number_value,
    year_words_value,
)

Resolved = tuple[str, str] | None
# Offsets of relative words: "last year" is one year back, "the coming week" one ahead.
OFFSETS = {"last": -1, "the past": -1, "the previous": -1, "the last": -1, "this past": -1,
           "the prior": -1, "the preceding": -1, "this": 0, "the current": 0, "the latest": 0,
           "next": 1, "the coming": 1, "the following": 1, "the next": 1, "this coming": 1}
# Days-of-week words that fix the direction: "last Monday" is strictly before.
WEEKDAY_DIRECTIONS = {"last": "LAST", "the previous": "LAST", "this past": PAST, "next": "NEXT",
                      "the following": "NEXT", "this coming": FUTURE}
HOLIDAY_RULES = {name.casefold(): rule for name, rule in HOLIDAYS.items()}
BARE_SEASON_CUES = frozenset("in during by until since through this last next early late mid the".split())


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may know besides the match: publication date, tense, nearby text."""

    anchor: date | None
    tense: str | None = None
    before: str = ""  # the text just before the match, on the same line
    after: str = ""
    financial: bool = False  # the article reports results by quarter


def words(text: str | None) -> str:
    """Casefolded, with runs of spaces and hyphens as one space and dots dropped."""
    return re.sub(r"[\s-]+", " ", (text or "").casefold()).replace(".", "").strip()


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation."""
    return MONTHS[words(name)]


def day_number(text: str) -> int:
    """The day of "12", "12th", "03"."""
    return int(re.match(r"\d+", text).group())


def full_year(text: str) -> int:
    """A year from four digits, or from two (50-99 are 19xx, the rest 20xx)."""
    year = int(text)
    return year if year >= 100 else year + (1900 if year >= 50 else 2000)


def previous_word(ctx: Context) -> str:
    """The word just before the match, casefolded."""
    found = re.findall(r"[\w.']+", ctx.before[-30:].casefold())
    return found[-1] if found else ""


# --- calendar dates ---------------------------------------------------------------------------


def iso(c: Candidate, ctx: Context) -> Resolved:
    """For "2025-01-20", with a time of day when one follows ("2025-01-20T09:30")."""
    day = make_date(int(c.group("y")), int(c.group("mn")), int(c.group("d")))
    if day is None:
        return None
    if c.group("h"):
        return "TIME", f"{day.isoformat()}T{c.group('h')}:{c.group('mi')}"
    return "DATE", day.isoformat()


def numeric(c: Candidate, ctx: Context) -> Resolved:
    """For "1/20/2025": month first, as in US news, unless the first number cannot be a month."""
    first, second = int(c.group("a")), int(c.group("b"))
    month, day = (second, first) if first > 12 else (first, second)  # US order unless impossible
    found = make_date(full_year(c.group("y")), month, day)
    return ("DATE", found.isoformat()) if found else None


def month_day(c: Candidate, ctx: Context) -> Resolved:
    """For "12 February", "Monday, January 20", "Oct. 23, 1999": the year said, or the nearest."""
    month = month_number(c.group("m") or c.group("m2"))
    day = day_number(c.group("d") or c.group("d2"))
    weekday = WEEKDAYS[words(c.group("wd"))] if c.group("wd") else None
    if c.group("y"):
        found = make_date(int(c.group("y")), month, day)
    elif make_date(2000, month, day) is None:  # 2000 was a leap year: this day never exists
        return None
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    else:
        tense = _direction_tense(c.group("rel"), ctx.tense)
        found = month_day_date(ctx.anchor, month, day, tense, weekday)
    return ("DATE", found.isoformat()) if found else None


def day_of_month(c: Candidate, ctx: Context) -> Resolved:
    """For "on the 7th": the nearest such day of a month around publication (none without a date)."""
    if ctx.anchor is None:
        return None
    found = day_of_month_date(ctx.anchor, day_number(c.group("d")), ctx.tense)
    return ("DATE", found.isoformat()) if found else None


def _direction_tense(rel: str | None, tense: str | None) -> str | None:
    offset = OFFSETS.get(words(rel)) if rel else None
    return {-1: PAST, 1: FUTURE}.get(offset, tense)


def month(c: Candidate, ctx: Context) -> Resolved:
    """For "January", "last June", "mid-November", "October 1998", "July last year"."""
    number = month_number(c.group("m"))
    year = _stated_year(c, ctx)
    if year is not None:
        return "DATE", f"{year:04d}-{number:02d}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{number:02d}"
    rel = words(c.group("rel"))
    this_month = date(ctx.anchor.year, ctx.anchor.month, 1)
    if rel == "this":
        return "DATE", f"{ctx.anchor.year:04d}-{number:02d}"
    found = month_date(ctx.anchor, number, _direction_tense(c.group("rel"), ctx.tense))
    if rel in ("last", "this past", "the previous") and found >= this_month:
        found = add_months(found, -12)
    elif rel in ("next", "this coming", "the following") and found <= this_month:
        found = add_months(found, 12)
    return "DATE", fmt_month(found)


def _stated_year(c: Candidate, ctx: Context) -> int | None:
    if c.group("y"):
        return int(c.group("y"))
    if c.group("yw"):
        return year_words_value(c.group("yw"))
    if c.group("yrel") and ctx.anchor:
        return ctx.anchor.year + OFFSETS[words(c.group("yrel"))]
    return None


def year(c: Candidate, ctx: Context) -> Resolved:
    """For "2014", "fiscal 1989", "early 1991"."""
    return "DATE", c.group("y")


def year_words(c: Candidate, ctx: Context) -> Resolved:
    """For "nineteen ninety-six"; "the year two thousand" (but "two thousand" alone is an amount)."""
    found = year_words_value(c.group("yw"))
    if found is None or (found >= 2000 and not c.group("theyear")):
        return None  # "two thousand" alone is an amount
    return "DATE", str(found)


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
ORDINAL_CENTURIES = {"first": 1, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                     "twenty first": 21}


def decade(c: Candidate, ctx: Context) -> Resolved:
    """For "the 1990s" is 199, "the '80s" 198, "the nineties" 199."""
    if c.group("dy"):
        return "DATE", c.group("dy")
    digit = int(c.group("dd")) if c.group("dd") else DECADE_WORDS[words(c.group("dw"))]
    return "DATE", f"19{digit}"


def century(c: Candidate, ctx: Context) -> Resolved:
    """For "the 20th century" is 19."""
    text = words(c.group("c"))
    number = ORDINAL_CENTURIES.get(text) or int(re.match(r"\d+", text).group())
    return "DATE", f"{number - 1:02d}"


# --- quarters, halves, relative units -----------------------------------------------------------

YEAR_BACK = frozenset({"year earlier", "year ago", "comparable", "corresponding", "same", "prior"})


def quarter(c: Candidate, ctx: Context) -> Resolved:
    """For "the third quarter" (the latest begun), "third-quarter", "the fourth quarter of 1990"."""
    number = ORDINALS[words(c.group("qn"))]
    stated = c.group("qy") or c.group("qy2")
    rel = c.group("qrel") or c.group("qrel2")
    if stated:
        return "DATE", f"{stated}-Q{number}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{number}"
    found = quarter_date(ctx.anchor, number, None)  # tense misleads: "expects third-quarter profit"
    if rel:
        found = date(ctx.anchor.year + OFFSETS[words(rel)], found.month, 1)
    elif words(c.group("qago")) in YEAR_BACK:
        found = shift(found, "Y", -1)
    return "DATE", fmt_quarter(found)


def quarter_ref(c: Candidate, ctx: Context) -> Resolved:
    """For "the quarter" and "the latest period" of a results report: the last one completed."""
    which = words(c.group("which"))
    if words(c.group("what")) == "period" and not (which or c.group("qy")):
        return None  # "the period" alone is no time
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    found = ctx.anchor if which == "current" else last_completed_quarter(ctx.anchor)
    if which == "previous":
        found = shift(found, "Q", -1)
    elif which in YEAR_BACK or c.group("ago"):
        found = shift(found, "Y", -1)
    if c.group("qy"):
        return "DATE", f"{c.group('qy')}-Q{quarter_of(found)}"
    return "DATE", fmt_quarter(found)


def quarter_code(c: Candidate, ctx: Context) -> Resolved:
    """For "Q3 2024", "H1", "Q4/FY2025": a quarter or half, of the year said or the latest begun."""
    number, half_year = int(c.group("qn")), c.group("code") == "H"
    if half_year and number > 2:
        return None
    if c.group("qy"):
        return "DATE", f"{c.group('qy')}-{c.group('code')}{number}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{c.group('code')}{number}"
    start = quarter_date(ctx.anchor, 2 * number - 1 if half_year else number, None)
    return "DATE", f"{start.year:04d}-{c.group('code')}{number}"


def half(c: Candidate, ctx: Context) -> Resolved:
    """For "the first half of 1990" is 1990-H1."""
    number = 1 if words(c.group("h")) == "first" else 2
    if c.group("hy"):
        return "DATE", f"{c.group('hy')}-H{number}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{number}"
    offset = OFFSETS[words(c.group("hrel"))] if c.group("hrel") else 0
    return "DATE", f"{ctx.anchor.year + offset:04d}-H{number}"


UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "quarter": "Q", "decade": "DE", "century": "CE"}


def rel_unit(c: Candidate, ctx: Context) -> Resolved:
    """For "last year", "this week", "the coming month", "earlier this year", "the past decade"."""
    rel, unit = words(c.group("rel")), words(c.group("unit"))
    if rel == "the same":
        return None  # anaphoric: the same year as what?
    if unit == "weekend":
        return weekend(c, ctx)
    if rel == "the latest" and unit == "quarter":
        return "DATE", fmt_quarter(last_completed_quarter(ctx.anchor) if ctx.anchor else None)
    return "DATE", relative_unit(ctx.anchor, UNIT_CODES[unit], OFFSETS[rel])


def year_ref(c: Candidate, ctx: Context) -> Resolved:
    """For "the year", "the full year": this year; "the year ended March 31" is a duration."""
    which = words(c.group("which"))
    if c.group("ended"):
        return "DURATION", "P1Y"  # "for the year ended March 31": a span of a year
    if which == "same" or (not which and words(previous_word(ctx)) not in ("for", "of", "in")):
        return None
    offset = -1 if which == "latest" else 0
    return "DATE", relative_unit(ctx.anchor, "Y", offset)


def year_adj(c: Candidate, ctx: Context) -> Resolved:
    """For "year-earlier", "year-ago": last year, or its same quarter in a results report."""
    return "DATE", _year_back_value(ctx)


def _year_back_value(ctx: Context) -> str:
    # Results stories compare with the same quarter a year before: "up from a year earlier".
    if ctx.anchor and ctx.financial:
        return fmt_quarter(shift(last_completed_quarter(ctx.anchor), "Y", -1))
    return relative_unit(ctx.anchor, "Y", -1)


def unit_edge(c: Candidate, ctx: Context) -> Resolved:
    """For "the end of the year", "year-end": the year (or month, week) they end."""
    unit = UNIT_CODES[words(c.group("unit"))] if c.group("unit") else "Y"
    return "DATE", relative_unit(ctx.anchor, unit, 0)


def ago(c: Candidate, ctx: Context) -> Resolved:
    """For "two years ago", "a year earlier", "five months from now"; "three days later" is a duration."""
    amount = number_value(c.group("n"))
    unit = UNITS[words(c.group("unit")).removesuffix("s")]
    sign = 1 if words(c.group("dir")) in ("later", "from now", "hence") else -1
    if words(c.group("dir")) in ("earlier", "later") and unit in ("S", "MIN", "H", "D", "W"):
        # "three days later" counts from the story's events, not from publication
        return "DURATION", duration_value(amount, unit)
    if amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if unit in ("S", "MIN", "H"):
        return "DATE", fmt_day(ctx.anchor)
    if unit == "Y" and amount == 1 and sign < 0:
        return "DATE", _year_back_value(ctx)
    steps = sign * int(round(amount * (2 if unit == "FN" else 1)))
    unit = "W" if unit == "FN" else unit
    try:
        return "DATE", fmt_unit(shift(ctx.anchor, unit, steps) if ctx.anchor else None, unit)
    except (ValueError, OverflowError):  # "2025 years ago": before the calendar's first year
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"


# --- deictic words, days, times -----------------------------------------------------------------

DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1,
               "the": 0}


def deictic(c: Candidate, ctx: Context) -> Resolved:
    """For "now", "currently", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF."""
    return "DATE", DEICTIC[words(c.group("word"))]


def day_word(c: Candidate, ctx: Context) -> Resolved:
    """For "today", "yesterday", "tomorrow", "tonight", "this morning", "last night"."""
    if c.group("over"):
        return "TIME", day_value(ctx, -1) + "TNI"
    word = words(c.group("dw") or c.group("pre"))
    part = words(c.group("part") or c.group("part2"))
    if word == "tonight":
        return "TIME", day_value(ctx, 0) + "TNI"
    if (word, part) == ("the", "night") or (word == "last" and part != "night"):
        return None  # "last morning" is no expression; "the night" mostly a night of a story
    value = day_value(ctx, DAY_OFFSETS[word])
    return ("TIME", value + "T" + DAY_PARTS[part]) if part else ("DATE", value)


def day_value(ctx: Context, offset: int) -> str:
    """The day `offset` days from the anchor, or XXXX-XX-XX without one."""
    return fmt_day(ctx.anchor + timedelta(days=offset) if ctx.anchor else None)


def weekday(c: Candidate, ctx: Context) -> Resolved:
    """For "Monday" (the one before publication unless said in the future), "next Friday"."""
    number = WEEKDAYS[words(c.group("wd"))]
    part = words(c.group("part"))
    suffix = "T" + DAY_PARTS[part] if part else ""
    if c.group("plural"):
        return "SET", f"XXXX-WXX-{number}{suffix}"
    if ctx.anchor is None:
        value = f"XXXX-WXX-{number}"
    else:
        direction = WEEKDAY_DIRECTIONS.get(words(c.group("rel")), ctx.tense)
        value = weekday_date(ctx.anchor, number, direction).isoformat()
    return ("TIME" if part else "DATE"), value + suffix


def weekend(c: Candidate, ctx: Context) -> Resolved:
    """For "the weekend", "last weekend": YYYY-Www-WE."""
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE"
    rel = words(c.group("rel"))
    if rel in OFFSETS and OFFSETS[rel] != 0:
        saturday = weekday_date(ctx.anchor, 6, "LAST" if OFFSETS[rel] < 0 else "NEXT")
    elif rel in ("this", "the current"):
        saturday = ctx.anchor + timedelta(days=6 - ctx.anchor.isoweekday())
    else:
        saturday = weekday_date(ctx.anchor, 6, FUTURE if ctx.tense == FUTURE else PAST)
    return "DATE", fmt_week(saturday) + "-WE"


def season(c: Candidate, ctx: Context) -> Resolved:
    """For "last fall", "this summer", "the winter of 1994"; bare "spring" only after "in", "by"..."""
    code = SEASONS[words(c.group("season"))]
    rel = words(c.group("rel"))
    if c.group("y") or c.group("yw"):
        stated = int(c.group("y")) if c.group("y") else year_words_value(c.group("yw"))
        return "DATE", f"{stated}-{code}"
    if not rel or (rel == "the" and code == "FA"):
        if previous_word(ctx) not in BARE_SEASON_CUES or code == "FA" and previous_word(ctx) != "in":
            return None  # "spring" and "fall" are also verbs and nouns
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    tense = _direction_tense(rel if rel in OFFSETS else None, ctx.tense)
    found = ctx.anchor.year if rel == "this" else season_year(ctx.anchor, code, tense)
    if OFFSETS.get(rel) == -1 and _season_is_on(ctx.anchor, code, found):
        found -= 1
    return "DATE", f"{found:04d}-{code}"


def _season_is_on(anchor: date, code: str, year: int) -> bool:
    start = date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code], 1)
    return start <= anchor < add_months(start, 3)


def holiday(c: Candidate, ctx: Context) -> Resolved:
    """For "Christmas", "Thanksgiving", "Election Day": the nearest, or the one of the year said."""
    rule = HOLIDAY_RULES[words(c.group("name")).replace("\u2019", "'")]
    years = [int(c.group("y"))] if c.group("y") else None
    if years is None and ctx.anchor is None:
        return "DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if isinstance(rule, tuple) else "XXXX-XX-XX"
    years = years or [ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1]
    days = [_holiday_date(rule, y) for y in years]
    if len(days) == 1:
        return "DATE", days[0].isoformat()
    tense = _direction_tense(c.group("rel"), ctx.tense)
    return "DATE", min(days, key=lambda d: _holiday_rank(d, ctx.anchor, tense)).isoformat()


def _holiday_date(rule, year: int) -> date:
    if isinstance(rule, tuple):
        return date(year, *rule)
    if rule == "EASTER":
        return easter(year)
    if rule == "ELECTION":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    month, weekday_number, nth = {"THANKSGIVING": (11, 4, 4), "LABOR": (9, 1, 1),
                                  "MEMORIAL": (5, 1, -1)}[rule]
    return nth_weekday(year, month, weekday_number, nth)


def _holiday_rank(day: date, anchor: date, tense: str | None) -> tuple:
    distance = (day - anchor).days
    wrong_side = (tense == PAST and distance > 0) or (tense == FUTURE and distance < 0)
    return wrong_side, abs(distance)
