"""Numbers as a reader writes them: "$640 billion", "2% of GDP", "two-thirds", "$70 per barrel".

Every output a person reads (CLI lines, web pages, briefings) shows quantities through
`readable`; the JSON keeps the machine value and unit beside it. The function reads only the
stored value, unit and change, so the same quantity reads the same everywhere.
"""

from __future__ import annotations

import math

SYMBOL_BEFORE = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "UAH": "₴", "RUB": "₽"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Fractions a reader names in words; others read as a percentage.
FRACTIONS = ((1 / 2, "half"), (1 / 3, "one-third"), (2 / 3, "two-thirds"), (1 / 4, "a quarter"),
             (3 / 4, "three-quarters"), (1 / 5, "one-fifth"), (2 / 5, "two-fifths"), (3 / 5, "three-fifths"),
             (4 / 5, "four-fifths"), (1 / 10, "one-tenth"))
CHANGES = {">": "more than ", "<": "less than ", "~": "about ", "up": "up ", "down": "down "}
# Units a reader spells out: (singular, plural); a unit not here is written as stored ("km", "°C").
NAMES = {
    "year": ("year", "years"), "month": ("month", "months"), "week": ("week", "weeks"),
    "day": ("day", "days"),
    "h": ("hour", "hours"), "min": ("minute", "minutes"), "s": ("second", "seconds"),
    "count": ("time", "times"), "point": ("point", "points"),
    "percentage_point": ("percentage point", "percentage points"),
    "basis_point": ("basis point", "basis points"),
    "cent": ("cent", "cents"), "bbl": ("barrel", "barrels"), "gal": ("gallon", "gallons"),
    "lb": ("pound", "pounds"), "ton": ("ton", "tons"), "t": ("tonne", "tonnes"), "acre": ("acre", "acres"),
    "ft2": ("square foot", "square feet"), "m2": ("square metre", "square metres"),
    "km2": ("square kilometre", "square kilometres"), "mi2": ("square mile", "square miles"),
    "nmi": ("nautical mile", "nautical miles"), "mi": ("mile", "miles"), "share": ("share", "shares"),
    "person": ("person", "people"), "capita": ("capita", "capita"),
}
IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet",
             "mouse": "mice", "life": "lives", "wife": "wives", "knife": "knives", "thief": "thieves",
             "criterion": "criteria", "crisis": "crises", "analysis": "analyses", "sheep": "sheep",
             "fish": "fish", "series": "series", "species": "species", "aircraft": "aircraft"}


def readable(value: float, unit: str | None = None, change: str | None = None) -> str:
    """A quantity as a reader writes it: "more than $700 billion", "20%", "$70 per barrel"."""
    if not math.isfinite(value):
        return str(value)
    value, prefix = float(value), CHANGES.get(change or "", "")
    amount, _, per = (unit or "").partition("/")
    written = _amount(value, amount or None)
    if per:
        written += f" per {_singular(per)}"
    return prefix + written


def _amount(value: float, unit: str | None) -> str:
    minus = "minus " if value < 0 else ""
    value = abs(value)
    if unit == "fraction":
        return minus + _fraction(value)
    if unit in ("percent", "percent_of_gdp"):
        return minus + f"{_digits(value)}%" + (" of GDP" if unit == "percent_of_gdp" else "")
    if unit == "penny":
        return f"{minus}{_digits(value)}p"
    number = _number(value)
    if unit in SYMBOL_BEFORE:
        return f"{minus}{SYMBOL_BEFORE[unit]}{number}"
    if unit is None:
        return minus + number
    one = math.isclose(value, 1.0)
    if unit in NAMES:
        return f"{minus}{number} {NAMES[unit][0 if one else 1]}"
    if unit.isupper() and len(unit) == 3:  # another currency's ISO code
        return f"{minus}{number} {unit}"
    if unit[:1].isalpha() and unit.islower() and len(unit) > 3 or " " in unit:  # a counted noun
        return f"{minus}{number} {unit if one else plural(unit)}"
    return f"{minus}{number} {unit}"


def _number(value: float) -> str:
    for scale, word in SCALES:
        if value >= scale:
            return f"{_digits(value / scale)} {word}"
    return _digits(value)


def _digits(value: float) -> str:
    """At most three decimals, no trailing zeros, thousands separated: "1,250", "2.5", "0.07"."""
    if value >= 1000:
        whole = value.is_integer() or value >= 1e5
        return f"{value:,.0f}" if whole else f"{value:,.1f}".rstrip("0").rstrip(".")
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "0") or value == 0 else f"{value:.2g}"


def _fraction(value: float) -> str:
    named = next((words for share, words in FRACTIONS if math.isclose(value, share, rel_tol=1e-3)), None)
    return named or f"{_digits(value * 100)}%"


def _singular(unit: str) -> str:
    return NAMES[unit][0] if unit in NAMES else unit


def plural(noun: str) -> str:
    """The plural of a counted noun ("troop" -> "troops", "fighter jet" -> "fighter jets")."""
    *words, last = noun.split(" ")
    if last in IRREGULAR:
        last = IRREGULAR[last]
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words, last])
