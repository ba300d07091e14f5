"""Quantities: money, percentages, counts and measures, each normalised so outlets can be compared.

One left-to-right pass of regular expressions over the analysis text reads each number with
what is written around it ("more than $700 billion", "485 billion US dollars", "two-thirds",
"$5-7 billion"); dates, times, phone numbers, URLs and numbers that are part of names are
skipped. The spaCy parse already made for the article then says what each number is about
(its subject) and whether it is a rise or a fall; the sentence says when (its scope).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from text_to_num import text2num

from ..model import Article, Quantity
from . import units as U
from .quantity_context import scope_of, subject_of, trend_of
from .textspans import doc_text

# --- numbers ---------------------------------------------------------------------------------

_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)"
           r"(?:\.\d+)?|\.\d+")
_TIMES_TEN = r"\s?[x×*]\s?(?:10(?:(?:\^|\*\*)[-−]?\d+|[-−]\d+|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|2(?:\^|\*\*)\d+)"
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
NUMBER_RE = re.compile(
    rf"(?P<mixed>\d+ \d+/\d+(?![\d/])|\d*[½⅓⅔¼¾⅕⅛])|(?P<frac>\d+/\d+(?![\d/]))"
    rf"|(?P<power>\d+(?:\^|\*\*)[-−]?\d+)|(?P<dec>(?:{_DIGITS})(?:[eE][-+−]?\d+)?(?:{_TIMES_TEN})?)"
)
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
          "ninety").split()
_WORD = rf"(?:{'|'.join(_SMALL)}|hundred|thousand|million|billion|trillion)"
WORDS_RE = re.compile(rf"\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?{_WORD}"
                      rf"(?:(?:\s*[-,&]\s*|\s+(?:and\s+)?){_WORD}|\s*-\s*(?:{'|'.join(_SMALL)}))*\b", re.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1000}
FRACTION_AFTER = re.compile(r"[\s-]+(halves|half|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth"
                            r"|tenth|hundredth|thousandth)s?)\b", re.I)
LONE_FRACTION_RE = re.compile(r"\b(?:(an?|one)\s+)?(half|third|quarter)(?=\s+(?:of|an?|million|billion|"
                              r"trillion|thousand)\b)", re.I)
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
          "trillions": 1e12}
VAGUE_RE = re.compile(r"\b(dozens|tens|hundreds|thousands|millions|billions|trillions)"
                      r"(?:\s+of\s+(thousands|millions|billions|trillions))?(?=\s+of\b)", re.I)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
          "mln": 1e6, "mil": 1e6, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
          "crores": 1e7, "k": 1e3, "m": 1e6, "b": 1e9, "dozen": 12}
SCALE_RE = re.compile(r"(?:\s*-?\s*(thousand|million|billion|trillion|bn|mn|mln|mil|tn|trn|lakhs?|crores?|dozen)"
                      r"|(k|K|M|m|B|b))(?![A-Za-z])", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity read from the text, before the parse adds its subject and scope."""

    start: int
    end: int
    value: float
    unit: str | None = None
    change: str = "="
    scaled: bool = False  # a scale word ("billion") or currency belongs to it
    words: bool = False  # written in words ("two-thirds")
    low: float | None = None  # the ends of a range
    high: float | None = None


def finite(value) -> float | None:
    """The value as a finite float, or None when it overflows or is not a number ("1e999")."""
    try:
        number = float(value)
    except (OverflowError, ValueError, TypeError):
        return None
    return number if math.isfinite(number) else None


def _digits_value(text: str) -> float | None:
    text = text.replace("−", "-").replace(",", "").replace("*", "x").replace("\u00a0", "").replace("\u202f", "")
    mantissa, _, power = re.sub(r"\s", "", text).partition("x")
    value = finite(mantissa)
    if value is None or not power:
        return value
    supers = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
    base, exponent = ("2", power[2:].lstrip("^")) if power.startswith("2^") else ("10", power[2:].lstrip("^"))
    return _times_power(value, int(base), exponent.translate(supers))


def _times_power(value: float, base: int, exponent: str) -> float | None:
    try:
        result = value * math.pow(base, int(exponent.replace("−", "-")))
    except (OverflowError, ValueError):
        return None
    # An underflow to zero would invent a value: "1e-999" is no quantity we can state.
    return None if result == 0 and value != 0 else finite(result)


def number_value(match: re.Match[str]) -> float | None:
    """The value of a NUMBER_RE match, or None when it is absurd (overflows, divides by zero)."""
    text, kind = match.group(), match.lastgroup
    if kind == "power":
        base, exponent = re.split(r"\^|\*\*", text)
        return _times_power(1.0, int(base), exponent) if len(exponent) < 6 else None
    if kind == "frac":
        top, bottom = map(int, text.split("/"))
        return top / bottom if 0 < bottom <= 100 and top < 10 * bottom else None
    if kind == "mixed":
        whole, _, part = text.partition(" ")
        if part:
            top, bottom = map(int, part.split("/"))
            return int(whole) + top / bottom if 0 < top < bottom else None
        return int(text[:-1] or 0) + _VULGAR[text[-1]]
    return _digits_value(text)


def words_value(text: str) -> float | None:
    """The value of number words ("a hundred and two", "twenty-one"), through text2num."""
    words = re.sub(r"[-,]", " ", text.lower()).replace("&", " and ").split()
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


# --- what is written around a number ---------------------------------------------------------

_CODE = rf"(?:{'|'.join(sorted(U.ISO_CODES | {'RMB'}))}|{'|'.join(U.LOWER_CODES)})"
_SYMBOL = "|".join(re.escape(s) for s in sorted(U.SYMBOLS, key=len, reverse=True))
CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<who>US|U\.S\.|A|AU|C|CA|NZ|HK|S|Mex|R|NT|us|u\.s\.?|usd|aud|cad|nzd|mxn|hk|hkd|c)\s?"
    rf"(?P<dollar>\$)|(?P<sym>{_SYMBOL})|(?<![A-Za-z])(?P<mega>M)?(?P<code>{_CODE})|(?<![A-Za-z])(?P<word>dollar|euro))"
    rf"\s?$")
CURRENCY_AFTER = re.compile(rf"\s?(?:(?P<sym>{_SYMBOL})|(?P<mega>M)?(?P<code>{_CODE})(?![A-Za-z]))")
_GAP = r"(?:\s*-\s*|\s+|(?=[^\w\s]))?"  # "10-gallon", "30 - year", "5 km", "20%"
UNIT_AFTER = re.compile(rf"{_GAP}(?:(?P<power>square|sq\.?|cubic|cu\.?)\s+)?(?P<bracket>[(\[{{<])?"
                        rf"(?:(?P<name>{U.NAME_RE.pattern})(?![A-Za-z])|(?P<symbol>{U.SYMBOL_RE.pattern})"
                        rf"(?![A-Za-z]))(?(bracket)[)\]}}>])(?P<exp>\^?[23](?!\d)|[²³]|\s(?:squared|cubed)\b)?")
_UNIT_CASE = re.compile(UNIT_AFTER.pattern.replace(f"(?P<name>{U.NAME_RE.pattern})",
                                                   f"(?P<name>(?i:{U.NAME_RE.pattern[3:-1]}))"))
PER_AFTER = re.compile(r"(?:\s*/\s*|\s+per\s+|\s*-?\s*\ban?\s*-?\s*)(?P<unit>[A-Za-z]+\.?|m[23²³]|\w+\^?2)(?![\w])")
NOT_PER = re.compile(r"\s+(?:earlier|ago|later|before|after|or so|and)\b", re.I)
OF_GDP = re.compile(r"\s+of\s+(?:(?:their|its|the|our|his|her|a|an|total|national|annual|combined|"
                    r"\w+[’']s)\s+)*(?:GDP|gross domestic product|economic output)\b", re.I)
AGE_AFTER = re.compile(r"\s*-?\s*(?:old|of age)\b", re.I)
APPROX_AFTER = re.compile(r"-?ish\b|\s?(?:±|\+/-|\+-)\s?[\d.eE−-]+")
MONEY_CONTEXT = re.compile(r"£|\b(?:cost|costs|price|prices|paid|pay|pays|spent|spend|fined?|worth|profit|"
                           r"revenue|sales|sold|bought|budget|fund|loan|debt|salary|earned|bid|won|deal)\b", re.I)
_PER_WORDS = {"share": "share", "shares": "share", "capita": "capita", "person": "person", "head": "person",
              "dozen": "dozen", "annum": "year"}


def currency_before(text: str, start: int) -> tuple[int, str, float] | None:
    """(where it starts, ISO code, scale) of a currency written just before a number."""
    match = CURRENCY_BEFORE.search(text, max(0, start - 8), start)
    if not match:
        return None
    if match["dollar"]:
        code = U.DOLLAR_PREFIXES.get(match["who"].lower().replace(".", ""), "USD")
    elif match["sym"]:
        code = U.SYMBOLS[match["sym"]]
    elif match["word"]:
        code = "USD" if match["word"] == "dollar" else "EUR"
    else:
        code = U.currency_of_code(match["code"])
    return (match.start(), code, 1e6 if match["mega"] else 1.0) if code else None


def unit_after(text: str, end: int, money: bool) -> tuple[int, str] | None:
    """(where it ends, canonical unit) of a unit or currency written just after a number."""
    found = []
    code = CURRENCY_AFTER.match(text, end)
    if code and (currency := U.SYMBOLS.get(code["sym"] or "") or U.currency_of_code(code["code"] or "")):
        found.append((code.end(), currency))
    match = _UNIT_CASE.match(text, end)
    if match and (unit := _unit_of(match, text, money)):
        found.append((match.end(), unit))
    return max(found, default=None, key=lambda f: f[0])


def _unit_of(match: re.Match[str], text: str, money: bool) -> str | None:
    written = match["name"] or match["symbol"]
    unit = U.unit_of_name(written) if match["name"] else U.unit_of_symbol(written)
    if unit == U.POUND:
        unit = "GBP" if money or MONEY_CONTEXT.search(text, max(0, match.start() - 120), match.end() + 60) else "lb"
    if unit and (match["power"] or match["exp"]):
        square = (match["power"] or "").lower().startswith("s") or (match["exp"] or "").strip() in (
            "2", "^2", "²", "squared")
        unit += "2" if square else "3"
    return unit


def per_after(text: str, end: int, unit: str | None) -> tuple[int, str] | None:
    """(where it ends, compound unit) for "$98 a share", "500,000 barrels a day", "km/h"."""
    match = PER_AFTER.match(text, end)
    if not match or NOT_PER.match(text, match.end()):
        return None
    written = match["unit"].rstrip(".")
    below = _PER_WORDS.get(written.lower()) or U.canonical_unit(written)
    by_article = "/" not in match.group() and "per" not in match.group()
    if not below or below == U.POUND or (by_article and below not in U.DENOMINATORS):
        return None
    compound = f"{unit or 'count'}/{below}"
    return match.end() - (len(match["unit"]) - len(written)), U.COMPOUNDS.get(compound, compound)
