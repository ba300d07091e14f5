"""Calendar arithmetic for time expressions, and the TIMEX3 value strings it produces.

Every function takes the anchor (the publication date) as a `datetime.date` or None; with
None, the parts that cannot be known are written as X ("XXXX-02-12"), never guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"

# How far from the publication date tense may move a day or a month said without a year.
DAY_WINDOW = 240
MONTH_WINDOW = 335
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_anchor(published: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None when there is none."""
    match = _ISO_DATE.match(published or "")
    return make_date(*map(int, match.groups())) if match else None


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for one that does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units of D, W, M, Q, Y or DE (decades)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, months * amount)


def quarter_of(day: date) -> int:
    """The calendar quarter (1-4) a date falls in."""
    return (day.month - 1) // 3 + 1


def fmt_day(day: date | None) -> str:
    """YYYY-MM-DD, or XXXX-XX-XX when unknown."""
    return day.isoformat() if day else "XXXX-XX-XX"


def fmt_month(day: date | None) -> str:
    """YYYY-MM of the date's month."""
    return f"{day.year:04d}-{day.month:02d}" if day else "XXXX-XX"


def fmt_year(day: date | None) -> str:
    """YYYY of the date's year."""
    return f"{day.year:04d}" if day else "XXXX"


def fmt_week(day: date | None) -> str:
    """YYYY-Www, the ISO week holding the date."""
    if not day:
        return "XXXX-WXX"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def fmt_quarter(day: date | None) -> str:
    """YYYY-Qn of the date's quarter."""
    return f"{day.year:04d}-Q{quarter_of(day)}" if day else "XXXX-QX"


def fmt_decade(day: date | None) -> str:
    """The decade as TIMEX3 writes it: 199 for the 1990s."""
    return f"{day.year // 10:03d}" if day else "XXX"


def fmt_unit(day: date | None, unit: str) -> str:
    """The value of the whole unit (D, W, M, Q, Y, DE) holding the date."""
    formatters = {"D": fmt_day, "W": fmt_week, "M": fmt_month, "Q": fmt_quarter, "Y": fmt_year,
                  "DE": fmt_decade, "CE": lambda d: f"{d.year // 100:02d}" if d else "XX"}
    return formatters[unit](day)


def relative_unit(anchor: date | None, unit: str, offset: int) -> str:
    """The unit `offset` units from the anchor's: last year is ("Y", -1), this week ("W", 0)."""
    return fmt_unit(shift(anchor, unit, offset) if anchor else None, unit)


def weekday_date(anchor: date, weekday: int, direction: str | None) -> date:
    """The weekday (1 = Monday) nearest the anchor in a direction.

    PAST (and no direction) gives the latest one on or before the anchor: news says "on
    Monday" for the Monday just gone. FUTURE gives the first on or after it; "last"
    and "next" are strict ("LAST"/"NEXT").
    """
    delta = weekday - anchor.isoweekday()
    if direction in (FUTURE, "NEXT"):
        ahead = delta % 7
        return anchor + timedelta(days=ahead or (7 if direction == "NEXT" else 0))
    back = (-delta) % 7
    return anchor - timedelta(days=back or (7 if direction == "LAST" else 0))


def month_day_date(anchor: date, month: int, day: int, tense: str | None,
                   weekday: int | None = None) -> date | None:
    """The year of a day and month said without one, nearest the anchor.

    A stated weekday that fits only one of the candidate years decides; otherwise past
    tense picks the latest on or before the anchor, future the first on or after, and
    anything else the nearest (ties go to the past, as news mostly reports what happened).
    """
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (d := make_date(y, month, day))]
    if weekday:
        fitting = [d for d in candidates if d.isoweekday() == weekday]
        candidates = fitting or candidates
    return _pick(anchor, candidates, tense)


def day_of_month_date(anchor: date, day: int, tense: str | None) -> date | None:
    """The month of a day said alone ("on the 7th"): this month's, last month's or next month's,
    chosen as for a day and month."""
    months = (add_months(date(anchor.year, anchor.month, 1), step) for step in (-1, 0, 1))
    return _pick(anchor, [d for m in months if (d := make_date(m.year, m.month, day))], tense)


def month_date(anchor: date, month: int, tense: str | None) -> date:
    """The first day of the month said without a year, chosen as for a day and month."""
    candidates = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_month = date(anchor.year, anchor.month, 1)
    return _pick(this_month, candidates, tense, MONTH_WINDOW)


def _pick(anchor: date, candidates: list[date], tense: str | None, window: int | None = None) -> date | None:
    # Tense decides only within a window: "set Nov. 10 as the deadline", written in
    # October, is next month, not eleven months ago.
    if not candidates:
        return None
    window = DAY_WINDOW if window is None else window
    past = [d for d in candidates if d <= anchor and (anchor - d).days <= window]
    future = [d for d in candidates if d >= anchor and (d - anchor).days <= window]
    if tense == PAST and past:
        return max(past)
    if tense == FUTURE and future:
        return min(future)
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))


def last_completed_quarter(anchor: date) -> date:
    """A day in the quarter before the anchor's: "the quarter" of a results report."""
    return shift(date(anchor.year, anchor.month, 1), "Q", -1)


def quarter_date(anchor: date, quarter: int, tense: str | None) -> date:
    """A day in the latest such quarter that has begun by the anchor (the next one if FUTURE)."""
    start = date(anchor.year, 3 * quarter - 2, 1)
    if tense == FUTURE:
        end = add_months(start, 3) - timedelta(days=1)
        return start if end >= anchor else date(anchor.year + 1, start.month, 1)
    return start if start <= anchor else date(anchor.year - 1, start.month, 1)


def season_year(anchor: date, season: str, tense: str | None) -> int:
    """The year of a season said without one: the latest that has begun, or the next if FUTURE."""
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    begun = date(anchor.year, start_month, 1) <= anchor
    if tense == FUTURE:
        return anchor.year if not begun or season == "WI" else anchor.year + 1
    if season == "WI" and anchor.month <= 2:
        return anchor.year - 1  # January's winter began the December before
    return anchor.year if begun else anchor.year - 1


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday of a month: Thanksgiving, Memorial Day."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).isoweekday() == weekday]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


# The next smaller unit for a fractional amount, and how many of it make one.
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
           "MIN": ("S", 60)}
TIME_UNITS = frozenset({"H", "MIN", "S"})
LETTERS = {"MIN": "M", "DE": "Y", "CE": "Y", "FN": "W"}
IN_BASE_UNITS = {"DE": ("Y", 10), "CE": ("Y", 100), "FN": ("W", 2)}


def duration_value(amount: float | None, unit: str) -> str:
    """P3W, PT2H, P2Y6M for "2 1/2 years", or PXD for an unknown amount."""
    if amount is None:
        return _period([("X", unit)])
    unit, factor = IN_BASE_UNITS.get(unit, (unit, 1))
    amount *= factor
    whole = int(amount)
    parts: list[tuple[object, str]] = [(whole, unit)] if whole else []
    if amount != whole and unit in SMALLER:
        smaller, per = SMALLER[unit]
        parts.append((round((amount - whole) * per), smaller))
    elif amount != whole:
        parts = [(f"{amount:g}", unit)]
    return _period(parts)


def _period(parts: list[tuple[object, str]]) -> str:
    days = "".join(f"{n}{LETTERS.get(u, u)}" for n, u in parts if u not in TIME_UNITS)
    times = "".join(f"{n}{LETTERS.get(u, u)}" for n, u in parts if u in TIME_UNITS)
    return "P" + days + ("T" + times if times else "")
