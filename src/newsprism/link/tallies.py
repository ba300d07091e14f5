"""Vote tallies and game scores: "approved by a 7-4 vote" in two reports and "voted 8-3" in a
third; "beat Samoa 31-24" against "a 31-21 win over Samoa".

A tally is two counts joined by a dash or "to" in a clause about a vote, a ruling or a bill
that passed; news writes it as a pair, not as a quantity with a unit, so the quantities stage
does not read it. Reports of one event that give one vote two tallies disagree: tallies are
exact, so there is no rounding to allow for. Two tallies are of one vote where each report
gives only one, or where their clauses share a word beyond the vote's own (two votes of one
event, a committee's and the council's, are told apart by their clauses).

A score is such a pair beside a word of a game's result ("beat", "win over"). A story about a
final names the semi-finals' scores too, so two scores are of one game only where their
clauses name at least two of the same proper names (the two sides, or a side and the
competition), and a report that gives one game two scores (a running score) is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ..model import Article, Conflict, Evidence
from .align import Item
from .context import UnionFind, make_conflict, outlets_text, side
from .vectors import terms

TALLY = re.compile(r"(?<![\w.,$€£-])(\d{1,3})\s*(?:votes?\s+)?(?:-|–|—|\bto\b)\s*(\d{1,3})"
                   r"(?![\w%$€£]|[.,-]\d|\s*(?:percent|per cent|points?|p\.m\.|a\.m\.)\b)")
# "21 votes in favour and 10 against", "21 for, 10 against": a tally that says itself it is one.
FOR_AGAINST = re.compile(r"(?<![\w.,$€£-])(\d{1,3})\s+(?:votes?\s+)?(?:in\s+favou?r|for)\b,?\s+"
                         r"(?:and\s+|to\s+|with\s+)?(\d{1,3})\s+(?:votes?\s+)?against\b", re.IGNORECASE)
# Words of a vote or a court's ruling; not "defeated" or "decision", which name games and fights
# ("defeated Evansville 51-50", "a split decision") as often.
VOTE = re.compile(r"\b(?:vot(?:e|ed|es|ing)|ballot|tally|passed|approved|rejected|adopted|confirmed|"
                  r"upheld|overturned|ruling|ruled)\b", re.IGNORECASE)
# Words of a game's result: "beating Samoa 31-24", "a 31-21 win over Samoa"; not "led 17-12",
# a running score, nor "draw level at 24-24".
RESULT = re.compile(r"\b(?:beat|beats|beating|defeated|defeating|won|wins?|winning|victory|lost|loses"
                    r"|losing|loss|thrashed|edged|routed|drew|draw(?!\s+level)|scoreline|final\s+score)\b",
                    re.IGNORECASE)
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
NOT_NAMES = frozenset("""
The A An In On At After But And It Its Their His Her They He She We Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September October November December
""".split())
SAME_GAME_NAMES = 2  # proper names two scores' sentences share to be of one game
VOTE_BEFORE = 45  # characters before a tally a vote word may stand in ("voted late Tuesday 8-3")
VOTE_AFTER = 12  # and after it ("by a 7-4 vote")
CLAUSE_REACH = 160  # characters each side of a tally read for what the vote was about
VOTE_WORDS = frozenset({"vote", "voted", "votes", "voting", "ballot", "tally", "passed", "approved",
                        "rejected", "adopted", "confirmed", "defeated", "upheld", "overturned", "ruling",
                        "ruled", "decision", "split", "measure", "motion"})
TALLY_BASE = 0.8  # one vote given two tallies by reports of one event
OTHER_TOTAL = 0.2  # less sure where the two tallies count different numbers of voters


@dataclass(frozen=True, slots=True)
class Tally:
    """One tally written in one article: its counts, biggest first, and the words of its clause."""

    article: Article
    start: int
    end: int
    counts: tuple[int, int]
    words: frozenset[str]
    score: bool = False  # a game's score, not a vote's tally


def tallies_of(article: Article) -> list[Tally]:
    """The vote tallies and game scores an article writes."""
    text, found = article.text, []
    written = [(m, False) for m in TALLY.finditer(text)] + [(m, True) for m in FOR_AGAINST.finditer(text)]
    for m, said in sorted(written, key=lambda x: x[0].start()):
        before = re.split(r"[.;!?]\s", text[max(0, m.start() - VOTE_BEFORE):m.start()])[-1]
        after = re.split(r"[.;!?]\s", text[m.end():m.end() + VOTE_AFTER])[0]
        vote = said or VOTE.search(before) or VOTE.search(after)
        if not (vote or RESULT.search(before) or RESULT.search(after)):
            continue
        high, low = sorted((int(m[1]), int(m[2])), reverse=True)
        if high == low == 0:
            continue
        if vote:
            words = frozenset(terms(" ".join(_around(text, m.start(), m.end())))) - VOTE_WORDS
        else:  # a score: the proper names of its clause say which game it is
            words = _names(_score_clause(text, m.start(), m.end()))
        found.append(Tally(article, m.start(), m.end(), (high, low), words, score=not vote))
    return found


# Where a sentence joins the results of two games: "Fiji beat Samoa 31-24, and Tonga beat Papua New
# Guinea 22-10".
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\b|\s+(?:while|whereas)\b")


def _score_clause(text: str, start: int, end: int) -> str:
    """The clause of a score at (start, end) within its sentence."""
    before, after = _around(text, start, end)
    return f"{CLAUSE_BREAK.split(before)[-1]} {CLAUSE_BREAK.split(after)[0]}"


def _names(clause: str) -> frozenset[str]:
    """The proper names of a clause: its capitalised words but for calendar and function words."""
    return frozenset(w for w in WORD.findall(clause) if w[0].isupper()) - NOT_NAMES


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence before and after characters (start, end), up to CLAUSE_REACH characters each
    side."""
    left = re.split(r"[.!?]\s+(?=[A-Z])", text[max(0, start - CLAUSE_REACH):start])[-1]
    right = re.split(r"[.!?](?:\s+|$)", text[end:end + CLAUSE_REACH])[0]
    return left, right


def tally_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One vote given different tallies by reports of one event, one conflict per vote: its
    sides each tally and the reports that give it."""
    tallies = {f"{t.article.id}@{t.start:09d}": t for article, _ in items for t in tallies_of(article)}
    counted = Counter(t.article.id for t in tallies.values() if not t.score)
    alone = {article for article, n in counted.items() if n == 1}
    votes = UnionFind(list(tallies))  # each tally's vote, joined where two count one
    for a, b in combinations(tallies, 2):
        if _one_vote(tallies[a], tallies[b], alone):
            votes.union(a, b)
    found = []
    for vote in votes.groups():
        sides: dict[tuple[int, int], list[Tally]] = {}
        for key in vote:
            sides.setdefault(tallies[key].counts, []).append(tallies[key])
        if len(sides) < 2 or _running_score(vote, tallies):
            continue
        score = tallies[vote[0]].score  # a game's total of points is no count of voters
        reasons = [] if score or len({sum(counts) for counts in sides}) == 1 else [
            "the tallies count different numbers of voters: perhaps two votes"]
        ordered = sorted(sides.items())
        kind = "Score" if score else "Vote tally"
        summary = f"{kind}: " + " vs ".join(
            f"{high}-{low} ({outlets_text(t.article for t in ts)})" for (high, low), ts in ordered)
        written = [side(f"{high}-{low}", [Evidence(t.article.id, t.start, t.end) for t in ts])
                   for (high, low), ts in ordered]
        confidence = round(TALLY_BASE - OTHER_TOTAL * len(reasons), 2)
        found.append(make_conflict("numeric", "contradiction", summary, written, confidence, reasons))
    return found


def _one_vote(a: Tally, b: Tally, alone: set[str]) -> bool:
    """Whether two tallies of different articles count one vote, or two scores one game."""
    if a.article.id == b.article.id or a.score != b.score:
        return False
    if a.score:
        return len(a.words & b.words) >= SAME_GAME_NAMES
    return (a.article.id in alone and b.article.id in alone) or bool(a.words & b.words)


def _running_score(game: list[str], tallies: dict[str, Tally]) -> bool:
    """Whether one report gives one game two scores (a score at the break, then the final one)."""
    given = {}
    for key in game:
        t = tallies[key]
        if t.score and given.setdefault(t.article.id, t.counts) != t.counts:
            return True
    return False


__all__ = ["Tally", "tallies_of", "tally_conflicts"]
