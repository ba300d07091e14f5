"""What the clock-time, duration and set rules of `timegrammar` mean: their TIMEX3 values.

Durations and sets need no anchor ("three weeks" is P3W whenever it is said); clock times
take their day from the anchor or from the weekday or date said with them.
"""

from __future__ import annotations

import re

from .timecalendar import duration_value, fmt_day, weekday_date
from .timedates import DAY_OFFSETS, Context, Resolved, day_value, month_day, words
from .timegrammar import DAY_PARTS, MONTHS, SEASONS, SET_ADVERBS, UNITS, WEEKDAYS, Candidate, number_value

NAMED_HOURS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}


def clock(c: Candidate, ctx: Context) -> Resolved:
    """For "3 p.m.", "noon Saturday", "5 p.m. EST Nov. 9": TIME on the anchor's day or the one said."""
    hour, minute = _clock_time(c)
    if hour is None or hour > 24 or minute > 59:
        return None
    if c.group("cm"):
        on = month_day(Candidate("month_day", c.start, c.end, {"m": c.group("cm"), "d": c.group("cd")}), ctx)
        day_value = on[1] if on else "XXXX-XX-XX"
    else:
        day_value = _clock_day(c.group("dw1") or c.group("dw2"), ctx)
    return "TIME", f"{day_value}T{hour:02d}:{minute:02d}"


def _clock_time(c: Candidate) -> tuple[int | None, int]:
    if c.group("named"):
        return NAMED_HOURS[words(c.group("named"))]
    if c.group("hw"):
        return int(number_value(c.group("hw"))), 0
    hour = int(c.group("h") or c.group("h2"))
    minute = int(c.group("mi") or c.group("mi2") or 0)
    meridiem = words(c.group("ap"))[:1]
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return (hour if meridiem or c.group("h2") else None), minute


def _clock_day(day: str | None, ctx: Context) -> str:
    if day and words(day) in DAY_OFFSETS:
        return day_value(ctx, DAY_OFFSETS[words(day)])
    if day and ctx.anchor:
        return weekday_date(ctx.anchor, WEEKDAYS[words(day)], ctx.tense).isoformat()
    return fmt_day(ctx.anchor) if not day else "XXXX-XX-XX"


def duration(c: Candidate, ctx: Context) -> Resolved:
    """For "three weeks", "the past 20 years", "a two-hour", "2 1/2 years"; "$5 a year" is a rate."""
    unit_word = words(c.group("unit")).removesuffix("s")
    number_text = words(c.group("n"))
    if number_text in ("a", "an", "one") and unit_word == "second":
        return None  # "a second" is mostly "another"
    if unit_word == "quarter" and re.match(r"\s*of\b", ctx.after):
        return None  # "three quarters of the vote" is a fraction
    if number_text in ("a", "an") and not (c.group("det") or c.group("dir")) and _RATE.search(ctx.before):
        return "SET", duration_value(1, UNITS[unit_word])  # "$500 million a year", "700 seats a week"
    amount = None if c.group("n0") else number_value(number_text)  # a range's amount is not one number
    if amount is not None and c.group("half"):
        amount += 0.5
    return "DURATION", duration_value(amount, UNITS[unit_word])


# An amount just before "a year" makes it a rate: "$1.76 a year", "358,000 jobs a month".
_RATE = re.compile(r"(?:\d[\d,.]*\s*(?:%|[a-z]+)?|\b(?:once|twice|times))\s+$", re.IGNORECASE)


def duration_vague(c: Candidate, ctx: Context) -> Resolved:
    """For "years", "recent months", "the coming weeks": PXY; bare "days" and "hours" are not."""
    unit_word = words(c.group("unit")).removesuffix("s").replace("centurie", "century")
    if not c.group("det") and unit_word in ("second", "minute", "hour", "day"):
        return None  # bare "days", "hours": measured, more often not a time expression
    if words(c.group("det")) in ("recent", "the recent") and unit_word == "year":
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, UNITS[unit_word])


def duration_adj(c: Candidate, ctx: Context) -> Resolved:
    """For "decades-long", "yearlong"."""
    text = words(c.group("unit") or c.group("unit2"))
    unit = UNITS[text.removesuffix("long").strip().removesuffix("s")]
    return "DURATION", duration_value(None if text.endswith("s") else 1, unit)


def set_(c: Candidate, ctx: Context) -> Resolved:
    """For "daily", "every Monday", "each July", "twice a week", "every other month"."""
    if c.group("adv"):
        return "SET", SET_ADVERBS[words(c.group("adv"))]
    what = words(c.group("what"))
    single = what.removesuffix("s")
    if single in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[single]}"
    if single in MONTHS:
        return "SET", f"XXXX-{MONTHS[single]:02d}"
    if single in SEASONS:
        return "SET", f"XXXX-{SEASONS[single]}"
    if single in DAY_PARTS:
        return "SET", f"XXXX-XX-XXT{DAY_PARTS[single]}"
    if single == "weekend":
        return "SET", "XXXX-WXX-WE"
    if single == "season":
        return "SET", "P3M"  # a season of the year; which one is not said
    amount = number_value(c.group("n")) if c.group("n") else 1
    amount = amount * 2 if amount and c.group("other") else amount
    return "SET", duration_value(amount, UNITS[single])
