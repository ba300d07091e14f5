"""Alignment across articles: statements that report one utterance, quantities that state one measure.

Both work on the articles of one story (or any set of articles) and give each aligned record a
group id built from its members' ids, so linking the same articles again gives the same ids.
Only groups holding records of two or more articles get an id: a record no other article
reports has nothing to be aligned with.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..model import Article, Quantity, Statement
from ..stages.quantities import RACE_TIME, scan
from ..stages.timegrammar import ONES, number_value
from ..stages.units import CURRENCIES, in_base_unit
from .context import (
    PAIR_WINDOW,
    STOPWORDS,
    Item,
    UnionFind,
    content_stems,
    interval,
    nearby_pairs,
    outlet,
    publication_days,
    publication_order,
    published,
    sentence_span,
    short_id,
    stem,
    window_stems,
    words,
)
from .names import GIVEN_PREFIX, form_spelled, is_given_name, same_given

# --- statements -------------------------------------------------------------------------------------

VERBATIM = 0.7  # share of the shorter text's word pairs found in the longer one
PARAPHRASE = 0.5  # share of the smaller set of content words shared, for one speaker


@dataclass(frozen=True, slots=True)
class Utterance:
    """A statement with the word features it is compared by."""

    article: Article
    statement: Statement
    bigrams: frozenset[tuple[str, str]]
    stems: frozenset[str]
    speaker: frozenset[str]
    figures: tuple[tuple[str, float], ...] = ()  # (unit, value) of the numbers it states


def utterance(article: Article, statement: Statement, quantities: Sequence[Quantity] = ()) -> Utterance:
    """The comparable form of one statement (`quantities`: its article's, to find its figures)."""
    start, end = statement.content
    figures = tuple((q.unit or "", q.value) for q in quantities if start <= q.start and q.end <= end)
    return Utterance(article, statement, word_pairs(article.span_text(start, end)),
                     frozenset(content_stems(article.span_text(start, end))),
                     name_tokens(statement.speaker_name), figures)


def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of neighbouring words of a text, lower case: what two wordings of a quote share."""
    tokens = [w.lower() for w, _, _ in words(text)]
    return frozenset(zip(tokens, tokens[1:], strict=False))


FIGURE_TOLERANCE = 0.02  # relative difference under which two figures of one unit are one
NEW_FIGURE_DAYS = 3  # reports this many days apart with other figures tell a new statement


def figures_differ(a: Utterance, b: Utterance) -> bool:
    """True when the two state a figure of one unit and none of those figures agree: "would cost
    €320 million" in April and "will now cost €410 million" in May are two statements, however
    alike their words. (Two outlets' reports of one statement that disagree on its figure stay
    one utterance: that disagreement is a conflict.)"""
    for unit in {u for u, _ in a.figures} & {u for u, _ in b.figures}:
        ours, theirs = [v for u, v in a.figures if u == unit], [v for u, v in b.figures if u == unit]
        if not any(math.isclose(x, y, rel_tol=FIGURE_TOLERANCE) for x in ours for y in theirs):
            return True
    return False


@lru_cache(maxsize=8192)
def name_tokens(name: str | None) -> frozenset[str]:
    """The words of a name, lower case, split at spaces and hyphens, without quotation marks (a
    nickname: Cornelius "Neels" van Rooyen)."""
    words = (t.strip("\"'“”‘’()") for t in re.split(r"[\s\-]+", (name or "").lower()))
    return frozenset(t for t in words if t and t != "the")


def same_speaker(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """True when two speakers' names fit one person, False when they do not, None when one is unknown.
    One name may hold the other's words ("Sandoval", "Bill Sandoval") or give one word another
    form of the same given name ("William Sandoval", "Bill Sandoval")."""
    if not a or not b:
        return None
    if a <= b or b <= a:
        return True
    only_a, only_b = a - b, b - a
    initials = {w for w in only_a | only_b if len(w.rstrip(".")) == 1}
    if initials and only_a - initials and only_b - initials:
        return same_speaker(a - initials, b - initials)  # a middle initial left out: "Pieter J. Wyk"
    if len(only_a) != 1 or len(only_b) != 1 or not a & b:
        return False
    x, y = next(iter(only_a)), next(iter(only_b))
    if any(len(i.rstrip(".")) == 1 and len(w) > 2 and w[0] == i[0] for i, w in ((x, y), (y, x))):
        return True  # an initial for the given name: "M. Kamrul Hasan", "Mohammad Kamrul Hasan"
    if is_given_name(x) and is_given_name(y):
        return same_given(x, y)
    short, long = sorted((x, y), key=len)
    if len(short) >= GIVEN_PREFIX and long.startswith(short) \
            and (is_given_name(long) or len(long) <= len(short) + 2):
        return True  # a clipped form the lists do not know: "Piet" for "Pieter"
    return form_spelled(x, y)  # "Teddy" for a "Teodoro" the lists do not know


def same_utterance(a: Utterance, b: Utterance, weight: dict[str, float] | None = None) -> bool:
    """Whether two statements of different articles report the same words.

    Near-verbatim text aligns whoever is named as the speaker; a paraphrase needs one speaker
    and shared words that are rare among the statements compared (`weight`, by default all 1).
    """
    speakers = same_speaker(a.speaker, b.speaker)
    shorter, longer = sorted((a.bigrams, b.bigrams), key=len)
    if len(shorter) >= 3 and len(shorter & longer) / len(shorter) >= (0.9 if speakers is False else VERBATIM):
        return True
    shared = a.stems & b.stems
    if not speakers or len(shared) < 3 or min(len(a.stems), len(b.stems)) < 4:
        return False
    weight = weight or {}
    mass = [sum(weight.get(s, 1.0) for s in stems) for stems in (shared, a.stems, b.stems)]
    return mass[0] / min(mass[1], mass[2]) >= PARAPHRASE


def align_statements(items: Sequence[Item]) -> dict[str, str]:
    """Group id of every statement reported by two or more articles (statement id -> group id)."""
    utterances = [utterance(article, s, analysis.quantities) for article, analysis in items
                  for s in analysis.statements]
    weight = rarity([u.stems for u in utterances])
    groups = UnionFind([u.statement.id for u in utterances])
    order = publication_order(items)
    place = {items[i][0].id: n for n, i in enumerate(order)}
    days = publication_days(items)
    for a, b in _candidate_pairs(utterances, place):
        if same_utterance(a, b, weight) and not (figures_differ(a, b) and _apart(days, a, b)):
            groups.union(a.statement.id, b.statement.id)
    article_of = {u.statement.id: u.article.id for u in utterances}
    return group_ids(groups, article_of, "g")


def _apart(days: dict, a: Utterance, b: Utterance) -> bool:
    first, second = days.get(a.article.id), days.get(b.article.id)
    return first is not None and second is not None and abs((first - second).days) >= NEW_FIGURE_DAYS


def rarity(bags: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over some bags of words."""
    counts = Counter(s for bag in bags for s in bag)
    return {s: math.log(1 + len(bags) / n) for s, n in counts.items()}


def _candidate_pairs(utterances: list[Utterance], place: dict[str, int]):
    """Pairs from different, nearby articles (`place`: article id -> publication order) sharing a
    content word or a word pair, through an inverted index. A word that most statements of a
    large story share finds no pair on its own: rarer shared words find the real ones."""
    index: dict[object, list[int]] = {}
    for i, u in enumerate(utterances):
        for key in u.stems | u.bigrams:
            index.setdefault(key, []).append(i)
    common = max(MAX_POSTING, len(utterances) // 10)
    pairs: set[tuple[int, int]] = set()
    for ids in index.values():
        follow = len(ids) if len(ids) <= common else COMMON_FOLLOW
        pairs.update(_near(ids, [place[utterances[i].article.id] for i in ids], follow))
    for i, j in sorted(pairs):
        if utterances[i].article.id != utterances[j].article.id:
            yield utterances[i], utterances[j]


# A word or word pair shared by more statements than this (or a tenth of a large story's) pairs
# each statement only with the next few that share it: enough to chain a quote that hundreds of
# outlets repeat into one group, without comparing every statement with every other.
MAX_POSTING = 200
COMMON_FOLLOW = 3


def _near(ids: list[int], places: list[int], follow: int) -> Iterator[tuple[int, int]]:
    """Pairs of each id with (at most `follow` of) the next ids whose articles lie within
    PAIR_WINDOW places of its own."""
    ranked = sorted(zip(places, ids, strict=True))
    for n, (at, i) in enumerate(ranked):
        for later, j in ranked[n + 1:n + 1 + follow]:
            if later - at > PAIR_WINDOW:
                break
            yield min(i, j), max(i, j)


def group_ids(groups: UnionFind, article_of: dict[str, str], prefix: str) -> dict[str, str]:
    """An id for every set spanning two or more articles, from its sorted member ids."""
    result = {}
    for members in groups.groups():
        if len({article_of[m] for m in members}) >= 2:
            ident = short_id(prefix, members)
            result.update(dict.fromkeys(members, ident))
    return result


def corroboration(items: Sequence[Item], groups: dict[str, str]) -> dict[str, int]:
    """Per group id, how many distinct outlets report it (statement or quantity groups)."""
    article_of = {r.id: a for a, an in items for r in (*an.statements, *an.quantities)}
    outlets: dict[str, set[str]] = {}
    for record_id, group in groups.items():
        outlets.setdefault(group, set()).add(outlet(article_of[record_id]))
    return {group: len(names) for group, names in sorted(outlets.items())}


# --- quantities -------------------------------------------------------------------------------------

# Words with which a later report updates a figure, rather than states a different one.
# "Up from" a figure of another period ("$31 million, up from $10 million a year ago") compares two
# periods and revises nothing; "raised its price for Weisfield's to $57.50 a share" does.
REVISED = re.compile(r"\b(risen|rose to|climbed to|revis\w*|updated?|replac\w*|correct(ed|ion)|first thought|"
                     r"earlier (estimate|figure)|up from(?![^.;]{0,40}\b(a year (ago|earlier)|last year|"
                     r"the (previous|prior|year-earlier|year-ago) (year|quarter|period)|"
                     r"year-earlier|year-ago))|now stands|"
                     r"(raised|lifted|sweetened|boosted|lowered|cut|reduced)\b[^;]{0,80}?\bto(?= [$€£\d]))\b",
                     re.IGNORECASE)
CITED_LAST = 0.1  # how far down the candidates a figure cited as an earlier report's goes
MAGNITUDE = 10.0  # values this far apart are different measures, never one figure revised
APART_LAST = 0.2  # how far down the candidates a thing's size MAGNITUDE from a figure goes (_far_apart)
TWIN_SIMILAR = 0.15  # a figure the other article states alike in a context this similar is that one's
SIMILAR = 0.25  # cosine of the two quantities' context words needed to call them one measure
CONTEXT = 25  # words each side of a quantity, within its sentence
NEAR = 6  # words this close to the number count twice: they say most about what it measures
# A death a court may order: the words of a sentence, not of a toll.
PENALTY = re.compile(r"\bdeath (?:penalty|sentence|row)\b|\b(?:sentenced|sentence|put|condemned) (?:\w+ )?"
                     r"to death\b", re.IGNORECASE)
KILLING = frozenset(stem(w) for w in ("killed", "died", "dead", "fatalities", "drowned", "perished"))
SHELTER = stem("shelters")  # people taken to shelters are evacuees; the shelters themselves are not
# Words that say which casualty count a number is: a death toll is never the number missing.
CASUALTIES = {"kill": "dead", "dead": "dead", "death": "dead", "die": "dead", "died": "dead", "dying": "dead",
              "toll": "dead", "fatality": "dead", "liv": "dead", "drown": "dead", "perish": "dead",
              "injur": "injured", "injury": "injured", "wound": "injured", "hurt": "injured",
              "miss": "missing", "unaccounted": "missing", "trapp": "trapped", "arrest": "arrested",
              "detain": "arrested", "evacuat": "evacuated", "displac": "evacuated", "rescu": "rescued"}
# Units that count people: a casualty count names its event ("killed", "death toll") more
# often than its unit, so two such counts of one casualty kind are one measure unit or no unit.
PEOPLE = frozenset({None, "person", "people"})
# Units a casualty toll is counted in: people, or the casualties themselves ("37 deaths").
TOLL_UNITS = PEOPLE | {"death", "fatality", "casualty", "injury", "victim"}
# Words news uses for one measure in turn ("military expenditure", "defence spending"): each
# also counts as its concept, so paraphrases of a measure share context.
CONCEPTS = {"spend": "#spend", "spent": "#spend", "expenditure": "#spend", "outlay": "#spend",
            "military": "#defense", "defense": "#defense", "armament": "#defense",
            "vessel": "#ship", "ship": "#ship", "docker": "#dock", "dock": "#dock",
            "troop": "#soldier", "soldier": "#soldier",
            "pay": "#pay", "wage": "#pay", "salary": "#pay", "salari": "#pay", "raise": "#pay",
            "good": "#goods", "product": "#goods", "merchandise": "#goods", "commodity": "#goods",
            "order": "#bids", "bid": "#bids"}
# Counted things news names in turn ("14 foreign vessels", "a dozen ships"; "3,000 dockers", "8,000
# dock workers"): the unit's head word as the one they are compared by.
COUNTED = {"vessel": "ship", "docker": "worker", "troop": "soldier", "rifl": "gun", "rifle": "gun",
           "infection": "case", "canva": "paint", "canvas": "paint"}
# A count of a set beside another one, read right after the figure: "seven AK-47s and three other
# rifles", "five more bodies".
FURTHER = re.compile(r"\s+(other|more|additional|extra|remaining|further|another)\b", re.IGNORECASE)
# A figure summed over several occasions: its sentence names them ("in their five operations so
# far, ... confiscated 14 AK-47 rifles"), or says it is a total after a sentence that numbers them
# ("This is the fifth successful operation ... So far, the Navy has confiscated 14 AK 47 rifles").
# A running total is no count of any one occasion.
_OCCASION = r"(?:operation|mission|patrol|raid|sortie|attack|incident|search|seizure)"
_SEVERAL = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all)"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
OCCASIONS = re.compile(rf"\b{_SEVERAL}\s+(?:\w+\s+)?{_OCCASION}s\b", re.IGNORECASE)
NUMBERED_OCCASION = re.compile(rf"\b{_ORDINAL}\s+(?:[\w-]+\s+){{0,3}}{_OCCASION}s?\b", re.IGNORECASE)
OCCASION = re.compile(rf"\s+(?:\w+\s+)?{_OCCASION}s?\b", re.IGNORECASE)  # right after a figure
TOTAL = re.compile(r"\b(?:so far|thus far|to date|a total of|in total|in all|altogether|all told)\b",
                   re.IGNORECASE)

# Words right before a count that make it the difference between two sides, or between a side and
# what it needed: "defeating Kane by 3,118 votes", "a margin of more than 3,000", "a lead of 12
# points", "came within seven votes of the presidency".
MARGIN = re.compile(r"(?:\b(?:margin|lead|majority) of|\b(?:came|comes?|coming) within"
                    r"|\b(?:won|wins?|winning|defeat\w*|beat(?:s|ing)?|led"
                    r"|leads?|leading|trail\w*|lost|losing)\b[^.;]{0,50}?\bby)"
                    r"\s+(?:(?:about|nearly|almost|more than|just|only|some|over|under|roughly)\s+)?$",
                    re.IGNORECASE)
KIND_WEIGHT = 3  # a shared casualty kind weighs like a word repeated three times near the number
@dataclass(frozen=True, slots=True)
class Measure:
    """A quantity with what it is compared by: its context words, unit, scope and rounding."""

    article: Article
    quantity: Quantity
    stems: Counter[str]
    scope: tuple[str, object] | None  # ("since", first day) or ("in", (first day, last day))
    tolerance: float
    sentence: str
    kinds: frozenset[str] = frozenset()  # casualty counts the words next to the number name
    unit: str | None = None  # the quantity's unit, lower case
    unit_head: str | None = None  # the stem of the unit's last word ("driver" of "train driver")
    norm: float = 0.0  # the length of the stems vector
    value: float = 0.0  # the quantity's value, in its dimension's base unit where it has one (feet as metres)
    sentence_start: int = 0  # where `sentence` starts in the article's text
    further: bool = False  # a count of a further set ("three other rifles"; see FURTHER)
    summed: bool = False  # a total over several occasions (see OCCASIONS)
    margin: bool = False  # the difference between two sides, not a side's own count (see MARGIN)
    past: bool = False  # a figure of an earlier year's event, told as background (see `_past`)
    target: bool = False  # a level wanted, not one reached ("the 95 percent needed"; see TARGET_AFTER)
    recurring: bool = False  # a figure of every year or month ("kill dozens each year"), no event's
    offset: bool = False  # a distance from one place to another ("about 100 kilometres to the east")
    # What a total is said to include, before the figure ("the grain crop, including barley and
    # canola, at 22 million tonnes"): stems, so a figure of one of those parts is not compared.
    included: frozenset[str] = frozenset()
    revised: bool = False  # said to be what another figure was revised to ("revised the total to 2.6")
    casualty_part: bool = False  # some of the casualties counted ("Seven of the injured are critical")
    whole_of_part: bool = False  # the whole some part is of ("one of four men"; see PARTITIVE)
    cited: bool = False  # cited as an earlier report's, not the article's own ("up from 11"; CITED_EARLIER)
    sized: bool = False  # the size of a thing named after it ("a 24-bed unit"; see SIZE_OF_THING)
    # The compass point (degrees) and the place a distance is measured from, and where that
    # phrase ends in the article ("150 nautical miles east of Aden"); None when it gives none.
    position: tuple[int, str, int] | None = None
    moved_on: str = ""  # the day a change is said to happen ("fell 3 percent on Monday"; see `_moved_on`)
    case_state: str = ""  # "confirmed", "suspected", ... as the count's next word says (see CASE_STATE)
    out_of: float = 0.0  # the whole a part is written out of ("seven of the past eight contests"; OUT_OF)
    in_run: bool = False  # one of a run of figures ("denominations of 1, 2, 5 ... and 100"; RUN_BEFORE)
    route: tuple[str, str] | None = None  # the sentence's "from Rotterdam to Basel" (see ROUTE)

    def before(self) -> str:
        """The words of the sentence before the figure."""
        return self.sentence[:max(self.quantity.start - self.sentence_start, 0)]

    def after(self) -> str:
        """The words of the sentence after the figure."""
        return self.sentence[self.quantity.end - self.sentence_start:]


@dataclass(frozen=True, slots=True)
class MeasureMatch:
    """Two quantities of different articles taken to state the same measure."""

    a: Measure
    b: Measure
    score: float


def measures_of(item: Item, wanted: Callable[[Quantity], bool] | None = None) -> list[Measure]:
    """The comparable form of each of an article's quantities (only of those `wanted`, when
    given: the others cost nothing), in text order."""
    found, previous = [], None
    for quantity in sorted(item[1].quantities, key=lambda q: (q.start, q.end)):
        if wanted is None or wanted(quantity):
            found.append(measure(item, quantity, previous))
        previous = quantity
    return found


def measure(item: Item, quantity: Quantity, previous: Quantity | None = None) -> Measure:
    """The comparable form of one quantity (`previous`: the article's quantity before it, which
    is looked up when not given)."""
    article, analysis = item
    stems = Counter(window_stems(article, quantity.start, quantity.end, CONTEXT))
    near = window_stems(article, quantity.start, quantity.end, NEAR)
    stems.update(near)
    stems.update(set(content_stems(quantity.subject or "")) - set(stems))
    stems.update(_compound_heads(stems))
    stems.update({CONCEPTS[s]: stems[s] for s in list(stems) if s in CONCEPTS})
    base = in_base_unit(quantity.unit)
    unit, low, high = base or (quantity.unit.lower() if quantity.unit else None, 1.0, 1.0)
    if unit == "fraction" and quantity.change in ("up", "down") \
            and not OF_AFTER.match(article.text, quantity.end):
        unit, low, high = "percent", 100.0, 100.0  # "fell by a quarter" is "fell 25%"; not "by a quarter of"
    if unit and EVERYONE_ABOARD.fullmatch(quantity.subject or ""):
        unit = "person"  # "143 passengers and crew" counts the people on board
    # A length or a weight is no casualty count, whatever the sentence says ("fell 700 metres to
    # his death"); a count's event is a strong word for what it measures, wherever it is said.
    # A sum of money is no toll either ("a toll of 180 kroner").
    kinds = frozenset() if base or quantity.unit in CURRENCIES else _kinds(article, quantity, near)
    if not base and _aboard(article.text, quantity):
        kinds |= {"aboard"}  # "143 passengers and crew", "167 people on board": whatever befell them
    if not base and unit in PEOPLE and SHELTER in near:
        kinds |= {"evacuated"}  # "moved 480,000 people into cyclone shelters"
    left, right = sentence_span(article.text, quantity.start, quantity.end)
    sentence = article.text[left:right]
    dead_words = {w for w in near if CASUALTIES.get(w) == "dead"}
    if "dead" in kinds and not near & KILLING and (
            (dead_words <= {"toll"} and unit not in PEOPLE) or PENALTY.search(article.text, left, right)):
        # "a toll of 180 kroner"; "nine voting to put him to death", "three against the death penalty"
        kinds -= {"dead"}
    if not base:
        stems.update({f"#{k}": KIND_WEIGHT if k in kinds else 1 for k in casualty_kinds(stems) | kinds})
    # A unit of two possible sizes gives the value between them, its tolerance reaching both.
    spread = (high - low) / 2 * abs(quantity.value)
    return Measure(article, quantity, stems, scope_of(item, quantity), high * tolerance(quantity) + spread,
                   sentence, kinds, unit, _counted(unit),
                   math.sqrt(sum(c * c for c in stems.values())), (low + high) / 2 * quantity.value, left,
                   _further(item, quantity, previous, unit, right),
                   _summed(article.text, quantity, left, right),
                   position=_position(article.text, quantity.end, right),
                   margin=bool(MARGIN.search(article.text, max(left, quantity.start - 60), quantity.start)),
                   past=_past(item, quantity, left, right), target=_target(article.text, quantity),
                   recurring=bool(RECURRING.match(article.text, quantity.end, right)),
                   offset=unit == "m" and bool(OFFSET.match(article.text, quantity.end, right)),
                   revised=bool(REVISED_TO.search(article.text[max(left, quantity.start - REVISED_REACH):
                                                                quantity.start])),
                   casualty_part=bool(CASUALTIES_PART.match(article.text, quantity.end)),
                   case_state=_case_state(article.text, quantity.end),
                   out_of=_out_of(article.text, quantity.end),
                   route=_route(sentence),
                   in_run=bool(RUN_BEFORE.search(article.text[max(left, quantity.start - RUN_REACH):
                                                                quantity.start])
                               or RUN_AFTER.match(article.text, quantity.end)),
                   whole_of_part=bool(PARTITIVE.search(article.text[max(0, quantity.start - 20):
                                                                    quantity.start])),
                   cited=bool(CITED_EARLIER.search(article.text[max(left, quantity.start - CITED_REACH):
                                                                quantity.start])),
                   sized=bool(SIZE_OF_THING.match(article.text, quantity.end)),
                   included=_included(article.text[left:quantity.start]),
                   moved_on=_moved_on(analysis, quantity, left, right))


# A count of travellers with the crew is one of everyone on board.
EVERYONE_ABOARD = re.compile(r"(?:passengers?|travell?ers|pilgrims|migrants|guests)\s+and\s+(?:the\s+)?crew"
                             r"(?:\s+members)?", re.IGNORECASE)
ABOARD_AFTER = re.compile(r"[^.;:]{0,30}?\b(?:on board|aboard)\b", re.IGNORECASE)
ABOARD_BEFORE = re.compile(r"\b(?:carrying|carried|had|with)\s+(?:about\s+|some\s+|around\s+)?$",
                           re.IGNORECASE)


def _aboard(text: str, quantity: Quantity) -> bool:
    """Whether a count of people is of those on board a vessel or a vehicle."""
    if EVERYONE_ABOARD.fullmatch(quantity.subject or ""):
        return True
    people = quantity.unit is None or quantity.unit.lower() in PEOPLE | {"passenger"}
    return people and bool(ABOARD_AFTER.match(text, quantity.end)
                           or ABOARD_BEFORE.search(text[max(0, quantity.start - 30):quantity.start]))


# After a distance, what makes it one from a place to another, not the length of a thing.
OFFSET = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:to the\s+)?(?:north|south|east|west)|away\b|from\b|off\b"
                    r"|(?:inland|offshore|outside|short of)\b)", re.IGNORECASE)
RECURRING = re.compile(r"[^.;:]{0,40}?\b(?:(?:each|every|per)\s+(?:year|month|week|day)|annually)\b",
                       re.IGNORECASE)
INCLUDING = re.compile(r"\b(?:including|includ(?:es|ed)|among them)\s+([^,;:.()]{1,60})", re.IGNORECASE)


def _included(before: str) -> frozenset[str]:
    """The stems of what the clause before a figure says its total includes."""
    return frozenset(s for found in INCLUDING.finditer(before) for s in content_stems(found[1]))


def _compound_heads(stems: Counter[str]) -> dict[str, int]:
    """The heads that hyphenated compounds name too ("counter-tariffs": tariffs), not those of a
    number ("four-year"), which say how long or how many, not what."""
    heads = {}
    for compound in (s for s in stems if "-" in s):
        first, head = compound.split("-", 1)[0], compound.rsplit("-", 1)[1]
        if head.isalpha() and len(head) > 3 and head not in stems and first.isalpha() and not scan(first):
            heads[head] = stems[compound]
    return heads


# A figure that is a level wanted, planned or expected, not one reached: "the 95 percent needed
# to stop the virus", "the WHO's 95 percent target", "a goal of 50,000 homes", "1,800 long-term
# care beds planned for the north", "analysts had on average expected a net profit of 398
# million francs" (but not "a better-than-expected rise to 412").
# (not "2,500 rupiah a litre above that threshold": a rate for what lies past a threshold)
TARGET_AFTER = re.compile(r"\s+(?!(?:above|below|over|under|beyond|past)\b)(?:[\w'’-]+\s+){0,3}?"
                          r"(?:needed|required|necessary|target|threshold|goal|planned|proposed|promised|"
                          r"(?:expects?|plans?|hopes?|aims?) to)\b", re.IGNORECASE)
TARGET_BEFORE = re.compile(r"\b(?:target|goal|aim|threshold) of\s+$"
                           r"|(?<![-\w])(?<!than )(?<!as )"
                           r"(?:expected|forecast|predicted|projected|anticipated)"
                           r"\s+(?:[\w'’-]+\s+){0,4}$"
                           # "the board projected that inflation would end 2025 at 1.8%"
                           r"|\b(?:projected|forecasts?|predict(?:s|ed)|expect(?:s|ed)|anticipat(?:es|ed))\s+"
                           r"(?:that\s+)?(?:[\w'’-]+\s+){0,6}?"
                           r"(?:will|would)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


# An amount asked for, not one given: "had asked the International Coordinating Group on Vaccine
# Provision for 1.9 million doses", "prosecutors had sought 22 years".
ASKED_FOR = re.compile(r"\b(?:ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?|call(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,8}?"
                       r"for\s+(?:about\s+|some\s+|around\s+|nearly\s+|up to\s+"
                       r"|an? (?:extra|further|additional)\s+)?$"
                       r"|\b(?:request(?:s|ed|ing)?|sought|seek(?:s|ing)?|demand(?:s|ed|ing)?)\s+"
                       r"(?:an? (?:extra|further|additional)\s+|about\s+|some\s+|up to\s+)?$", re.IGNORECASE)
ASKED_REACH = 100  # characters before a figure read for the words that ask for it
TARGET_REACH = 60  # and for the words that make it a target (no more than ASKED_REACH)


def _target(text: str, quantity: Quantity) -> bool:
    line = text[max(0, quantity.start - ASKED_REACH):quantity.start].split("\n")[-1]  # its line up to it
    return bool(TARGET_AFTER.match(text, quantity.end) or TARGET_BEFORE.search(line[-TARGET_REACH:])
                or ASKED_FOR.search(line))


# A year in a figure's clause, and the words before a year that make it the start or the base of
# a period reaching to now ("since 2019", "compared with 2023"), not the time of another event.
YEAR_DAYS = 366  # a scope this long or shorter is one year's (a calendar or a fiscal year)
ANNUAL_DAYS = 360  # and one at least this long is a whole year's
SAME_START_DAYS = 7  # periods, one "since" a day and one "in" a time, starting this close are one
PAST_REACH = 30  # characters after a figure its own year may follow in ("killed 17 people in 2023")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_WHEN = re.compile(r"\b(1[89]\d\d|20\d\d),?\s+when\b[^.;:]*$")  # the figure in a year's "when" clause
LAST_YEAR = re.compile(r"\b(last year|a year (ago|earlier)|the (previous|prior) year|the year before)\b",
                       re.IGNORECASE)
PERIOD_START = re.compile(r"\b(since|from|than|compared (to|with)|versus|vs\.?|over|through|until|to)"
                          r"(\s+(early|late|mid-?|the end of|the start of|[A-Z][a-z]+))?\s*$", re.IGNORECASE)


# A sentence that gives the state of things before the news ("Until now, the record ... reached
# back around 800,000 years"; "The previous oldest core covered roughly 800,000 years").
BEFORE_NOW = re.compile(r"^\W*(?:until (?:now|then)|previously|before (?:now|this|that))\b"
                        r"|\b(?:the|its|their)\s+(?:previous|prior|former|old|earlier)\s+(?:[\w-]+\s+){0,3}?(?:record|high|low|peak"
                        r"|best|oldest|longest|largest|biggest|deepest|highest)\b", re.IGNORECASE)


def _past(item: Item, quantity: Quantity, left: int, right: int) -> bool:
    """Whether the figure's clause dates it to a year before the article's (background: "a 2021
    rampage in which five people were killed", "the 2023 disaster, which left 17 dead"), or its
    sentence gives the state before the news (BEFORE_NOW): another event's figure, no report of
    this one's."""
    article, analysis = item
    if BEFORE_NOW.search(article.text[left:quantity.start]):
        return True
    day = published(article, analysis)
    if day is None:
        return False
    if quantity.scope and all(quantity.scope):  # the stage read the year (or fiscal year) it is of
        period = tuple(date.fromisoformat(d) for d in quantity.scope)
        if _annual(period) and period[1].year < day.year:
            return True
    text = article.text
    clause_end = re.search(r"[,;:]", text[quantity.end:right])
    end = min(quantity.end + clause_end.start() if clause_end else right, quantity.end + PAST_REACH)
    if LAST_YEAR.search(text, left, end):
        return True
    for year in YEAR.finditer(text, left, end):
        lead = text[max(left, year.start() - 25):year.start()]
        if int(year[1]) < day.year and not PERIOD_START.search(lead):
            return True
    when = YEAR_WHEN.search(text, left, quantity.start)  # "since 2011, when a mudslide killed 48"
    return bool(when and int(when[1]) < day.year)


def _summed(text: str, quantity: Quantity, left: int, right: int) -> bool:
    """Whether a figure of the sentence text[left:right] is a total over several occasions (not
    the count of the occasions themselves: "six operations")."""
    occasions = OCCASIONS.finditer(text, left, right)
    if any(not found.start() <= quantity.start < found.end() for found in occasions):
        return True
    if not TOTAL.search(text, left, right) or left < 2 or OCCASION.match(text, quantity.end):
        return False
    before, _ = sentence_span(text, left - 2, left - 1)
    return bool(NUMBERED_OCCASION.search(text, before, left) or OCCASIONS.search(text, before, left))


# What lies between two counts of one list: the first one's unit words, then a comma or "and".
LIST_BETWEEN = re.compile(r"[^.;:!?]{0,40}?(?:,|\sand|\splus)\s+")
COUNT_OF = re.compile(r"\s+[\w-]+\s+of\b")  # "three counts of homicide": what is counted comes after "of"


def _further(item: Item, quantity: Quantity, previous: Quantity | None, unit: str | None, right: int) -> bool:
    """Whether a count is of a further set: said so ("three other rifles"), or listed right after
    a count of the same things ("12 AK 47 guns, three rifles": three guns besides the twelve)."""
    article, analysis = item
    if FURTHER.match(article.text, quantity.end, right):
        return True
    if not _counted(unit) or COUNT_OF.match(article.text, quantity.end):
        return False  # "one count of murder and three counts of homicide" count different things
    if previous is None:
        previous = max((q for q in analysis.quantities if q.end <= quantity.start), key=lambda q: q.end,
                       default=None)
    return previous is not None and previous.end <= quantity.start \
        and bool(LIST_BETWEEN.fullmatch(article.text, previous.end, quantity.start)) \
        and _counted(_unit_name(previous)) == _counted(unit)


def _unit_name(quantity: Quantity) -> str | None:
    """A quantity's unit as compared: its dimension's base unit where it has one, else lower case."""
    base = in_base_unit(quantity.unit)
    return base[0] if base else (quantity.unit.lower() if quantity.unit else None)


def running_totals(items: Sequence[Item]) -> list[Measure]:
    """The figures of the items that are totals over several occasions (see OCCASIONS)."""
    found = []
    for item in items:
        text = item[0].text
        if any(_summed(text, q, *sentence_span(text, q.start, q.end)) for q in item[1].quantities):
            found += [m for m in measures_of(item) if m.summed]
    return found


def _counted(unit: str | None) -> str | None:
    """The stem of a unit's head word, a synonym folded ("vessels" and "ships" are both "ship")."""
    if not unit:
        return None
    head = stem(re.split(r"[\s-]", unit)[-1])  # "e-scooter" counts scooters
    return COUNTED.get(head, head)


# A count that is part of another one next to it: "12 injured, two seriously", "including three children".
PART_BEFORE = re.compile(r"\b(including|among them|among whom|of whom|of them)\s+$", re.IGNORECASE)
PART_AFTER = re.compile(r"^\s*(of (them|whom|those)|seriously|critically|severely|badly|gravely)\b",
                        re.IGNORECASE)
# Words before a figure that cite it as what earlier reports said, not as the article's own.
CITED_EARLIER = re.compile(r"\b(earlier|initial|previous|first) (reports?|figures?|estimates?|count)\b|"
                           r"\b(initially|previously|had (put|given|reported|stood at))\b|\bup from\s*$",
                           re.IGNORECASE)
CITED_REACH = 60  # characters before a figure read for the words that cite it as an earlier report's
SIZE_OF_THING = re.compile(r"-[a-z]")  # a figure joined to its noun by a hyphen: "24-bed", "12-storey"
# The whole of a part, read before the figure: "one of four men", "Four of the six people killed".
PARTITIVE = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+) of "
                       r"(the |just |only |the only |his |her |its |their |our )?"
                       r"(past |last |previous |first |remaining )?$", re.IGNORECASE)
# A count of some of the casualties a report counts: "Seven of the injured are in critical condition".
CASUALTY_NOUNS = r"(?:injured|wounded|dead|missing|victims|survivors|casualties)"
# "Four of the six people killed", "two of the 14 dead": a number, and perhaps who, between.
CASUALTIES_PART = re.compile(
    rf"\s+of\s+the\s+(?:[\w,.]+\s+(?:[a-z]+\s+)?)?(?:{CASUALTY_NOUNS}|killed|hurt)\b", re.IGNORECASE)


def _kinds(article: Article, quantity: Quantity, near: frozenset[str]) -> frozenset[str]:
    """The casualty counts a number is: named next to it, or for a bare count in the clause before it."""
    if is_part(article, quantity):
        return frozenset()
    before = article.text[max(0, quantity.start - 40):quantity.start]
    if shooting := SHOT.search(before):
        # The verb that takes the count says what it counts: "shot three co-workers, killing two"
        # is three shot and two dead, whatever else the sentence names.
        return casualty_kinds([shooting[1].lower()]) if shooting[1] else frozenset({"shot"})
    if own := _own_kind(before, article.text[quantity.end:quantity.end + 40]):
        return own
    if not quantity.unit and (told := casualty_kinds(content_stems(quantity.subject or ""))):
        return told  # "The death toll ... rose to 19 after five critically injured passengers died"
    if quantity.unit or casualty_kinds(near):
        return casualty_kinds(near)
    return casualty_kinds(_lead_stems(article, quantity))


# The casualty word right next to a count names what it counts, whatever else its sentence
# names: "killed 257 people and injured more than 5,500", "247 people were killed".
KIND_BEFORE = re.compile(r"\b(\w+)\s+(?:(?:at least|about|nearly|more than|over|some|almost|up to)\s+)?$",
                         re.IGNORECASE)
KIND_AFTER = re.compile(r"^\s+(?:(?:people|persons|others|other people|more|of them)\s+)?"
                        r"(?:(?:were|was|have been|had been|are|have)\s+)?"
                        r"(?:(?:still|now|also|later|reported)\s+)?(\w+)", re.IGNORECASE)


def _own_kind(before: str, after: str) -> frozenset[str]:
    """The casualty count the word just before or just after a number (the texts around it)
    names, if one does."""
    for found in (KIND_BEFORE.search(before), KIND_AFTER.match(after)):
        if found and (kinds := casualty_kinds([stem(found[1])])):
            return kinds
    return frozenset()


# A count of people shot, by the verb just before it; "shot and killed" counts the dead.
SHOT = re.compile(r"\b(?:shot|shooting|shoots)(?:\s+and\s+(kill|wound|injur)\w*)?\s+"
                  r"(?:(?:at least|about|nearly|more than|some)\s+)?$", re.IGNORECASE)


def is_part(article: Article, quantity: Quantity) -> bool:
    """Whether a count is a part of another one beside it rather than a count of its own."""
    before = article.text[max(0, quantity.start - 20):quantity.start]
    return bool(PART_BEFORE.search(before) or PART_AFTER.match(article.text[quantity.end:quantity.end + 20]))


def _lead_stems(article: Article, quantity: Quantity) -> set[str]:
    """The stems of the clause leading up to a bare count, back to the sentence start or the
    previous number: what "has risen to 17" counts is named before it ("the death toll ...")."""
    left, _ = sentence_span(article.text, quantity.start, quantity.end)
    text = article.text[left:quantity.start]
    lead = words(text)
    # a number joined to the next word ("Tuesday's 6.4-magnitude earthquake") only describes it
    numbers = [i for i, (w, _, end) in enumerate(lead) if w[0].isdigit() and text[end:end + 1] != "-"]
    return {stem(w) for w, _, _ in lead[numbers[-1] + 1 if numbers else 0:]}


def scope_of(item: Item, quantity: Quantity) -> tuple[str, object] | None:
    """The time a quantity covers: as the quantities stage found it, else from a nearby date."""
    article, analysis = item
    if is_age(quantity):
        return None  # "Olsen, 57, ... since it was incorporated in 1865": an age has no period
    if quantity.scope and quantity.scope[0]:
        start, end = quantity.scope
        day = published(article, analysis)
        if end is None or (day and end == day.isoformat()):
            return "since", interval(start)[0] if interval(start) else start
        span = interval(start), interval(end)
        return ("in", (span[0][0], span[1][1])) if all(span) else None
    return _nearby_scope(article, analysis, quantity) or _event_scope(article, quantity) \
        or _opening_span(article.text, quantity) or _rate(article.text, quantity)


SPAN_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
# "in the first week after it opened", "in its first two weeks": a figure counted from a start
# the story shares, over a span of that length
OPENING_SPAN = re.compile(r"[^.;:]{0,40}?\b(?:in|during|over)\s+(?:the|its|their)\s+first\s+"
                          r"(?:(\d+|[a-z]+)\s+)?(hour|day|week|fortnight|month|year)s?\b", re.IGNORECASE)


def _opening_span(text: str, quantity: Quantity) -> tuple[str, object] | None:
    """("first", days) for a figure said to be counted in the first days of something."""
    found = OPENING_SPAN.match(text, quantity.end)
    if not found:
        return None
    number = number_value(found[1]) if found[1] else 1
    return ("first", number * SPAN_DAYS[found[2].lower()]) if number else None


# "1.2 million litres of water a day", "$4 billion per year", "30 flights weekly": the span a figure
# is counted per; not "a year ago", "a day after", "for a year", "within a day"
RATE = re.compile(r"(?:[^.;:,\d]{0,30}?(?<!\bfor)(?<!\bin)(?<!\bwithin)(?<!\bover)(?<!\bthan)(?<!\bonce)"
                  r"\s(?:a|an|per|each|every)\s+(hour|day|week|month|year)"
                  r"(?!\s+(?:ago|after|before|earlier|later|on|from)\b)(?![-\w])"
                  r"|\s+(hourly|daily|weekly|monthly|yearly|annually)\b)", re.IGNORECASE)
RATE_WORDS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
              "annually": "year"}


def _rate(text: str, quantity: Quantity) -> tuple[str, object] | None:
    """("per", days) for a figure counted per span of time ("a day", "per year", "annually")."""
    found = RATE.match(text, quantity.end)
    if not found:
        return None
    span = found[1] or RATE_WORDS[found[2].lower()]
    return "per", SPAN_DAYS[span.lower()]


def _event_scope(article: Article, quantity: Quantity) -> tuple[str, object] | None:
    """("since", "after: ...") for a figure counted since an event its clause names."""
    # A scraped line break may fall inside the clause: read on to the sentence's full stop.
    after = re.split(r"[.!?](?=\s)", article.text[quantity.end:quantity.end + 150], maxsplit=1)[0]
    match = SINCE_EVENT.search(after)
    if not match or re.search(r"[;:]", after[:match.start()]):
        return None
    found = [stem(w) for w, _, _ in words(match[1]) if w.lower() not in STOPWORDS]
    return "since", "after: " + " ".join(w for w in found if w not in EVENT_TITLES)


# "since" before a date, or before an event dated by it ("since the outbreak was declared on").
SINCE = re.compile(r"\bsince\b(?:[^,.;]{0,15}|\s+(?:[\w’'-]+\s+){1,4}(?:was|were)\s+\w+\s+(?:on|in)\s*)$")
NEARBY = 60  # characters between a figure and a date that may give its time
NEARBY_SINCE = 80  # or, for a date "since" an event told before it, its start
SINCE_LEAD = 50  # characters before a date read for the "since" or "in" that makes it a scope
SINCE_REACH = 30  # characters between a figure and the "since ..." after it that dates it
# "since former President Donald Trump took office", "since the invasion began": a time told by
# an event, not a date, after the figure in its clause.
EVENT_TITLES = frozenset({"former", "president", "prime", "minister", "mr", "mrs", "ms", "then"})
SINCE_EVENT = re.compile(r"\bsince\s+((?:[\w’'.-]+\s+){1,7}?(?:took|became|began|started|came|invaded"
                         r"|launched|entered|won|joined|ended|broke|signed)\b(?:\s+(?:office|power|out))?)",
                         re.I)
# "in 2023", "during March", "for the year"; not "its plan for the plant on Thursday": a day
# something was done ("on"), no period
DURING = re.compile(r"\b(in|during|for)\b[^,.;]{0,25}(?<!\bon\s)$")


def _nearby_scope(article, analysis, quantity) -> tuple[str, object] | None:
    """A scope from a date close by that no other number of the sentence is closer to."""
    left, right = sentence_span(article.text, quantity.start, quantity.end)
    numbers = [q for q in analysis.quantities if left <= q.start < right]
    for timex in sorted(analysis.timexes, key=lambda t: _gap(t, quantity)):
        days = interval(timex.value) if timex.type == "DATE" else None
        if not days or not left <= timex.start < right or _gap(timex, quantity) > NEARBY_SINCE:
            continue
        owner = min(numbers, key=lambda q: (_gap(timex, q), q.start))
        lead = article.text[max(left, timex.start - SINCE_LEAD):timex.start].lower()
        if _gap(timex, quantity) > NEARBY and not SINCE.search(lead):
            continue
        if SINCE.search(lead):
            # "since" dates the change before it: "risen 18% since 2022, to 61,400" gives the
            # period of the rise, not of the level reached
            before = [q for q in numbers if q.end <= timex.start and timex.start - q.end <= SINCE_REACH]
            if (max(before, key=lambda q: q.end) if before else owner) is quantity:
                return "since", days[0]
            continue
        if owner is not quantity:
            continue
        if DURING.search(lead):
            return "in", days
    return None


def _gap(timex, quantity: Quantity) -> int:
    return max(timex.start - quantity.end, quantity.start - timex.end, 0)


def scopes_differ(a: Measure, b: Measure) -> bool:
    """Whether two quantities plainly cover different times (since 2014 vs since 2017; 2023 vs 2024)."""
    if not a.scope or not b.scope:
        return False
    if a.scope[0] != b.scope[0]:  # "since Feb. 24" and "this year": periods starting apart,
        starts = [_start(x.scope) for x in (a, b)]  # whose figures differ (one figure is one time)
        return None not in starts and abs((starts[0] - starts[1]).days) > SAME_START_DAYS \
            and not values_agree(a, b)
    if a.scope[0] in ("first", "per"):  # "in the first week" and "in its first two weeks";
        return a.scope[1] != b.scope[1]  # "a day" and "a year"
    if a.scope[0] == "since":
        events = [str(x.scope[1]).removeprefix("after: ").split() for x in (a, b)
                  if str(x.scope[1]).startswith("after: ")]
        if len(events) == 2:  # two events told alike ("Trump took office") are one time
            return not set(events[0]) & set(events[1])
        return a.scope[1] != b.scope[1]
    (a_start, a_end), (b_start, b_end) = a.scope[1], b.scope[1]
    if a_end < b_start or b_end < a_start:
        return True
    # a calendar year and a fiscal year that overlap it are two years' figures
    return a_start != b_start and all(_annual(x.scope[1]) for x in (a, b))


def _start(scope: tuple[str, object]) -> date | None:
    """The first day of a scope, where it has one ("since" an event told in words has none)."""
    first = scope[1][0] if scope[0] == "in" else scope[1]
    return first if isinstance(first, date) else None


def _annual(period: tuple[date, date]) -> bool:
    """Whether a (from, to) period is a year's: a calendar or a fiscal year."""
    return ANNUAL_DAYS <= (period[1] - period[0]).days <= YEAR_DAYS


NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


AGE = re.compile(r"-year-old\b|\baged?\b", re.IGNORECASE)


def is_age(quantity: Quantity) -> bool:
    """An age: "28-year-old", "aged 66", or a bare number the stage read as years ("Smith, 66,")."""
    return bool(AGE.search(quantity.text)) or quantity.unit == "year" and quantity.text.strip().isdigit()


GROUPS = {"dozen": 12, "score": 20}  # counts by the group: "about two dozen" is 24, give or take some
GROUP_WORD = re.compile(r"\b(dozen|score)s?\b", re.IGNORECASE)


FRACTION_WORDS_TOLERANCE = 0.04
OF_AFTER = re.compile(r"\s+of\b")


def tolerance(quantity: Quantity) -> float:
    """Half a unit of the last digit written ("$2 billion" is 1.5 to 2.5 billion), wider for "about".
    An age is exact to the year, however round ("Andrew Lopez, 20" is not 24)."""
    if clocked := RACE_TIME.fullmatch(quantity.text):  # "2:04:51": half its last second
        return 0.5 * 10.0 ** -len(clocked[3].partition(".")[2])
    m = NUMERAL.search(quantity.text)
    if is_age(quantity) and quantity.change != "~":
        return 0.5
    if not m and quantity.unit == "fraction":  # "a quarter" is a round share: 21 to 29 percent
        return FRACTION_WORDS_TOLERANCE
    if not m:  # a number in words ("nineteen", "two-thirds") is exact to its last unit
        whole = quantity.value == int(quantity.value)
        if group := GROUP_WORD.search(quantity.text):  # "two dozen": half a dozen either way
            about = 0.03 * abs(quantity.value) if quantity.change == "~" else 0.0
            return 0.5 * GROUPS[group[1].lower()] + about
        return 0.5 if whole and abs(quantity.value) < 100 else 0.05 * abs(quantity.value)
    digits = m.group().replace(",", "")
    numeral = float(digits) or 1.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
    half = 0.5 * step * abs(quantity.value / numeral)
    if quantity.change == "~":
        half = max(half, 0.03 * abs(quantity.value))
    return half + 1e-9 * abs(quantity.value)


def values_agree(a: Measure, b: Measure) -> bool:
    """Whether two values are the same number once rounding is allowed for, and no bound of one
    excludes the other: "nearly $80 million" is not "$82 million", "at least four dozen" not
    "almost four dozen"."""
    if abs(a.value - b.value) > max(a.tolerance, b.tolerance) and not (_in_bound(a, b) or _in_bound(b, a)):
        return False
    return not (_bound_excludes(a, b) or _bound_excludes(b, a))


IN_BOUND_SHARE = 0.05  # how far past a round bound, as a share of it, a value may lie and agree with it


def _in_bound(a: Measure, b: Measure) -> bool:
    """Whether a plain value lies within one step of a round bound (at most IN_BOUND_SHARE of it),
    on the bound's side: "a record above $11,300 a tonne" and "$11,358.50 a tonne"."""
    step = min(2 * a.tolerance, IN_BOUND_SHARE * abs(a.value))
    if bound(b) != "=":
        return False
    if bound(a) == ">":
        return a.value <= b.value <= a.value + step
    return bound(a) == "<" and a.value - step <= b.value <= a.value


# A position given as a distance and a compass point from a place ("150 nautical miles east of
# Aden", "some 60 km to the north-west of Kabul"): the compass point, in degrees, and the place.
COMPASS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
           "west": 270, "northwest": 315}
BEARING = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:to the\s+)?"  # matched right after the figure
                     r"(north|south)?[- ]?(?(1)(east|west)?|(east|west))(?:ward|ern)?\s+of\s+"
                     r"(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
OPPOSED = 90  # compass points this many degrees apart or more put a place in different positions


def _position(text: str, end: int, sentence_end: int) -> tuple[int, str, int] | None:
    """The position a figure ending at `end` gives (see `Measure.position`)."""
    found = BEARING.match(text, end, sentence_end)
    if not found:
        return None
    point = "".join(part for part in found.group(1, 2, 3) if part).lower()
    place = found[4].rstrip(".")  # a full stop after the place ends the sentence
    return COMPASS[point], place.lower(), found.start(4) + len(place)


def bearings_differ(a: Measure, b: Measure) -> bool:
    """Whether two distances from one place put it at compass points at least OPPOSED apart
    ("150 nautical miles east of Aden", "150 nautical miles west of Aden")."""
    first, second = a.position, b.position
    if not first or not second or first[1] != second[1]:
        return False
    apart = abs(first[0] - second[0]) % 360
    return min(apart, 360 - apart) >= OPPOSED


BELOW = re.compile(r"^(nearly|almost|just under|under|less than|fewer than|up to)\b", re.IGNORECASE)
ABOVE = re.compile(r"^(at least|more than|over|above|upwards of|just over)\b", re.IGNORECASE)


# A bound that says the figure is close to its value, so within its rounding: "nearly 2.8 km"
CLOSE_BOUND = re.compile(r"(?:nearly|almost|just under|just over)\b", re.IGNORECASE)
CLOSE_SLACK = 0.01  # the share of its value by which a close bound's figure may be passed
# A ceiling the sentence sets before a figure: "no toll would exceed 250 kroner", "must not top 3%".
CAPPED = re.compile(r"\b(?:not|never|no\b[^.;:]{0,60}?)\s+(?:to\s+)?(?:exceed|top|surpass)\s+$",
                    re.IGNORECASE)


def bound(m: Measure) -> str:
    """ "<" for a value given as an upper bound, ">" for a lower bound, "=" otherwise."""
    if m.quantity.change == "<" or BELOW.match(m.quantity.text) or CAPPED.search(m.before()[-60:]):
        return "<"
    if m.quantity.change == ">" or ABOVE.match(m.quantity.text):
        return ">"
    return "="


def _bound_excludes(a: Measure, b: Measure) -> bool:
    """Whether a's bound leaves out b's value: below X against more than X, or against X itself
    when b is a bound the other way."""
    bound_a, bound_b = bound(a), bound(b)
    x, y = a.value, b.value
    # A plain value stands for all its rounding allows: "about 165 feet" (50.3 m) may be 50 m; and
    # "nearly 2.8 kilometres" may be 2,803 metres rounded, though not "nearly $80 million" $82 million.
    slack = CLOSE_SLACK * abs(x) if CLOSE_BOUND.match(a.quantity.text) else 0.0
    if bound_a == "<":
        return y - b.tolerance > x + slack if bound_b == "=" else bound_b == ">" and y >= x
    if bound_a == ">":
        return y + b.tolerance < x - slack if bound_b == "=" else bound_b == "<" and y <= x
    return False


# Units the quantities stage writes in the singular whose plural a stem does not reach.
PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women"}


# Units of time, whose words ("year", "day") any sentence may hold: no evidence that a bare count
# near them counts them.
SPANS_OF_TIME = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "season", "s", "h",
                           "min"})


def units_fit(a: Measure, b: Measure) -> bool:
    """Same unit, or the same head word ("train driver", "driver"), or a bare count naming the unit
    nearby, or two counts of people naming one casualty ("killed 9 people", "a death toll of 12")."""
    if (a.unit in PEOPLE or b.unit in PEOPLE) and casualties(a) & casualties(b) \
            and (a.unit is None or b.unit is None or a.unit in TOLL_UNITS and b.unit in TOLL_UNITS):
        # a toll names its event, not always whom: "seven miners were killed", "rose to nine";
        # "37 deaths" counts the people who died
        return True
    if a.unit and b.unit:
        return a.unit == b.unit or a.unit_head == b.unit_head or agents_alike(_named(a), _named(b))
    counted, bare = (a, b) if a.unit else (b, a)
    if counted.unit in SPANS_OF_TIME or counted.unit in SHARES:
        # "a five-year contract" and "four in the Europa League" near "player of the year"; a
        # share is written with its unit, so a bare count beside one ("a vote of seven to two",
        # "roughly 5 percent more") counts something else
        return False
    names = unit_words(counted.unit) if counted.unit else set()
    names |= {stem(w) for n in list(names) for w in UNIT_PARAPHRASES.get(n, ())}
    if number_of := NUMBER_OF.match(bare.quantity.subject or ""):
        # "the number of people evacuated to shelters" counts people, "of planned job cuts" jobs;
        # "the number of recovered vehicles ... has risen to 261" vehicles, a plural the stemmer
        # cuts further ("vehicl"), read where the count is said to be revised
        plurals = {stem(f"{w}s") for w in unit_words(counted.unit)} \
            if counted.unit and bare.revised else set()
        return bool((names | plurals) & {stem(w) for w in number_of[1].split()})
    head = COUNTED_SUBJECT.search(bare.quantity.subject or "")
    if counted.unit and head and not names & {stem(w) for w in (bare.quantity.subject or "").split()[-2:]}:
        # "More than half the cases, 231," counts cases, not the schools beside them ("planned
        # job cuts" count jobs)
        return False
    return bool(names & set(bare.stems))


# Nouns for people that a compound names by what they do ("fire crew members", "dock workers").
GROUP_MEMBERS = frozenset({"member", "worker", "staff", "personnel", "crew", "officer", "hand"})


def _named(m: Measure) -> str:
    """A count's unit with the words its subject puts before it ("fire crew member" where the
    parse gives "crew member" of "fire crew members")."""
    unit, subject = m.unit or "", (m.quantity.subject or "").lower()
    if unit and len(subject.split()) <= 4 and subject.removesuffix("s").endswith(unit):
        return subject.removesuffix("s")
    return unit


def agents_alike(a: str, b: str) -> bool:
    """Whether one unit names in one word the people the other names by their work and a noun
    for people: "firefighter" and "fire crew member", "docker" and "dock worker"."""
    for one, other in ((a, b), (b, a)):
        words = re.split(r"[\s-]+", other)
        if " " not in one and len(words) >= 2 and words[-1] in GROUP_MEMBERS \
                and len(words[0]) >= 4 and one.startswith(words[0]) and one != words[0]:
            return True
    return False


# A bare count's subject that ends in a plural noun names what it counts.
COUNTED_SUBJECT = re.compile(r"\b([a-z]{3,}s)$")
NUMBER_OF = re.compile(r"(?:the\s+)?(?:total\s+)?number\s+of\s+((?:[a-z-]+\s*){1,3})", re.IGNORECASE)


# Words a bare count's sentence may name a counted unit by: "a crowd of 38,650" counts fans.
UNIT_PARAPHRASES = {"fan": ("crowd", "spectators", "attendance"),
                    "spectator": ("crowd", "fans", "attendance")}


def unit_words(unit: str) -> set[str]:
    """The stems a text may name a unit by: its head word and that word's plural ("person", "people")."""
    head = unit.split()[-1]
    return {stem(head), stem(PLURALS.get(head, head))}


def casualty_kinds(stems) -> frozenset[str]:
    """Which casualty counts some word stems name (dead, injured, missing, ...)."""
    return frozenset(CASUALTIES[s] for s in stems if s in CASUALTIES)


def casualties(m: Measure) -> frozenset[str]:
    """Which casualty counts the words next to a number name (dead, injured, missing, ...)."""
    return m.kinds


SHARES = frozenset({"percent", "fraction", "percentage_point"})  # units of a share, or of a change in one


SHARE_OF = re.compile(r"\s+of\s")


MOVED_ON_REACH = 40  # characters between a change and the day its clause gives it
ONE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _moved_on(analysis, quantity: Quantity, left: int, right: int) -> str:
    """The day a change is said to happen on, where its sentence names one day close by: "shares
    fell 3 percent on Monday" and "fell 2 percent on Tuesday" are two days' moves."""
    if quantity.change not in ("up", "down"):
        return ""
    days = [t for t in analysis.timexes if t.type == "DATE" and ONE_DAY.match(t.value)
            and left <= t.start < right and _gap(t, quantity) <= MOVED_ON_REACH]
    return min(days, key=lambda t: _gap(t, quantity)).value if days else ""


def _changed(m: Measure) -> bool:
    """Whether the figure is a change ("rose 15 percent", "a 15 percent increase")."""
    return m.quantity.change in ("up", "down")


def _share_of(m: Measure) -> bool:
    """Whether the figure is a share of something it names ("5 percent of U.S. steel imports")."""
    return not _changed(m) and SHARE_OF.match(m.article.text, m.quantity.end) is not None


def _wholes_differ(a: Measure, b: Measure) -> bool:
    """Whether two shares name different wholes: no word in common, an acronym and its words aside
    ("GDP", "gross domestic product"), or each a word the other lacks ("of black voters", "of
    Clinton voters"), not one a narrower name of the other ("of voters", "of registered voters")."""
    wholes = [(x.quantity.subject or "").replace("'s", "").split() for x in (a, b)]
    stems = [set(content_stems(" ".join(whole))) for whole in wholes]
    if not all(stems):
        return False
    if stems[0] & stems[1]:
        return bool(stems[0] - stems[1] and stems[1] - stems[0])
    for whole, other in ((wholes[0], wholes[1]), (wholes[1], wholes[0])):
        initials = "".join(w[0] for w in whole if w[0].isalpha()).lower()
        if any(len(x) > 1 and x.isupper() and initials.endswith(x.lower()) for x in other):
            return False
    return True


# What a count of cases is sure of, written right after its number: "41 confirmed cases", "23
# suspected cases"
CASE_STATE = re.compile(r"\s+(confirmed|suspected|probable|possible|presumed|presumptive)\b", re.IGNORECASE)


# The whole written right after a part: "won seven of the past eight contests", "13 of 19".
_WHOLE_WORDS = "|".join(word for word, n in ONES.items() if 1 <= n <= 12)
OUT_OF = re.compile(rf"\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:past\s+|last\s+|previous\s+"
                    rf"|first\s+|remaining\s+)?(\d[\d,]*|{_WHOLE_WORDS})\b(?![.,]\d|%| percent)",
                    re.IGNORECASE)


# A figure in a run of three or more ("notes of 1, 2, 5, 10, 20, 50 and 100 new kip"): no one measure.
RUN_BEFORE = re.compile(r"\b\d[\d.]*,\s+\d[\d.]*(?:,\s+\d[\d.]*)*,?\s+(?:and|or)\s+$|"
                           r"\b\d[\d.]*,\s+\d[\d.]*,\s+$")
RUN_AFTER = re.compile(r",\s+\d[\d.]*,\s+\d|,\s+\d[\d.]*,?\s+(?:and|or)\s+\d")
RUN_REACH = 40  # characters before a figure read for the run it ends


# A route between two named places: "shipping gas oil from Rotterdam to Basel", "flights from
# Lisbon to Praia"; not a span of time ("from January to March").
_PLACE_NAME = r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December" \
              r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
ROUTE = re.compile(rf"\bfrom\s+(?:the\s+)?({_PLACE_NAME})\s+to\s+(?:the\s+)?({_PLACE_NAME})")


def _route(sentence: str) -> tuple[str, str] | None:
    """The route a sentence names (ROUTE), as its two places; None where it names none."""
    found = ROUTE.search(sentence)
    return (found[1], found[2]) if found else None


def _out_of(text: str, end: int) -> float:
    """The whole a figure is a part of, as written right after it (OUT_OF); 0 where none is."""
    found = OUT_OF.match(text, end)
    return (number_value(found[1]) or 0.0) if found else 0.0


def _case_state(text: str, end: int) -> str:
    """ "confirmed", "suspected", ... where the word after a count ending at `end` says so; ""
    otherwise."""
    found = CASE_STATE.match(text, end)
    return found[1].lower() if found else ""


def similarity(a: Measure, b: Measure) -> float:
    """Cosine of the two quantities' context words; 0 when their units or casualty kinds differ."""
    shared = a.stems.keys() & b.stems.keys()
    if len(shared) < 2 or not units_fit(a, b):
        return 0.0
    kinds_a, kinds_b = casualties(a), casualties(b)
    if kinds_a and kinds_b and not kinds_a & kinds_b:
        return 0.0
    if any(x.included and x.included & set(content_stems(y.quantity.subject or ""))
           for x, y in ((a, b), (b, a))):
        return 0.0  # a total against one of the parts it is said to include
    if a.casualty_part != b.casualty_part:
        return 0.0  # "Seven of the injured are in critical condition" is no count of the injured
    if a.case_state and b.case_state and a.case_state != b.case_state:
        return 0.0  # "41 confirmed cases and another 23 suspected cases": two counts
    if a.route and b.route and a.route != b.route:
        return 0.0  # a price "from Rotterdam to Karlsruhe" is not one "from Rotterdam to Basel"
    if a.in_run or b.in_run:
        return 0.0  # "denominations of 1, 2, 5, 10, 20, 50 and 100 new kip" give no one figure
    if a.out_of and b.out_of and a.out_of != b.out_of or a.out_of and b.whole_of_part \
            or b.out_of and a.whole_of_part:
        # "seven of the past eight contests" and "13 of the past 19" count two spans; a part is no
        # whole ("eight" against "13")
        return 0.0
    if a.moved_on and b.moved_on and a.moved_on != b.moved_on:
        return 0.0  # a price's move on one trading day is not its move on another
    if a.unit in SHARES and any(_changed(x) and _share_of(y) for x, y in ((a, b), (b, a))):
        return 0.0  # "a 15 percent increase" is a change; "5 percent of imports" a share
    if a.unit in SHARES and _share_of(a) and _share_of(b) and _wholes_differ(a, b):
        return 0.0  # "40% of the world's cocoa" and "15% of Ivory Coast's GDP" are of two wholes
    if a.further != b.further or a.summed != b.summed or a.margin != b.margin or a.past != b.past \
            or a.target != b.target or a.recurring != b.recurring or a.offset != b.offset:
        # "three other rifles" beside "seven AK-47 rifles" counts another set; the rifles of
        # five operations are not those of one; a winning margin counts no side's votes; a figure
        # of an earlier year's event is background to this one's; a target is no level reached;
        # a yearly figure is no one event's; a distance between places is no length of a thing
        return 0.0
    return sum(a.stems[s] * b.stems[s] for s in shared) / (a.norm * b.norm)


# Where a sum of money in brackets is the one before it in another currency: "C$47.5 million ($33.4
# million)", "1.42 trillion won (about $1.03 billion)".
CONVERTED = re.compile(r"\s*\((?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|~)?$",
                       re.IGNORECASE)


def _restated(measures: list[Measure]) -> list[Measure]:
    """The article's figures less the whole of a part that it states on its own too ("Four of the
    six people killed were German ... bringing the death toll to six"): the figure is matched where
    it stands alone."""
    alone = [m for m in measures if not m.whole_of_part]
    return [m for m in measures if not (m.whole_of_part and any(
        x.quantity.value == m.quantity.value and units_fit(x, m) for x in alone))]


def _conversions(measures: list[Measure]) -> dict[int, Measure]:
    """id of each sum of money converted in brackets -> the sum it converts."""
    return {id(m): before for before, m in zip(measures, measures[1:], strict=False) if _converted(before, m)}


def _unconverted(measures: list[Measure], conversions: dict[int, Measure],
                 other: list[Measure]) -> list[Measure]:
    """The figures less the conversions whose original sum the other report gives as its own ("C$47.5
    million ($33.4 million)" beside a Canadian report's "$47.5-million"): that report wrote the
    original, in its own notation, not another figure."""
    if not conversions:
        return measures
    values = {m.quantity.value for m in other}
    return [m for m in measures
            if id(m) not in conversions or conversions[id(m)].quantity.value not in values]


def _converted(before: Measure, m: Measure) -> bool:
    money = (before.quantity.unit, m.quantity.unit)
    return all(u in CURRENCIES for u in money) and 0 <= m.quantity.start - before.quantity.end <= 12 \
        and bool(CONVERTED.fullmatch(m.article.text, before.quantity.end, m.quantity.start))


def measure_matches(items: Sequence[Item]) -> list[MeasureMatch]:
    """For each pair of articles, their quantities paired one to one, most similar first."""
    measures = [_restated(measures_of(item)) for item in items]
    conversions = [_conversions(found) for found in measures]
    matches = []
    for i, j in nearby_pairs(items):
        first = _unconverted(measures[i], conversions[i], measures[j])
        second = _unconverted(measures[j], conversions[j], measures[i])
        if first and second and first[0].article.id != second[0].article.id:
            matches += _pair_one_to_one(first, second)
    return sorted(matches, key=lambda m: (m.a.quantity.id, m.b.quantity.id))


REVISED_TO = re.compile(r"\b(?:revised|raised|lowered|corrected|updated|risen|rose|climbed|increased"
                        r"|jumped)\b[^.;:]{0,30}?\bto\s+(?:about\s+|some\s+|around\s+|nearly\s+)?$",
                        re.IGNORECASE)


REVISED_REACH = 60  # characters before a figure read for the words that say it was revised to
REVISED_SIMILAR = 0.05  # context words enough for a figure said to be revised to meet its earlier one


def _revised_pair(a: Measure, b: Measure) -> bool:
    """A figure its report says was revised to ("revised the total to 2.6 tonnes") beside one of its
    unit: it answers that earlier figure in less alike words."""
    return bool(a.unit) and a.unit == b.unit and (a.revised or b.revised)


def _other_rate(a: Measure, b: Measure) -> bool:
    """One figure, in one unit, that two reports give per different spans of time ("1.2 million
    litres of water a day", "a year"): a slip of one of them, however unlike the rest of their
    words (twins only, TWIN_SIMILAR)."""
    return a.unit == b.unit and a.quantity.value == b.quantity.value and all(
        x.scope and x.scope[0] == "per" for x in (a, b)) and a.scope != b.scope


def _far_apart(a: Measure, b: Measure) -> bool:
    """Values MAGNITUDE apart where one is the size of a thing named after it ("a 24-bed intensive
    care unit"), no count of the sentence's noun."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return (low == 0 or high / low > MAGNITUDE) and (a.sized or b.sized)


def _elided_twins(scored: list[tuple[Measure, Measure, float]], first: list[Measure],
                  second: list[Measure]) -> set[int]:
    """Figures the other report gives in the very sentence of their candidate, with the unit left
    out ("Tamm received 61 votes ..., against 30 for Liina Saar" meets "Saar received 30 votes"):
    that bare figure is theirs, not the sentence's other one."""
    bare = {(m.article.id, m.sentence_start, m.quantity.value) for m in (*first, *second) if not m.unit}
    return {id(a) for x, y, _ in scored for a, b in ((x, y), (y, x))
            if a.unit and (b.article.id, b.sentence_start, a.quantity.value) in bare}


def _pair_one_to_one(first: list[Measure], second: list[Measure]) -> list[MeasureMatch]:
    scored = [(a, b, s) for a in first for b in second if (s := similarity(a, b)) >= TWIN_SIMILAR
              or s >= REVISED_SIMILAR and _revised_pair(a, b)]
    candidates = [MeasureMatch(a, b, s) for a, b, s in scored
                  if s >= SIMILAR or _revised_pair(a, b) or _other_rate(a, b)]
    # A figure the other article states too is matched with that statement only: two figures
    # each article gives ("the fire service said 8,000 hectares; EFFIS put it at 10,400") are
    # not crossed, and "tariffs on 18.4 billion of imports" is not set against another figure
    # of the article that also says 18.4 billion, however alike the sentences are.
    # A report that says a figure was revised ("raised its offer to $57.50 a share") may give the
    # old one beside it: its new figure is still set against the first report's.
    twinned = {id(x) for a, b, _ in scored if a.unit == b.unit and values_agree(a, b) for x in (a, b)}
    twinned |= _elided_twins(scored, first, second)
    candidates = [m for m in candidates if values_agree(m.a, m.b)
                  or not (id(m.a) in twinned or id(m.b) in twinned)
                  or REVISED.search(m.a.sentence) or REVISED.search(m.b.sentence)]
    # Outlets mostly agree, so between near-equal candidates the pair whose values agree goes first.
    # A figure its report cites as an earlier one ("19 people now ..., up from 11") goes after the
    # report's own: the new figure answers the other report's.
    # Values MAGNITUDE apart are no one figure: "has 450 beds, including a 24-bed intensive care
    # unit" meets "has 540 beds" with its 450, however alike the 24's words are.
    candidates.sort(key=lambda m: (-m.score - 0.05 * values_agree(m.a, m.b)
                                   + CITED_LAST * (m.a.cited or m.b.cited)
                                   + APART_LAST * _far_apart(m.a, m.b),
                                   m.a.quantity.id, m.b.quantity.id))
    used: set[str] = set()
    chosen = []
    for m in candidates:
        if m.a.quantity.id not in used and m.b.quantity.id not in used:
            used |= {m.a.quantity.id, m.b.quantity.id}
            chosen.append(m)
    return chosen


def align_quantities(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> dict[str, str]:
    """Group id of every quantity whose measure (subject, unit, scope) and value two or more
    articles state alike (`matches`: the items' `measure_matches`, when the caller has them
    already). Two values that differ beyond rounding are no corroboration of each other: they
    are a conflict, so a pair is shown one way only."""
    groups = UnionFind()
    measures = {}
    for m in measure_matches(items) if matches is None else matches:
        # Else a conflict, never both: of values, or of the position a distance gives.
        if not scopes_differ(m.a, m.b) and values_agree(m.a, m.b) and not bearings_differ(m.a, m.b):
            groups.union(m.a.quantity.id, m.b.quantity.id)
            measures.update({m.a.quantity.id: m.a, m.b.quantity.id: m.b})
    # A chain of agreeing pairs may join values that do not agree ("nearly $80 million", "$80
    # million", "$82 million"): a group holds only values that all agree, as a conflict's side does.
    consistent = UnionFind()
    for members in groups.groups():
        for part in agreeing_sides([measures[q] for q in members]):
            for m in part[1:]:
                consistent.union(part[0].quantity.id, m.quantity.id)
    article_of = {q.id: a.id for a, an in items for q in an.quantities}
    return group_ids(consistent, article_of, "g")


def agreeing_sides(measures: Sequence[Measure]) -> list[list[Measure]]:
    """The measures split, smallest value first, into runs whose values all agree with each other."""
    sides: list[list[Measure]] = []
    for m in sorted(measures, key=lambda m: (m.value, m.quantity.id)):
        if sides and all(values_agree(m, other) for other in sides[-1]):
            sides[-1].append(m)
        else:
            sides.append([m])
    return sides
