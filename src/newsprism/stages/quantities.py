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

# --- numbers in digits and in words --------------------------------------------------------------

# Thousands and decimals, also as tokenised text spaces them ("$500, 000", "0. 07 percent"): a group
# after a spaced comma or point must start with 0, which no list item or new sentence does.
_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"
           r"|\d{1,3}(?:, 0\d\d)+(?!\d)|\d+)(?:\.\d+|\. 0\d*)?|\.\d+")
_TIMES_TEN = r"\s?[x×*]\s?(?:10(?:(?:\^|\*\*)[-−]?\d+|[-−]\d+|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|2(?:\^|\*\*)\d+)"
FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16}  # usual ones; "9/11", "7/7" are dates
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
NUMBER_RE = re.compile(  # the look-ahead only saves time: every number starts with one of these
    rf"(?=[\d.½⅓⅔¼¾⅕⅛])(?:(?P<mixed>\d+ \d+[/⁄]\d+(?![\d/⁄])|\d*[½⅓⅔¼¾⅕⅛])|(?P<frac>\d+[/⁄]\d+(?![\d/⁄]))"
    rf"|(?P<power>\d+(?:\^|\*\*)[-−]?\d+)|(?P<dec>(?:{_DIGITS})(?:[eE][-+−]?\d+)?(?:{_TIMES_TEN})?))")
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety").split()
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:{'|'.join(_SMALL)}|{_SCALE_WORDS}|dozen)"  # "a dozen", "two dozen"
WORDS_RE = re.compile(rf"\b(?:an?\s+(?={_SCALE_WORDS}|dozen))?{_WORD}"
                      rf"(?:(?:\s*[-,&]\s*|\s+(?:and\s+)?){_WORD}\b)*(?:\s+dozen)?\b", re.I)
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100}
_NTH = "third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
FRACTION_AFTER = re.compile(rf"[\s-]+(halves|half|(?:{_NTH}|hundredth)s?)\b", re.I)
LONE_FRACTION_RE = re.compile(rf"\b(?:(?:an?|one)\s+({_NTH})|(?:an?\s+)?(half|third|quarter))"
                              rf"(?=\s+(?:of|an?\s+(?:{_SCALE_WORDS})|{_SCALE_WORDS})\b)", re.I)
# A change by a fraction written in words: "the harvest fell by a quarter", "sales rose by half".
CHANGE_FRACTION_RE = re.compile(
    r"\b(?:rose|risen|rising|fell|fallen|falling|dropped|declined|jumped|climbed|grew|grown|shrank|shrunk"
    r"|increased|decreased|slumped|plunged|surged|cut|reduced|slashed)\s+by\s+"
    r"(?:(?:nearly|almost|about|roughly|around|more than|less than)\s+)?"
    rf"(?P<fraction>(?:an?|one)\s+(?:{_NTH})|half)\b(?![\s-]+(?:of\b|an?\b|points?\b|percentage\b|{_SCALE_WORDS}))",
    re.I)
ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|other|last|final|latter|former|the|this|that"
                            r"|each|every)\s+$", re.I)
HALF_AFTER = re.compile(r"\s+and\s+an?\s+half\b", re.I)
SCALE_AFTER_FRACTION = re.compile(rf"\s+(?:an?\s+)?({_SCALE_WORDS})\b", re.I)
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
          "trillions": 1e12}
VAGUE_RE = re.compile(r"\b(dozens|tens|hundreds|thousands|millions|billions|trillions)"
                      r"(?:\s+of\s+(thousands|millions|billions|trillions))?(?=[\"”’']?\s+of\b)", re.I)
# "half the staff"; "half a ton", "half an hour", "a half-century" (the unit is read after it).
HALF_THE_RE = re.compile(r"\bhalf(?=\s+(?:the|its|their|his|her|our|those|these|all|that|this)\b)", re.I)
HALF_UNIT_RE = re.compile(rf"\b(?:an?\s+)?half(?:\s+an?(?=\s)|(?=-))(?=[\s-](?:{U.NAME_RE.pattern[3:-1]})\b)",
                          re.I)
COUPLE_RE = re.compile(r"\ba\s+couple\s+of(?=\s)", re.I)
_COUNT = rf"(?:{'|'.join(_SMALL[1:])}|\d{{1,4}})"
# "one in three voters", "2 out of 10": found from the middle words, which are fast to look for.
SHARE_MIDDLE = re.compile(r"\s(?:out\s+of|in)\s+", re.I)
SHARE_PART = re.compile(rf"\b({_COUNT})$", re.I)
SHARE_WHOLE = re.compile(rf"({_COUNT})\b", re.I)
FOLD_RE = re.compile(rf"\b({_COUNT}|hundred|thousand)[- ]?fold\b", re.I)  # "sixfold", "a 10-fold rise"
ARTICLE_RE = re.compile(rf"\b(an?)(?=[ ](?:{U.NAME_RE.pattern[3:-1]})\b)", re.I)  # "a gallon of"


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
        if base == 10 and "e" not in repr(value):  # read as decimal: 2.48×10−5 is exactly 2.48e-05
            result = float(f"{value!r}e{int(exponent)}")
        else:
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
    if kind == "frac":  # a proper fraction of a usual denominator: "9/11" and "24/7" are none
        top, bottom = map(int, re.split("[/⁄]", text))
        return top / bottom if 0 < top < bottom <= 100 and not _like_date(top, bottom) else None
    if kind == "mixed":
        whole, _, part = text.partition(" ")
        if not part:
            return int(text[:-1] or 0) + _VULGAR[text[-1]]
        top, bottom = map(int, re.split("[/⁄]", part))
        return int(whole) + top / bottom if 0 < top < bottom else None
    plain = re.sub(r"[,\s]", "", text.replace("−", "-")).replace("*", "x").replace("×", "x")
    mantissa, times, power = plain.partition("x")
    value = finite(mantissa)
    if value == 0 and re.search("[1-9]", mantissa):
        return None  # "1e-999" underflows: no value to state
    if value is None or not times:
        return value
    power = power.replace("xx", "^")  # "10**3" was read as "10xx3"
    base, exponent = power.split("^") if "^" in power else ("10", power[2:])
    return _power(value, int(base), exponent)


def _like_date(top: int, bottom: int) -> bool:
    return top <= 12 and bottom <= 31 and bottom not in FRACTION_DENOMINATORS


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


# --- digits that are no quantity ----------------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[12]?\d|3[01])"
# More days of one month: "March 3, 5 and 7", "June 4-6" (a list ends in "and", "or" or a dash).
_MORE_DAYS = (rf"(?:(?:\s*,\s*{_DAY}\b)*(?:,?\s+(?:and|&|or)\s+|\s*[-–]\s*){_DAY}(?:st|nd|rd|th)?\b"
              r"(?!\s*%|[,.]\d))?")
ADDRESS_RE = re.compile(  # web addresses
    r"(?:https?://|www\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|int|eu|uk|ua|ru|de|fr|info|news)"
    r"(?:/\S*)?")
MAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# Dates, versions, years, decades and times; the look-ahead only saves time.
BLOCKED_RE = re.compile(
    rf"(?=\d|['‘’]\d|(?i:\b{_MONTH}\s+\d))(?:"
    rf"(?i:(?<![\d.,]){_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?!\w)(?:,?\s+\d{{4}})?"  # dates
    rf"|\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b{_MORE_DAYS}(?:,?\s+\d{{4}})?)"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d+(?:\.\d+){2,}\b"  # versions
    r"|\b(?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b(?!\s?%)"  # years, decades
    r"|\b\d{1,3}\s?(?:-to-|[-–])\s?\d{1,3}(?=\s+(?:vote|decision|ruling|margin|majority|win|victory"
    r"|defeat|loss|lead|record|count|tally|split|score)\b)"  # tallies and scores
    r"|(?:\b(?:1[0-9]|20)|['’])?\d0['’]?s\b|(?<!\w)['‘’]\d\d\b(?!['’]|\s?%)"  # decades, "in '08"
    r"|(?i:\b\d{1,2}(?::\d\d){1,2}(?:\s?[ap]\.?m\b\.?)?"  # times
    r"|(?<![\d.])\d{1,2}(?:\.\d\d)?\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b\d{1,2}\s?(?:GMT|UTC|CET|CEST|EST|EDT|PST|BST|MSK)\b|\b[0-2]\d{3}\s?(?:GMT|UTC|hrs|hours)\b))")
PHONE_RE = re.compile(r"(?<![\w.,])(?:\+\s?)?\(?\d[\d().\s-]{5,}\d(?![\w])")
_PHONE_MARK = re.compile(r"\+|\(\d|\d\)|\d[-.\s]\d+[-.\s]\d|^\d{3}-\d{4}$|\d\s\d{4}")
REFERENCE_BEFORE = re.compile(
    r"(?:\bno\.|\bnos\.|#|\b(?:number|article|chapter|section|page|pages|exit|route|flight|room|platform"
    r"|gate|version|level|phase|stage|grade|class|seat|row|item|step|suite|zone|lot|unit|volume|vol\.|issue"
    r"|part|episode|season|resolution|amendment|clause|paragraph|code|model|type|mark|mk\.?|line|highway"
    r"|block|category|cat\.|force|tier|size|squad|jersey|channel|interstate|apollo|air force))\s*$", re.I)
YEAR_RE = re.compile(r"(?:1\d\d\d|20\d\d)(?:\s*(?:-|–|to|and)\s*(?:1\d\d\d|20\d\d))?")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are no quantities: addresses, dates, times, versions, phone numbers."""
    spans = [m.span() for m in BLOCKED_RE.finditer(text)] + [m.span() for m in ADDRESS_RE.finditer(text)]
    spans += [m.span() for m in MAIL_RE.finditer(text)] if "@" in text else []
    for match in PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        spaced_thousands = re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+", match.group().strip())
        if digits >= 7 and _PHONE_MARK.search(match.group()) and not spaced_thousands:
            spans.append(match.span())
    return sorted(spans)


# --- atoms: one number with its currency, scale and unit ---------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity read from the text alone, before the parse adds its subject and scope."""

    start: int
    end: int
    value: float
    unit: str | None = None
    change: str = "="
    scale: float = 1.0  # what a scale word ("billion") multiplied the written number by
    words: bool = False  # written in words ("two-thirds", "tens of billions")
    suffix_currency: bool = False  # "3 dollars", which "50 cents" may complete
    low: float | None = None  # the ends of a range
    high: float | None = None


Candidate = tuple[int, int, float | None, str]  # start, end, value, kind: digits|words|vague|article


def number_candidates(text: str) -> list[Candidate]:
    """Every number, written in digits or words, without overlaps, in text order."""
    found = [(m.start(), m.end(), number_value(m), "digits") for m in NUMBER_RE.finditer(text)]
    found += [(m.start(), m.end(), _VAGUE[m[1].lower()] * U.SCALES.get((m[2] or "x").lower()[:-1], 1.0),
               "vague") for m in VAGUE_RE.finditer(text)]
    found += [(m.start(), m.end(), 1 / _DENOMINATORS[(m[1] or m[2]).lower()], "words")
              for m in LONE_FRACTION_RE.finditer(text)
              if not ORDINAL_BEFORE.search(text, max(0, m.start() - 12), m.start())]  # "the second half"
    found += [(m.start("fraction"), m.end("fraction"), 1 / _DENOMINATORS[m["fraction"].split()[-1].lower()],
               "words") for m in CHANGE_FRACTION_RE.finditer(text)]
    found += [(m.start(), m.end(), 1.0, "article") for m in ARTICLE_RE.finditer(text)]
    found += [(m.start(), m.end(), 0.5, "words") for regex in (HALF_THE_RE, HALF_UNIT_RE)
              for m in regex.finditer(text)
              if not ORDINAL_BEFORE.search(text, max(0, m.start() - 12), m.start())]
    found += [(m.start(), m.end(), 2.0, "words") for m in COUPLE_RE.finditer(text)]
    found += _shares(text)
    if "fold" in text:
        found += [(m.start(), m.end(), _count_value(m[1]), "fold") for m in FOLD_RE.finditer(text)]
    found += _word_numbers(text)
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[Candidate] = []
    for candidate in found:
        if not kept or candidate[0] >= kept[-1][1]:
            kept.append(candidate)
    return kept


def _count_value(written: str) -> float | None:
    return float(written) if written.isdigit() else words_value(written)


def _shares(text: str) -> list[Candidate]:
    # "one in three voters", "2 out of 10": a fraction, unless a unit follows ("5 in 10 days").
    found = []
    for middle in SHARE_MIDDLE.finditer(text):
        part = SHARE_PART.search(text, max(0, middle.start() - 10), middle.start())
        whole = SHARE_WHOLE.match(text, middle.end())
        if not (part and whole):
            continue
        low, high = _count_value(part[1]), _count_value(whole[1])
        if low and high and low < high <= 1000 and U.unit_after(text, whole.end()) is None:
            found.append((part.start(), whole.end(), low / high, "words"))
    return found


def _word_numbers(text: str) -> list[Candidate]:
    found, pos = [], 0
    while match := WORDS_RE.search(text, pos):
        start, end = match.span()
        value = words_value(match.group())
        while value is None and " " in text[start:end].strip():  # "one, two, three": one at a time
            end = start + re.match(r"(.*\S)[\s,&-]+\S+$", text[start:end], re.S).end(1)
            value = words_value(text[start:end])
        if value is not None and not re.fullmatch(_SCALE_WORDS, text[start:end], re.I):
            found.append((start, end, value, "words"))
        pos = max(end, start + 1)
    return found


UNIT_AND_HALF = re.compile(r"\s+and\s+an?\s+half\b(?!\s+(?:of|times)\b)", re.I)
AGE_END = re.compile(r"\s*(?:[,.;:)!?]|$|(?:in|on|this|last|next|and|but|when|before|after|is|was|the|that"
                     r"|years?)\b)")
FEET_AFTER = re.compile(r"['’′](?=\s?\d{1,2}(?:[\"”″]|''))")
FEET_BEFORE = re.compile(r"\d['’′]\s?$")
INCHES_AFTER = re.compile(r"[\"”″]")
DECADE_AFTER = re.compile(r"\s+(?:decade|century)\b", re.I)  # "a decade ago": ten years
MINUS_BEFORE = re.compile(r"\b(?:minus|negative)\s+$", re.I)


def read_atom(text: str, candidate: Candidate, floor: int = 0) -> Found | None:
    """One number with the currency before it (not before `floor`) and the scale and unit after it."""
    start, end, value, kind = candidate
    words = kind != "digits"
    if not words and start and text[start - 1] in "-−–" and (start < 2 or not text[start - 2].isalnum()):
        start, value = start - 1, -value
    elif minus := MINUS_BEFORE.search(text, max(0, start - 10), start):
        start, value = minus.start(), -value  # "minus 40 degrees"
    # "tens of billions" is at least ten billion: kept as that, marked approximate.
    atom = Found(start, end, value, "count" if kind == "fold" else None, "~" if kind == "vague" else "=",
                 words=words)
    currency = None if words else U.currency_before(text, start, floor)
    if currency:
        start, code, mega = currency
        atom = replace(atom, start=start, value=value * mega, unit=code, scale=mega)
    atom = _uncertain(text, _scaled(text, atom))
    atom = _fraction_words(text, atom) if kind == "words" else atom
    if kind == "article":
        atom = _with_unit(text, atom)
        return atom if atom.unit in U.ARTICLE_UNITS or DECADE_AFTER.match(text, end) else None
    if kind == "vague" and (of := re.match(r"[\"”’']?\s+of(?=\s)", text[end:end + 5])):
        counted = _with_unit(text, replace(atom, end=end + of.end()))  # "tens of billions of dollars"
        return counted if counted.unit else atom
    return _with_unit(text, atom)


def _scaled(text: str, atom: Found) -> Found:
    scale = U.scale_after(text, atom.end, atom.unit is not None, atom.words)
    if not scale:
        return atom
    return replace(atom, end=scale[0], value=atom.value * scale[1], scale=atom.scale * scale[1])


def _uncertain(text: str, atom: Found) -> Found:
    # Reads past "±0.01" (the value stays) and "-ish" (the value is approximate).
    match = U.UNCERTAINTY.match(text, atom.end)
    if not match:
        return atom
    return replace(atom, end=match.end(), change="~" if match["ish"] else atom.change)


def _fraction_words(text: str, atom: Found) -> Found:
    match = FRACTION_AFTER.match(text, atom.end)
    if match and atom.value <= 20 and atom.scale == 1:
        denominator = _DENOMINATORS[match[1].lower().rstrip("s")]
        atom = replace(atom, end=match.end(), value=atom.value / denominator, unit="fraction")
    elif half := HALF_AFTER.match(text, atom.end):
        atom = replace(atom, end=half.end(), value=atom.value + 0.5)
    if not (0 < atom.value < 1 or atom.unit == "fraction"):
        return atom
    scale = SCALE_AFTER_FRACTION.match(text, atom.end)  # "a quarter million", "three quarters billion"
    if not scale:
        return replace(atom, unit="fraction")
    factor = U.SCALES[scale[1].lower()]
    return replace(atom, end=scale.end(), value=atom.value * factor, scale=factor, unit=None)


# "won" alone is mostly a verb; after a scale word it is Korea's currency: "1.2tn won", "500 billion won".
SCALED_WON = re.compile(r"\s?won\b")


CONVERSION_ASIDE = re.compile(r"\s*\([^()]{1,30}\)")  # a sum's conversion in brackets, before its "per"


def _with_unit(text: str, atom: Found) -> Found:
    if atom.unit is None and not atom.words:  # a height: 5’2”, 6' 1"
        if feet := FEET_AFTER.match(text, atom.end):
            return replace(atom, end=feet.end(), unit="ft")
        inches = INCHES_AFTER.match(text, atom.end)
        if inches and FEET_BEFORE.search(text, max(0, atom.start - 4), atom.start):
            return replace(atom, end=inches.end(), unit="in")
    money = atom.unit in U.CURRENCIES
    if atom.unit is None and atom.scale > 1 and (won := SCALED_WON.match(text, atom.end)):
        return replace(atom, end=won.end(), unit="KRW", suffix_currency=True)
    after = U.unit_after(text, atom.end, money or atom.scale > 1)
    if after and _inch_is_quote(text, atom, after):
        after = None
    # After "$10" only the same currency's name ("dollars") belongs to it; "$ 20 $ 30" are two sums.
    if after and (not money or after[1] == atom.unit and re.search("[a-z]{3}", text[atom.end:after[0]])):
        atom = replace(atom, end=after[0], unit=after[1], value=atom.value * after[2],
                       suffix_currency=not money and after[1] in U.CURRENCIES)
        atom = _scaled(text, atom) if atom.scale == 1 else atom  # "75 USD million"
    for _ in range(2):  # "J/m^2 per year"
        per = U.per_after(text, atom.end, atom.unit) if atom.unit else None
        atom = replace(atom, end=per[0], unit=per[1]) if per else atom
    if atom.unit in U.CURRENCIES and (aside := CONVERSION_ASIDE.match(text, atom.end)) \
            and (per := U.per_after(text, aside.end(), atom.unit)):
        atom = replace(atom, unit=per[1])  # "1,500 rupiah ($0.09) per litre": the rate, its span kept
    if atom.unit == "percent" and (gdp := U.OF_GDP.match(text, atom.end)):
        atom = replace(atom, end=gdp.end(), unit="percent_of_gdp")
    if atom.unit and atom.scale == 1 and (half := UNIT_AND_HALF.match(text, atom.end)):
        atom = replace(atom, end=half.end(), value=atom.value + 0.5)  # "a mile and a half"
    if atom.unit in U.YEARS_IN:  # "two decades": 20 years
        atom = replace(atom, value=atom.value * U.YEARS_IN[atom.unit], unit="year")
    if atom.unit in ("year", "month", "week", "day") and (old := U.AGE_AFTER.match(text, atom.end)):
        atom = replace(atom, end=old.end())  # an age: "28-year-old", "five years of age"
    before = text[max(0, atom.start - 9):atom.start]
    turned = re.search(r"\bturn(?:ed|s|ing)?\s+$", before) and AGE_END.match(text, atom.end)
    if atom.unit is None and (re.search(r"\b(?:aged?|age of)\s+$", before, re.I) or turned):
        atom = replace(atom, unit="year")  # "aged 66", "when they turned 18"
    return atom


def _inch_is_quote(text: str, atom: Found, after: tuple[int, str, float]) -> bool:
    # '"English 101"' closes a quotation; '9"' is nine inches.
    if after[1] != "in" or text[after[0] - 1] not in '"″':
        return False
    return text[text.rfind("\n", 0, atom.start) + 1:atom.start].count('"') % 2 == 1


# --- ranges, amounts in two parts, lists ------------------------------------------------------

RANGE_GAP = re.compile(r"\s*(?:-\s*)?(?:to|and|-|–|—)\s*", re.I)
CENTS_GAP = re.compile(r"\s+(?:and\s+)?", re.I)
TO_GAP = re.compile(r"\s+to\s+")  # "50 to 48 percent" (no range), "rose from 3 to 5%"
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+", re.I)
CHANGE_WORDS = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increased?|increasing|grew|grow[sn]?|growing|climb\w*|jump\w*|fell"
    r"|fall(?:s|en|ing)?|drop\w*|declin\w*|decreas\w*|cut|reduc\w*|went|go(?:ne|es)?|mov\w+|chang\w+|slid"
    r"|shr[au]nk|rais\w+|lower\w*|boost\w*|gain(?:s|ed)?|add(?:s|ed)|lost|los(?:es|ing)|slipped|slips|shed"
    r"|advanc\w+|surg\w+|soar\w+|tumbl\w+|plung\w+|slump\w+|sank|sink\w*|edged (?:up|down|higher|lower))\b",
    re.I)


def merge_atoms(text: str, atoms: list[Found]) -> list[Found]:
    """Join "$5-7 billion" into one range and "3 dollars 50 cents" into one amount."""
    merged, index = [], 0
    while index < len(atoms):
        atom, following = atoms[index], atoms[index + 1] if index + 1 < len(atoms) else None
        joined = _range(text, atom, following) if following else None
        joined = _cents(text, atom, following) if joined is None and following else joined
        if joined is None:
            merged.append(_shared_unit(text, atom, following) if following else atom)
            index += 1
        else:
            merged.extend([joined] if joined else [])  # False: a score ("3-2"), dropped whole
            index += 2
    return merged


def _range(text: str, low: Found, high: Found) -> Found | bool | None:
    gap = RANGE_GAP.fullmatch(text, low.end, high.start)
    if not gap or (low.unit and high.unit and low.unit != high.unit) or _year_and_words(text, low, high):
        return None
    before, sign = text[max(0, low.start - 60):low.start], gap.group().strip().lower()
    if sign == "and" and not re.search(r"\bbetween\s+$", before, re.I):
        return None
    if re.search(r"\bfrom\s+$", before, re.I) and CHANGE_WORDS.search(before):
        return None  # "rose from 3% to 5%": two values, not a range
    if sign == "to" and _change_then_level(text, low, high):
        return None  # "fell 0.7% to 9,840": the change and the new level
    if gap.group() in "-–" and not (low.unit or high.unit or high.scale > 1) and _small_integers(low, high):
        return False
    # "$5-7 billion" and "two to three thousand": the scale written once is both ends'; not
    # where it would put the low end above the high one ("$600,000 to $1.5 million").
    scale = high.scale
    if high.words and (word := re.search(rf"({_SCALE_WORDS})$", text[high.start:high.end], re.I)):
        scale = U.SCALES[word[1].lower()]  # "three thousand" was read whole
    first = low.value * scale if low.scale == 1 and scale > 1 else low.value
    first = low.value if first > high.value else first
    if first > high.value >= 0:
        return None  # "50 to 48 percent", "71 percent to 27 percent": two shares, no range
    # A range keeps its midpoint as the value (marked "~"), and both ends in low/high.
    return Found(low.start, high.end, (first + high.value) / 2, low.unit or high.unit, "~", high.scale,
                 low.words and high.words, low=first, high=high.value)


CHANGE_BEFORE = re.compile(
    rf"{CHANGE_WORDS.pattern}(?:\s+(?:by|nearly|almost|about|some|just|over|another))?\s*$", re.I)


def _change_then_level(text: str, low: Found, high: Found) -> bool:
    """True for "rose $30 billion to $510 billion": a change, then the level it led to."""
    if not CHANGE_BEFORE.search(text, max(0, low.start - 40), low.start):
        return False
    return bool(low.unit) and (bool(high.unit) or high.scale == 1)


def _year_and_words(text: str, low: Found, high: Found) -> bool:
    # "in 2017 to one count": a year is no end of a range in words.
    return low.words != high.words and any(
        not f.words and not f.unit and YEAR_RE.fullmatch(text, f.start, f.end) for f in (low, high))


def _small_integers(*found: Found) -> bool:
    return all(f.value.is_integer() and 0 <= f.value <= 200 for f in found)


def _shared_unit(text: str, first: Found, second: Found) -> Found:
    # "45 and 50 mg": the first number takes the unit (and scale) written after the second.
    if first.unit or not second.unit or first.scale > 1 or re.fullmatch(r"(?:1[89]|20)\d\d",
                                                                         text[first.start:first.end]):
        return first
    gap = text[first.end:second.start]
    if not (LIST_GAP.fullmatch(gap) or TO_GAP.fullmatch(gap)):
        return first
    return replace(first, unit=second.unit, value=first.value * second.scale, scale=second.scale)


def _cents(text: str, whole: Found, part: Found) -> Found | None:
    if not (whole.suffix_currency and CENTS_GAP.fullmatch(text, whole.end, part.start)):
        return None
    if part.unit not in (None, "cent") or not (0 < part.value < 100 and part.value.is_integer()):
        return None
    if part.unit is None and re.match(r"\s*[\w$€£]", text[part.end:part.end + 2]):
        return None
    return replace(whole, end=part.end, value=whole.value + part.value / 100)


ADDRESS_AT = re.compile(r"\bat\s+$", re.I)
ADDRESS_NUMBER = re.compile(r"\d+\s+[NSEW]\.?(?:\s|$)")  # "at 200 W. Main"
BOUND_PREFIX = re.compile(r"\b(?:sub|under|over|near)-$", re.I)  # "sub-500 sq ft"
ONE_ON_ONE = re.compile(r"(\w+)-on-\1\b", re.I)


def keep_text(text: str, found: Found) -> bool:
    """False for numbers that are parts of names, ids, years or list markers."""
    before, after = text[max(0, found.start - 40):found.start], text[found.end:found.end + 2]
    glued = re.search(r"[A-Za-z][-−–]?$|\d/$|\d[.,+]$", before) and not BOUND_PREFIX.search(before)
    feet = found.unit == "ft" and text[found.end - 1] in "'’′"  # 5’2”
    if glued or re.match(r"[A-Za-z0-9]|/\d", after) and not feet or ONE_ON_ONE.match(text, found.start):
        return False
    if ADDRESS_AT.search(before) and ADDRESS_NUMBER.match(text, found.start):
        return False  # "at 200 W. Main": an address, not 200 watts
    if found.unit is not None:
        return True
    if re.fullmatch(r"\d{10,}", text[found.start:found.end]):
        return False  # an identifier: ten digits and more, no separators
    if YEAR_RE.fullmatch(text, found.start, found.end):
        return False  # a year, not a count
    if REFERENCE_BEFORE.search(before) or re.match(r"\s?\)", after) and "(" not in before[-12:]:
        return False
    line_start = not before.rpartition("\n")[2].strip()
    return not (line_start and re.match(r"[.)]\s", after))  # a list marker


# A time taken written as hours, minutes and seconds ("2:04:51", "1:58:03.4"): no clock reads so.
RACE_TIME = re.compile(r"(?<![\d:.])(?<!\bat )(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)(?![\d:])"
                       r"(?!\s*(?:GMT|UTC|[ap]\.?m\b|local|[A-Z]{2,4}T\b))", re.IGNORECASE)


def scan(text: str) -> list[Found]:
    """Every quantity the text states, read from the text alone (no parse): the regex pass."""
    durations = [Found(m.start(), m.end(), int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3]), "s")
                 for m in RACE_TIME.finditer(text)]  # "won in 2:04:51": a time taken, in seconds
    blocked = sorted(blocked_spans(text) + [(d.start, d.end) for d in durations])
    atoms: list[Found] = []
    for candidate in number_candidates(text):
        start, end, value, _ = candidate
        if value is None or (atoms and start < atoms[-1].end) or any(
                s < end and start < e for s, e in blocked):
            continue
        atom = read_atom(text, candidate, atoms[-1].end if atoms else 0)
        if atom is not None and finite(atom.value) is not None:
            atoms.append(atom)
    found = [_changed(text, f) for f in merge_atoms(text, atoms) if keep_text(text, f)]
    return changes_per_unit(text, sorted(found + durations, key=lambda f: f.start))


_MONEY_OF = {"cent": "USD", "penny": "GBP"}
_CLAUSE = r"(?:[^.;$€£]|\.(?=\d))"  # no sentence end and no other sum of money
# "rose 80 cents, or 1.1%, to settle at"
LEVEL_AFTER = re.compile(rf"{_CLAUSE}{{0,60}}?\bto\b{_CLAUSE}{{0,30}}")
CHANGE_AFTER = re.compile(rf"{_CLAUSE}{{0,60}},\s*(?:up|down)\s*", re.I)  # "$3.29 a gallon on average, up"


def changes_per_unit(text: str, found: list[Found]) -> list[Found]:
    """A rise or fall in money takes the "per" of the price it moved: "rose $1.20 to $75.40 a
    barrel" and "$3.29 a gallon, up 12 cents" are per barrel and per gallon."""
    result = list(found)
    for index, change in enumerate(found):
        if change.change not in ("up", "down") or change.unit not in U.CURRENCIES:
            continue
        money = _MONEY_OF.get(change.unit, change.unit)
        for other, gap in [*((f, LEVEL_AFTER) for f in found[index + 1:index + 3]),
                           *((f, CHANGE_AFTER) for f in found[max(0, index - 1):index])]:
            if not other.unit or "/" not in other.unit:
                continue
            amount, below = other.unit.split("/", 1)
            later = other.start > change.start
            between = text[change.end:other.start] if later else text[other.end:change.start]
            if _MONEY_OF.get(amount, amount) == money and gap.fullmatch(between):
                result[index] = replace(change, unit=f"{change.unit}/{below}")
                break
    return result


# --- change: about, more than, rose by ----------------------------------------------------------

_MODIFIERS = {
    "gt": "more than|greater than|higher than|larger than|over|above|in excess of|exceeding|at least"
          "|upwards of|north of|beyond|just over|well over|well above|excess of",
    "lt": "less than|fewer than|lower than|under|below|(?<!\\badd )(?<!\\badds )(?<!\\badded )up to|at most"
          "|no more than|as (?:much|many|high) as"
          "|sub-|under-"
          "|just under|well under|well below|shy of|a maximum of",
    "approx": r"about|around|approximately|approx\.|roughly|some|nearly|almost|close to|circa"
              r"|an estimated|estimated|somewhere around|in the region of|on the order of|~|≈",
}
MODIFIER_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _MODIFIERS.items()) + r")\s*$",
    re.I)
_CHANGE_OF = {"gt": ">", "lt": "<", "approx": "~"}
HANDED_OVER = re.compile(r"\b(?:hand|turn|sign|fork)(?:s|ed|ing)?\s+$", re.I)
_UP = ("rose risen rises rise rising increased increase increases increasing grew grown grows growing "
       "climbed climbs jumped jumps gained gains surged surges soared soars up higher added adds raised "
       "raises boosted boosts").split()
_DOWN = ("fell fallen falls fall falling dropped drops declined declines decreased decreases cut cuts lost "
         "loses slid slides sank sinks tumbled plunged down lower shrank shrunk slashed reduced slumped "
         "dipped eased contracted shed").split()
UP_BEFORE = re.compile(rf"\b(?:{'|'.join(_UP)}|(?:an?\s+)?(?:increase|rise|jump|gain|hike|growth|surge)\s+of)"
                       r"\s+(?:by\s+)?$", re.I)
DOWN_BEFORE = re.compile(rf"\b(?:{'|'.join(_DOWN)}|(?:an?\s+)?(?:decrease|decline|drop|fall|cut|reduction)"
                         r"\s+of)\s+(?:by\s+)?$", re.I)
UP_AFTER = re.compile(r"\s*-?\s*(?:increase|rise|jump|gain|hike|growth|surge|higher|more)\b", re.I)
DOWN_AFTER = re.compile(r"\s*-?\s*(?:decrease|decline|drop|fall|cut|reduction|lower|less|fewer)\b", re.I)


def _changed(text: str, found: Found) -> Found:
    """The quantity with its change; a modifier that says how exact it is joins its span."""
    start, change = found.start, found.change
    modifier = MODIFIER_BEFORE.search(text, max(0, start - 30), start)
    if modifier and modifier[0].strip().lower() == "over" \
            and HANDED_OVER.search(text, max(0, modifier.start() - 20), modifier.start()):
        modifier = None  # "each handed over 90 prisoners": the verb's particle, not a bound
    if modifier:
        start, change = modifier.start(), _CHANGE_OF[modifier.lastgroup]
    before = text[max(0, start - 40):start]
    # A rise or fall says more than how exact the number is: it is a difference, not a level.
    if UP_BEFORE.search(before) or UP_AFTER.match(text, found.end):
        change = "up"
    elif DOWN_BEFORE.search(before) or DOWN_AFTER.match(text, found.end):
        change = "down"
    return replace(found, start=start, change=change)


# --- the parse: what a number counts and what it is about ---------------------------------------

UP_LEMMAS = {"increase", "rise", "grow", "climb", "jump", "gain", "surge", "soar", "raise", "boost",
             "expand", "add", "up", "hike", "lift"}
DOWN_LEMMAS = {"decrease", "fall", "drop", "decline", "cut", "reduce", "lose", "slide", "sink", "tumble",
               "plunge", "shrink", "slash", "lower", "slump", "dip", "ease", "contract", "shed", "down"}
STREET = re.compile(r"\s+(?:[A-Z]\w+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?"
                    r"|Lane|Drive|Square|Place)\b")


def find_quantities(doc, article: Article) -> list[Quantity]:
    """Every quantity stated in the article, in text order, with its subject and scope."""
    text = doc_text(doc)
    anchor = published_date(article.published)
    found_all = scan(text)
    spans = [(f.start, f.end) for f in found_all]
    records: list[Quantity] = []
    for found in found_all:
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or not len(span) or not keep_parsed(text, span, found):
            continue
        found = _trend(span, _counted(text, span, found))
        records.append(Quantity(
            id=f"{article.id}:q{len(records) + 1}", article_id=article.id, start=found.start, end=found.end,
            text=text[found.start:found.end], value=found.value, unit=found.unit, change=found.change,
            subject=subject_of(span),
            scope=None if _age(span, found) else scope_of(text, span, found, anchor, spans)))
    return records


def keep_parsed(text: str, span, found: Found) -> bool:
    """False for bare numbers the parse shows to be names ("Boeing 737", "Formula One") or pronouns."""
    if found.unit is not None:
        return True
    previous = span.doc[span.start - 1] if span.start else None
    if previous is not None and not previous.is_sent_start and (
            previous.pos_ == "PROPN" and previous.text[:1].isupper() or MIXED_CASE.match(previous.text)):
        return False  # "Formula One", "iPhone 11"
    if STREET.match(text, found.end) or SHIRT.match(text, found.end):
        return False
    last = span[-1]
    if last.lower_ == "one":  # "one of them", "no one": kept only when it counts a noun
        return last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i
    return True


SHIRT = re.compile(r"\s+(?:shirt|jersey)\b", re.I)  # "the 23 jersey" is a name
MIXED_CASE = re.compile(r"[a-z]+[A-Z]\w*$")  # "iPhone", "eBay"


SCALE_BEFORE = re.compile(r"\bmagnitude[- ]$", re.IGNORECASE)  # a reading on a scale, right before the figure


def _counted(text: str, span, found: Found) -> Found:
    # A bare number takes the noun it counts as its unit: "5,000 troops" -> troop.
    if found.unit is not None:
        return found
    if _age(span, found):
        return replace(found, unit="year")  # "Raj Chohan, 59, was killed"
    if SCALE_BEFORE.search(text, max(0, found.start - 12), found.start):
        return replace(found, unit="magnitude")  # "a magnitude 6.4 earthquake" counts no earthquakes
    last = span[-1]
    # The number's last word, or the word it hangs on ("four" of "four dozen questions").
    counter = next((t for t in (last, span.root) if t.dep_ in ("nummod", "quantmod", "compound")
                    and t.head.i >= span.end and (t.head.pos_ == "NOUN" or _people_word(t.head))), None)
    if counter is None and last.dep_ in ("nummod", "compound") and _designation(last.head, span.end):
        counter = last.head  # "seven AK-47 assault rifles": the rifles, not the model's name
    head = last.head
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if counter is not None:
        noun = counter.head
    elif following is not None and U.COUNTED_AFTER.match(text, found.end):  # "2m homes", however parsed
        noun = following
    elif following is not None and following.dep_ == "amod" and following.head.pos_ == "NOUN" \
            and 0 < following.head.i - following.i <= AMOD_REACH:
        noun = following.head  # "412 confirmed measles cases", the number parsed as a subject
    elif last.dep_ == "conj" and head.pos_ == "NOUN" and head.i < last.i \
            and any(c.dep_ == "nummod" for c in head.children):
        noun = head  # "30 flats for sale and 12 for rent": the noun said once counts both
    elif found.value >= 1:  # "thousands of troops", "three of the people", "a couple of officers"
        of = last if last.lower_ == "of" else next(
            (c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) \
            if of is not None else None
    else:
        noun = None
    if noun is None or noun.lemma_.lower() in NO_COUNT_NOUNS:
        return found
    return replace(found, unit=_compound_modifier_head(noun) or counted_noun(noun, span.end))


# A noun and a participle written apart that together qualify the noun after them ("one rocket
# propelled grenade launcher", "two laser guided bombs"): the parse often takes the first noun
# for what is counted.
COMPOUND_PARTICIPLE = re.compile(r"[- ](?:propelled|guided|powered|launched|mounted|fired|driven|"
                                 r"operated|based|armed|made)\s+((?:[a-z]+\s+){0,2}[a-z]+)\b")


def _compound_modifier_head(noun) -> str | None:
    """What is counted after a noun-and-participle modifier, singular ("grenade launcher")."""
    doc = noun.doc
    found = COMPOUND_PARTICIPLE.match(doc_text(doc), noun.idx + len(noun.text))
    if not found:
        return None
    run = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    words = list(run) if run is not None else []
    while words and words[-1].pos_ in NOT_NAMING:  # "grenade launchers were found"
        words.pop()
    if not words or any(t.pos_ in NOT_NAMING for t in words):
        return None
    last = words[-1]  # the parse may tag it anything ("launcher" as an adverb): its lemma only if a noun
    head = last.lemma_.lower() if last.pos_ == "NOUN" else last.lower_
    return " ".join([*(t.lower_ for t in words[:-1]), U.PER_WORDS.get(head, head)])


NOT_NAMING = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART", "NUM"})


DESIGNATION = re.compile(r"^[A-Z]{1,4}-?\d{1,4}[A-Za-z]?$")  # a model's name: "AK-47", "F-16", "T72"


def _designation(token, after: int) -> bool:
    """Whether a token after a number is a model's name that itself qualifies a noun after it
    ("seven AK-47 assault rifles", "two F-16 jets")."""
    return token.i >= after and bool(DESIGNATION.match(token.text)) \
        and token.dep_ in ("nummod", "compound") and token.head.pos_ == "NOUN" and token.head.i > token.i


def _people_word(token) -> bool:
    return token.pos_ == "PROPN" and (token.tag_ == "NNPS" or token.ent_type_ == "NORP")  # "Ukrainians"


AMOD_REACH = 3  # words from a modifier right after a number to the noun it qualifies
NO_COUNT_NOUNS = {"other", "more", "less", "few", "many", "some", "all", "each", "time"}


def _age(span, found: Found) -> bool:
    # A bare whole number set off by commas after a name is an age.
    doc = span.doc
    if not (found.value.is_integer() and 0 < found.value < 120) or span.start < 2:
        return False
    before, name = doc[span.start - 1], doc[span.start - 2]
    after = doc[span.end] if span.end < len(doc) else None
    return before.text == "," and name.pos_ == "PROPN" and name.text[:1].isupper() \
        and (after is None or after.text in (",", ".", ";", ")"))


def counted_noun(noun, after: int = 0) -> str:
    """The singular of a counted noun with the nouns compounded with it: "fighter jet", "troop"
    (not those before token `after`: the "m" of "400m devices" is the number's)."""
    compounds = [c.lower_ for c in noun.children
                 if c.dep_ == "compound" and after <= c.i < noun.i and c.pos_ == "NOUN"]
    doc, parts = noun.doc, []
    while noun.i + 2 < len(doc) and not noun.whitespace_ and doc[noun.i + 1].text == "-" \
            and not doc[noun.i + 1].whitespace_ and doc[noun.i + 2].is_alpha:
        parts.append(noun.lower_)  # "e-scooters", which the tokenizer splits at its hyphen
        noun = doc[noun.i + 2]
    lemma = noun.lemma_.lower()
    return " ".join([*compounds, "-".join([*parts, U.PER_WORDS.get(lemma, lemma)])])


def _trend(span, found: Found) -> Found:
    # "increased their spending by $700 billion": a rise the words just before it do not show.
    root = span.root
    if found.change in ("up", "down") or root.dep_ != "pobj" or root.head.lower_ != "by":
        return found
    verb = root.head.head.lemma_.lower()
    if verb in UP_LEMMAS or verb in DOWN_LEMMAS:
        return replace(found, change="up" if verb in UP_LEMMAS else "down")
    return found


_CLAUSES = {"relcl", "acl", "advcl", "appos", "parataxis", "dep", "mark"}
_LEADING = {"det", "poss", "predet", "cc", "case", "punct", "prep"}
_NOUN_DEPS = {"nummod", "compound", "amod", "quantmod", "nmod"}
CHANGE_NOUNS = {"increase", "rise", "growth", "jump", "gain", "hike", "decrease", "decline", "drop", "fall",
                "cut", "reduction", "loss", "total", "sum", "amount", "figure", "number", "share", "rate",
                "level"}


def subject_of(span) -> str | None:
    """What a quantity is about: what it is a share of, the noun it qualifies, or its clause's subject."""
    root, inside = span.root, {t.i for t in span}
    pobj = _of_object(root, inside)
    if pobj is not None:
        return phrase(pobj, inside)  # "99% of the military assistance", "$2.5bn in aid"
    head = root.head
    if head.pos_ in ("NOUN", "PROPN") and head.i not in inside and root.dep_ in _NOUN_DEPS:
        return phrase(head, inside)  # "5,000 troops", "a $300 million contract"
    if root.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() not in CHANGE_NOUNS:
        return phrase(head.head, inside | {head.i})  # "the spending target of 2%"
    return clause_subject(root, inside)


def _of_object(token, inside: set[int] = frozenset()):
    of = next((c for c in token.children
               if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i not in inside), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def clause_subject(token, inside: set[int]) -> str | None:
    """The subject of the clause a quantity sits in, with what it did: "allies spent on defence"."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in inside]
    if token.dep_ == "pobj" and token.head.lower_ in ("by", "to") and objects:
        return phrase(objects[0], inside)  # "increased their spending by $700 billion"
    subject = nearest_subject(verb, inside)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return phrase(verb.head, inside | {verb.i})  # "the obligation to spend 2% of GDP"
    if subject is None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return clause_subject(verb.head, inside)
    if subject is None or subject.pos_ == "PRON":
        return None
    if subject.pos_ == "NUM" or any(c.pos_ == "NUM" for c in subject.children):
        subject = _of_object(subject) or subject  # "two-thirds of NATO members spend..."
    said = phrase(subject, inside)
    where = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "for")
                  and any(g.pos_ == "NOUN" for g in c.children) and _describes(c, inside)), None)
    place = phrase(next(where.children), inside) if where is not None else None
    if said and place and verb.pos_ == "VERB" and verb.lemma_ != "be":
        return f"{said} {verb.text} {where.text} {place}"
    return said


def nearest_subject(verb, exclude: set[int] = frozenset()):
    """The verb's subject; of two the parser gives it, the nearer: the farther is a dateline
    ("MANIZALES, Colombia, Oct 14 (AWS) - The death toll ... rose to 17")."""
    return min((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in exclude),
               key=lambda c: abs(c.i - verb.i), default=None)


def phrase(token, exclude: set[int]) -> str | None:
    """A noun's phrase without the quantity, clauses or leading articles: "defence spending"."""
    tokens = sorted([token] + [t for c in token.children if _describes(c, exclude) for t in c.subtree],
                    key=lambda t: t.i)
    if len(tokens) > 10:
        tokens = [t for t in tokens if t.i <= token.i and token.i - t.i < 6]
    while tokens and (tokens[0].dep_ in _LEADING or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip() or None


def _describes(child, exclude: set[int]) -> bool:
    # Clauses, other numbers and the quantity itself say nothing of what a quantity counts.
    if child.dep_ in _CLAUSES or child.dep_ == "prep" and child.lower_ not in ("of", "in", "for", "on"):
        return False
    return not any(t.i in exclude or t.pos_ == "NUM" or t.ent_type_ in ("MONEY", "PERCENT")
                   for t in child.subtree)


# --- scope: the time a quantity covers ----------------------------------------------------------

_YEAR = r"(?:1[89]|20)\d\d"
_MONTHS = "january february march april may june july august september october november december".split()
SCOPE_RE = re.compile(
    r"\b(?:(?P<since>since)\s+(?:[\w’'-]+\s+){0,6}?(?:in\s+)?"
    r"|(?P<prep>in|during|for|throughout|over|from|between|compared (?:to|with)|than(?: in)?|versus|vs\.?)"
    r"\s+(?:the\s+(?:whole|end|start|beginning|course) of\s+)?)"
    rf"(?:(?P<month>{'|'.join(_MONTHS)})\s+)?(?P<year>{_YEAR})\b"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<year2>{_YEAR})\b)?|\b(?P<rel>this|last|next) year\b"
    # "in the fiscal year that ended June 30, 2024": the twelve months to that month's end
    rf"|\b(?:fiscal|financial) year\s+(?:that\s+|which\s+)?(?:ended|ending|to)\s+"
    rf"(?P<fmonth>{'|'.join(_MONTHS)})\s+(?:\d{{1,2}},?\s+)?(?P<fyear>{_YEAR})\b", re.I)
_BASE_PREPS = ("compared", "than", "versus", "vs")
Scope = tuple[str | None, str | None]


def published_date(published: str | None) -> date | None:
    """The date part of an article's ISO publication date, or None."""
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def scope_of(text: str, span, found: Found, anchor: date | None,
             others: list[tuple[int, int]] = ()) -> Scope | None:
    """(from, to) ISO dates of the time the quantity's sentence gives it, or None.

    "since 2014" runs to the publication date; "in 2024" is that year; a rise "compared to 2023"
    runs from the year compared with to the end of the period it is stated for.
    """
    sentence = span.sent
    periods, bases = [], []
    for match in SCOPE_RE.finditer(text, sentence.start_char, sentence.end_char):
        scope, is_base = _scope_match(match, anchor, found.change in ("up", "down"))
        low, high = sorted((found.start, match.start()))
        if scope is None or found.start <= match.start() < found.end:
            continue
        if is_base and any(low < s < high and s != found.start for s, _ in others):
            continue  # "fell 3%, while imports rose 20% compared to 2023": 2023 is the 20%'s
        if match["since"] and any(_nearer(s, match, found.start) for s, _ in others
                                  if sentence.start_char <= s < sentence.end_char):
            continue  # "has risen 18% since 2022, to 61,400": the rise is since 2022, the level is now
        if any(low < s < high and re.search(r"[,;]", text[min(s, found.start):max(s, found.start)])
               for s, _ in others):
            continue  # "46.2C ..., just short of the record of 47.6C set in August 2021": the record's
        if found.start < match.start() and PRIOR_RECORD.search(text, found.end, match.start()):
            continue  # "a peak of $11,385.50, surpassing the previous record set in May last year"
        (bases if is_base else periods).append((abs(match.start() - found.start), scope))
    period = min(periods, default=None, key=lambda p: p[0])
    if bases and found.change in ("up", "down"):
        to = period[1][1] if period else anchor.isoformat() if anchor else None
        return min(bases, key=lambda b: b[0])[1][0], to
    return period[1] if period else None


# A record, high or low the figure beats, named between it and a time: the time is that record's.
PRIOR_RECORD = re.compile(r"\b(?:previous|earlier|old|former|prior|last)\s+(?:all-time\s+|annual\s+)?"
                          r"(?:record|high|peak|low|best)\b[^,;.]*$", re.IGNORECASE)


def _nearer(start: int, match: re.Match[str], own: int) -> bool:
    """Whether another figure of the sentence, starting at `start` (not inside the match), stands
    nearer the match than the figure starting at `own`."""
    if start == own or match.start() <= start < match.end():
        return False
    return abs(start - match.start()) < abs(own - match.start())


def _scope_match(match: re.Match[str], anchor: date | None, change: bool) -> tuple[Scope | None, bool]:
    if match["fyear"]:
        end = _period(match["fyear"], match["fmonth"])[1]
        number = _MONTHS.index(match["fmonth"].lower()) + 1
        start = date(int(match["fyear"]) - (number < 12), number % 12 + 1, 1)
        return (start.isoformat(), end), False
    if match["rel"]:
        if anchor is None:
            return None, False
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
        return (f"{year}-01-01", f"{year}-12-31"), False
    first = _period(match["year"], match["month"])
    last = _period(match["year2"] or match["year"], match["month"])
    prep = (match["prep"] or "").lower()
    if match["since"] or (prep == "from" and not match["year2"] and not change):
        return (first[0], anchor.isoformat() if anchor else None), False
    is_base = prep.startswith(_BASE_PREPS) or (prep == "from" and not match["year2"])
    return (first[0], last[1]), is_base


def _period(year: str, month: str | None) -> Scope:
    if not month:
        return f"{year}-01-01", f"{year}-12-31"
    number = _MONTHS.index(month.lower()) + 1
    days = (date(int(year) + number // 12, number % 12 + 1, 1) - date(int(year), number, 1)).days
    return f"{year}-{number:02d}-01", f"{year}-{number:02d}-{days:02d}"
