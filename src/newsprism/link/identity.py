"""Identity conflicts: one office held by different people, or one person both in and out of office.

Roles come from the entities stage ("Pentagon chief Pete Huckabee") and from two patterns it
does not read: an apposition after the name ("Ama Mensah-Boateng, the finance minister,") and
a relative clause ("Tomas Hrubes, who has headed the rescue operation"). A role becomes a
small set of word stems, with common synonyms folded ("Pentagon chief" = "defense secretary"),
so that roles written differently can still be compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..model import Article, Conflict, Evidence, Mention
from .align import name_tokens, same_speaker
from .context import Item, make_conflict, outlets_text, published, side, stem

SAME_WINDOW_DAYS = 14  # two people named in one office further apart than this may be successors
SAME_WEEK_DAYS = 7  # "former X" and "X" of one person further apart than this is a change of office
# Phrases for one office, folded to one wording before the words are compared.
SYNONYMS = (
    (r"\bpentagon (chief|head|boss)\b|\bsecretary of (defen[cs]e|war)\b|\bdefen[cs]e (chief|secretary)\b",
     "defense secretary"),
    (r"\btreasury (chief|head|secretary)\b|\bminister of finance\b|\bfinance (chief|head)\b|"
     r"\bchancellor of the exchequer\b", "finance minister"),
    (r"\bminister of foreign affairs\b|\bforeign (secretary|affairs minister)\b|\btop diplomat\b",
     "foreign minister"),
    (r"\bchief executive( officer)?\b|\bceo\b", "chiefexecutive"),
    (r"\bchair(man|woman|person)?\b", "chair"),
    (r"\bpremier\b", "prime minister"),
    (r"\b(chief|head|boss|leader)\b", "head"),
)
# Words naming an office that one person holds at a time.
OFFICES = frozenset({"minister", "secretary", "president", "head", "chair", "director", "governor", "mayor",
                     "commissioner", "chancellor", "chiefexecutive", "general", "speaker", "premier"})
DROPPED = frozenset({"the", "a", "an", "of", "for", "u.s.", "us", "u.k.", "uk", "then", "new", "current",
                     "acting", "interim", "who", "has", "had", "have", "operation", "office", "its", "their"})
ROLE_WORDS = r"[A-Za-z][\w.'’\- ]{2,50}?"
APPOSITION = re.compile(rf"^,\s+(?:the\s+)?(?P<role>{ROLE_WORDS})(?=,|\.|;|\s+(?:said|says|told)\b)")
LEADER_OF = re.compile(r"^,\s+who\s+(?:has\s+|had\s+)?(?:headed|heads|led|leads|chaired|chairs|runs|ran)"
                       r"\s+(?:the\s+)?(?P<what>[A-Za-z][\w\- ]{2,40}?)(?=\s+since\b|\s+for\b|,|\.|;)")


@dataclass(frozen=True, slots=True)
class RoleClaim:
    """One article giving one named person one role."""

    article: Article
    day: date | None
    person: str
    role: frozenset[str]
    former: bool
    evidence: tuple[Evidence, ...]
    text: str


def role_key(role: str) -> tuple[frozenset[str], bool]:
    """The compared form of a role (its stems, synonyms folded) and whether it is a former one."""
    text = role.lower().replace("’", "'")
    former = bool(re.search(r"\b(former|ex-|erstwhile)", text))
    text = re.sub(r"\b(former|ex-|erstwhile)\s*", "", text)
    for pattern, wording in SYNONYMS:
        text = re.sub(pattern, wording, text)
    tokens = [t for t in re.split(r"[\s,]+", text) if t and t not in DROPPED and not t.endswith("'s")]
    return frozenset(stem(t) for t in tokens), former


def is_office(key: frozenset[str]) -> bool:
    """Whether a role names one qualified office ("finance minister", not "minister" or "analyst")."""
    return len(key) >= 2 and bool(key & OFFICES)


def same_office(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two roles name one office: the words of one hold the other's."""
    return is_office(a) and is_office(b) and (a <= b or b <= a)


def role_claims(item: Item) -> list[RoleClaim]:
    """Every role the article gives a named person, with the role and name as evidence."""
    article, analysis = item
    names = {e.id: e.name for e in analysis.entities}
    mentions = [m for m in analysis.mentions if m.kind == "name"]
    day = published(article, analysis)
    claims = []
    for role in analysis.roles:
        mention = _nearest(mentions, role.entity_id, role.start, role.end)
        spans = [(role.start, role.end)] + ([(mention.start, mention.end)] if mention else [])
        claims.append(_claim(article, day, names.get(role.entity_id, ""), role.role, spans))
    for mention in mentions:
        if found := _written_role(article, mention):
            claims.append(_claim(article, day, names.get(mention.entity_id, mention.text), *found))
    return [c for c in claims if c.person and is_office(c.role)]


def _nearest(mentions: list[Mention], entity_id: str, start: int, end: int) -> Mention | None:
    """The entity's name mention closest to a role span, if one stands within 60 characters."""
    def gap(m: Mention) -> int:
        return max(m.start - end, start - m.end, 0)

    near = [m for m in mentions if m.entity_id == entity_id and gap(m) < 60]
    return min(near, key=lambda m: (gap(m), m.start), default=None)


def _written_role(article: Article, mention: Mention) -> tuple[str, list] | None:
    """A role written after a name: an apposition or "who has headed the ..."."""
    rest = article.text[mention.end:mention.end + 80]
    if m := LEADER_OF.match(rest):
        return f"head of {m.group('what')}", [(mention.start, mention.end + m.end())]
    if (m := APPOSITION.match(rest)) and m.group("role")[0].islower():
        return m.group("role"), [(mention.start, mention.end + m.end())]
    return None


def _claim(article: Article, day, person: str, role: str, spans: list) -> RoleClaim:
    key, former = role_key(role)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if end - start > 120:  # too far apart to quote as one: each span is its own evidence
        evidence = tuple(Evidence(article.id, s, e) for s, e in spans)
    else:
        evidence = (Evidence(article.id, start, end),)
    return RoleClaim(article, day, person, key, former, evidence, article.text[start:end])


def identity_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Different people in one office in the same weeks; one person called former and serving in one week."""
    claims = [c for item in items for c in role_claims(item)]
    return _two_people_one_office(claims) + _former_and_serving(claims)


def _same_person(a: RoleClaim, b: RoleClaim) -> bool:
    return bool(same_speaker(name_tokens(a.person), name_tokens(b.person)))


def _within(a: RoleClaim, b: RoleClaim, days: int) -> bool:
    return a.day is None or b.day is None or abs((a.day - b.day).days) <= days


def _two_people_one_office(claims: list[RoleClaim]) -> list[Conflict]:
    serving = [c for c in claims if not c.former]
    found = {}
    for a, b in combinations(serving, 2):
        if (a.article.id == b.article.id or not same_office(a.role, b.role) or _same_person(a, b)
                or not _within(a, b, SAME_WINDOW_DAYS) or _shared_in_one_article(a, b, serving)):
            continue
        holders = [[c for c in serving if same_office(c.role, a.role | b.role) and _same_person(c, x)]
                   for x in (a, b)]
        conflict = _people_conflict(a, b, holders)
        found[conflict.id] = conflict
    return list(found.values())


def _shared_in_one_article(a: RoleClaim, b: RoleClaim, claims: list[RoleClaim]) -> bool:
    """Whether one article itself names both people in the office (two countries' ministers, say)."""
    for x, y in ((a, b), (b, a)):
        if any(c.article.id == x.article.id and _same_person(c, y) and same_office(c.role, y.role)
               for c in claims):
            return True
    return False


def _people_conflict(a: RoleClaim, b: RoleClaim, holders: list[list[RoleClaim]]) -> Conflict:
    sides = [side(group[0].person, [e for c in group for e in c.evidence]) for group in holders]
    parts = [f"{group[0].person} ({outlets_text(c.article for c in group)})" for group in holders]
    office = min((a.text, b.text), key=len)
    summary = f"Who holds one office ({office}): {' vs '.join(parts)}"
    return make_conflict("identity", "contradiction", summary, sides)


def _former_and_serving(claims: list[RoleClaim]) -> list[Conflict]:
    found = {}
    for a, b in combinations(claims, 2):
        if (a.former == b.former or a.article.id == b.article.id or not _same_person(a, b)
                or not (a.role <= b.role or b.role <= a.role) or not _within(a, b, SAME_WEEK_DAYS)):
            continue
        former, serving = (a, b) if a.former else (b, a)
        summary = f"{serving.person}: {former.text!r} vs {serving.text!r}"
        conflict = make_conflict("identity", "contradiction", summary,
                                 [side(former.text, former.evidence), side(serving.text, serving.evidence)])
        found[conflict.id] = conflict
    return list(found.values())


__all__ = ["RoleClaim", "identity_conflicts", "role_claims", "role_key"]
