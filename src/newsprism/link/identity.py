"""Identity conflicts: one office held by different people, or one person both in and out of office.

Roles come from the entities stage ("Pentagon chief Pete Huckabee") and from the forms it does
not read: a role set off by commas before the name, maybe with its owner ("Paraguay's interior
minister, X,"), a title right before a name the stage missed, an apposition after the name
("X, the former governor,"), and relative clauses ("X, who has headed the rescue operation";
"X, who was finance minister until 2020", a role held once). A role becomes a small set of word
stems, with common synonyms folded ("Pentagon chief" = "defense secretary"), so that roles
written differently can still be compared; "former" anywhere in it makes it a former one.
People one article names are looked for in the others too, since the entities stage of one
article may miss a name it finds in another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Article, Conflict, Evidence, Mention
from .align import name_tokens, same_speaker
from .context import Item, make_conflict, nearby_pairs, outlets_text, published, side, stem

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
# "Paraguay's", "the country's": whose office a role is, written before it.
OWNER = r"(?:(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s\s+)"
# After a name: "X, the interior minister,", "X, Paraguay's interior minister,", "X, the former governor".
APPOSITION = re.compile(rf"^,\s+(?:the\s+)?(?P<owner>{OWNER})?(?P<role>{ROLE_WORDS})"
                        r"(?=,|\.|;|\s+(?:said|says|told|warned|added)\b)")
LEADER_OF = re.compile(r"^,\s+who\s+(?:has\s+|had\s+)?(?:headed|heads|led|leads|chaired|chairs|runs|ran)"
                       r"\s+(?:the\s+)?(?P<what>[A-Za-z][\w\- ]{2,40}?)(?=\s+since\b|\s+for\b|,|\.|;)")
# "X, who was finance minister until 2020": a role held once is a former one; "who is" a current one.
WHO_WAS = re.compile(r"^,\s+who\s+(?P<tense>is|was|had been|has been|served as|once served as)\s+"
                     rf"(?:the\s+)?(?P<owner>{OWNER})?(?P<role>[a-z][\w.'’\- ]{{2,50}}?)"
                     r"(?=\s+(?:until|when|between|from|in|since|under)\b|,|\.|;)")
# Words that end a role written before a name: a role is a few title words, maybe an owner's name.
NOT_ROLE = frozenset({"the", "a", "an", "and", "or", "but", "with", "by", "to", "for", "from", "at", "on",
                      "in", "as", "said", "says", "told", "tells", "according", "after", "before",
                      "when", "while", "that", "who", "whom", "which", "is", "was", "are", "were", "has",
                      "have", "had", "be", "been", "met", "meets", "joined", "thanked", "called", "named"})
ROLE_WORD = re.compile(r"[A-Za-z][\w.\-]*$")
PAST = frozenset({"was", "had been", "served as", "once served as"})


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


def role_claims(item: Item, known: Sequence[str] = ()) -> list[RoleClaim]:
    """Every role the article gives a named person, with the role and name as evidence.

    `known` are full names of people other articles name: the article is searched for them too,
    since the entities stage of one article may miss a name it finds in another.
    """
    article, analysis = item
    names = {e.id: e.name for e in analysis.entities}
    mentions = [m for m in analysis.mentions if m.kind == "name"]
    day = published(article, analysis)
    claims, titled = [], set()
    for role in analysis.roles:
        mention = _nearest(mentions, role.entity_id, role.start, role.end)
        spans = [(role.start, role.end)] + ([(mention.start, mention.end)] if mention else [])
        claims.append(_claim(article, day, names.get(role.entity_id, ""), role.role, spans))
        titled |= {mention.start} if mention and role.end <= mention.start else set()
    found = [(m, names.get(m.entity_id, m.text)) for m in mentions]
    found += [(m, m.text) for m in _known_mentions(article, known, mentions)]
    for mention, person in found:
        for role, spans in _written_roles(article, mention, title=mention.start not in titled):
            claims.append(_claim(article, day, person, role, spans))
    return [c for c in claims if c.person and is_office(c.role)]


def _known_mentions(article: Article, known: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """Where the article names a known person that none of its own name mentions covers."""
    found = []
    for name in known:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", article.text):
            if not any(x.start < m.end() and m.start() < x.end for x in mentions + found):
                found.append(Mention(article.id, f"known:{name}", m.start(), m.end(), name))
    return found


def _nearest(mentions: list[Mention], entity_id: str, start: int, end: int) -> Mention | None:
    """The entity's name mention closest to a role span, if one stands within 60 characters."""
    def gap(m: Mention) -> int:
        return max(m.start - end, start - m.end, 0)

    near = [m for m in mentions if m.entity_id == entity_id and gap(m) < 60]
    return min(near, key=lambda m: (gap(m), m.start), default=None)


def _written_roles(article: Article, mention: Mention, title: bool = True) -> list[tuple[str, list]]:
    """Roles written around a name that the entities stage does not read.

    After the name: an apposition ("X, Paraguay's interior minister,"), "who heads the ...", "who was
    finance minister until ..." (a role held once, so a former one). Before it: a role set off by a
    comma ("Paraguay's interior minister, X") and, when `title`, a title ("Interior Minister X").
    """
    rest = article.text[mention.end:mention.end + 100]
    after = (mention.start, mention.end)
    found = []
    if m := LEADER_OF.match(rest):
        found.append((f"head of {m.group('what')}", [(mention.start, mention.end + m.end())]))
    elif m := WHO_WAS.match(rest):
        past = "former " if m.group("tense") in PAST else ""
        found.append((past + m.group("role"), [(mention.start, mention.end + m.end())]))
    elif (m := APPOSITION.match(rest)) and m.group("role")[0].islower():
        found.append((m.group("role"), [(mention.start, mention.end + m.end())]))
    if before := role_before(article.text[max(0, mention.start - 90):mention.start], title):
        role, length = before
        found.append((role, [(mention.start - length, after[1])]))
    return found


def role_before(lead: str, title: bool) -> tuple[str, int] | None:
    """A role ending right before a name, and how many characters back it starts.

    "..., Paraguay's interior minister, " (lower-case words set off by a comma) or, with `title`,
    "Interior Minister " (title words, any case); the last word must name an office.
    """
    comma = re.search(r",\s+$", lead)
    if not comma and not (title and re.search(r"\S\s+$", lead) and not re.search(r"[,;:.]\s+$", lead)):
        return None
    text = lead[:comma.start()] if comma else lead.rstrip()
    words = re.findall(r"\S+", text)[-6:]
    picked: list[str] = []
    for word in reversed(words):
        if (word.lower() in NOT_ROLE or not ROLE_WORD.match(word) or word.endswith(("'s", "’s"))
                or (comma and not word[0].islower()) or len(picked) == 4):
            break
        picked.insert(0, word)
    if not picked or not role_key(picked[-1])[0] & OFFICES or not is_office(role_key(" ".join(picked))[0]):
        return None
    start = text.rfind(" ".join(picked))
    owner = re.search(rf"{OWNER}$", text[:start])
    start = owner.start() if owner else start
    return " ".join(picked), len(lead) - start


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
    known = _person_names(items)
    per_article = [role_claims(item, known) for item in items]
    near = nearby_pairs(items)
    return _two_people_one_office(per_article, near) + _former_and_serving(per_article, near)


def _claim_pairs(per_article: list[list[RoleClaim]], near: list[tuple[int, int]]):
    """Pairs of claims from two nearby articles (see `nearby_pairs`)."""
    for i, j in near:
        for a in per_article[i]:
            for b in per_article[j]:
                yield a, b


def _person_names(items: Sequence[Item]) -> list[str]:
    """The full names (two words or more) of the people the articles name, longest first."""
    names = {e.name for _, analysis in items for e in analysis.entities
             if e.type == "PERSON" and len(e.name.split()) >= 2}
    return sorted(names, key=lambda n: (-len(n), n))


def _same_person(a: RoleClaim, b: RoleClaim) -> bool:
    return bool(same_speaker(name_tokens(a.person), name_tokens(b.person)))


def _within(a: RoleClaim, b: RoleClaim, days: int) -> bool:
    return a.day is None or b.day is None or abs((a.day - b.day).days) <= days


def _two_people_one_office(per_article: list[list[RoleClaim]], near: list[tuple[int, int]]) -> list[Conflict]:
    serving = [[c for c in claims if not c.former] for claims in per_article]
    by_article = {claims[0].article.id: claims for claims in serving if claims}
    everyone = [c for claims in serving for c in claims]
    holders: dict[tuple, list[RoleClaim]] = {}  # (office, person) -> their claims, story-wide

    def held(office: frozenset[str], person: RoleClaim) -> list[RoleClaim]:
        key = (office, person.person)
        if key not in holders:
            holders[key] = [c for c in everyone if same_office(c.role, office) and _same_person(c, person)]
        return holders[key]

    found, seen = {}, set()
    for a, b in _claim_pairs(serving, near):
        office = a.role | b.role
        if (a.article.id == b.article.id or (office, a.person, b.person) in seen
                or not same_office(a.role, b.role) or _same_person(a, b)
                or not _within(a, b, SAME_WINDOW_DAYS) or _shared_in_one_article(a, b, by_article)):
            continue
        seen.add((office, a.person, b.person))  # the sides hold every such claim already
        conflict = _people_conflict(a, b, [held(office, x) for x in (a, b)])
        found[conflict.id] = conflict
    return list(found.values())


def _shared_in_one_article(a: RoleClaim, b: RoleClaim, by_article: dict[str, list[RoleClaim]]) -> bool:
    """Whether one article itself names both people in the office (two countries' ministers, say)."""
    for x, y in ((a, b), (b, a)):
        if any(_same_person(c, y) and same_office(c.role, y.role) for c in by_article.get(x.article.id, ())):
            return True
    return False


def _people_conflict(a: RoleClaim, b: RoleClaim, holders: list[list[RoleClaim]]) -> Conflict:
    sides = [side(group[0].person, [e for c in group for e in c.evidence]) for group in holders]
    parts = [f"{group[0].person} ({outlets_text(c.article for c in group)})" for group in holders]
    office = min((a.text, b.text), key=len)
    summary = f"Who holds one office ({office}): {' vs '.join(parts)}"
    return make_conflict("identity", "contradiction", summary, sides)


def _former_and_serving(per_article: list[list[RoleClaim]], near: list[tuple[int, int]]) -> list[Conflict]:
    found = {}
    for a, b in _claim_pairs(per_article, near):
        if (a.former == b.former or a.article.id == b.article.id or not _same_person(a, b)
                or not (a.role <= b.role or b.role <= a.role) or not _within(a, b, SAME_WEEK_DAYS)):
            continue
        former, serving = (a, b) if a.former else (b, a)
        summary = f"{serving.person}: {former.text!r} vs {serving.text!r}"
        conflict = make_conflict("identity", "contradiction", summary,
                                 [side(former.text, former.evidence), side(serving.text, serving.evidence)])
        found[conflict.id] = conflict
    return list(found.values())


__all__ = ["RoleClaim", "identity_conflicts", "role_before", "role_claims", "role_key"]
