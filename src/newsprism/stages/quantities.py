"""Quantities: money, percentages, counts and measures, each normalised so outlets can be compared.

A pass of regular expressions over the analysis text reads each number with what is written
around it ("more than $700 billion", "485 billion US dollars", "two-thirds", "$5-7 billion");
dates, times, phone numbers, URLs and numbers that belong to names are skipped. The spaCy
parse already made for the article then says what each number counts and is about (its
subject), and whether it is a rise or a fall; its sentence says when (its scope).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date

from text_to_num import text2num

from ..model import Article, Quantity
from . import units as U
from .textspans import doc_text

# --- reading numbers -------------------------------------------------------------------------

_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+)"
           r"(?:\.\d+)?|\.\d+")
_TIMES_TEN = r"\s?[x×*]\s?(?:10(?:(?:\^|\*\*)[-−]?\d+|[-−]\d+|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|2(?:\^|\*\*)\d+)"
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
NUMBER_RE = re.compile(
    rf"(?P<mixed>\d+ \d+/\d+(?![\d/])|\d*[½⅓⅔¼¾⅕⅛])|(?P<frac>\d+/\d+(?![\d/]))"
    rf"|(?P<power>\d+(?:\^|\*\*)[-−]?\d+)|(?P<dec>(?:{_DIGITS})(?:[eE][-+−]?\d+)?(?:{_TIMES_TEN})?)")
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety").split()
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:{'|'.join(_SMALL)}|{_SCALE_WORDS})"
WORDS_RE = re.compile(rf"\b(?:an?\s+(?={_SCALE_WORDS}|dozen))?{_WORD}(?:(?:\s*[-,&]\s*|\s+(?:and\s+)?){_WORD}\b)*"
                      rf"(?:\s+dozen)?\b", re.I)
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100}
FRACTION_AFTER = re.compile(r"[\s-]+(halves|half|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth"
                            r"|tenth|hundredth)s?)\b", re.I)
LONE_FRACTION_RE = re.compile(rf"\b(?:an?\s+)?(half|third|quarter)(?=\s+(?:of|an?\s+(?:{_SCALE_WORDS})|"
                              rf"{_SCALE_WORDS})\b)", re.I)
HALF_AFTER = re.compile(r"\s+and\s+an?\s+half\b", re.I)
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
          "trillions": 1e12}
VAGUE_RE = re.compile(r"\b(dozens|tens|hundreds|thousands|millions|billions|trillions)"
                      r"(?:\s+of\s+(thousands|millions|billions|trillions))?(?=\s+of\b)", re.I)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
          "mln": 1e6, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7, "k": 1e3, "m": 1e6, "b": 1e9}
SCALE_RE = re.compile(r"(?:\s?(?:-\s?)?(thousand|million|billion|trillion|bn|mn|mln|tn|trn|lakh|crore)s?"
                      r"|(k|K|M|m|B|b))(?![A-Za-z])")
SCALE_AFTER_FRACTION = re.compile(rf"\s+(?:an?\s+)?({_SCALE_WORDS})\b", re.I)


def finite(value) -> float | None:
    """The value as a finite float, or None when it overflows or is no number ("1e999")."""
    try:
        number = float(value)
    except (OverflowError, ValueError, TypeError):
        return None
    return number if math.isfinite(number) else None


def _power(value: float, base: int, exponent: str) -> float | None:
    exponent = exponent.replace("−", "-").translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789"))
    try:
        result = value * math.pow(base, int(exponent))
    except (OverflowError, ValueError):
        return None
    # An underflow to zero would invent a value: "1e-999" states nothing we can keep.
    return None if result == 0 and value != 0 else finite(result)


def number_value(match: re.Match[str]) -> float | None:
    """The value of a NUMBER_RE match, or None when it is absurd (overflows, divides by zero)."""
    text, kind = match.group(), match.lastgroup
    if kind == "power":
        base, exponent = re.split(r"\^|\*\*", text)
        return _power(1.0, int(base[-6:]), exponent) if len(exponent) < 6 else None
    if kind == "frac":
        top, bottom = map(int, text.split("/"))
        return top / bottom if 0 < bottom <= 100 and top < 10 * bottom else None
    if kind == "mixed":
        whole, _, part = text.partition(" ")
        if not part:
            return int(text[:-1] or 0) + _VULGAR[text[-1]]
        top, bottom = map(int, part.split("/"))
        return int(whole) + top / bottom if 0 < top < bottom else None
    mantissa, times, power = re.sub(r"[,\s]", "", text.replace("−", "-")).replace("*", "x").partition("x")
    value = finite(mantissa)
    if value is None or not times:
        return value
    base, exponent = power.replace("**", "^").split("^") if "^" in power or "**" in power else ("10", power[2:])
    return _power(value, int(base), exponent)


def words_value(text: str) -> float | None:
    """The value of number words ("a hundred and two", "twenty-one", "two dozen"), via text2num."""
    words = re.sub(r"[-,]", " ", text.lower()).replace("&", " and ").split()
    dozen = 12 if words and words[-1] == "dozen" else 1
    words = words[:-1] if dozen == 12 else words
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    try:
        return float(text2num(" ".join(words), "en")) * dozen if words else None
    except ValueError:
        return None


# --- what the text around a number must not be ----------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
BLOCKED_RE = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|int|eu|uk|ua|ru"
    r"|de|fr|info|news)(?:/\S*)?"  # web and mail addresses
    rf"|(?i:\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?!\w)(?:,?\s+\d{{4}})?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?)"  # dates
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d+(?:\.\d+){2,}\b"  # dates, versions
    r"|\b(?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b(?!\s?%)|(?:\b(?:1[0-9]|20)|['’])?\d0['’]?s\b"
    r"|(?i:\b\d{1,2}(?::\d\d){1,2}(?:\s?[ap]\.?m\b\.?)?|\b\d{1,2}(?:\.\d\d)?\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b\d{1,2}\s?(?:GMT|UTC|CET|CEST|EST|EDT|PST|BST|MSK)\b|\b[0-2]\d{3}\s?(?:GMT|UTC|hrs|hours)\b)")
PHONE_RE = re.compile(r"(?<![\w.,])(?:\+\s?)?\(?\d[\d().\s-]{5,}\d(?![\w])")
_PHONE_MARK = re.compile(r"\d[-.()]\d|\+|\(\d|\d\)|\d\s\d{4}|\d\s\d{1,2}\s")
REFERENCE_BEFORE = re.compile(
    r"(?:\bno\.|\bnos\.|#|\b(?:number|article|chapter|section|page|pages|exit|route|flight|room|platform|gate"
    r"|version|level|phase|stage|grade|class|seat|row|item|step|suite|zone|lot|unit|volume|vol\.|issue|part"
    r"|episode|season|resolution|amendment|clause|paragraph|code|model|type|mark|mk\.?|line|highway|block))"
    r"\s*$", re.I)
_SINCE = r"(?:since|from|between)\s+$"


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are no quantities: addresses, dates, times, versions, phone numbers."""
    spans = [m.span() for m in BLOCKED_RE.finditer(text)]
    for match in PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if digits >= 7 and _PHONE_MARK.search(match.group()) and not _thousands(match.group()):
            spans.append(match.span())
    return sorted(spans)


def _thousands(text: str) -> bool:
    return re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+", text.strip()) is not None


# --- atoms: one number with its currency, scale and unit ------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity read from the text alone, before the parse adds its subject and scope."""

    start: int
    end: int
    value: float
    unit: str | None = None
    change: str = "="
    scale: float = 1.0  # what a scale word ("billion") multiplied the written number by
    words: bool = False  # written in words ("two-thirds")
    suffix_currency: bool = False  # "3 dollars", which "50 cents" may complete
    low: float | None = None  # the ends of a range
    high: float | None = None


def _number_candidates(text: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, in words) of every number, without overlaps, in text order."""
    found = [(m.start(), m.end(), number_value(m), False) for m in NUMBER_RE.finditer(text)]
    found += [(m.start(), m.end(), _VAGUE[m[1].lower()] * SCALES.get((m[2] or "x").lower()[:-1], 1.0), True)
              for m in VAGUE_RE.finditer(text)]
    found += [(m.start(), m.end(), 1 / _DENOMINATORS[m[1].lower()], True) for m in LONE_FRACTION_RE.finditer(text)]
    found += _word_numbers(text)
    found.sort(key=lambda f: (f[0], -f[1]))
    kept, last_end = [], -1
    for start, end, value, words in found:
        if start >= last_end:
            kept.append((start, end, value, words))
            last_end = end
    return kept


def _word_numbers(text: str) -> list[tuple[int, int, float, bool]]:
    found, pos = [], 0
    while match := WORDS_RE.search(text, pos):
        end = match.end()
        value = words_value(match.group())
        while value is None and " " in text[match.start():end].strip():
            end = match.start() + re.match(r"(.*\S)[\s,&-]+\S+$", text[match.start():end], re.S).end(1)
            value = words_value(text[match.start():end])
        bare_scale = re.fullmatch(_SCALE_WORDS, text[match.start():end], re.I)
        if value is not None and not bare_scale:
            found.append((match.start(), end, value, True))
        pos = max(end, match.start() + 1)
    return found


def read_atom(text: str, start: int, end: int, value: float, words: bool) -> Found | None:
    """One number with the currency before it and the scale and unit after it."""
    if not words and start and text[start - 1] in "-−–" and (start < 2 or not text[start - 2].isalnum()):
        start, value = start - 1, -value
    atom = Found(start, end, value, words=words)
    currency = None if words else U.currency_before(text, start)
    if currency:
        atom = replace(atom, start=currency[0], value=value * currency[2], unit=currency[1], scale=currency[2])
    atom = _scaled(text, atom)
    atom = _fraction_words(text, atom) if words else atom
    return _with_unit(text, atom)


def _scaled(text: str, atom: Found) -> Found:
    match = SCALE_RE.match(text, atom.end)
    if not match or (atom.words and match[2]):
        return atom
    if match[2]:
        money = atom.unit is not None or U.unit_after(text, match.end()) is not None
        if not (match[2] in "kKM" or money):
            return atom
    factor = SCALES[(match[1] or match[2]).lower()]
    return replace(atom, end=match.end(), value=atom.value * factor, scale=atom.scale * factor)


def _fraction_words(text: str, atom: Found) -> Found:
    match = FRACTION_AFTER.match(text, atom.end)
    if match and atom.value <= 20 and atom.scale == 1:
        word = match[1].lower().rstrip("s")
        atom = replace(atom, end=match.end(), value=atom.value / _DENOMINATORS[word], unit="fraction")
    elif half := HALF_AFTER.match(text, atom.end):
        atom = replace(atom, end=half.end(), value=atom.value + 0.5)
    if atom.value < 1 or atom.unit == "fraction":
        scale = SCALE_AFTER_FRACTION.match(text, atom.end)
        if scale:
            factor = SCALES[scale[1].lower()]
            return replace(atom, end=scale.end(), value=atom.value * factor, scale=factor, unit=None)
        return replace(atom, unit="fraction")
    return atom


def _with_unit(text: str, atom: Found) -> Found:
    money = atom.unit is not None
    after = U.unit_after(text, atom.end, money or atom.scale > 1)
    if after and (not money or after[1] == atom.unit):
        unit = "fraction" if atom.unit == "fraction" and after[1] in U.ISO_CODES else after[1]
        atom = replace(atom, end=after[0], unit=after[1] if unit != "fraction" else atom.unit,
                       value=atom.value * after[2], suffix_currency=not money and after[1] in U.ISO_CODES)
        atom = _scaled(text, atom) if atom.scale == 1 else atom  # "75 USD million"
    for _ in range(2):  # "J/m^2 per year"
        per = U.per_after(text, atom.end, atom.unit)
        if per and atom.unit:
            atom = replace(atom, end=per[0], unit=per[1])
    if atom.unit == "percent" and (gdp := U.OF_GDP.match(text, atom.end)):
        atom = replace(atom, end=gdp.end(), unit="percent_of_gdp")
    return atom
