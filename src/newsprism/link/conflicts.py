"""Conflicts between outlets: numbers, identities and dates they disagree on, with each side's evidence.

A numeric conflict is two quantities taken to state one measure (see `align`) whose values
differ beyond rounding. Identity conflicts live in `identity`, temporal ones (one event, two
days) in `temporal`. Each is classified:

- `scope`: the sides measure different periods ("since 2014" vs "since 2017") or places
  (a county vs the whole country, see `places`);
- `revision`: a later article updates an earlier one (a toll that has risen, a date postponed,
  a figure published again weeks later);
- `contradiction`: otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import combinations, pairwise, permutations

from rapidfuzz import fuzz

from ..model import Conflict, Evidence
from ..stages.quantities import scan
from .align import (
    CASUALTY_NOUNS,
    CLOSE_BOUND,
    EVERYONE_ABOARD,
    MAGNITUDE,
    PEOPLE,
    REVISED,
    SHARES,
    SPAN_DAYS,
    Measure,
    MeasureMatch,
    _own_kind,
    agreeing_sides,
    bearings_differ,
    bound,
    casualties,
    is_age,
    measure_matches,
    measures_of,
    name_tokens,
    running_totals,
    same_speaker,
    scopes_differ,
    similarity,
    values_agree,
)
from .context import (
    STOPWORDS,
    Item,
    make_conflict,
    nearby_pairs,
    outlets_text,
    pollsters,
    publication_days,
    published,
    sentence_span,
    side,
)
from .identity import identity_conflicts
from .places import figures_places, places_differ
from .tallies import tally_conflicts
from .temporal import temporal_conflicts

KIND_ORDER = {"numeric": 0, "identity": 1, "temporal": 2, "other": 3}
SHOWN_CONFIDENCE = 0.65  # conflicts less sure than this are listed only on request (`--all`)


def find_conflicts(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> list[Conflict]:
    """Where the articles disagree on a number, an identity or a date, in a stable order
    (`matches`: the items' `measure_matches`, when the caller has them already)."""
    found = (numeric_conflicts(items, matches) + tally_conflicts(items) + identity_conflicts(items)
             + temporal_conflicts(items))
    sources = {article.id: article.source for article, _ in items}
    unique = {c.id: _one_outlet_doubt(c, sources) for c in found}
    return sorted((c for c in unique.values() if c.confidence >= LISTED_FLOOR), key=conflict_order)


# A conflict whose doubts leave it less sure than this is not listed, even with `--all`: its doubts
# outweigh what made it one (on ECB+ train, TempEval-3 and the labelled real set, every conflict
# so doubtful was false).
LISTED_FLOOR = 0.1


ONE_OUTLET_PENALTY = 0.4


def _one_outlet_doubt(conflict: Conflict, sources: dict[str, str | None]) -> Conflict:
    """A contradiction whose every side one known outlet published is a less sure one: an outlet
    seldom contradicts itself, and its articles that a story holds together are likelier about
    different events (two companies' quarterly results in one paper). Articles without a source
    are no evidence either way."""
    names = {sources.get(e.article_id) for s in conflict.sides for e in s.evidence}
    if conflict.status != "contradiction" or len(names) != 1 or None in names:
        return conflict
    return replace(conflict, confidence=round(max(conflict.confidence - ONE_OUTLET_PENALTY, 0.05), 2),
                   reasons=(*conflict.reasons, "every side from one outlet: perhaps different events"))


def revisions(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> list[Conflict]:
    """The figures and dates that later reports revise (identity conflicts are never revisions,
    so they are not looked for)."""
    found = numeric_conflicts(items, matches) + temporal_conflicts(items)
    return [c for c in found if c.status == "revision" and c.confidence >= LISTED_FLOOR]


def conflict_order(conflict: Conflict) -> tuple:
    """Numbers first, then identities and dates; within a kind, by where the evidence starts."""
    return KIND_ORDER[conflict.kind], _first_place(conflict), conflict.id


def _first_place(conflict: Conflict) -> tuple[str, int]:
    return min((e.article_id, e.start) for s in conflict.sides for e in s.evidence)


# --- numbers ---------------------------------------------------------------------------------------

# Two reports of one figure are seldom further apart than PLAUSIBLE_RATIO; up to FAR_RATIO they
# may still be (small counts: "two boats" vs "three"; early tolls: "38 dead" vs "27"), with less
# confidence; beyond it two unrelated numbers are likelier.
PLAUSIBLE_RATIO = 1.35
FAR_RATIO = 3.5
PLACES_PER_SIDE = 8


def numeric_conflicts(items: Sequence[Item], matches: Sequence[MeasureMatch] | None = None) -> list[Conflict]:
    """Quantities stating one measure with values that differ beyond rounding."""
    matches = measure_matches(items) if matches is None else matches
    measures = {m.quantity.id: m for match in matches for m in (match.a, match.b)}
    found = []
    order = [article.id for article, _ in items]
    compared = {frozenset((order[i], order[j])) for i, j in nearby_pairs(items)}
    totals: list[Measure] | None = None  # read when a contradiction needs them
    days = publication_days(items)
    for members, score in measure_groups(matches, compared):
        # "about 290,000 of the affected customers" beside the article's 410,000: a part, no side
        wholes = [measures[m] for m in members if not _part_of_a_count(measures[m])]
        main, others = scope_classes(_own_figures(wholes))
        sides = _without_odd_side(value_sides(main))
        if len(sides) >= 2 and not different_measures(sides) and (status := numeric_status(sides, items)):
            rising = status == "revision" and _rising_toll(sides, days)
            conflict = _numeric_conflict(sides, status, score, rising)
            if status == "contradiction":
                totals = running_totals(items) if totals is None else totals
                conflict = _ages_apart(_total_taken(conflict, sides, totals), sides, days)
            found.append(conflict)
        else:  # one distance agreed on may still put its place in two positions
            found += [position for agreeing in sides if (position := _position_conflict(agreeing, score))]
        for other in others:  # a figure for another period: a scope note beside the nearest figure
            nearest = min(sides or [main], key=lambda s: abs(s[0].value - other[0].value))
            note = [other, nearest]
            if values_agree(other[0], nearest[0]) and not any(
                    m.scope and m.scope[0] in ("since", "first", "per") for s in note for m in s):
                # the same figure for another period is no disagreement; for a span since another
                # start, one of another length from one start, or per another span, it is ("$700
                # billion since 2014" against "since Trump took office"; "in the first week", "in its
                # first two weeks"; "1.2 million litres a day", "a year")
                continue
            if len({m.article.id for s in note for m in s}) >= 2 and not different_measures(note, False):
                conflict = _numeric_conflict(note, "scope", score)
                if conflict.confidence >= NOTE_FLOOR:
                    found.append(conflict)
    return found + _regional_notes(items, matches, measures)


AGES_APART = 2  # years between two ages of one person that a birthday does not explain
AGES_PENALTY = 0.3
AGES_SAME_WEEK = 7  # days within which reports tell one age


def _ages_apart(conflict: Conflict, sides: list[list[Measure]], days: dict) -> Conflict:
    """Ages AGES_APART or more years apart in reports not all dated to one week are a less sure
    contradiction: a story that holds a suspect's arrest and trial gives "Orozco, 27" and
    "Orozco, 29", each right when told. A year apart is the usual slip (a birthday)."""
    measures = [m for s in sides for m in s]
    known = [days[m.article.id] for m in measures]
    if not all(is_age(m.quantity) for m in measures) or \
            max(m.value for m in measures) - min(m.value for m in measures) < AGES_APART:
        return conflict
    if None not in known and (max(known) - min(known)).days <= AGES_SAME_WEEK:
        return conflict
    return replace(conflict, confidence=round(max(conflict.confidence - AGES_PENALTY, 0.05), 2),
                   reasons=(*conflict.reasons, "ages years apart in reports not of one week: perhaps "
                            "told at different times"))


# A figure for the whole country, and one for a part of it, named in the words before the figure.
NATIONAL_FIGURE = re.compile(r"\b(national|nationally|nationwide|countrywide|the country as a whole)\b",
                             re.IGNORECASE)
REGIONAL_FIGURE = re.compile(r"\b(regions?|regional|provinces?|provincial|count(y|ies)|districts?)\b",
                             re.IGNORECASE)
REGIONAL_REASON = "a national figure beside a regional one"
REGIONAL_SIMILAR = 0.2  # context similarity enough for a national and a regional figure of one kind


LEVEL_REACH = 90  # characters before a figure in which its clause may say national or regional


def _place_level(m: Measure) -> str | None:
    """ "national" or "regional" where the figure's clause, up to the figure, says which."""
    clause = _clause_before(m, LEVEL_REACH)
    national, regional = NATIONAL_FIGURE.search(clause), REGIONAL_FIGURE.search(clause)
    if bool(national) == bool(regional):
        return None
    return "national" if national else "regional"


def _clause_before(m: Measure, chars: int) -> str:
    """The words of the figure's clause before it, at most `chars` characters back."""
    return re.split(r"[,;:]", m.before()[-chars:])[-1]


def _leveled_measures(item: Item) -> list[Measure]:
    """The article's figures with a unit whose clause says national or regional (read from the
    text first: only those figures are made measures)."""
    text = item[0].text

    def wanted(quantity) -> bool:
        lead = text[max(0, quantity.start - LEVEL_REACH):quantity.start]
        return bool(quantity.unit) and bool(NATIONAL_FIGURE.search(lead) or REGIONAL_FIGURE.search(lead))

    return [m for m in measures_of(item, wanted) if _place_level(m)]


def _regional_notes(items: Sequence[Item], matches: Sequence[MeasureMatch],
                    grouped: dict[str, Measure]) -> list[Conflict]:
    """Scope notes between a national figure and a regional one of the same kind ("the national
    unemployment rate fell to 5.8 percent" against "unemployment in the Halvern region remained
    stuck at 9.1 percent"), which their places keep too far apart in words to be matched as one
    measure. The national side takes the figures matched with it that agree."""
    texts = " ".join(article.text for article, _ in items)
    if not (NATIONAL_FIGURE.search(texts) and REGIONAL_FIGURE.search(texts)):
        return []
    per_article = [_leveled_measures(item) for item in items]
    candidates = []
    for i, j in nearby_pairs(items):
        for x in per_article[i]:
            for y in per_article[j]:
                if (_place_level(x) != _place_level(y) and x.unit == y.unit
                        and x.quantity.change == y.quantity.change and not values_agree(x, y)
                        and max(x.value, y.value) <= MAGNITUDE * min(x.value, y.value)
                        and (score := similarity(x, y)) >= REGIONAL_SIMILAR):
                    candidates.append((score, x, y))
    agreeing = {}
    for match in matches:
        if values_agree(match.a, match.b):
            for a, b in ((match.a, match.b), (match.b, match.a)):
                agreeing.setdefault(a.quantity.id, [a]).append(grouped.get(b.quantity.id, b))
    notes, used = {}, set()
    for score, x, y in sorted(candidates, key=lambda c: (-c[0], c[1].quantity.id, c[2].quantity.id)):
        if x.quantity.id in used or y.quantity.id in used:
            continue
        used |= {x.quantity.id, y.quantity.id}
        sides = sorted([list({n.quantity.id: n for n in agreeing.get(m.quantity.id, [m])}.values())
                        for m in (x, y)], key=lambda s: s[0].value)
        if different_measures(sides, False):
            continue
        conflict = _numeric_conflict(sides, "scope", score)
        notes[conflict.id] = replace(conflict, reasons=(*conflict.reasons, REGIONAL_REASON))
    return list(notes.values())


def _without_odd_side(sides: list[list[Measure]]) -> list[list[Measure]]:
    """Three or more sides that cannot all state one figure because one of them, the least
    reported, is a part or the whole of another: without it, the rest may. "Nine assault rifles"
    (seven AK-47s and two others) beside "seven AK-47s" and "12 AK guns" is a whole beside its
    part, and seven against twelve still a contradiction."""
    if len(sides) < 3 or not different_measures(sides):
        return sides
    for odd in sorted(sides, key=lambda s: (len({m.article.id for m in s}), s[0].value)):
        rest = [s for s in sides if s is not odd]
        if any(_parts_add_up([odd, other]) for other in rest) and not different_measures(rest):
            return rest
    return sides


def scope_classes(measures: list[Measure]) -> tuple[list[Measure], list[list[Measure]]]:
    """The measures of one group split by the time they cover: the class most articles state
    (with every measure whose time is not said) and the others, each a time of its own ("since
    2014" against "since Trump took office")."""
    classes: list[list[Measure]] = []
    for m in sorted(measures, key=lambda m: (m.scope is None, m.article.id, m.quantity.start)):
        if m.scope is None:
            continue
        home = next((c for c in classes if not scopes_differ(c[0], m)), None)
        if home is None:
            classes.append([m])
        else:
            home.append(m)
    if len(classes) <= 1:
        return measures, []
    classes.sort(key=lambda c: (-len({m.article.id for m in c}), c[0].article.id))
    unscoped = [m for m in measures if m.scope is None]
    return classes[0] + unscoped, classes[1:]


GROUP_LINKS = 0.5  # share of two groups' cross pairs (in different articles) that must match to join


def measure_groups(matches: Sequence[MeasureMatch], compared: set[frozenset[str]] | None = None
                   ) -> list[tuple[list[str], float]]:
    """Quantity ids grouped as one measure, with the mean similarity of their matches. Groups are
    joined best match first, and only where most of their members match each other directly, so
    one loose match never chains two measures together ("about 300 emails" with "60,000
    related emails" and on to every count of the story). Only pairs of articles that were
    `compared` (within the publication window; all pairs when not given) count."""
    linked = {frozenset((m.a.quantity.id, m.b.quantity.id)): m.score for m in matches}
    article = {m.quantity.id: m.article.id for match in matches for m in (match.a, match.b)}
    group_of = {q: frozenset([q]) for q in article}
    for match in sorted(matches, key=lambda m: (-m.score, m.a.quantity.id, m.b.quantity.id)):
        x, y = group_of[match.a.quantity.id], group_of[match.b.quantity.id]
        if x == y:
            continue
        pairs = [frozenset((a, b)) for a in x for b in y
                 if article[a] != article[b]
                 and (compared is None or frozenset((article[a], article[b])) in compared)]
        if sum(p in linked for p in pairs) < GROUP_LINKS * len(pairs):
            continue
        joined = x | y
        for q in joined:
            group_of[q] = joined
    groups = []
    for members in sorted(set(group_of.values()), key=lambda g: sorted(g)):
        scores = [score for pair, score in linked.items() if pair <= members]
        if len(members) > 1:
            groups.append((sorted(members), sum(scores) / len(scores)))
    return groups


def _own_figures(measures: list[Measure]) -> list[Measure]:
    """The measures without the figures an article cites as earlier reports beside its own."""
    own = {m.article.id for m in measures if not m.cited}
    return [m for m in measures if m.article.id not in own or not m.cited]


def value_sides(measures: list[Measure]) -> list[list[Measure]]:
    """The measures split into sides whose values all agree, smallest value first (none when
    they come from one article)."""
    sides = agreeing_sides(measures)
    articles = [{m.article.id for m in s} for s in sides]
    return sides if len(set().union(*articles)) >= 2 else []


def numeric_status(sides: list[list[Measure]], items: Sequence[Item]) -> str | None:
    """Scope, revision or contradiction between the sides; None when they are likelier unrelated.
    Sanity comes first: values MAGNITUDE times apart are two measures, whatever their dates or
    scopes, and a contradiction needs values close enough to be two reports of one figure. A
    revision needs the text's word for it ("rose to", "revised") or a casualty toll that grows
    from the earlier reports to the later ones."""
    values = [abs(s[0].value) for s in sides]
    if not min(values) or max(values) / min(values) > MAGNITUDE:
        return None
    if any(scopes_differ(a, b) for x, y in combinations(sides, 2) for a in x for b in y):
        return "scope"
    shared_kind = _shared_kind(sides)
    revised_words = any(m.revised for s in sides for m in s)
    if not shared_kind and _totals_differ(sides) and not revised_words:
        return "scope"  # a toll counted "so far" is still the one toll
    published_on = publication_days(items)
    if _counted_on(sides, published_on):
        return None
    status = None
    earliest, latest = _time_order(sides, published_on)
    if earliest is not None:
        revised = any(said_revised(m) for m in latest)
        if shared_kind and shared_kind <= PASSING and latest[0].value < earliest[0].value and not revised:
            return None  # "Nine people remained missing" on Monday, "Four are still missing" on Tuesday
        growing = shared_kind - FIXED and latest[0].value > earliest[0].value and not _periods(sides) \
            and any(OPEN_COUNT.search(m.sentence) for s in sides for m in s)
        if growing or revised:
            status = "revision"
    if status is None and max(values) / min(values) <= FAR_RATIO and not _bounds_allow(sides):
        status = "contradiction"
    # Places come last: they need the sentences parsed, and values too far apart to be one
    # figure are no conflict wherever they apply.
    return "scope" if status and _places_differ(sides) else status


COUNTER_SLACK = 1  # days by which a count of days since something may miss the days between reports


def _counted_on(sides: list[list[Measure]], published_on: dict) -> bool:
    """Whether the figures are one count of days since something, each told on its report's day:
    "It's been 235 days since Clinton has had a press conference" on July 27 and "Clinton has gone
    271 days without a press conference" on September 1, 36 days later."""
    if any(m.unit != "day" for s in sides for m in s):
        return False
    told = [(published_on.get(s[0].article.id), s[0].value) for s in sides]
    if any(day is None for day, _ in told):
        return False
    told.sort()
    return all(0 < (b - a).days and abs((y - x) - (b - a).days) <= COUNTER_SLACK
               for (a, x), (b, y) in pairwise(told))


# The start of a sentence that calls the figure before it revised: "The updated total, up from
# the figure given at the start of the week, includes eight nests found since Monday."
NEXT_REVISED = re.compile(r"\s*(?:The|That|This|Its|Their)\s+(?:updated|new|revised|latest|higher|lower)\s+"
                          r"(?:total|figure|count|toll|tally|number|estimate)\b")


def said_revised(m: Measure) -> bool:
    """Whether a figure's sentence says it was revised ("rose to", "revised"), or the next one
    starts by calling it so ("The updated total ...")."""
    end = m.sentence_start + len(m.sentence)
    return bool(REVISED.search(m.sentence) or NEXT_REVISED.match(m.article.text, end))


# Words that say a count is still open: a toll "so far", "at least" so many, one that "rose to" or
# "now stands at". A count grown between reports that say none of it is two accounts of one
# figure, not a revision ("About 270,000 salmon have died" / "around 370,000 fish died").
OPEN_COUNT = re.compile(r"\b(?:at least|so far|toll|rose|risen|ris(?:es|ing)|climbed|climbing|jumped|now"
                        r"|still|more than|updated|confirmed|to date|increased)\b", re.IGNORECASE)
# Casualty counts of a passing state: people are found or freed from day to day, so a later
# report's smaller count is no disagreement.
PASSING = frozenset({"missing", "trapped"})
# Counts fixed when the event happened: no later report's larger count of them is a revision.
FIXED = frozenset({"aboard"})


def _bounds_allow(sides: list[list[Measure]]) -> bool:
    """Whether every two sides' values can both be true, one a bound that keeps the other's plain
    value: "more than 6,000 fans" and "approximately 7,000", "about 40" and "under 50". Two bounds
    the same way ("more than $21 million" against "more than $26 million") are rival figures."""
    for low, high in combinations(sides, 2):  # sides come smallest value first
        for a in low:
            for b in high:
                if not (a.value < b.value and (bound(a), bound(b)) in {(">", "="), ("=", "<")}):
                    return False
                if bound(a) == ">" and b.value - a.value > _bound_reach(a):
                    return False  # "more than 640 firefighters" is not 910 of them
                if bound(b) == "<" and _top_estimate(b) and b.value - a.value > _bound_reach(b):
                    # "as many as 53,000 residents" is not some 35,000 of them; "never hit fewer than 26
                    # homers" in a season keeps 13 in a part of one
                    return False
    return True


BOUND_STEPS = 10  # steps of a bound's last written digit within which a plain value keeps it
AS_MANY_AS = re.compile(r"as many as\b", re.IGNORECASE)


def _top_estimate(m: Measure) -> bool:
    """Whether an upper bound is an estimate near its figure ("as many as 53,000", "nearly ..."),
    not a ceiling far above it ("fewer than 26", "designed to carry up to 25,000 vehicles")."""
    return bool(AS_MANY_AS.match(m.quantity.text) or CLOSE_BOUND.match(m.quantity.text))


def _bound_reach(m: Measure) -> float:
    """How far from a bound's value a plain value may be and still be what it bounds: BOUND_STEPS
    steps of its last written digit, in the measure's scale."""
    scale = m.value / m.quantity.value if m.quantity.value else 1
    return BOUND_STEPS * _precision(m.quantity.value) * scale


def _precision(value: float) -> float:
    """The step of a figure's last non-zero digit as written: 10 for 640, 1,000 for 6,000."""
    whole = abs(round(value))
    if whole == 0 or whole != abs(value):
        return 1.0
    step = 1
    while whole % (step * 10) == 0:
        step *= 10
    return float(step)


def _places_differ(sides: list[list[Measure]]) -> bool:
    """Whether two sides qualify their figures by different places (a county vs the country)."""
    # Each figure's sentence is parsed; a side many outlets report is judged by its first few.
    chosen = [s[:PLACES_PER_SIDE] for s in sides]
    figures = [(m.article.text, m.quantity.start, m.quantity.end) for s in chosen for m in s]
    found = iter(figures_places(figures))
    places = [[next(found) for _ in s] for s in chosen]
    return any(places_differ(x, y) for x, y in combinations(places, 2))


# Words that make a figure a running total rather than one occasion's: "14 rifles in all five raids".
TOTAL = re.compile(r"\b(so far|in all|in total|a total of|altogether|all told|cumulative|"
                   r"(in|during) (all )?(the |their |its )?"
                   r"(two|three|four|five|six|seven|eight|nine|ten|\d+) "
                   r"(operations|raids|attacks|incidents|missions))\b", re.IGNORECASE)


def _totals_differ(sides: list[list[Measure]]) -> bool:
    """Whether one side gives a running total and another the figure of one occasion."""
    totals = {all(TOTAL.search(m.sentence) for m in s) for s in sides}
    return len(totals) > 1


def _rising_toll(sides: list[list[Measure]], days: dict) -> bool:
    """Whether the sides are one casualty toll, each day's reports giving more than the day's
    before ("at least 23 killed" on Tuesday, "rose to 41" on Wednesday, "risen to 58" on
    Thursday): every article of a side published before every article of the next side."""
    if not _shared_kind(sides) or any(days[m.article.id] is None for s in sides for m in s):
        return False
    ranges = [(min(days[m.article.id] for m in s), max(days[m.article.id] for m in s)) for s in sides]
    return all(earlier[1] < later[0] for earlier, later in zip(ranges, ranges[1:], strict=False))


def _time_order(sides: list[list[Measure]], days: dict):
    """The earliest and the latest side when every article of one precedes every article of the other.

    A later article citing the earlier figure ("earlier reports had put it at 12") does not date
    that figure's side: it is the article that revises it.
    """
    if any(days[m.article.id] is None for s in sides for m in s):
        return None, None
    dated = [[m for m in s if not m.cited] or s for s in sides]
    ordered = sorted(dated, key=lambda s: min(days[m.article.id] for m in s))
    first, last = ordered[0], ordered[-1]
    if max(days[m.article.id] for m in first) < min(days[m.article.id] for m in last):
        return first, last
    return None, None


def _numeric_conflict(sides: list[list[Measure]], status: str, score: float,
                      rising: bool = False) -> Conflict:
    subject = max((m.quantity.subject or "" for s in sides for m in s), key=len) or "A figure"
    texts = [s[0].quantity.text for s in sides]
    if len(set(texts)) < len(texts) or any(s[0].scope and s[0].scope[0] == "per" for s in sides):
        # one figure for two periods, or figures per spans the figures' words leave out: say which
        texts = [f"{t}, {_period(s[0])}" if s[0].scope else t for t, s in zip(texts, sides, strict=True)]
    parts = [f"{t} ({outlets_text(m.article for m in s)})" for t, s in zip(texts, sides, strict=True)]
    summary = f"{subject[0].upper()}{subject[1:]}: {' vs '.join(parts)}"
    confidence, reasons = numeric_confidence(sides, score, status, rising)
    if status == "scope":
        confidence = round(max(confidence - SCOPE_PENALTY, 0.05), 2)
        reasons = (*reasons, "the figures cover different periods, places or occasions: a note")
    return make_conflict("numeric", status, summary, [
        side(s[0].quantity.text, (Evidence(m.article.id, m.quantity.start, m.quantity.end) for m in s))
        for s in sides], confidence, reasons)


def _period(m: Measure) -> str:
    """A figure's period in words: "first 14 days", "since 2014-01-01", "since Trump took office",
    "2024-01-01 to 2024-12-31"."""
    kind, value = m.scope
    if kind == "first":
        return f"first {value:g} days"
    if kind == "per":
        return "per " + next(span for span, days in SPAN_DAYS.items() if days == value)
    if kind == "since":
        return f"since {str(value).removeprefix('after: ')}"
    return f"{value[0]} to {value[1]}"


TOTAL_TAKEN = 0.8  # a contradiction that one report's taking a running total for one occasion explains


def _total_taken(conflict: Conflict, sides: list[list[Measure]], totals: list[Measure]) -> Conflict:
    """A contradiction whose one side states, for this occasion, the total that other reports give
    over several ("14 AK-47 rifles, 31 magazines" from the boat, where the others say 31 magazines
    were seized in five operations so far, 12 in this one): the error is explained, and likely."""
    for one in sides:
        articles = {m.article.id for m in one}
        if len(articles) == 1 and any(t.article.id not in articles and t.unit_head == one[0].unit_head
                                      and values_agree(t, one[0]) for t in totals):
            reason = f"{one[0].quantity.text} is the total other reports give for several occasions"
            kept = tuple(r for r in conflict.reasons if "times apart" not in r)
            confidence = max(conflict.confidence, TOTAL_TAKEN)
            return replace(conflict, confidence=confidence, reasons=(*kept, reason))
    return conflict


POSITION_BASE = 0.8  # one distance from one place, at opposed compass points


def _position_conflict(agreeing: list[Measure], score: float) -> Conflict | None:
    """One distance from one place given at opposed compass points by different articles
    ("150 nautical miles east of Aden", "150 nautical miles west of Aden"): each side the figures
    that give one point, its evidence the figure with its direction."""
    placed = [m for m in agreeing if m.position]
    sides: list[list[Measure]] = []
    for m in sorted(placed, key=lambda m: (m.position[0], m.article.id, m.quantity.start)):
        home = next((s for s in sides if not bearings_differ(s[0], m)), None)
        if home is None:
            sides.append([m])
        else:
            home.append(m)
    if len(sides) != 2 or len({m.position[1] for m in placed}) != 1 \
            or len({m.article.id for s in sides for m in s}) < 2:
        return None
    texts = [s[0].article.text[s[0].quantity.start:s[0].position[2]] for s in sides]
    parts = [f"{text} ({outlets_text(m.article for m in s)})"
             for text, s in zip(texts, sides, strict=True)]
    summary = f"Position: {' vs '.join(parts)}"
    confidence, reasons = POSITION_BASE, []
    if score < LOOSE_MATCH:
        confidence -= 0.1
        reasons.append("the sentences around the figures are only loosely alike")
    return make_conflict("numeric", "contradiction", summary, [
        side(text, (Evidence(m.article.id, m.quantity.start, m.position[2]) for m in s))
        for text, s in zip(texts, sides, strict=True)], round(confidence, 2), reasons)


# Words before what is counted that make it another set: "other victims", "the last 10 games".
SET_WORDS = frozenset({"other", "first", "last", "second", "third", "previous", "next", "remaining",
                       "additional", "former", "earlier", "final"})
PERIOD_WORDS = re.compile(r"\b(?:first|last|second|third|final|previous|next)\s+"
                          r"(?:half|quarter|week|month|year|day|season|(?:six|three|nine)\s+months)s?\b")
# The words of a further set, all one ("other", however written; see `Measure.further`).
FURTHER_WORDS = {"other": "other", "remaining": "other", "additional": "other"}
# A side written as a vague plural is no figure to contradict ("hundreds of migrants").
VAGUE = re.compile(r"^(?:some |several |many )?(hundreds|thousands|dozens|scores|millions|tens)\b",
                   re.IGNORECASE)
AGE_RATIO = 1.25  # ages further apart are two people's ("23-year-old" vs "59-year-old")
# Counts of the parts of one group, told apart by a capitalised word that is no plural ("one
# Australian and one English climber"); a list of different things ("14 rifles, 31 Magazines and
# 923 rounds") is not.
_NUMBER = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_QUALIFIER = r"(\s+[A-Z][a-z]*[a-rt-z])"
LISTED = re.compile(rf"^{_QUALIFIER}{{1,2}}\s+and\s+{_NUMBER}\b")
LISTED_BEFORE = re.compile(rf"\b{_NUMBER}{_QUALIFIER}{{1,2}}\s+and\s+$")
SET_BEFORE = re.compile(r"\b(other|remaining|last|first|another|additional)\s+$", re.IGNORECASE)
# A part of a count given beside it: "three of the wounded", "two of them", or of an owner's whole
# set: "5,100 of the province's nurses", "40 of its stores" (not "17 of the hijacked ships", a
# partitive of a whole no figure gives).
PART_OF = re.compile(rf"\s+of\s+(?:them|those|whom|these|the\s+{CASUALTY_NOUNS}\b)", re.IGNORECASE)
# (a share's "of": "89 percent of its infants", is no part)
OWNERS_PART = re.compile(r"\s+of\s+(?:its|their|the\s+[\w-]+(?:'s|’s)\s)", re.IGNORECASE)


# "about 230 of the cases", where the article counts the cases too: a part of that count.
PART_OF_THE = re.compile(r"\s+of\s+the\s+(?:\d[\d,]*\s+)?((?:[a-z-]+\s+){0,2}[a-z-]+)")


def _part_of_a_count(m: Measure) -> bool:
    """Whether a figure counts part of what the article counts elsewhere, more of it ("412
    confirmed measles cases" ... "about 230 of the cases")."""
    found = PART_OF_THE.match(m.article.text, m.quantity.end)
    if not found:
        return False
    nouns = [w for w in found[1].split() if w not in STOPWORDS]  # "of the affected customers were"
    named = "|".join(map(re.escape, nouns))
    whole = re.compile(rf"\b(\d[\d,]*)\s+(?:[\w-]+\s+){{0,2}}(?:{named})\b")
    larger = (w for w in whole.finditer(m.article.text) if w.start() != m.quantity.start)
    return bool(nouns) and any(float(w[1].replace(",", "")) > m.quantity.value for w in larger)


LIST_AND = re.compile(r"\band\s+(\w+)(?=(\s+[a-z]\w*)?)")
# Words in a figure's clause that make it the sum of several owners' figures.
COMBINED = re.compile(r"\b(together|combined|between them|jointly)\b", re.IGNORECASE)


def _combined(m: Measure) -> bool:
    """Whether the figure says it adds up several owners' ("together carried", "a combined")."""
    clause = _clause_before(m, 60) + re.split(r"[,;:]", m.after()[:30])[0]
    return bool(COMBINED.search(clause))


def _sum_beside_part(sides: list[list[Measure]]) -> bool:
    """A figure several owners make together beside one owner's, whose article gives the rest:
    "two airlines that together carried about 24 million passengers" against "Nordair carried
    14.2 million passengers" in an article that says "Baltavia flew 9.8 million"; or, without
    such a word, a figure whose own sentence gives the rest in the same unit: "exported €532
    billion ... and imported €335 billion" against trade "worth €867.4 billion"."""
    for whole_side, part_side in permutations(sides, 2):
        for whole in whole_side:
            combined = _combined(whole)
            for part in part_side:
                rest = whole.value - part.value
                slack = whole.tolerance + 2 * part.tolerance
                if rest <= slack or not (combined or part.value == part.quantity.value):
                    continue
                text, offset = (part.article.text, 0) if combined else (part.sentence, part.sentence_start)
                if any(f.start + offset != part.quantity.start and abs(f.value - rest) <= slack
                       and (combined or f.unit == part.quantity.unit)
                       and not _other_casualties(whole, text, f) for f in scan(text)):
                    return True
    return False


def _other_casualties(whole: Measure, text: str, found) -> bool:
    """Whether a figure counts casualties of another kind than `whole`: "seven people dead and 21
    injured" gives no rest of 27 injured."""
    kinds = casualties(whole)
    own = _own_kind(text[max(0, found.start - 40):found.start], text[found.end:found.end + 40])
    return bool(kinds and own and not own & kinds)


def is_list(subject: str) -> bool:
    """Whether what a figure counts is a list of things ("passengers and crew"), not one thing with
    a phrase joined on ("ships and on the Somali coast") or names joined before it ("Nordic and
    Baltic governments")."""
    return any(m[1].lower() not in STOPWORDS and not (m[1][0].isupper() and m[2])
               for m in LIST_AND.finditer(subject))


def _one_article_both_ways(sides: list[list[Measure]]) -> bool:
    """Whether one article gives figures of two sides: it counts two things ("a stay of up to 45
    days" without a visa, an e-visa "valid for up to 90 days"), not one figure two ways."""
    seen: set[str] = set()
    for s in sides:
        ids = {m.article.id for m in s}
        if ids & seen:
            return True
        seen |= ids
    return False


def _listed(m: Measure) -> bool:
    """Whether a figure counts a list of things, of which everyone aboard is none."""
    return is_list(m.quantity.subject) and not EVERYONE_ABOARD.fullmatch(m.quantity.subject)


def _run_on(m: Measure, side: list[Measure]) -> bool:
    """Whether a listed subject is another report's plain one of the same figure with the next
    clause run on: "42 federal hospitals and talks between the union and the government yet to
    produce a breakthrough", where another report counts "42 federal hospitals"."""
    subject = m.quantity.subject.lower()
    return any(o.article.id != m.article.id and o.quantity.subject and not _listed(o)
               and subject.startswith(o.quantity.subject.lower() + " and ") for o in side)


def _set_words(m: Measure) -> frozenset[str]:
    """The words that tell which set a figure counts: "three other rifles" and three rifles listed
    after seven AK-47s (a further set, `Measure.further`) count the same one."""
    subject = PERIOD_WORDS.sub(" ", (m.quantity.subject or "").lower())  # "in the first half": a time
    found = {FURTHER_WORDS.get(w, w) for w in subject.split() if w in SET_WORDS}
    return frozenset(found | ({"other"} if m.further else set()))


def different_measures(sides: list[list[Measure]], lists: bool = True) -> bool:
    """Sides that cannot state one figure: a vague plural ("hundreds"), counts of sets told apart
    by a word like "other" or "last", ages of differently named people; with `lists`, also a
    count of a list against one of its parts ("passengers and crew" against "passengers")."""
    measures = [m for s in sides for m in s]
    if any(VAGUE.match(m.quantity.text) for m in measures):
        return True
    if _one_article_both_ways(sides):
        return True
    sets = {_set_words(m) for m in measures if m.quantity.subject or m.further}
    if len(sets) > 1:
        return True
    if lists and len({_listed(m) and not _run_on(m, side) for side in sides for m in side
                      if m.quantity.subject}) > 1:
        return True  # "passengers and crew" is not "passengers", though it is "people on board"
    if any(m.whole_of_part or SET_BEFORE.search(m.article.text[max(0, m.quantity.start - 15):
                                                               m.quantity.start]) for m in measures):
        return True  # "one of four men", "two of the three victims": a part and its whole
    if any(PART_OF.match(m.article.text, m.quantity.end) or m.unit not in SHARES
           and OWNERS_PART.match(m.article.text, m.quantity.end) for m in measures):
        return True  # "three of the wounded remained in hospital": a part of the count
    if any(LISTED.search(m.article.text[m.quantity.end:m.quantity.end + 30])
           or LISTED_BEFORE.search(m.article.text[max(0, m.quantity.start - 30):m.quantity.start])
           for m in measures):
        return True  # "one Australian and one English climber": parts of a total
    if len({_by_place(m) for m in measures}) > 1:
        return True  # "In Thunder Bay, the median wait was 24.8 hours, and in Timmins 21.5": local figures
    if _part_against_whole(sides):
        return True  # "The southern section of the reef ... recorded bleaching on 44 percent": a part's
    if len({_basis(m) for m in measures}) > 1:
        return True  # "a hammer price of 7.2 million pounds" is not "8.6 million pounds including fees"
    if _owners_differ(sides) or _different_polls(sides) or _places_counted(sides) or _parts_add_up(sides) \
            or _sum_beside_part(sides) or _named_subjects_differ(sides) or _bodies_differ(sides):
        return True
    ages = [m.quantity.value for m in measures if is_age(m.quantity)]
    if len(ages) < len(measures):
        return bool(ages)  # an age is no span of anything else ("Olsen, 57" vs "its 160-year history")
    return max(ages) > AGE_RATIO * min(ages) or _ages_of_others(sides)


# A part of a place or thing named by its side, before a figure in its sentence: "The southern
# section of the reef", "in the northern part of the country".
SIDE_PART = re.compile(r"\b(?:northern|southern|eastern|western|central|north-eastern|north-western|"
                       r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)"
                       r"\s+(?:section|part|sector|half|zone|stretch|end)\b", re.IGNORECASE)


def _part_against_whole(sides: list[list[Measure]]) -> bool:
    """Whether one side's figures are all of a part named by its side and another's none."""
    parts = [[bool(SIDE_PART.search(m.before())) for m in s] for s in sides]
    return any(all(p) for p in parts) and any(not any(p) for p in parts)


IN_PLACE = re.compile(r"\b[Ii]n\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\b[^.;:]{0,60}$")


def _by_place(m: Measure) -> bool:
    """Whether a figure is one of a sentence's figures given place by place ("In Thunder Bay, the
    median wait was 24.8 hours, and in Timmins 21.5 hours"): each is that place's own."""
    places = _placed_figures(m.sentence, m.quantity.unit)
    return m.quantity.start - m.sentence_start in places and len(set(places.values())) >= 2


@lru_cache(maxsize=1024)
def _placed_figures(sentence: str, unit: str | None) -> dict[int, str]:
    """Where in a sentence figures of one unit stand after "in" and a place, with that place:
    read once a sentence, though every group holding one of its figures asks."""
    places = {}
    for f in scan(sentence):
        place = IN_PLACE.search(sentence[max(0, f.start - 80):f.start]) if f.unit == unit else None
        if place:
            places[f.start] = place[1]
    return places


# What a sum of money is counted with: "a hammer price of", "including fees", "before tax".
BASIS = re.compile(r"\b(hammer price|(?:including|with|plus) (?:fees|(?:the )?buyer'?s premium|premium|"
                   r"commission|taxes|tax|vat)|(?:before|after|pre-|excluding) ?tax(?:es)?|net of \w+|"
                   r"insured|insurance value|book value|face value)\b",
                   re.IGNORECASE)
BASIS_REACH = 40  # characters each side of a figure read for its basis
# The price a premium or a discount is measured against: "a 28% premium to Friday's closing price"
# is not "a 34% premium to the three-month volume-weighted average price".
PREMIUM_TO = re.compile(r"\s*(?:premium|discount)\s+(?:to|over|on)\s+[^.;,]{0,50}?"
                        r"\b(closing|average|undisturbed)\b", re.IGNORECASE)


def _basis(m: Measure) -> str:
    """The basis a figure's words give it ("hammer price", "including fees"), or ""."""
    text = m.article.text
    if reference := PREMIUM_TO.match(text, m.quantity.end):
        return f"{reference[1].lower()} price"
    near = text[max(0, m.quantity.start - BASIS_REACH):m.quantity.end + BASIS_REACH]
    found = BASIS.search(near)
    return " ".join(found[1].lower().split()) if found else ""


# Whose age a figure is: the name just before it ("Andrew Lopez, 20") or just after ("the
# 20-year-old Andrew Lopez").
NAME_BEFORE = re.compile(r"([A-Z][\w'’-]+),\s*$")
NAME_AFTER = re.compile(r"^\s+((?:[a-z][\w-]*\s+){0,2})(?:[A-Z][\w'’.-]*\s+)*([A-Z][\w'’-]+)")
SAME_NAME = 80  # surnames this alike (rapidfuzz ratio) may be one name spelled two ways


def age_owner(m: Measure) -> str | None:
    """The surname of the person an age belongs to, where the text names one next to it."""
    text, start, end = m.article.text, m.quantity.start, m.quantity.end
    if found := NAME_BEFORE.search(text[max(0, start - 40):start]):
        return found[1].lower()
    found = NAME_AFTER.match(text[end:end + 60])
    if found and not set(found[1].split()) & STOPWORDS:
        return found[2].lower()
    return None


def _ages_of_others(sides: list[list[Measure]]) -> bool:
    """Whether each side's ages are given next to a name and no two sides' names are alike: "Andrew
    Lopez, 20" is not "Jonathan Carrasquillo, 24"."""
    owners = [{o for m in s if (o := age_owner(m))} for s in sides]
    return all(owners) and not any(fuzz.ratio(a, b) >= SAME_NAME for x, y in combinations(owners, 2)
                                   for a in x for b in y)


SMALL_COUNTS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
# Counts only: not the "two" of a fraction ("a two-thirds majority") nor a figure's digits.
COUNT_WORDS = re.compile(rf"\b(?<![.,])(?:\d{{1,4}}|{'|'.join(SMALL_COUNTS)})\b"
                         rf"(?![.,]\d|-(?:thirds?|quarters?|halfs?|fifths?|fourths?|sixths?|tenths?)\b)",
                         re.IGNORECASE)
MAX_PART_TOTAL = 1000  # counts of parts and wholes: larger figures add up by chance too often


# A share of a count named next to it: "about half of them splintered off".
FRACTION_OF = re.compile(r"\b(half|a\s+third|a\s+quarter|two-thirds|two\s+thirds)\s+of\s+"
                         r"(?:them|those|the\s+\w+)\b", re.IGNORECASE)
FRACTION_OF_SHARES = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two-thirds": 2 / 3,
                      "two thirds": 2 / 3}


def _share_of(part: list[Measure], whole: list[Measure]) -> bool:
    """Whether the text around the larger count gives the smaller as its share: "about 200
    attended ... about half of them marched" against "nearly 100 marched"."""
    for m in whole:
        for found in FRACTION_OF.finditer(_around(m)):
            share = FRACTION_OF_SHARES[" ".join(found[1].lower().split())] * m.value
            if abs(share - part[0].value) <= max(part[0].tolerance, 0.1 * part[0].value):
                return True
    return False


def _parts_add_up(sides: list[list[Measure]]) -> bool:
    """Two counts where the text around either gives the rest of the larger, or the larger's
    around gives the smaller as its share: a part and its whole, no rival figures ("three boats
    were captured" against "five pirate boats tried to attack ... two of them managed to flee";
    "about 200 attended ... about half of them marched" against "nearly 100 marched")."""
    measures = [m for s in sides for m in s]
    if any(is_age(m.quantity) or casualties(m) or said_revised(m) for m in measures):
        # a toll that rose by the rest ("seven more bodies") is revised, not split; so is a count
        # whose next sentence says so ("The updated total ... includes eight nests found since Monday")
        return False
    for part, whole in permutations(sides, 2):
        if _share_of(part, whole):
            return True
        rest = whole[0].value - part[0].value
        if not 2 <= rest < MAX_PART_TOTAL or rest != int(rest):
            continue  # "one" is too common a word to say anything
        for m in (*part, *whole):
            counts = COUNT_WORDS.findall(_around(m))
            if any(SMALL_COUNTS.get(c.lower(), int(c) if c.isdigit() else -1) == rest for c in counts):
                return True
    return False


def _around(m: Measure) -> str:
    """A figure's sentence and the next one, without the figure itself."""
    text = m.article.text
    end = m.sentence_start + len(m.sentence)
    following = sentence_span(text, end + 1, end + 1)[1] if end + 1 < len(text) else end
    return f"{m.before()} {text[m.quantity.end:max(end, following)]}"


# Places counted as where another figure applies: "865 delegates are at stake in 11 states".
PLACE_UNITS = frozenset({"state", "country", "nation", "city", "town", "village", "county", "district",
                         "province", "region", "territory", "continent"})
_COUNT = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)"
IN_PLACES = re.compile(rf"\b(?:in|across|from|among)\s+(?:the\s+)?{_COUNT}\s+(\w+?)s?\b", re.IGNORECASE)
IN_BEFORE = re.compile(r"\b(?:in|across|from|among)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_unit(word: str) -> str:
    """ "countrie" (of "countries", the pattern's "s" taken off) is "country"."""
    word = word.lower()
    return word[:-2] + "y" if word.endswith("ie") else word


def _places_counted(sides: list[list[Measure]]) -> bool:
    """Whether the figures are a count of the places another figure applies to ("in five
    states"), or figures for different numbers of places ("691 delegates in five states" vs
    "865 delegates in 11 states"): different occasions, not one figure told two ways."""
    measures = [m for s in sides for m in s]
    if any(m.unit_head in PLACE_UNITS and IN_BEFORE.search(m.article.text[max(0, m.quantity.start - 15):
                                                                          m.quantity.start])
           for m in measures):
        return True
    counted = []
    for s in sides:
        found = set()
        for m in s:
            found |= {(unit, match[1].lower()) for match in IN_PLACES.finditer(m.after())
                      if (unit := _place_unit(match[2])) in PLACE_UNITS}
        counted.append(found)
    return all(counted) and all(not (a & b) and {u for u, _ in a} & {u for u, _ in b}
                                for a, b in combinations(counted, 2))


# Whose figure it is, written as a possessive before it: "Bernie Sanders' campaign says it raised".
POSSESSOR = re.compile(r"\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:['’]s|(?<=s)['’])(?=\s)")


def _owners_differ(sides: list[list[Measure]]) -> bool:
    """Whether each side's figures are someone's and no two sides name the same one: "Sanders'
    campaign raised more than $21 million" is not "Trump's campaign raised more than $26 million".
    The possessive must own what the figures count (a subject one of them was given), not
    anything before them ("Sunday's landslide" does not own the death toll)."""
    heads = sorted({m.quantity.subject.split()[-1] for s in sides for m in s if m.quantity.subject})
    if not heads:
        return False
    owned = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, heads))})\b", re.IGNORECASE)
    owners = []
    for s in sides:
        names = set()
        for before in (m.before() for m in s):
            names |= {found[1].split()[-1].lower() for found in POSSESSOR.finditer(before)
                      if owned.match(before, found.end())}
        if not names:
            return False
        owners.append(names)
    return all(not (a & b) for a, b in combinations(owners, 2))


# A body named inside what a figure counts: an acronym ("LME-registered warehouses") or two to four
# capitalised words after the subject's first word ("warehouses monitored by the Shanghai Futures
# Exchange").
SUBJECT_BODY = re.compile(r"\b[A-Z]{2,}\b|(?<=\s)[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){1,3}")


def _bodies(subject: str) -> set[str]:
    """The bodies a subject names, each as its acronym too ("Shanghai Futures Exchange": sfe)."""
    found = set()
    for name in SUBJECT_BODY.findall(subject):
        words = [w for w in name.split() if w != "of"]
        found |= {name.lower()} | ({"".join(w[0] for w in words).lower()} if len(words) > 1 else set())
    return found


def _bodies_differ(sides: list[list[Measure]]) -> bool:
    """Whether every side's figures count what a body they name holds, and no two sides name one:
    copper "in LME-registered warehouses" is not copper "in warehouses monitored by the Shanghai
    Futures Exchange"."""
    named = []
    for s in sides:
        bodies = set().union(*(_bodies(m.quantity.subject or "") for m in s))
        if not bodies:
            return False
        named.append(bodies)
    return all(not (a & b) for a, b in combinations(named, 2))


# A subject that begins with a name of two to four capitalised words, after any possessive ("Kenya's").
NAMED_SUBJECT = re.compile(r"(?:[A-Z][\w'’.-]*['’]s\s+)?((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)")


# Words that make a name a company's or a body's, not a person's.
ORGANISATION_WORDS = frozenset({"Inc", "Inc.", "Corp", "Corp.", "PLC", "Ltd", "Ltd.", "Group", "Co", "Co.",
                                "Company", "Bank", "Holdings", "LLC", "AG", "SA", "Airlines", "Systems"})


# A named player right before a statistic's verb: "Allen had three catches", "Wayne caught five".
HOLDER_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:had|has|made|scored|caught|threw|"
                           r"rushed|kicked|posted|recorded|added)\s+(?:a\s+)?$")


def _named_subjects_differ(sides: list[list[Measure]]) -> bool:
    """Whether every side's figures are of someone named, and no two sides name one person:
    "Tigist Alemu won in 2:19:40" is not "Hellen Jepkurui was second in 2:20:15"."""
    named = []
    for s in sides:
        names = {found[1] for m in s if (found := NAMED_SUBJECT.match(m.quantity.subject or ""))
                 and not found[1].startswith("The ") and not ORGANISATION_WORDS & set(found[1].split())}
        names |= {found[1] for m in s if (found := HOLDER_BEFORE.search(m.before()[-40:]))}
        if not names:
            return False
        named.append(names)
    return all(same_speaker(name_tokens(x), name_tokens(y)) is False
               for a, b in combinations(named, 2) for x in a for y in b)


# An article that reports a poll; a share of people in it is a survey's answer to one question.
# ("Survey" alone is as often a statistics office's: "the labour force survey".)
POLL = re.compile(r"\b(?:polls?|polled|polling|pollsters?|respondents)\b", re.IGNORECASE)


POLL_DAYS = 3  # reports of one poll further apart than this are reports of two polls

# A count of the people a poll asked: "surveyed 552 likely Democratic primary voters".
SAMPLED = re.compile(r"\b(?:surveyed|surveying|polled|polling|interviewed|sampled|respondents|"
                     r"margin of error|likely\s+(?:[\w-]+\s+){0,3}voters)\b", re.IGNORECASE)


def _different_polls(sides: list[list[Measure]]) -> bool:
    """Whether shares of people, or the people asked, come from polls the articles do not show to
    be one: two polls (or two questions of one) give different shares and ask different numbers
    of people, which no outlet contradicts. They are compared only where every side's articles
    name one pollster in common."""
    measures = [m for s in sides for m in s]
    if not all((m.quantity.unit in SHARES or SAMPLED.search(m.sentence)) and POLL.search(m.article.text)
               for m in measures):
        return False
    named = [frozenset().union(*(pollsters(m.article.text) for m in s)) for s in sides]
    # One pollster runs many polls: the same one is one poll only in reports dated days apart at
    # most (not exit polls "conducted by Edison Research" of two primaries, nor of undated texts).
    days = [published(m.article) for m in measures]
    if None in days or (max(days) - min(days)).days > POLL_DAYS:
        return True
    return not frozenset.intersection(*named)


# How sure a numeric conflict is, from NUMERIC_BASE down: each reason takes its share off.
NUMERIC_BASE = 0.9
SCOPE_PENALTY = 0.3  # a scope note is shown by default only where nothing else makes it doubtful
NOTE_FLOOR = 0.3  # a scope note beside a group's figures less sure than this is not worth printing
# Units that count repetitions or spans of time: reports give them for different things.
PERIODS = frozenset({"time", "count", "year", "season", "game", "match", "point", "minute", "hour", "h",
                     "day", "week", "month", "round", "term", "decade"})
# Box-score units: reports give them for different players, games and seasons, and read on ECB+
# train nearly every conflict between them was of that kind.
STATISTICS = frozenset({"yd", "yard", "rebound", "touchdown", "td", "carry", "assist", "homer",
                        "home run", "strikeout", "inning", "interception", "reception", "sack",
                        "three-pointer", "boards", "catch", "block", "blocked", "pass", "swat", "steal",
                        "rushing", "receiving", "passing", "tackle"})  # "boards" (rebounds), not "on board"
SMALL_COUNT = 20  # small counts differ by whole units ("two boats" vs "three"): no ratio penalty
LOOSE_MATCH = 0.4  # mean context similarity under which the sides may be different measures
# Either doubt alone hides a numeric conflict (0.9 - 0.3 < SHOWN_CONFIDENCE): on ECB+ train, read
# after the rules were written, 25 of the 26 shown with one of them were false (other players'
# statistics, other guns, other occasions).
LOOSE_PENALTY = 0.3
# Large figures (sums of money, crowds) closer than CLOSE_RATIO lose half the doubt of a loose
# match ("$80 million", "$82 million"); small ones (ages, counts) are often near by chance.
CLOSE_RATIO = 1.1
LARGE = 1000


def _one_toll(sides: list[list[Measure]], units: set) -> bool:
    """Counts of people of one casualty kind: a toll names its event ("injuring 12 people", "the
    number of injured rose to 19") more often than its unit, and one that grows from report to
    report is one toll, unit or none."""
    return units <= PEOPLE and bool(_shared_kind(sides))


def _shared_kind(sides: list[list[Measure]]) -> frozenset[str]:
    """The casualty kinds every figure of every side counts ("dead"), none when any is no toll."""
    return frozenset.intersection(*(casualties(m) for s in sides for m in s))


def _statistic(m: Measure) -> bool:
    """Whether a figure is a game statistic by its unit, what it counts or the word before it
    ("rushing yards", "blocked six shots")."""
    words = f"{m.before()[-12:]} {m.quantity.unit or ''} {m.quantity.subject or ''}".lower().split()
    return any(w in STATISTICS or w.endswith("s") and w[:-1] in STATISTICS for w in words)


def _periods(sides: list[list[Measure]]) -> bool:
    """Whether a side counts times or periods ("arrested three times"): a toll counts people."""
    return any(m.quantity.unit in PERIODS for s in sides for m in s)


def numeric_confidence(sides: list[list[Measure]], score: float, status: str = "contradiction",
                       rising: bool = False) -> tuple[float, tuple[str, ...]]:
    """A numeric conflict's confidence and the reasons it is not higher (`rising`: a casualty toll
    that rises from one day's reports to the next's, whose first and last figures may be far apart
    and which may have many)."""
    confidence, reasons = NUMERIC_BASE, []
    values = [abs(s[0].value) for s in sides]
    ratio = max(values) / min(values) if min(values) else FAR_RATIO
    if ratio > PLAUSIBLE_RATIO and not (len(sides) == 2 and max(values) <= SMALL_COUNT) and not rising:
        confidence -= 0.15 if ratio <= 2 else 0.35
        reasons.append(f"values {ratio:.1f} times apart: perhaps different measures")
    if len(sides) > 2 and not rising:
        confidence -= 0.25 * (len(sides) - 2)
        reasons.append(f"{len(sides)} different values: perhaps different measures")
    if not any(m.quantity.subject for s in sides for m in s):
        confidence -= 0.3
        reasons.append("no side says what the figure counts")
    units = {m.quantity.unit for s in sides for m in s}
    if units == {None}:
        confidence -= 0.35
        reasons.append("bare numbers, without a unit")
    elif None in units and not (status == "revision" and _one_toll(sides, units)):
        confidence -= LOOSE_PENALTY
        reasons.append("one figure has a unit, another none")
    if _periods(sides) and not all(is_age(m.quantity) for s in sides for m in s):
        confidence -= 0.3
        reasons.append("a count of times or periods, which reports give for different spans")
    elif any(_statistic(m) for s in sides for m in s):
        confidence -= 0.3
        reasons.append("a game statistic, which reports give for different players and games")
    if score < LOOSE_MATCH:
        # Two large figures of one unit this close are seldom two measures that happen to be near
        close = ratio <= CLOSE_RATIO and min(values) >= LARGE and None not in units
        confidence -= LOOSE_PENALTY / 2 if close else LOOSE_PENALTY
        reasons.append("the sentences around the figures are only loosely alike")
    return round(max(confidence, 0.05), 2), tuple(reasons)
