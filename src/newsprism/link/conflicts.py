"""Conflicts between outlets: numbers, identities and dates they disagree on, with each side's evidence.

A numeric conflict is two quantities taken to state one measure (see `align`) whose values
differ beyond rounding. A temporal conflict is one event, known by the words around its date,
given two different days. Identity conflicts live in `identity`. Each is classified:

- `scope`: the sides measure different periods ("since 2014" vs "since 2017");
- `revision`: a later article updates an earlier one (a toll that has risen, a date postponed,
  a figure published again weeks later);
- `contradiction`: otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..model import Article, Conflict, Evidence, Timex
from .align import Measure, casualties, measure_matches, scopes_differ, values_agree
from .context import (
    Item,
    UnionFind,
    make_conflict,
    outlets_text,
    published,
    sentence_parser,
    sentence_span,
    side,
    stem,
    window_stems,
)
from .identity import identity_conflicts
from .places import figure_places, places_differ

KIND_ORDER = {"numeric": 0, "identity": 1, "temporal": 2, "other": 3}


def find_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Where the articles disagree on a number, an identity or a date, in a stable order."""
    found = numeric_conflicts(items) + identity_conflicts(items) + temporal_conflicts(items)
    unique = {c.id: c for c in found}
    return sorted(unique.values(), key=lambda c: (KIND_ORDER[c.kind], _first_place(c), c.id))


def _first_place(conflict: Conflict) -> tuple[str, int]:
    return min((e.article_id, e.start) for s in conflict.sides for e in s.evidence)


# --- numbers ---------------------------------------------------------------------------------------

# Words with which a later report updates a figure, rather than states a different one.
REVISED = re.compile(r"\b(risen|revis\w*|updated?|replac\w*|correct(ed|ion)|toll|first thought|"
                     r"earlier (estimate|figure)|up from|now stands)\b", re.IGNORECASE)
REPUBLISHED_DAYS = 21  # a figure given again this much later is a revision, not a contradiction
PLAUSIBLE_RATIO = 1.35  # beyond this, two unrelated numbers are likelier than two reports of one
# A casualty count named as one (killed, dead, injured, ...) by every side is one measure even when
# early reports differ widely: "at least 38 dead" against "a toll of 27".
CASUALTY_RATIO = 2.0


def numeric_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Quantities stating one measure with values that differ beyond rounding."""
    groups, measures = UnionFind(), {}
    for match in measure_matches(items):
        groups.union(match.a.quantity.id, match.b.quantity.id)
        measures.update({match.a.quantity.id: match.a, match.b.quantity.id: match.b})
    found = []
    for members in groups.groups():
        sides = value_sides(_own_figures([measures[m] for m in members]))
        if len(sides) >= 2 and (status := numeric_status(sides, items)):
            found.append(_numeric_conflict(sides, status))
    return found


def _own_figures(measures: list[Measure]) -> list[Measure]:
    """The measures without the figures an article cites as earlier reports beside its own."""
    own = {m.article.id for m in measures if not _cites_earlier(m)}
    return [m for m in measures if m.article.id not in own or not _cites_earlier(m)]


def value_sides(measures: list[Measure]) -> list[list[Measure]]:
    """The measures split into sides whose values agree, smallest value first."""
    ordered = sorted(measures, key=lambda m: (m.quantity.value, m.quantity.id))
    sides: list[list[Measure]] = []
    for m in ordered:
        if sides and any(values_agree(m, other) for other in sides[-1]):
            sides[-1].append(m)
        else:
            sides.append([m])
    articles = [{m.article.id for m in s} for s in sides]
    return sides if len(set().union(*articles)) >= 2 else []


def numeric_status(sides: list[list[Measure]], items: Sequence[Item]) -> str | None:
    """Scope, revision or contradiction between the sides; None when they are likelier unrelated."""
    if any(scopes_differ(a, b) for x, y in combinations(sides, 2) for a in x for b in y):
        return "scope"
    if _places_differ(sides):
        return "scope"
    days = _days(items)
    earliest, latest = _time_order(sides, days)
    if earliest is not None:
        gap = (min(days[m.article.id] for m in latest) - max(days[m.article.id] for m in earliest)).days
        if gap >= REPUBLISHED_DAYS or any(REVISED.search(m.sentence) for m in latest):
            return "revision"
    values = [abs(s[0].quantity.value) for s in sides]
    shared_kind = frozenset.intersection(*(casualties(m) for s in sides for m in s))
    ratio = CASUALTY_RATIO if shared_kind else PLAUSIBLE_RATIO
    return "contradiction" if min(values) and max(values) / min(values) <= ratio else None


def _places_differ(sides: list[list[Measure]]) -> bool:
    """Whether two sides qualify their figures by different places (a county vs the country)."""
    places = [[figure_places(m.article.text, m.quantity.start, m.quantity.end) for m in s] for s in sides]
    return any(places_differ(x, y) for x, y in combinations(places, 2))


def _days(items: Sequence[Item]) -> dict:
    return {article.id: published(article, analysis) for article, analysis in items}


# Words before a figure that cite it as what earlier reports said, not as the article's own.
CITED_EARLIER = re.compile(r"\b(earlier|initial|previous|first) (reports?|figures?|estimates?|count)\b|"
                           r"\b(initially|previously|had (put|given|reported))\b|\bup from\s*$",
                           re.IGNORECASE)


def _time_order(sides: list[list[Measure]], days: dict):
    """The earliest and the latest side when every article of one precedes every article of the other.

    A later article citing the earlier figure ("earlier reports had put it at 12") does not date
    that figure's side: it is the article that revises it.
    """
    if any(days[m.article.id] is None for s in sides for m in s):
        return None, None
    dated = [[m for m in s if not _cites_earlier(m)] or s for s in sides]
    ordered = sorted(dated, key=lambda s: min(days[m.article.id] for m in s))
    first, last = ordered[0], ordered[-1]
    if max(days[m.article.id] for m in first) < min(days[m.article.id] for m in last):
        return first, last
    return None, None


def _cites_earlier(m: Measure) -> bool:
    left, _ = sentence_span(m.article.text, m.quantity.start, m.quantity.end)
    return bool(CITED_EARLIER.search(m.article.text[max(left, m.quantity.start - 60):m.quantity.start]))


def _numeric_conflict(sides: list[list[Measure]], status: str) -> Conflict:
    subject = max((m.quantity.subject or "" for s in sides for m in s), key=len) or "A figure"
    parts = [f"{s[0].quantity.text} ({outlets_text(m.article for m in s)})" for s in sides]
    summary = f"{subject[0].upper()}{subject[1:]}: {' vs '.join(parts)}"
    return make_conflict("numeric", status, summary, [
        side(s[0].quantity.text, (Evidence(m.article.id, m.quantity.start, m.quantity.end) for m in s))
        for s in sides])


# --- dates -------------------------------------------------------------------------------------------

EVENT_SIMILAR = 0.25
EVENT_DAYS_APART = 31  # two days further apart than this are likelier two events than one misdated
# Names of days and months say when, not what: they are no evidence of one event.
CALENDAR = frozenset({stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "week weekend month year day today yesterday tomorrow morning afternoon evening night").split()})
REPORTED = re.compile(r"\b(said|says|told(\s+\w+){0,2}|added)\s+(on\s+)?$", re.IGNORECASE)
MOVED = re.compile(r"\b(postpon\w*|delay\w*|moved|reschedul\w*|pushed back|brought forward|put off|"
                   r"deferred)\b", re.IGNORECASE)
# A sentence about what is to come: a date in it before the article was published is likelier
# misresolved ("expects to reopen on Wednesday" read as last Wednesday) than an event.
FUTURE = re.compile(r"\b(will|shall|expects?|expected to|plans?|planned to|intends? to|(is|are) due to|"
                    r"scheduled to|set to)\b", re.IGNORECASE)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event in one article: the date, the words around it and the sentence it is in."""

    article: Article
    timex: Timex
    stems: Counter[str]
    sentence: str
    sentence_start: int


def events(item: Item) -> list[Event]:
    """The article's dates that place an event: full days, not the day it reports on its sources."""
    article, analysis = item
    day = published(article, analysis)
    found = []
    for timex in analysis.timexes:
        if timex.type != "DATE" or not DAY.fullmatch(timex.value):
            continue
        if (day and timex.value == day.isoformat()) or REPORTED.search(article.text[:timex.start][-25:]):
            continue
        left, right = sentence_span(article.text, timex.start, timex.end)
        sentence = article.text[left:right]
        if day and timex.value < day.isoformat() and FUTURE.search(sentence):
            continue
        stems = Counter(window_stems(article, timex.start, timex.end, 25) - CALENDAR)
        stems.update(window_stems(article, timex.start, timex.end, 5) - CALENDAR)
        found.append(Event(article, timex, stems, sentence, left))
    return found


def event_similarity(a: Event, b: Event) -> float:
    """Cosine of the words around two dates; 0 when they share fewer than two."""
    if len(set(a.stems) & set(b.stems)) < 2:
        return 0.0
    dot = sum(count * b.stems[s] for s, count in a.stems.items())
    return dot / math.sqrt(sum(c * c for c in a.stems.values()) * sum(c * c for c in b.stems.values()))


def temporal_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One event given different days by different articles."""
    found = []
    per_article = [events(item) for item in items]
    days = _days(items)
    pairs = [(a, b, _similar_events(a, b)) for a, b in combinations(per_article, 2)]
    frames = event_frames([e for _, _, scored in pairs for _, a, b in scored for e in (a, b)])
    for first, second, scored in pairs:
        same = [(score, a, b) for score, a, b in scored if same_event(frames[_key(a)], frames[_key(b)])]
        for a, b in _one_to_one(same, first, second):
            apart = abs((date.fromisoformat(a.timex.value) - date.fromisoformat(b.timex.value)).days)
            if 0 < apart <= EVENT_DAYS_APART:
                found.append(_temporal_conflict(a, b, days))
    return found


def _similar_events(first: list[Event], second: list[Event]) -> list[tuple[float, Event, Event]]:
    """Pairs of events whose words are alike; same-day pairs score a little higher, to go first on ties."""
    scored = [(event_similarity(a, b) + 0.05 * (a.timex.value == b.timex.value), a, b)
              for a in first for b in second]
    return [t for t in scored if t[0] >= EVENT_SIMILAR]


def _one_to_one(scored, first: list[Event], second: list[Event]) -> list[tuple[Event, Event]]:
    """The pairs taken one to one, most similar first, ties in text order."""
    order = {id(e): i for i, e in enumerate(first + second)}
    used, pairs = set(), []
    for _, a, b in sorted(scored, key=lambda t: (-t[0], order[id(t[1])], order[id(t[2])])):
        if id(a) not in used and id(b) not in used:
            used |= {id(a), id(b)}
            pairs.append((a, b))
    return pairs


def _temporal_conflict(a: Event, b: Event, days: dict) -> Conflict:
    earlier, later = sorted((a, b), key=lambda e: (days[e.article.id] or date.max, e.article.id))
    moved = (days[earlier.article.id] and days[later.article.id]
             and days[earlier.article.id] < days[later.article.id] and MOVED.search(later.sentence))
    summary = (f"Date of one event: {earlier.timex.text} ({earlier.timex.value}) vs "
               f"{later.timex.text} ({later.timex.value})")
    return make_conflict("temporal", "revision" if moved else "contradiction", summary, [
        side(e.timex.text, [Evidence(e.article.id, e.timex.start, e.timex.end)]) for e in (earlier, later)])


# --- what a date dates -------------------------------------------------------------------------------
# Words near two dates can be alike while the dates belong to different events: "buses would run
# from Saturday" and "expects to reopen the line on Wednesday". So each date is tied, through the
# sentence's parse, to the event it dates (the verb or event noun it modifies) and to the words
# of that event's clause; two dates are one event when both overlap.

CLAUSE = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis"})
REPORTING = frozenset({"say", "tell", "add", "announce", "report", "state", "confirm"})
# Verbs that carry no event of their own: the event is their object or subject ("hold a vote").
LIGHT = frozenset({"be", "do", "have", "hold", "take", "make", "give", "stage", "set", "expect", "plan",
                   "due"})
# Verbs that move an event ("the signing has been postponed"): the event is their subject or object.
MOVING = frozenset({"postpone", "delay", "push", "move", "reschedule", "bring", "put", "defer"})
# Verbs saying when an event began or ended ("a strike, which began Jan. 14"): the event is what began.
ASPECTUAL = frozenset({"begin", "start", "end", "finish", "continue", "happen", "occur"})
EVENT_SYNONYMS = (
    {"strike", "walk", "walkout", "stoppage"}, {"reopen", "resume", "restart"}, {"launch", "lift", "liftoff"},
    {"derail", "derailment", "crash", "accident", "collision"}, {"meet", "meeting", "talk", "summit"},
    {"vote", "ballot"}, {"sign", "signing"}, {"open", "opening", "inaugurate", "inauguration", "welcome"},
    {"elect", "election"},
)
CANONICAL = {stem(w): min(group) for group in EVENT_SYNONYMS for w in group}
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


@dataclass(frozen=True, slots=True)
class Frame:
    """What a date dates: the event words (verbs, event nouns) and the words of the event's clause."""

    heads: frozenset[str]
    words: frozenset[str]


def same_event(a: Frame, b: Frame) -> bool:
    """One event head (or synonym) and one more word of their clauses in common."""
    return bool(a.heads & b.heads) and bool(a.words & b.words)


def _key(event: Event) -> tuple[str, int]:
    return event.article.id, event.timex.start


def event_frames(found: Sequence[Event]) -> dict[tuple[str, int], Frame]:
    """The frame of each event, parsing each distinct sentence once."""
    unique = {_key(e): e for e in found}
    sentences = sorted({e.sentence for e in unique.values()})
    if not sentences:
        return {}
    docs = dict(zip(sentences, sentence_parser().pipe(sentences), strict=True))
    return {key: event_frame(docs[e.sentence], e.timex.start - e.sentence_start,
                             e.timex.end - e.sentence_start) for key, e in unique.items()}


def event_frame(doc, start: int, end: int) -> Frame:
    """The frame of the date at characters (start, end) of a parsed sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = {t.i for t in span} if span else set()
    chain = _governors(span.root, inside) if span else []
    if not chain:
        return Frame(frozenset(), frozenset())
    clause = chain[-1]
    tokens = [chain[0], *(t for t in chain if t.pos_ == "VERB"), *_implied(clause)]
    heads = {_event_word(t) for t in tokens}
    heads = heads - {stem(w) for w in LIGHT | MOVING} or heads
    words = {_event_word(t) for t in _participants(clause, tokens) if t.i not in inside
             and t.pos_ in CONTENT and not t.is_stop and t.lemma_.lower() not in REPORTING}
    return Frame(frozenset(heads), frozenset(words - heads - CALENDAR - {""}))


def _governors(token, inside: set[int]) -> list:
    """The verbs and nouns above a date, from the nearest up to the verb of its clause."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in REPORTING:
            break
        if token.i in inside or token.pos_ not in ("VERB", "NOUN", "AUX") or _word(token) in CALENDAR:
            continue
        chain.append(token)
        if token.dep_ in CLAUSE and token.pos_ != "NOUN":
            break
    return chain


def _implied(verb) -> list:
    """The event a light, moving or aspectual verb stands for: its subject or object, or what began."""
    lemma = verb.lemma_.lower()
    if lemma not in LIGHT | MOVING | ASPECTUAL:
        return []
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "xcomp")
             and c.pos_ in ("NOUN", "VERB")]
    if lemma in ASPECTUAL and verb.dep_ == "relcl":
        found += [t for t in _governors(verb, set()) if t.pos_ == "NOUN"]
    return found


CORE = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "agent"})
PHRASE = frozenset({"compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "conj"})


def _participants(clause, heads: list) -> list:
    """Who or what takes part in the event: the subjects and objects of its verbs, with their modifiers.

    A clause that completes another ("is set to vote") takes that one's subject; a relative clause
    ("drivers, who walked out") the noun it describes; an event noun ("the signing of the treaty")
    its own modifiers.
    """
    roots = [c for t in {clause, *heads} for c in t.children if c.dep_ in CORE]
    roots += [t for t in heads if t.pos_ == "NOUN"]
    if clause.dep_ == "xcomp":
        roots += [c for c in clause.head.children if c.dep_ in CORE]
    if clause.dep_ == "relcl":
        roots += [t for t in _governors(clause, set()) if t.pos_ == "NOUN"]
    return [t for root in roots for t in _phrase(root)]


def _phrase(token) -> list:
    """A word with the words that modify it within its noun phrase (no clauses)."""
    found = [token]
    for child in token.children:
        if child.dep_ in PHRASE:
            found += _phrase(child)
    return found


def _word(token) -> str:
    return stem(token.lemma_) if token.lemma_.strip() else ""


def _event_word(token) -> str:
    word = _word(token)
    return CANONICAL.get(word, word)
