"""Temporal conflicts: one event given different days by different articles.

Each full date an article gives is an event candidate, known by the words around it. Two dates
of different articles are one event when their words are alike and, through the parse of their
sentences, they date one event: an event word in common (or a synonym: "attack", "breach",
"break into") and a participant in common (what was attacked, who signs). A later article that
says the event was moved ("postponed", "pushed back") revises the earlier date.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..model import Article, Conflict, Evidence, Timex
from ..stages.cues import CUE_LEMMAS
from .context import (
    Item,
    body_sentence_span,
    make_conflict,
    nearby_pairs,
    parse_sentences,
    phrase_tokens,
    pollsters,
    publication_days,
    published,
    side,
    stem,
    window_stems,
)

EVENT_SIMILAR = 0.25
EVENT_SHARED = 3  # or this many words in common (synonyms folded): the frames then decide
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
FUTURE = re.compile(r"\b(will|shall|expects?|expected to|plans? to|planned to|intends? to|(is|are) due to|"
                    r"scheduled to|set to)\b", re.IGNORECASE)  # "plans to", not "its spending plan"
# A day, its year maybe unwritten ("November 19"), maybe with a part of it ("Saturday morning").
DAY = re.compile(r"(\d{4}|XXXX)-\d{2}-\d{2}(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?")


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
        if timex.type not in ("DATE", "TIME") or not DAY.fullmatch(timex.value):
            continue
        timex = replace(timex, value=timex.value[:10])  # the day of "Saturday morning"
        if timex.value.startswith("XXXX") and day:
            continue  # the year could have been resolved from the publication date: it is no event's
        if (day and timex.value == day.isoformat() and not _dated_on(article.text, timex)) \
                or REPORTED.search(article.text[:timex.start][-25:]):
            continue  # the day it reports on ("said on Tuesday"), unless "on November 19" dates an event
        left, right = body_sentence_span(article, timex.start, timex.end)
        sentence = article.text[left:right]
        if day and timex.value < day.isoformat() and FUTURE.search(_clause_of(sentence, timex.start - left)):
            continue
        stems = Counter(window_stems(article, timex.start, timex.end, 25) - CALENDAR)
        stems.update(window_stems(article, timex.start, timex.end, 5) - CALENDAR)
        stems.update({group for s in stems for group in CANONICAL.get(s, ())})
        if DOWN.search(sentence):  # "the plane came down": a crash
            stems.update(CANONICAL[stem("crash")])
        found.append(Event(article, timex, stems, sentence, left))
    return found


# "on November 19": a month and a day, no weekday or year, written right after "on"
ON_MONTH_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}",
                          re.IGNORECASE)


# "ruled on Thursday", "struck on Monday": a deed, not a word said, dated by the weekday after it
DONE_ON = re.compile(r"\b([a-z]+ed|won|held|began|struck|hit|fell|sank|broke|met|took|sold|shot|stole|fled)"
                     r"\s+on\s+$")
# "in Dong Da district early on Wednesday": a time of day the event, not the report, is told by
EARLY_LATE_ON = re.compile(r"\b([a-z]+)\s+(?:early|late)\s+on\s+$")
WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


def _dated_on(text: str, timex: Timex) -> bool:
    """Whether a date on the publication day is written as an event's ("arrived in Praia on
    November 19", "the court ruled on Thursday"), not a dateline's or the reporting day's ("said
    on Wednesday", "confirmed on Wednesday")."""
    before = text[max(0, timex.start - 20):timex.start]
    if ON_MONTH_DAY.fullmatch(timex.text):
        return before.endswith("on ")
    if not WEEKDAY.fullmatch(timex.text):
        return False
    done = DONE_ON.search(before) or EARLY_LATE_ON.search(before)
    return bool(done) and not _said(done[1])


def _said(verb: str) -> bool:
    """Whether a past tense is a verb of saying or reporting ("said", "confirmed", "denied")."""
    return verb in SAID_IRREGULAR or bool({verb[:-1], verb[:-2], verb[:-3] + "y"} & CUE_LEMMAS)


SAID_IRREGULAR = frozenset({"said", "says", "told", "tells", "wrote", "spoke"})


def _clause_of(sentence: str, at: int) -> str:
    """The part of a sentence around a position that a relative clause set off by commas holds, or
    the whole sentence: "the dam, which was inaugurated on Tuesday, will allow" dates a past act."""
    left = sentence.rfind(",", 0, at)
    right = sentence.find(",", at)
    if left >= 0 and right >= 0 and RELATIVE.match(sentence, left + 1):
        return sentence[left + 1:right]
    return sentence


RELATIVE = re.compile(r"\s*(?:which|who|that)\s+(?:was|were|had|has)\b", re.IGNORECASE)


def event_similarity(a: Event, b: Event) -> float:
    """Cosine of the words around two dates; 0 when they share fewer than two."""
    if len(set(a.stems) & set(b.stems)) < 2:
        return 0.0
    dot = sum(count * b.stems[s] for s, count in a.stems.items())
    return dot / math.sqrt(sum(c * c for c in a.stems.values()) * sum(c * c for c in b.stems.values()))


def temporal_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One event given different days by different articles."""
    found: dict[tuple, list[tuple[Event, Event]]] = {}
    per_article = [events(item) for item in items]
    # The day a sentence moves an event on ("on Thursday postponed the vote to Dec. 16") is no
    # day of the event itself.
    per_article = [[e for e in found if not _day_of_move(e, found)] for found in per_article]
    days = publication_days(items)
    pairs = [(per_article[i], per_article[j]) for i, j in nearby_pairs(items)]
    pairs = [(a, b, _similar_events(a, b)) for a, b in pairs]
    frames = event_frames([e for _, _, scored in pairs for _, a, b in scored for e in (a, b)])
    for first, second, scored in pairs:
        same = [(score, a, b) for score, a, b in scored
                if (same_event(frames[_key(a)], frames[_key(b)]) or _one_event_near(a, b, frames)
                    or _moved_event(a, b, days))
                and not _two_polls(a, b) and not _two_parties(a, b)]
        for a, b in _one_to_one(same, first, second):
            apart = _days_apart(a, b)
            unwritten = {a.timex.value[:4] == "XXXX", b.timex.value[:4] == "XXXX"}
            if 0 < apart <= EVENT_DAYS_APART and len(unwritten) == 1:
                earlier, later, status = _ordered(a, b, days)
                if status == "contradiction":  # no order in time: one conflict whichever day came first
                    earlier, later = sorted((earlier, later), key=lambda e: e.timex.value)
                key = (earlier.timex.value, later.timex.value, status)
                found.setdefault(key, []).append((earlier, later))
    # Many outlets giving one of two days make one conflict with two sides, not one per pair.
    return [_temporal_conflict(reports, status) for (_, _, status), reports in found.items()]


NEAR_DAYS = 3  # dates this close, of one specific event word, may be one event told apart by a day
NEAR_SIMILAR = 0.2  # and words this alike around them are enough for their frames to be compared


def _one_event_near(a: Event, b: Event, frames: dict) -> bool:
    """Dates a few days apart whose frames share a kind of event (one of EVENT_SYNONYMS' groups:
    "strike", not "begin", "hold" or any verb such as "run"), though the words of their clauses do
    not meet: "drivers will walk out from Monday, November 17" and "its 48-hour stoppage will
    begin on Tuesday, November 18"."""
    first, second = frames[_key(a)], frames[_key(b)]
    shared = (first.heads & second.heads & EVENT_KINDS) - UNSPECIFIC
    if not shared or _told_apart(first, second):
        return False
    if _other_subjects(first, second):
        return False
    return _days_apart(a, b) <= NEAR_DAYS


# A proper name that ends in a word for an event names that event ("the Riverside Jazz Festival").
EVENT_NAME = re.compile(r"\b((?:[A-Z][\w'’&.-]*\s+){1,5}(?:Festival|Conference|Summit|Congress|Convention|"
                        r"Games|Championships?|Cup|Tournament|Marathon|Fair|Expo|Exhibition|Parade|Ceremony|"
                        r"Awards|Olympics|Forum|Show|Open|Election|Referendum|Strike))\b")
RANGE_END = re.compile(r"\bfrom\s+[^.;!?]{1,30}?\s*(?:to|until|through|-|–)\s*$", re.IGNORECASE)
NEW_DAY = re.compile(r"(\bnow\b[^.;!?]{0,40}|\b(?:to|until|for)\s+)$", re.IGNORECASE)


def _moved_event(a: Event, b: Event, days: dict) -> bool:
    """A later report that moves an event to a new day and an earlier one giving its old day,
    both naming the event by its kind ("strike") or its proper name ("the Riverside Jazz
    Festival"), though the words of their clauses do not meet: "will stage a 48-hour strike
    starting on July 10" and "has postponed a two-day strike ..., pushing it back to July 24".
    The later date must be the new one: "to", "until" or "now" before it."""
    first, second = days[a.article.id], days[b.article.id]
    if a.timex.value == b.timex.value or not first or not second or first == second:
        return False
    earlier, later = (a, b) if first < second else (b, a)
    if MOVED.search(earlier.sentence) or not _moved_to(later):
        return False
    kinds = (earlier.stems.keys() & later.stems.keys() & EVENT_KINDS) - UNSPECIFIC
    return bool(kinds or _event_names(earlier.sentence) & _event_names(later.sentence))


def _lead(event: Event) -> str:
    """The words of the event's sentence before its date."""
    return event.sentence[:event.timex.start - event.sentence_start]


def _day_of_move(event: Event, others: list[Event]) -> bool:
    """Whether the date is when its sentence moves an event to another date the sentence gives."""
    return bool(MOVED.search(event.sentence)) and not _moved_to(event) and any(
        o is not event and o.sentence_start == event.sentence_start and _moved_to(o) for o in others)


def _moved_to(event: Event) -> bool:
    """Whether the date is the day its sentence moves an event to: "to", "until" or "now" before
    it ("postponed on Thursday" dates the move, "to Dec. 16" the new day), and not the end of a
    span ("runs from June 26 to June 29": the day a move names is its first)."""
    if not MOVED.search(event.sentence):
        return False
    lead = _lead(event)
    return bool(NEW_DAY.search(lead)) and not RANGE_END.search(lead)


def _event_names(sentence: str) -> set[str]:
    return {re.sub(r"^the\s+", "", name.casefold()) for name in EVENT_NAME.findall(sentence)}


def _days_apart(a: Event, b: Event) -> int:
    return abs((_day(a.timex.value, b.timex.value) - _day(b.timex.value, a.timex.value)).days)


def _two_polls(a: Event, b: Event) -> bool:
    """Whether the two dates are of polls with different names ("the AP-GfK Poll was conducted
    Feb. 11-15", "the Fox News poll was conducted February 15-17")."""
    first, second = pollsters(a.sentence), pollsters(b.sentence)
    return bool(first and second and not first & second)


# A party named beside a date says whose contest it is: a state's Republican primary on Feb. 20 and
# its Democratic one on Feb. 27 are two primaries.
PARTIES = {"republican": "r", "republicans": "r", "gop": "r", "democratic": "d", "democrat": "d",
           "democrats": "d", "labour": "l", "conservative": "c", "conservatives": "c", "tory": "c",
           "tories": "c"}
PARTY_WORD = re.compile(rf"\b(?:{'|'.join(PARTIES)})\b", re.IGNORECASE)


def _party(event: Event) -> str:
    """The one party the date's sentence names, else the one its neighbouring sentences name
    ("... a big victory in the Feb. 20 South Carolina primary. Winning that trifecta would put
    Trump ... the first Republican ..."); "" for none or several."""
    own = {PARTIES[w.lower()] for w in PARTY_WORD.findall(event.sentence)}
    if own:
        return own.pop() if len(own) == 1 else ""
    text, start = event.article.text, event.sentence_start
    end = start + len(event.sentence)
    before = re.split(r"(?<=[.!?])\s+", text[max(0, start - 300):start].rstrip())[-1]
    after = re.split(r"(?<=[.!?])\s+", text[end:end + 300].lstrip(), maxsplit=1)[0]
    near = {PARTIES[w.lower()] for w in PARTY_WORD.findall(f"{before} {after}")}
    return near.pop() if len(near) == 1 else ""


def _two_parties(a: Event, b: Event) -> bool:
    """Whether the two dates are of two parties' contests, by the party each names."""
    first, second = _party(a), _party(b)
    return bool(first and second and first != second)


def _day(value: str, other: str) -> date:
    """The day a value names; an unwritten year is the other value's, or a leap year."""
    year = value[:4] if value[:4] != "XXXX" else other[:4] if other[:4] != "XXXX" else "2000"
    return date.fromisoformat(f"{year}{value[4:10]}")


def _similar_events(first: list[Event], second: list[Event]) -> list[tuple[float, Event, Event]]:
    """Pairs of events whose words are alike; same-day pairs score a little higher, to go first on ties."""
    scored = [(event_similarity(a, b) + 0.05 * (a.timex.value == b.timex.value), a, b)
              for a in first for b in second]
    return [(score, a, b) for score, a, b in scored
            if score >= EVENT_SIMILAR or len(a.stems.keys() & b.stems.keys()) >= EVENT_SHARED
            or (score >= NEAR_SIMILAR and _days_apart(a, b) <= NEAR_DAYS) or _one_scheduled_kind(a, b)
            or _one_kind_near(a, b)]


def _one_kind_near(a: Event, b: Event) -> bool:
    """Two days a few days apart whose clauses name one kind of event, maybe in other words and
    with nothing else in common ("a bus fell into a ravine late on March 14", "the bus plunged
    into a gorge on Friday, March 13"; "a turboprop that crashed on Jan. 9", "The ATR 72 came down
    ... on January 11"): their frames decide."""
    return bool(_shared_kinds(a, b)) and _days_apart(a, b) <= NEAR_DAYS


def _shared_kinds(a: Event, b: Event) -> frozenset[str]:
    """The kinds of event (EVENT_SYNONYMS' groups, not "begin" or "hold") both dates' words name."""
    return (a.stems.keys() & b.stems.keys() & EVENT_KINDS) - UNSPECIFIC


SCHEDULED_DAYS = 14  # two days this close that two reports schedule one kind of event for


def _one_scheduled_kind(a: Event, b: Event) -> bool:
    """Two reports that each say when a kind of event will happen ("He will be sentenced on October
    9", "The court will hand down its sentence on October 16"): their frames decide."""
    return bool(_shared_kinds(a, b)) and _days_apart(a, b) <= SCHEDULED_DAYS \
        and all(FUTURE.search(e.sentence) for e in (a, b))


def _one_to_one(scored, first: list[Event], second: list[Event]) -> list[tuple[Event, Event]]:
    """The pairs taken one to one, most similar first, ties in text order."""
    order = {id(e): i for i, e in enumerate(first + second)}
    ranked = sorted(scored, key=lambda t: (-t[0], order[id(t[1])], order[id(t[2])]))
    used, pairs = set(), []
    for _, a, b in ranked:
        if id(a) not in used and id(b) not in used:
            used |= {id(a), id(b)}
            pairs.append((a, b))
    # A date an event was moved to ("postponed to September 16") is the same event as the date it
    # was moved from, even where its own article gives that one too ("had been due on Tuesday").
    for _, a, b in ranked:
        moved = [e for e in (a, b) if id(e) not in used and _moved_to(e)]
        if len(moved) == 1 and a.timex.value != b.timex.value:
            used.add(id(moved[0]))
            pairs.append((a, b))
    return pairs


def _ordered(a: Event, b: Event, days: dict) -> tuple[Event, Event, str]:
    """The earlier and the later report of one event, and whether the later one moved the date."""
    earlier, later = sorted((a, b), key=lambda e: (days[e.article.id] or date.max, e.article.id))
    moved = (days[earlier.article.id] and days[later.article.id]
             and days[earlier.article.id] < days[later.article.id] and MOVED.search(later.sentence))
    return earlier, later, "revision" if moved else "contradiction"


def _temporal_conflict(reports: list[tuple[Event, Event]], status: str) -> Conflict:
    """One conflict for every (earlier, later) report of one event on the same two days."""
    earlier, later = reports[0]
    summary = (f"Date of one event: {earlier.timex.text} ({earlier.timex.value}) vs "
               f"{later.timex.text} ({later.timex.value})")
    relative = [e for pair in reports for e in pair if not any(ch.isdigit() for ch in e.timex.text)]
    confidence, reasons = TEMPORAL_BASE, []
    if any(e.timex.value.startswith("XXXX") for pair in reports for e in pair):
        confidence -= 0.1
        reasons.append("a date is written without its year")
    if relative:
        confidence -= 0.3
        reasons.append(f"{relative[0].timex.text!r} is a day counted from the publication date")
    return make_conflict("temporal", status, summary, [
        side(events[0].timex.text, [Evidence(e.article.id, e.timex.start, e.timex.end) for e in events])
        for events in ([a for a, _ in reports], [b for _, b in reports])], confidence, reasons)


TEMPORAL_BASE = 0.8  # one event, two written dates


# --- what a date dates -------------------------------------------------------------------------------
# Words near two dates can be alike while the dates belong to different events: "buses would run
# from Saturday" and "expects to reopen the line on Wednesday". So each date is tied, through the
# sentence's parse, to the event it dates (the verb or event noun it modifies) and to the words
# of that event's clause; two dates are one event when both overlap.

CLAUSE = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis"})
REPORTING = frozenset({"say", "tell", "add", "announce", "report", "state", "confirm"})
# Verbs that carry no event of their own: the event is their object or subject ("hold a vote").
LIGHT = frozenset({"be", "do", "have", "hold", "take", "make", "give", "stage", "set", "expect", "plan",
                   "due", "schedule", "go", "proceed", "deliver", "hand", "issue"})
# Verbs that move an event ("the signing has been postponed"): the event is their subject or object.
MOVING = frozenset({"postpone", "delay", "push", "move", "reschedule", "bring", "put", "defer"})
# Verbs saying when an event began or ended ("a strike, which began Jan. 14"): the event is what began.
ASPECTUAL = frozenset({"begin", "start", "end", "finish", "continue", "happen", "occur", "introduce"})
# The aspectual words of a start and of an end: a date of one is no date of the other.
BEGINNING = frozenset(stem(w) for w in ("begin", "start", "introduce", "began", "begun"))
ENDING = frozenset(stem(w) for w in ("end", "finish", "ended", "finished"))
# Words for one kind of event, grouped by hand after WordNet's synonym sets: two dates of one event
# may be given with different verbs ("the attack began", "hackers broke in"). A word may sit in
# two groups ("launch" a rocket, "launch" a service); each group is known by its first word.
EVENT_SYNONYMS = (
    ("strike", "walk", "walkout", "stoppage"), ("reopen", "resume", "restart"),
    ("launch", "lift", "liftoff", "blast"), ("derail", "derailment", "crash", "accident", "collision"),
    ("meet", "meeting", "talk", "summit"), ("vote", "ballot"), ("sign", "signing", "ink"),
    ("open", "opening", "inaugurate", "inauguration", "welcome", "launch", "unveil"),
    ("elect", "election"), ("attack", "breach", "hack", "break", "intrusion", "cyberattack"),
    ("postpone", "delay", "push", "defer", "reschedule"), ("arrest", "detain", "detention"),
    ("close", "closure", "shut", "shutdown"), ("collapse", "cave"), ("fire", "blaze"),
    ("verdict", "convict", "conviction", "acquit", "acquittal", "judgment", "judgement", "ruling", "rule",
     "decision"),
    ("sentence", "sentencing"), ("discover", "discovery", "find", "uncover", "detect", "detection"),
    ("landfall", "strike", "hit", "slam", "tear", "sweep", "batter", "lash", "ravage"),
    ("fall", "fell", "plunge", "plummet", "tumble"),
    ("protest", "march", "demonstration", "demonstrate", "rally"),
)
# Verbs with a particle that name an event of their own ("the plane came down"): the group's word.
PHRASAL = {("come", "down"): "crash", ("go", "down"): "crash"}
DOWN = re.compile(r"\b(?:c[oa]mes?|coming|went|go(?:es|ing|ne)?)\s+down\b", re.IGNORECASE)
EVENT_KINDS = frozenset(group[0] for group in EVENT_SYNONYMS)


def _inflected(word: str) -> set[str]:
    """A word's stem and the stems of its inflected forms, which the stemmer may cut differently
    ("plunge", but "plunged" to "plung")."""
    base = word[:-1] if word.endswith("e") else word
    return {stem(form) for form in (word, word + "s", base + "ed", base + "ing")}


CANONICAL: dict[str, frozenset[str]] = {}
for _group in EVENT_SYNONYMS:
    for _w in _group:
        for _s in _inflected(_w):
            CANONICAL[_s] = CANONICAL.get(_s, frozenset()) | {_group[0]}
VERDICTS = frozenset({"guilty", "innocent", "liable"})
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
# Nouns that hold an event of the noun after their "of": "a round of talks", "a wave of strikes".
CONTAINERS = frozenset({"round", "session", "series", "wave"})


@dataclass(frozen=True, slots=True)
class Frame:
    """What a date dates: the event words (verbs, event nouns) and the words of the event's clause."""

    heads: frozenset[str]
    words: frozenset[str]
    # The people named as who did it and as who it was done to ("Jackson was arrested"), by surname.
    doers: frozenset[str] = frozenset()
    undergoers: frozenset[str] = frozenset()
    # Who or what the clause's subject is ("Rubio", "Texas, which", "the campaign"), and whether it
    # is a proper name.
    subject: str = ""
    proper_subject: bool = False
    # The place a "where" clause is of ("in Iowa, where voters will go to caucuses Feb. 1"), by name.
    where: str = ""


ATTEMPT = "attempt"  # the stem that makes an event an attempt at it ("the attempted murder")


def same_event(a: Frame, b: Frame) -> bool:
    """One event head (or synonym) and one more word of their clauses in common; an attempt
    ("the June 20 attempted murder of a man") is not the deed ("murdering the deputy on June 24")."""
    if _other_people(a, b) or _told_apart(a, b):
        return False
    if not a.heads & b.heads:
        return False
    if a.words & b.words:
        return True
    # "the eruption that began on Sunday night": a clause with no one taking part, whose event
    # word the other frame names too
    return not (a.words and b.words) and bool((a.heads | a.words) & (b.heads | b.words) - UNSPECIFIC) \
        and not _other_subjects(a, b)


def _told_apart(a: Frame, b: Frame) -> bool:
    """Frames that say they are of two events whatever words they share: an attempt and the deed,
    a start and an end ("the strike started Monday", "the strike ended Thursday"), two named
    places' "where" clauses (Iowa, "where voters will go to caucuses", is not New Hampshire)."""
    return _attempt(a) != _attempt(b) or len({_phase(a), _phase(b)} - {""}) > 1 \
        or bool(a.where and b.where and a.where != b.where) or (_market_move(a) and _market_move(b))


# A price moves on every trading day: "shares fell on Monday" and "fell again on Tuesday" are two
# moves, not one misdated.
PRICE_MOVES = frozenset({"fall", "rise", "gain", "drop", "climb", "slip", "slide", "jump", "surge", "rally",
                         "plunge", "tumble", "decline", "ease", "advance", "sink", "soar", "dip", "edge",
                         "firm", "weaken", "strengthen", "recover", "rebound", "close", "trade"})
PRICED = frozenset({"share", "stock", "index", "euro", "dollar", "yen", "pound", "franc", "yuan", "rupee",
                    "peso", "rouble", "ruble", "currency", "price", "future", "bond", "yield", "market",
                    "oil", "gold", "crude", "bitcoin", "rate", "benchmark"})


def _market_move(frame: Frame) -> bool:
    """Whether a frame tells a price's move on a day ("the euro fell against the dollar")."""
    return bool(frame.heads & PRICE_MOVES) and bool(({frame.subject} | frame.words) & PRICED)


def _phase(frame: Frame) -> str:
    """Whether the date is when something began or when it ended, where the frame says."""
    if frame.heads & BEGINNING:
        return "" if frame.heads & ENDING else "begin"
    return "end" if frame.heads & ENDING else ""


def _other_subjects(a: Frame, b: Frame) -> bool:
    """Two subjects, one of them a name: "Texas, which votes on March 1" and "Rubio early voted on
    March 2" tell of two votes."""
    return bool(a.subject and b.subject and a.subject != b.subject and (a.proper_subject or b.proper_subject))


def _other_people(a: Frame, b: Frame) -> bool:
    """Named people who did it, or had it done to them, and none in common: "Jackson was arrested on
    Jan. 6" and "Williams was arrested on Feb. 1" are two arrests."""
    return bool((a.doers and b.doers and not a.doers & b.doers)
                or (a.undergoers and b.undergoers and not a.undergoers & b.undergoers))


def _attempt(frame: Frame) -> bool:
    return ATTEMPT in frame.words | frame.heads


def _key(event: Event) -> tuple[str, int]:
    return event.article.id, event.timex.start


def event_frames(found: Sequence[Event]) -> dict[tuple[str, int], Frame]:
    """The frame of each event, parsing each distinct sentence once."""
    unique = {_key(e): e for e in found}
    sentences = sorted({e.sentence for e in unique.values()})
    if not sentences:
        return {}
    docs = dict(zip(sentences, parse_sentences(sentences), strict=True))
    return {key: event_frame(docs[e.sentence], e.timex.start - e.sentence_start,
                             e.timex.end - e.sentence_start, _in_the_past(e)) for key, e in unique.items()}


def _in_the_past(event: Event) -> bool:
    """Whether the date is before the article's publication day."""
    day = event.article.published
    return bool(day) and event.timex.value[:10] < str(day)[:10]


def event_frame(doc, start: int, end: int, past: bool = False) -> Frame:
    """The frame of the date at characters (start, end) of a parsed sentence; `past`: the date is
    before the publication day."""
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = {t.i for t in span} if span else set()
    chain = _governors(span.root, inside, past) if span else []
    if not chain:
        return Frame(frozenset(), frozenset())
    clause = chain[-1]
    tokens = [chain[0], *(t for t in chain if t.pos_ == "VERB"), *_implied(clause)]
    if chain[0] is not clause:
        tokens += _implied(chain[0])  # "tore across the islands after making landfall on Monday"
    if _word(chain[0]) in LIGHT_OR_MOVING and chain[0].dep_ == "acl" and chain[0].head.pos_ == "NOUN":
        tokens.append(chain[0].head)  # "a launch scheduled for October 9": the launch
    # "a fourth round of talks": the talks, not the round
    tokens += [o for t in list(tokens) if t.lemma_.lower() in CONTAINERS for p in t.children
               if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    heads = {w for t in tokens if _word(t) not in LIGHT_OR_MOVING for w in _event_words(t)}
    heads = heads or {w for t in tokens for w in _event_words(t)}
    # The noun "attempt" among the participants is what the event is about ("convicted ... over a
    # failed attempt to seize the broadcaster"), not an attempt at the event ("attempted murder").
    words = {w for t in _participants(clause, tokens) if t.i not in inside and t.pos_ in CONTENT
             and not t.is_stop and t.lemma_.lower() not in REPORTING
             and not (t.pos_ == "NOUN" and t.lemma_.lower() == ATTEMPT) for w in _event_words(t)}
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in ("try", "attempt"):
        words.add(ATTEMPT)  # "tried to kill him on June 20"
    doers, undergoers = _people_in(clause, ("nsubj", "agent")), _people_in(clause, ("nsubjpass", "dobj"))
    where = clause.head if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children) \
        else None
    return Frame(frozenset(heads), frozenset(words - heads - CALENDAR - {""}), doers, undergoers,
                 *_subject(clause), where=_word(where) if where is not None and where.pos_ == "PROPN" else "")


def _subject(clause) -> tuple[str, bool]:
    """The clause's subject, or what a relative clause's "which" or "who" stands for ("Texas, which
    votes"), and whether it is a proper name; "" for none or a pronoun."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.lower_ in ("which", "who")
                                or subject.lower_ == "that" and clause.dep_ == "relcl"):
        # the word set off before ", which" ("a Cruz win in Texas, which votes"; "through
        # California,'' which votes"), else the clause's head (a head the tagger took for a verb
        # is still a noun here: "Vermont, states that vote")
        doc, before = subject.doc, subject.i - 1
        while before > 0 and doc[before].is_punct and doc[before].text != "—":
            before -= 1
        subject = doc[before] if before < subject.i - 1 else clause.head
        if subject.is_alpha and subject.pos_ != "PRON" and not subject.is_upper:
            return _word(subject), subject.pos_ == "PROPN"
    elif subject is not None and subject.lower_ == "it":
        # "A tornado killed three people ... when it struck": the sentence's subject; "he predicted
        # he would win the state when it votes May 10": else the nearest noun before "it"
        doc, main, above = subject.doc, None, clause
        while main is None and above.head.i != above.i:  # the clauses above, nearest first
            above = above.head
            main = next((c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.pos_ in ("NOUN", "PROPN") and c.i < subject.i), None)
        subject = main or next((t for t in reversed(doc[subject.sent.start:subject.i])
                                if t.pos_ in ("NOUN", "PROPN")), subject)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN") or subject.is_upper:  # no "PARIS —"
        return "", False
    # whose it is, where a name says ("BellSouth shares", "Intel's stock")
    if subject.pos_ == "NOUN":  # (a name's own words are its head's: "Tanzania's Lukuledi Dam")
        subject = next((c for c in subject.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                        and not c.is_upper), subject)
    return _word(subject), subject.pos_ == "PROPN"


def _people_in(clause, relations: tuple[str, ...]) -> frozenset[str]:
    """The surnames of the people the clause's subject, object or "by" phrase names."""
    tokens = [c for c in clause.children if c.dep_ in relations]
    tokens += [o for t in tokens if t.dep_ == "agent" for o in t.children if o.dep_ == "pobj"]
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    before = clause.doc[clause.i - 2: clause.i]
    if "nsubjpass" in relations and not subject and clause.tag_ in ("VBN", "VBD") and len(before) == 2 \
            and before[1].text == "," and before[0].ent_type_ == "PERSON":
        tokens.append(before[0])  # "a case involving Vincent Jackson, arrested Jan. 6"
    return frozenset(t.lower_ for t in tokens if t.ent_type_ == "PERSON" and t.pos_ == "PROPN")


POLITIES = frozenset({"state", "states"})  # the noun is no statement: "the states voting on March 1"


def _governors(token, inside: set[int], past: bool = False) -> list:
    """The verbs and nouns above a date, from the nearest up to the verb of its clause. A past day
    is no day of a present-tense relative clause ("detected malicious code on a server that
    manages subscriber authentication on October 3"): the parse's attachment there is read past,
    up to the verb above."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        if past and token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP"):
            continue
        if token.lemma_.lower() in REPORTING and not (token.pos_ == "NOUN" and token.lower_ in POLITIES):
            break
        if token.i in inside or token.pos_ not in ("VERB", "NOUN", "AUX") \
                or (_word(token) in CALENDAR and token.pos_ != "VERB"):  # "marched" is no month
            continue
        chain.append(token)
        if token.dep_ in CLAUSE and token.pos_ != "NOUN" and not _as_planned(token):
            break
    return chain


def _as_planned(verb) -> bool:
    """ "goes ahead as planned on Monday": a light verb after "as" dates the clause it qualifies."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() in LIGHT \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _implied(verb) -> list:
    """The event a light, moving or aspectual verb stands for: its subject or object, or what began."""
    lemma = verb.lemma_.lower()
    if lemma not in LIGHT | MOVING | ASPECTUAL:
        return []
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "xcomp")
             and (c.pos_ in ("NOUN", "VERB") or (c.dep_ == "dobj" and c.pos_ == "ADJ"))]  # "made landfall"
    if lemma in ASPECTUAL and verb.dep_ == "relcl":
        found += [t for t in _governors(verb, set()) if t.pos_ == "NOUN"]
    return found


LIGHT_OR_MOVING = frozenset(stem(w) for w in LIGHT | MOVING)
# The event words that say when an event stands or is moved ("begin", "hold", "postpone"), not
# which event: no evidence of one event.
UNSPECIFIC = frozenset(word for lemma in ASPECTUAL | LIGHT | MOVING
                       for word in CANONICAL.get(stem(lemma), {stem(lemma)}))
CORE = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "agent"})
# Prepositions whose object is what an event acts on ("broke into the network", "voted on the bill"),
# unlike those that place it ("run between two towns"), which many events share.
TARGET = frozenset({"into", "on", "against", "at", "of", "over", "upon"})
PHRASE = frozenset({"compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "conj"})


def _participants(clause, heads: list) -> list:
    """Who or what takes part in the event: the subjects and objects of its verbs, with their modifiers.

    A clause that completes another ("is due to vote", "is set to lift off") takes the subject of
    the clause it completes; a relative clause ("drivers, who walked out") the noun it describes;
    an event noun its own modifiers and what its relative clause acts on ("an attack that crippled
    the hospital's systems"); a verb with a preposition what that acts on ("broke into the network").
    """
    roots = [c for t in {clause, *heads} for c in t.children if c.dep_ in CORE]
    roots += [t for t in heads if t.pos_ == "NOUN"]
    roots += [c for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ in TARGET]
    roots += [c for t in heads if t.pos_ == "NOUN" for r in t.children if r.dep_ == "relcl"
              for c in r.children if c.dep_ in CORE - {"nsubj"} or (c.dep_ == "prep" and c.lower_ in TARGET)]
    completed = clause
    while completed.dep_ in ("xcomp", "acomp") and completed.head.i != completed.i:
        completed = completed.head
        roots += [c for c in completed.children if c.dep_ in CORE]
    if clause.dep_ == "relcl":
        roots += [t for t in _governors(clause, set()) if t.pos_ == "NOUN"]
    return [t for root in roots for t in _phrase(root)]


def _phrase(token) -> list:
    return phrase_tokens(token, PHRASE)


def _word(token) -> str:
    lemma = token.lemma_.lower()
    if lemma in ("come", "go"):
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
        lemma = PHRASAL.get((lemma, particle), lemma)
    return stem(lemma) if lemma.strip() else ""


def _event_words(token) -> frozenset[str]:
    """A word's event groups, or the word itself when it is in none; a verb done "again" is
    its "re-" verb where that names an event ("open its doors again" is to reopen)."""
    word = _word(token)
    found = CANONICAL.get(word, frozenset({word}))
    if token.lemma_.lower() == "find" and any(c.lower_ in VERDICTS for c in token.children):
        found |= {"verdict"}  # "found him guilty"
    if token.lemma_.lower() == "walk" and any(c.lower_ == "free" for c in token.children):
        found = frozenset({"verdict"})  # "walked free from the High Court": acquitted, no walkout
    if token.pos_ == "VERB" and any(c.lower_ == "again" for c in token.children):
        found |= CANONICAL.get(stem("re" + token.lemma_), frozenset())
    return found
