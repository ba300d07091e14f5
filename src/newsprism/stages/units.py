"""Unit and currency tables for the quantities stage, and the lookups that read them.

Every unit has one canonical name: an ISO 4217 code for a currency ("USD"), `percent`, or
the usual symbol of a measure ("km", "°C", "kWh"). Symbols are matched case-sensitively
("MB" is a megabyte, "Mb" a megabit); names case-insensitively, singular or plural.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Word-like codes (ALL, CUP, TOP...) are left out: "ALL 5 solutions" is no sum of leks.
ISO_CODES = frozenset(
    "USD EUR GBP JPY CNY AUD CAD CHF RUB UAH INR KRW BRL MXN ZAR SEK NOK DKK PLN CZK HUF TRY ILS "
    "SGD HKD NZD SAR AED QAR KWD EGP NGN KES PKR BDT IDR MYR THB VND PHP TWD ARS CLP COP RON BGN "
    "ISK KZT BYN GEL AZN AMD MDL RSD LKR IRR IQD BTC XBT ETH".split()
)
# Lower-case codes seen in running text; the rest only count in capitals.
LOWER_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "rmb": "CNY", "jpy": "JPY", "cny": "CNY",
               "cad": "CAD", "aud": "AUD", "chf": "CHF", "inr": "INR", "mxn": "MXN", "nzd": "NZD"}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
           "₩": "KRW", "₪": "ILS", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₡": "CRC", "₾": "GEL",
           "₭": "LAK", "₿": "BTC", "元": "CNY", "ரூ": "LKR", "zł": "PLN", "Rs": "INR", "Rs.": "INR",
           "RM": "MYR"}
# Letters before "$" that say whose dollar it is (lower-cased, dots dropped).
DOLLAR_PREFIXES = {"us": "USD", "usd": "USD", "a": "AUD", "au": "AUD", "aud": "AUD", "c": "CAD",
                   "ca": "CAD", "cad": "CAD", "nz": "NZD", "nzd": "NZD", "hk": "HKD", "hkd": "HKD",
                   "s": "SGD", "sg": "SGD", "sgd": "SGD", "mex": "MXN", "mx": "MXN", "mxn": "MXN",
                   "r": "BRL", "nt": "TWD"}
# Name patterns (case-insensitive, plural allowed) of currencies and their sub-units.
CURRENCY_NAMES: dict[str, tuple[str, ...]] = {
    "USD": (r"(?:u\.?s\.?|american) dollars?", r"dollars?", r"bucks"),
    "EUR": (r"euros?",),
    "GBP": (r"pounds? sterling", r"(?:british )?pounds? sterling", r"british pounds?", r"sterling"),
    "JPY": (r"(?:japanese )?yens?",),
    "CNY": (r"(?:chinese )?yuans?", r"renminbi", r"rmb", r"kuai"),
    "AUD": (r"australian dollars?",), "CAD": (r"canadian dollars?",),
    "NZD": (r"new zealand dollars?",), "HKD": (r"hong kong dollars?",),
    "SGD": (r"singapore dollars?",), "TWD": (r"(?:new )?taiwan dollars?",),
    "CHF": (r"(?:swiss )?francs?",), "RUB": (r"(?:russian )?r[ou]ubles?",),
    "UAH": (r"(?:ukrainian )?hryvni?as?", r"hryvnya",), "INR": (r"(?:indian )?rupees?",),
    "LKR": (r"sri lankan rupees?",), "PKR": (r"pakistani rupees?",), "KRW": (r"(?:south )?korean won",),
    "MXN": (r"mexican pesos?",), "ARS": (r"argentine pesos?",), "BRL": (r"(?:brazilian )?reais",),
    "ZAR": (r"rand",), "TRY": (r"(?:turkish )?liras?",), "PLN": (r"(?:polish )?zloty(?:s)?",),
    "HUF": (r"forints?",), "CZK": (r"(?:czech )?korunas?",), "SEK": (r"swedish kronor",),
    "ILS": (r"(?:new )?shekels?",), "NGN": (r"nairas?",), "THB": (r"baht",), "MYR": (r"ringgits?",),
    "IDR": (r"rupiahs?",), "SAR": (r"(?:saudi )?riyals?",), "AED": (r"dirhams?",),
    "GEL": (r"(?:georgian )?laris?",), "LAK": (r"(?:lao )?kips?",),
    "CRC": (r"(?:costa rican )?col[oó]ne?s?",),
    "BTC": (r"bitcoins?",), "ETH": (r"ethers?",),
    # Currencies the euro replaced still turn up in archives.
    "FIM": (r"(?:finnish )?markkas?",), "ESP": (r"pesetas?",), "NLG": (r"(?:dutch |netherlands )?guilders?",),
    "DEM": (r"(?:deutsche? )?marks?", r"deutschmarks?"), "FRF": (r"french francs?",),
    "ITL": (r"italian lir[ae]",),
    "cent": (r"cents?",), "penny": (r"pence", r"penn(?:y|ies)"), "kopeck": (r"kopecks?", r"kopiykas?"),
    "satoshi": (r"satoshis?",), "peso": (r"pesos?",),
}
CURRENCIES = ISO_CODES | set(SYMBOLS.values()) | set(CURRENCY_NAMES)
# "pounds" alone is money or weight: the stage decides from context.
POUND = "pound?"

_PREFIXES = (("k", "kilo"), ("M", "mega"), ("G", "giga"), ("T", "tera"), ("P", "peta"), ("E", "exa"),
             ("c", "centi"), ("m", "milli"), ("µ", "micro"), ("n", "nano"), ("p", "pico"), ("d", "deci"),
             ("a", "atto"))
# Base units that take SI prefixes: symbol, name pattern, the prefixes used in practice.
_SI_BASES = (
    ("m", r"met(?:re|er)s?", "k c m µ n p d a"),
    ("g", r"gram(?:me)?s?", "k m µ"),
    ("l", r"lit(?:re|er)s?", "m c d"),
    ("W", r"watts?", "k M G T m"),
    ("Wh", r"watt[- ]?hours?", "k M G T"),
    ("J", r"joules?", "k M G"),
    ("eV", r"electron[- ]?volts?", "k M G T"),
    ("Hz", r"hertz", "k M G T"),
    ("B", r"bytes?", "k M G T P E"),
    ("bit", r"bits?", "k M G T"),
    ("Gy", r"grays?", "m"),
    ("Sv", r"sieverts?", "m µ"),
    ("s", r"seconds?", "m µ n"),
    ("t", r"tonnes?", "k M"),
)
# Other units: canonical name -> (symbols, name patterns).
MEASURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "l": (("L", "ltr"), ()), "t": (("mt",), (r"metric tons?", r"tonnes?")), "ton": ((), (r"tons?",)),
    "kB": (("KB",), ()), "kbit": (("kbit", "kb"), ()), "Mbit": (("Mb", "Mbit", "mb"), ()),
    "bit": (("b",), ()),
    "Gbit": (("Gb",), ()), "µg": (("mcg", "μg", "ug"), (r"micrograms?",)), "µm": (("μm", "um"), ()),
    "mi": (("mi",), (r"miles?",)), "ft": (("ft", "′"), (r"f[oe]{2}t",)),
    "in": (("in(?=\\s*(?:[.,;:)!?]|$|thick|long|wide|tall|high|deep|x\\b))", "″", '"'), (r"inch(?:es)?",)),
    "yd": (("yd", "yds"), (r"yards?",)), "nmi": (("nmi",), (r"nautical miles?",)),
    "acre": ((), (r"acres?",)), "ha": (("ha",), (r"hectares?",)),
    "gal": (("gal",), (r"gallons?",)), "bbl": (("bbl", "bbls"), (r"barrels?",)),
    "pt": ((), (r"pints?",)), "qt": ((), (r"quarts?",)), "cup": ((), (r"cups?",)),
    "tbsp": (("tbsp", "tbs"), (r"tablespoons?",)), "tsp": (("tsp",), (r"teaspoons?",)),
    "oz": (("oz",), (r"ounces?",)), "lb": (("lb", "lbs"), (r"pounds?[- ]mass",)),
    "st": ((), (r"stones?",)),
    # A bare "C" or "F" before a capitalised word is a letter ("PA 23456 F Block"), not a scale.
    "°C": (("°C", "ºC", "° C", "˚C", "C(?!\\s+[A-Z])"),
           (r"(?:deg(?:ree)?s?\.? |° ?)?(?:celsius|celcius|centigrade|centigrate)", r"deg(?:ree)?s?\.? c")),
    "°F": (("°F", "ºF", "° F", "˚F", "F(?!\\s+[A-Z])"),
           (r"(?:deg(?:ree)?s?\.? |° ?)?(?:fahrenheit|farenheit)", r"deg(?:ree)?s?\.? f")),
    "K": ((), (r"kelvins?", r"degrees? kelvin")),
    "°": (("°", "º", "˚"), (r"deg(?:ree)?s?\.?",)),
    "rad": (("rad",), (r"radians?",)), "turn": ((), (r"turns?",)),
    "km/h": (("km/h", "kph", "kmph", "km/hr", "kmh"), (r"kilomet(?:re|er)s? (?:per|an) hour",)),
    "mph": (("mph", "(?:m\\.p\\.h)\\.?"), (r"miles? (?:per|an) hour",)), "m/s": (("m/s",), ()),
    "kn": (("kn", "kt", "kts"), (r"knots?",)),
    "min": (("min", "mins"), (r"minutes?",)), "h": (("h", "hr", "hrs"), (r"hours?",)),
    "day": ((), (r"days?",)), "week": (("wk", "wks"), (r"weeks?",)), "month": (("mo",), (r"months?",)),
    "year": (("yr", "yrs", "yo", "y.o."), (r"years?", r"annum")), "decade": ((), (r"decades?",)),
    "century": ((), (r"centur(?:y|ies)",)),  # both read as years (YEARS_IN)
    "Btu": (("Btu", "BTU"), (r"british thermal units?",)), "kcal": (("kcal",), (r"(?:kilo)?calories?",)),
    "hp": (("hp", "bhp", "HP"), (r"(?:brake )?horsepower",)),
    "lb·ft": (("lb-ft", "lb·ft", "lb ft"), (r"pound[- ]f[oe]{2}t",)),
    "N·m": (("Nm", "N·m", "N m"), (r"newton[- ]met(?:re|er)s?",)),
    "dB": (("dB",), (r"decibels?",)), "ppm": (("ppm",), (r"parts? per million",)),
    "Mbit/s": (("Mbps", "Mbit/s"), ()), "kbit/s": (("kbps", "kbit/s"), ()), "Gbit/s": (("Gbps",), ()),
    "percent": (("%", "pct", "pc(?![\\w.])"), (r"per ?cent", r"percent(?:age)?")),
    "penny": (("p(?![\\w.])",), ()),  # "96.5p"
    "percentage_point": (("pp", "ppt"), (r"percentage[- ]points?",)),
    "basis_point": (("bp", "bps"), (r"basis points?",)), "point": ((), (r"points?",)),
    "count": ((), (r"times",)),  # "3 times": a number of occurrences
}
# Units a reader compares in years: "two decades" is 20 years.
YEARS_IN = {"decade": 10, "century": 100}
# Words that only ever count what something is "per": "$98 a share", "$5 per head".
PER_WORDS = {"share": "share", "shares": "share", "capita": "capita", "person": "person", "head": "person",
             "dozen": "dozen", "annum": "year", "people": "person", "persons": "person"}
# Units that may stand after "per" or "a" in "$98 a share", "500,000 barrels a day".
DENOMINATORS = ("share", "capita", "person", "head", "year", "month", "week", "day", "h", "min", "s",
                "kg", "g", "lb", "t", "ton", "bbl", "gal", "l", "km", "mi", "m", "dozen", "ounce", "oz", "m2")
# Compounds that have a name of their own, and units that are one another.
COMPOUNDS = {"mi/h": "mph", "km/hour": "km/h", "kB/s": "kB/s", "Mbit/s": "Mbit/s"}
EQUIVALENT = {"cm3": "ml", "dm3": "l"}
# Units "a" or "an" may stand for one of: "a gallon of beer", "a penny".
ARTICLE_UNITS = {"mi", "km", "m", "ft", "in", "yd", "gal", "l", "bbl", "kg", "g", "t", "ton", "lb", "oz",
                 "acre", "ha", "USD", "EUR", "GBP", "penny", "cent"}


def _prefixed() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    table = {}
    for symbol, name, prefixes in _SI_BASES:
        table[symbol] = ((symbol,), (name,))
        for letter, word in _PREFIXES:
            if letter in prefixes.split():
                table[letter + symbol] = ((letter + symbol,), (word + name,))
    return table


def _merged() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    table = _prefixed()
    for unit, (symbols, names) in MEASURES.items():
        old_symbols, old_names = table.get(unit, ((), ()))
        table[unit] = (old_symbols + symbols, old_names + names)
    table["s"] = (("s", "sec", "secs"), table["s"][1])
    table["Mt"] = (("Mt",), (r"megatonnes?", r"megatons?"))
    return table


UNITS = _merged()


def _alternation(patterns, flags=0) -> re.Pattern[str]:
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile("(?:" + "|".join(ordered) + ")", flags)


def _escape_symbol(symbol: str) -> str:
    # A symbol may carry its own look-ahead (inch, C); plain ones are escaped.
    return symbol if "(?" in symbol else re.escape(symbol)


def _caseless() -> dict[str, str]:
    # Symbols of three letters or more (and "km", "kg", "cm") whose lower-case form names one unit
    # only, so that "Ghz", "KM" and "MPH" read as written by the careless; "MB"/"Mb" stay apart.
    units: dict[str, set[str]] = {}
    for unit, (symbols, _) in UNITS.items():
        for symbol in symbols:
            if "(?" not in symbol and "\\" not in symbol and symbol.isascii() and symbol.isalpha():
                units.setdefault(symbol.lower(), set()).add(unit)
    words = {"sec", "secs", "rad", "tbs", "ppt", "bit"}  # "SEC", "RAD", "PPT" are names
    return {low: found.pop() for low, found in units.items()
            if len(found) == 1 and (len(low) >= 3 or low in ("km", "kg", "cm")) and low not in words}


CASELESS = _caseless()
SYMBOL_RE = _alternation([_escape_symbol(s) for symbols, _ in UNITS.values() for s in symbols]
                         + [f"(?i:{re.escape(low)})" for low in CASELESS])
NAME_RE = _alternation([n for _, names in UNITS.values() for n in names]
                       + [n for names in CURRENCY_NAMES.values() for n in names] + [r"pounds?"],
                       re.IGNORECASE)


# (pattern, unit) pairs for looking a written unit up; currencies first ("pounds sterling").
_SYMBOL_LOOKUP = [(re.compile(_escape_symbol(s)), unit)
                  for unit, (symbols, _) in UNITS.items() for s in symbols]
_NAME_LOOKUP = [(re.compile(p), unit) for unit, patterns in CURRENCY_NAMES.items() for p in patterns] + [
    (re.compile(p), unit) for unit, (_, names) in UNITS.items() for p in names]


@lru_cache(maxsize=4096)
def unit_of_symbol(symbol: str) -> str | None:
    """The canonical unit of a symbol as written ("km", "MB", "°C"; "Ghz" for "GHz"), or None."""
    found = next((unit for pattern, unit in _SYMBOL_LOOKUP if pattern.fullmatch(symbol)), None)
    return found or CASELESS.get(symbol.lower())


@lru_cache(maxsize=4096)
def unit_of_name(name: str) -> str | None:
    """The canonical unit of a unit or currency name ("kilometres", "US dollars"), or None."""
    name = " ".join(name.lower().split())
    if re.fullmatch(r"pounds?", name):
        return POUND
    found = next((unit for pattern, unit in _NAME_LOOKUP if pattern.fullmatch(name)), None)
    return found or PER_WORDS.get(name)


def currency_of_code(code: str) -> str | None:
    """The ISO code of a written currency code ("USD", "usd", "RMB"), or None."""
    if code in ISO_CODES:
        return code
    if code.lower() in LOWER_CODES and (code.islower() or code.isupper()):
        return LOWER_CODES[code.lower()]
    return None


def canonical_unit(text: str) -> str | None:
    """Any written unit (symbol, name, code, "X per Y", "square km") as its canonical name."""
    text = text.strip()
    parts = [p for p in re.split(r"\s*/\s*|\s+per\s+", text) if p]
    if len(parts) > 1:
        joined = "/".join(canonical_unit(p) or p.lower() for p in parts)
        return COMPOUNDS.get(joined, joined)
    return _single_unit(text) if text else None


_POWER = re.compile(r"(?:(square|sq\.?|cubic|cu\.?)\s+(.+))|(.+?)\s*(?:\^?([23])|([²³])|\s+(squared|cubed))",
                    re.IGNORECASE)


def _single_unit(text: str) -> str | None:
    power = _POWER.fullmatch(text)
    if power:
        word, base, base2, digit, sup, suffix = power.groups()
        unit = _single_unit(base or base2)
        if digit or sup:
            square = digit == "2" or sup == "²"
        else:
            square = (word or suffix).lower().startswith("s")
        powered = unit + ("2" if square else "3") if unit and unit != POUND else None
        return EQUIVALENT.get(powered, powered)
    if text in CURRENCIES:
        return text
    dollar = re.fullmatch(r"([A-Za-z.]+)\s?\$", text)
    if dollar:
        return DOLLAR_PREFIXES.get(dollar[1].lower().replace(".", ""))
    found = SYMBOLS.get(text) or currency_of_code(text) or unit_of_symbol(text) or unit_of_name(text)
    if found == POUND:
        return "lb" if "mass" in text.lower() else "GBP" if "sterling" in text.lower() else found
    return found


# --- reading the units written around a number ------------------------------------------------

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
          "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7, "k": 1e3, "m": 1e6,
          "b": 1e9, "t": 1e12}
SCALE_RE = re.compile(r"(?:\s?(?:-\s?)?(thousand|million|billion|trillion|bn|mn|mln|tn|trn|lakh|crore)s?"
                      r"|(k|K|M|m|B|b|T))(?![A-Za-z])")
UNCERTAINTY = re.compile(r"\s?(?:±|\+/-|\+-)\s?\d[\d.,]*(?:[eE][-−]?\d+)?|(?P<ish>-ish)\b")
AGE_AFTER = re.compile(r"\s*-?\s*(?:old|of age)\b", re.I)

_CODE = "|".join(sorted(ISO_CODES | {"RMB"}) + list(LOWER_CODES))
_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<who>US|U\.S\.|A|AU|C|CA|NZ|HK|S|Mex|R|NT|us|u\.s\.?|usd|aud|cad|nzd|mxn|hk|hkd|c)\s?"
    rf"(?P<dollar>\$)|(?P<dollar_first>\$)(?P<whose>US|A|AU|C|CA|NZ|HK|S|NT)|(?P<sym>{_SYMBOL})"
    rf"|(?<![A-Za-z])(?P<mega>M)?(?P<code>{_CODE})"
    rf"|(?<![A-Za-z])(?P<word>dollar|euro))\s?$")
CURRENCY_AFTER = re.compile(rf"\s?(?:(?P<sym>{_SYMBOL})|(?P<mega>M)?(?P<code>{_CODE})(?![A-Za-z]))")
_GAP = r"(?:\s*-\s*|\s+|(?=[^\w\s]))?"  # "10-gallon", "30 - year", "5 km", "20%"
UNIT_AFTER = re.compile(
    rf"{_GAP}(?:(?P<power>square|sq\.?|cubic|cu\.?)\s+)?(?P<bracket>[(\[{{<])?"
    rf"(?:(?P<name>(?i:{NAME_RE.pattern}))(?![A-Za-z])|(?P<symbol>{SYMBOL_RE.pattern})(?![A-Za-z]|-\d))"
    rf"(?(bracket)[)\]}}>])(?P<exp>\^?[23](?![\d/])|[²³]|\s(?:squared|cubed)\b)?")
PER_AFTER = re.compile(r"(?:\s*/\s*|\s+per\s+|(?:\s+|\s*-\s*)an?(?:\s+|\s*-\s*))"
                       r"(?P<unit>(?:(?:square|sq\.?|cubic|metric)\s+)?[A-Za-zµ°]+\^?[23²³]?)(?![\w])")
_NOT_PER = re.compile(r"\s+(?:earlier|ago|later|before|after|or so|and|from)\b", re.I)
OF_GDP = re.compile(r"\s+of\s+(?:(?:their|its|the|our|his|her|a|an|total|national|annual|combined|"
                    r"\w+[’']s)\s+)*(?:GDP|gross domestic product|economic output)\b", re.I)
MONEY_WORDS = re.compile(r"£|\b(?:costs?|prices?|paid|pay|pays|spent|spend|fined?|worth|profits?|revenues?|"
                         r"sales|sold|bought|budgets?|funds?|loans?|debts?|salary|earned|bid|deal)\b", re.I)


# South Africa's rand: "R14 million", "R1,250,000". Only a sum that reads as one (a scale word or
# thousands written out) after the bare "R", which else names roads and models ("the R44").
RAND_BEFORE = re.compile(r"(?<![\w.])R$")
RAND_SUM = re.compile(r"\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|m)\b|\d{1,3}(?:,\d{3})+(?![\d,])")


def currency_before(text: str, start: int, floor: int = 0) -> tuple[int, str, float] | None:
    """(where it starts, ISO code, scale) of a currency written just before a number, after `floor`."""
    match = CURRENCY_BEFORE.search(text, max(floor, start - 8), start)
    if not match:
        if start - 1 >= floor and RAND_BEFORE.search(text, max(floor, start - 2), start) \
                and RAND_SUM.match(text, start):
            return start - 1, "ZAR", 1.0
        return None
    if match["dollar"]:
        code = DOLLAR_PREFIXES.get(match["who"].lower().replace(".", ""), "USD")
    elif match["dollar_first"]:
        code = DOLLAR_PREFIXES[match["whose"].lower()]  # "$US12m", "$A15m"
    elif match["sym"]:
        code = SYMBOLS[match["sym"]]
    elif match["word"]:
        if re.search(r"\d\s*$", text[:match.start()]):
            return None  # "3 dollars 50": the 50 completes the 3
        code = "USD" if match["word"].startswith("d") else "EUR"
    else:
        code = currency_of_code(match["code"]) or {"RMB": "CNY"}.get(match["code"])
    return (match.start(), code, 1e6 if match["mega"] else 1.0) if code else None


# What is counted in millions: "1.2m households" is 1.2 million, "6m waves" six metres.
COUNTED_AFTER = re.compile(
    r"\s(?:people|persons|households|homes|houses|users|customers|consumers|residents|citizens|voters|"
    r"viewers|readers|listeners|subscribers|followers|members|jobs|workers|employees|passengers|visitors|"
    r"tourists|travellers|travelers|children|adults|students|patients|refugees|migrants|cases|deaths|"
    r"doses|vaccinations|votes|signatures|copies|downloads|accounts|devices|vehicles|cars|shares|"
    r"applications|claims|animals|birds|trees|bottles|units|items|packages|parcels|calls|tickets)\b")


# "20m of its users" counts millions: metres are seldom "of its" anything.
SHARE_OF = re.compile(r"\s+of\s+(?:its|their|our|your|his|her|those|these|whom|which)\b", re.I)


def scale_after(text: str, end: int, money: bool, words: bool = False) -> tuple[int, float] | None:
    """(where it ends, factor) of a scale written after a number: "billion", "bn", "5m" with money."""
    match = SCALE_RE.match(text, end)
    if not match or (words and match[2]):
        return None
    letter = match[2]
    # "5m" alone is five metres and "8B" eight bytes; "$5m", "5m euros", "5m people" are millions.
    counted = letter == "m" and (COUNTED_AFTER.match(text, match.end()) or SHARE_OF.match(text, match.end()))
    if letter and letter not in "kKM" and not (money or unit_after(text, match.end()) is not None or counted):
        return None
    return match.end(), SCALES[(match[1] or letter).lower()]


def unit_after(text: str, end: int, money: bool = False) -> tuple[int, str, float] | None:
    """(where it ends, canonical unit, scale) of a unit or currency written just after a number."""
    found = []
    code = CURRENCY_AFTER.match(text, end)
    if code and (currency := SYMBOLS.get(code["sym"] or "") or currency_of_code(code["code"] or "")):
        found.append((code.end(), currency, 1e6 if code["mega"] else 1.0))
    match = UNIT_AFTER.match(text, end)
    if match and (unit := _unit_of(match, text, money)):
        found.append((match.end(), unit, 1.0))
    return max(found, default=None, key=lambda f: f[0])


def _unit_of(match: re.Match[str], text: str, money: bool) -> str | None:
    unit = unit_of_name(match["name"]) if match["name"] else unit_of_symbol(match["symbol"])
    if unit == POUND:
        near = MONEY_WORDS.search(text, max(0, match.start() - 120), min(len(text), match.end() + 60))
        unit = "GBP" if money or near else "lb"
    if unit and (match["power"] or match["exp"]):
        exp = (match["exp"] or "").strip(" ^")
        square = exp in ("2", "²", "squared") or (match["power"] or "").lower().startswith("s")
        unit += "2" if square else "3"
    return unit


TIMES = {"year", "month", "week", "day", "h", "min", "s", "decade", "century"}
NOT_DENOMINATORS = {"cent", "se", "the", "a", "an", "few", "lot", "bit", "little", "number", "total", "piece",
                    "record", "new", "further", "small", "big", "huge"}
RATE_END = re.compile(r"\s*(?:[,.;:)]|$|(?:and|or|for|in|on|at|from|to|with)\b)")


def per_after(text: str, end: int, unit: str | None) -> tuple[int, str] | None:
    """(where it ends, compound unit) for "$98 a share", "500,000 barrels a day", "km/h"."""
    match = PER_AFTER.match(text, end)
    if not match:
        return None
    word = match["unit"]
    below = PER_WORDS.get(word.lower()) or canonical_unit(word)
    by_article = "/" not in match.group() and "per" not in match.group()
    # Any plain noun after "per" ("points per game"), or after "a" with money ("$1,000 a pill").
    if not below and word.isalpha() and word.islower() and word not in NOT_DENOMINATORS and (
            not by_article or unit in CURRENCIES and RATE_END.match(text, match.end())):
        below, by_article = (word[:-1] if re.search(r"[^s]s$", word) else word), False
    if not below or below == POUND or below in CURRENCIES or (by_article and below not in DENOMINATORS):
        return None
    if below in TIMES and _NOT_PER.match(text, match.end()):
        return None  # "38 cents a year earlier": a time, not a rate
    compound = f"{unit or 'count'}/{below}"
    return match.end(), COMPOUNDS.get(compound, compound)


# --- conversion --------------------------------------------------------------------------------------

# Units of one dimension that news gives in turn ("2,000ft (609 metres)"), as the size of each in
# the dimension's base unit. Temperatures are left out: their scales have different zeros.
_FACTORS = {
    "m": {"m": 1.0, "mi": 1609.344, "ft": 0.3048, "in": 0.0254, "yd": 0.9144, "nmi": 1852.0},
    "kg": {"g": 1e-3, "t": 1e3, "ton": 907.18474, "lb": 0.45359237, "oz": 0.028349523125, "st": 6.35029318},
    "l": {"l": 1.0, "gal": 3.785411784, "bbl": 158.987294928, "pt": 0.473176473, "qt": 0.946352946,
          "m3": 1e3, "ml": 1e-3},
    "m2": {"m2": 1.0, "km2": 1e6, "mi2": 2589988.110336, "ft2": 0.09290304, "acre": 4046.8564224,
           "ha": 1e4},
    "m/s": {"m/s": 1.0, "km/h": 1 / 3.6, "mph": 0.44704, "kn": 1852 / 3600},
}
_SCALE_OF = {letter: 10.0 ** power for letter, power in
             (("k", 3), ("M", 6), ("G", 9), ("T", 12), ("c", -2), ("m", -3), ("µ", -6), ("n", -9), ("d", -1))}


def _conversions() -> dict[str, tuple[str, float]]:
    table = {unit: (base, factor) for base, units in _FACTORS.items() for unit, factor in units.items()}
    for symbol, base in (("m", "m"), ("g", "kg"), ("l", "l"), ("t", "kg")):
        factor = table[symbol][1]
        for letter, scale in _SCALE_OF.items():
            if letter + symbol in UNITS:
                table.setdefault(letter + symbol, (base, factor * scale))
    return table


CONVERSIONS = _conversions()


# "Miles" at sea are nautical miles, and news often leaves out the word: a mile is either size.
AMBIGUOUS = {"mi": 1852.0}


def in_base_unit(unit: str | None) -> tuple[str, float, float] | None:
    """(base unit, smallest and largest size of one `unit` in it) for units of length, mass,
    volume, area and speed: "ft" is ("m", 0.3048, 0.3048), "mi" ("m", 1609.344, 1852.0) as it
    may be a nautical mile; None for any other unit."""
    if not unit or unit not in CONVERSIONS:
        return None
    base, factor = CONVERSIONS[unit]
    return base, factor, AMBIGUOUS.get(unit, factor)
