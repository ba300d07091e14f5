"""Names as keys: what makes two written names the same person, organisation or place.

A person's name is split into its parts by `nameparser` ("Joseph R. Biden Jr." -> first
Joseph, middle R., last Biden, suffix Jr.); English given names are matched with their
nicknames through the `nicknames` package (Jim = James, Joe = Joseph); surnames spelled two
ways ("Zelensky", "Zelenskyy") through `rapidfuzz`. Two people are one only when their
surnames match, their suffixes agree (Donald Trump is not Donald Trump Jr.), their given
names are equal, nickname and full form, or initial and name, and their middle names do not
disagree (George H. W. Bush is not George W. Bush). A surname alone never says which person:
that is decided by the resolver, with the evidence of the whole store.

Organisations and places match on a folded form of their name (case, accents, dots, "the",
company suffixes) and on acronyms: "EU" and "European Union" share the key "eu" (their
initials), which the resolver uses when the text declares the acronym or only one name in
the store has those initials; a few common ones (U.S., UK, UN) come from `data/aliases.json`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from nameparser import HumanName
from nameparser.config import CONSTANTS
from nicknames import NickNamer
from rapidfuzz import fuzz

from ..stages.entities import first_name_genders

PERSON = "PERSON"
SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv",
            "2nd": "ii", "3rd": "iii"}
# Words that end a company's name without changing which company it is.
COMPANY_SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "gmbh", "limited"}
FUNCTION_WORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "&", "on", "in"}
# A public service named with or without its "Department" ("Staunton Police Department", "Staunton
# police"): the word it is folded without, after one of these.
SERVICES = {"police", "fire", "sheriff", "sheriffs"}
SURNAME_SIMILARITY = 90  # rapidfuzz ratio above which two long surnames are spelling variants
MIN_FUZZY_SURNAME = 6  # shorter surnames must match exactly ("Kim" vs "Kin")
GIVEN_PREFIX = 4  # given names sharing this many first letters may be one name spelled two ways
GIVEN_SPELLED = 80  # rapidfuzz ratio of two given names of one consonant skeleton that are one name
FORM_SPELLED = 80  # rapidfuzz ratio of a full form and a given name that may be it in another language
# A clipped given name of two letters ends in a vowel ("Mo", "Ty"); two consonants are two
# initials ("T.J." DiLeo is not his father Tony).
CLIPPED_ENDS = frozenset("aeiouy")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits: accents, apostrophes and dots gone, spaces single."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’`.]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass(frozen=True, slots=True)
class PersonName:
    """The parts of a person's name that decide who it is, folded."""

    first: str
    middle: tuple[str, ...]
    last: str
    suffix: str
    nickname: str = ""  # the name in quotation marks: Cornelius "Neels" van Rooyen

    @property
    def full(self) -> bool:
        """True when the name has a given name and a surname ("Mark Rutte", not "Rutte")."""
        return bool(self.first and self.last)


@functools.lru_cache(maxsize=65536)
def person_name(name: str) -> PersonName:
    """A person's name split into folded parts; a lone word is the surname."""
    words = name.split()
    if len(words) == 1:
        return PersonName("", (), fold(name).replace(" ", "-"), "")
    if _plain(words):  # most names: what nameparser would make of them, at a fraction of its cost
        last = fold(words[-1]).replace(" ", "-")
        return PersonName(fold(words[0]), tuple(fold(w) for w in words[1:-1]), last, "")
    parsed = HumanName(name)
    suffix = SUFFIXES.get(fold(parsed.suffix).split(" ")[0], fold(parsed.suffix)) if parsed.suffix else ""
    last = fold(parsed.last).replace(" ", "-") or fold(words[-1])
    first = fold(parsed.first)
    if not first:  # "Mr. Rutte": the honorific is no given name
        return PersonName("", (), last, suffix)
    if suffix and last == fold(words[-1]).replace(" ", "") and len(words) == 2:
        return PersonName("", (), first, suffix)  # "Trump Jr.", "Donald Jr.": one name and a suffix
    return PersonName(first, tuple(fold(m) for m in parsed.middle.split()), last, suffix,
                      fold(parsed.nickname).split(" ")[0] if parsed.nickname else "")


# Words nameparser reads as something other than a plain given name or surname: titles, suffixes,
# surname particles ("van"), conjunctions.
_SPECIAL = frozenset(w.lower() for group in (CONSTANTS.titles, CONSTANTS.prefixes, CONSTANTS.suffix_acronyms,
                                              CONSTANTS.suffix_not_acronyms, CONSTANTS.conjunctions)
                     for w in group)
PLAIN_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")


def _plain(words: list[str]) -> bool:
    """Two or three capitalised words, none of them a title, a suffix, a particle or a conjunction,
    no initials, quotes or commas: nameparser makes them given name, middle names and surname."""
    return len(words) <= 3 and all(w[0].isupper() and PLAIN_WORD.fullmatch(w) and w.lower() not in _SPECIAL
                                   for w in words)


@functools.lru_cache(maxsize=65536)
def surname_block(surname: str) -> str:
    """A coarse key for a surname, the same for its spelling variants ("zelensky", "zelenskyy",
    "zelenskiy"): doubled letters single, final i and y dropped."""
    key = re.sub(r"(.)\1+", r"\1", surname.replace("-", ""))
    return re.sub(r"[iy]+$", "", key) if len(key) > 4 else key


def same_surname(a: str, b: str) -> bool:
    """Surnames that are the same, or spelling variants of one long surname, or one cut at its
    hyphen ("Moon Jae" for "Moon Jae-in")."""
    if a == b or a.split("-")[0] == b or b.split("-")[0] == a:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_SURNAME or surname_block(a) != surname_block(b):
        return False
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()


@functools.lru_cache(maxsize=65536)
def _given_forms(name: str) -> frozenset[str]:
    """A given name with the full forms it is a nickname of ("jim" -> james)."""
    return frozenset({name, *_namer().canonicals_of(name)})


def is_given_name(word: str) -> bool:
    """True for a folded word known as a given name (by usual gender or as a nickname's form)."""
    return word in first_name_genders() or _given_forms(word) != {word} or bool(_namer().nicknames_of(word))


@functools.lru_cache(maxsize=65536)
def form_spelled(a: str, b: str) -> bool:
    """Whether one given name is a nickname whose full form the other spells in another language:
    "Teddy" (Theodore) and "Teodoro"."""
    return any(f[0] == other[0] and fuzz.ratio(f, other) >= FORM_SPELLED
               for own, other in ((a, b), (b, a)) if len(other) > GIVEN_PREFIX
               for f in _given_forms(own) - {own} if len(f) > GIVEN_PREFIX)


@functools.lru_cache(maxsize=65536)
def same_given(a: str, b: str) -> bool:
    """Given names of one person: equal, an initial and a name, nickname and full form, or one
    name spelled or shortened two ways ("Betty" / "Bettie", "Alexis" / "Alexandros": the first
    GIVEN_PREFIX letters shared; "Mo" / "Maurice": a name of two letters ending in a vowel,
    known neither as a given name nor as a nickname, is read as an initial) unless the two are
    usually given one to women, one to men ("Michael" / "Michelle")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    forms_a, forms_b = _given_forms(a), _given_forms(b)
    if b in forms_a or a in forms_b or forms_a & forms_b:
        return True
    genders = {first_name_genders().get(a), first_name_genders().get(b)} - {None}
    if len(genders) > 1:
        return False
    if form_spelled(a, b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 2 and len(long) >= GIVEN_PREFIX:  # "Mo" for "Maurice": read as an initial
        return short[0] == long[0] and short[1] in CLIPPED_ENDS and long in first_name_genders() \
            and not is_given_name(short)
    if len(short) < GIVEN_PREFIX:
        return False
    return a[:GIVEN_PREFIX] == b[:GIVEN_PREFIX] or (
        _consonants(a) == _consonants(b) and fuzz.ratio(a, b) >= GIVEN_SPELLED)


def _consonants(name: str) -> str:
    """A given name's first letter and its consonants, doubled letters once: the same for one name
    written in Latin letters two ways ("Heidar" / "Heydar", "Masoud" / "Massoud")."""
    single = re.sub(r"(.)\1+", r"\1", name)
    return single[0] + re.sub(r"[aeiouy]", "", single[1:])


def _called(name: PersonName) -> tuple[str, tuple[str, ...]]:
    """The given name a person goes by, and the middle names after it: "W. Mark Felt" goes by
    Mark, "F. Scott Fitzgerald" by Scott, Cornelius "Neels" van Rooyen by Neels."""
    if name.nickname:
        return name.nickname, ()
    if len(name.first) == 1 and name.middle and len(name.middle[0]) > 1:
        return name.middle[0], name.middle[1:]
    return name.first, name.middle


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    return all(x[0] == y[0] for x, y in zip(a, b, strict=False))


def _suffixes_agree(a: str, b: str) -> bool:
    """Jr. tells the son from his father, so it must agree; Sr. and a numeral ("Robert S. Mueller
    III") are often left out."""
    return a == b or {a, b} - {""} <= {"ii", "iii", "iv", "sr"}


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person (a lone surname is never enough: see the resolver)."""
    if not (a.full and b.full and _suffixes_agree(a.suffix, b.suffix) and same_surname(a.last, b.last)):
        return False
    if same_given(a.first, b.first) and _middles_agree(a.middle, b.middle):
        return True
    called_a, called_b = _called(a), _called(b)
    if called_a == (a.first, a.middle) and called_b == (b.first, b.middle):
        return False  # neither goes by a middle name
    return same_given(called_a[0], called_b[0]) and _middles_agree(called_a[1], called_b[1])


def given_blocks(name: PersonName) -> tuple[str, ...]:
    """Finer blocks of a full name within its surname's: one for each first letter of its given
    name, of the name it goes by ("W. Mark Felt": Mark) and of their full forms ("Bill":
    William). Two names that `same_person` takes for one share a block, so a new name is
    compared with those of its blocks only, not with everyone of its surname."""
    if not name.full:
        return ()
    letters = {form[0] for given in {name.first, _called(name)[0]} for form in _given_forms(given) if form}
    return tuple(f"g:{surname_block(name.last)}:{letter}" for letter in sorted(letters))


def person_blocks(name: PersonName) -> tuple[str, ...]:
    """The keys under which a person is looked up: the surname's and, for a full name, its
    first word's too (a lone "Xi" or "Kim" for names written surname first); a lone name is
    also filed with the other lone names of its surname, which a full name may take over."""
    blocks = [f"p:{surname_block(name.last)}"]
    blocks.append(f"f:{name.first}" if name.full else f"l:{surname_block(name.last)}")
    return tuple(blocks)


@functools.cache
def _common_aliases() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("data/aliases.json").read_text("utf-8"))
    return {fold(alias): fold(family[0]) for family in data["families"] for alias in family}


@functools.lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """An organisation's or place's name folded for matching: "the U.S." -> "united states"
    (a common alias), "Apple Inc." -> "apple"."""
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words = words[:-1]
    if len(words) > 2 and words[-1] in ("department", "dept") and words[-2] in SERVICES:
        words = words[:-1]
    key = " ".join(words)
    return _common_aliases().get(key, key)


@functools.cache
def _country_words() -> frozenset[str]:
    """The one-word names of the countries and unions in the alias families ("us", "uk", "eu")."""
    return frozenset(alias for alias in _common_aliases() if " " not in alias)


def unqualified(name: str) -> str | None:
    """An organisation's or office's folded name without the country that qualifies it ("U.S.
    Surgeon General" -> "surgeon general"), where two or more words are left; else None."""
    words = org_key(name).split()
    if len(words) >= 4 and len(words[0]) == len(words[1]) == 1:
        words = [words[0] + words[1], *words[2:]]  # "U. S. Surgeon General"
    if len(words) >= 3 and words[0] in _country_words():
        return " ".join(words[1:])
    return None


def acronym(name: str) -> str | None:
    """The letters of a name written as an acronym ("EU", "U.N.", "NATO"), else None."""
    letters = re.sub(r"[.\s]", "", name.strip())
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def initials(name: str) -> str | None:
    """The acronym a name of several capitalised words would have ("European Union" -> "eu")."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in FUNCTION_WORDS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def org_blocks(name: str) -> tuple[str, ...]:
    """The keys under which an organisation or place is looked up: its folded name, and the
    acronym it is or would have."""
    blocks = [f"n:{org_key(name)}"]
    letters = acronym(name) or initials(name)
    if letters:
        blocks.append(f"a:{letters}")
    return tuple(blocks)
