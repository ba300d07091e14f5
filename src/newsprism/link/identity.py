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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from ..model import Article, Conflict, Evidence, Mention
from ..stages.entities import RANK_PARTS, RANKS, first_name_genders
from ..stages.textspans import title_case_line
from .align import Utterance, name_tokens, same_speaker, word_pairs
from .context import Item, content_stems, make_conflict, nearby_pairs, outlets_text, published, side, stem
from .names import fold, same_given
from .vectors import cosine, normalised

SAME_WINDOW_DAYS = 14  # two people named in one office further apart than this may be successors
SAME_WEEK_DAYS = 7  # "former X" and "X" of one person further apart than this is a change of office
# Phrases for one office, folded to one wording before the words are compared.
SYNONYMS = (
    (r"\bpentagon (chief|head|boss)\b", "US defense secretary"),
    (r"\bsecretary of (defen[cs]e|war)\b|\bdefen[cs]e (chief|secretary)\b", "defense secretary"),
    (r"\btreasury (chief|head|secretary)\b|\bminister of finance\b|\bfinance (chief|head)\b|"
     r"\bchancellor of the exchequer\b", "finance minister"),
    (r"\bminister of foreign affairs\b|\bforeign (secretary|affairs minister)\b|\btop diplomat\b",
     "foreign minister"),
    (r"\bchief executive( officer)?\b|\bceo\b", "chiefexecutive"),
    # one to a trial, unlike "judge": "Presiding U.S. District Judge" keeps its owner only
    (r"\bpresiding (?:(u\.s\.|federal|state) )?(?:[a-z]+ ){0,2}?judge\b", r"\1 presidingjudge"),
    (r"\b(?:harbou?r|port)[ -]?master\b", "harbourmaster"),
    # one to an inquiry: "lead investigator", "the investigator leading the inquiry"
    (r"\b(?:lead|chief|head) investigator\b|\binvestigator[- ](?:in[- ]charge\b|leading the "
     r"(?:inquiry|investigation|probe)\b)", "leadinvestigator"),
    (r"\bchair(man|woman|person)?\b", "chair"),
    (r"\bdirector[- ]general\b", "head"),  # an agency's director-general is its head
    (r"\bpremier\b", "prime minister"),
    (r"\b(chief|head|boss|leader)\b", "head"),
    # one undertaking's leader: "expedition leader", "who led the work", "who led the search"
    (r"\b(?:expedition|excavation|search|work)\b", "undertaking"),
    (r"\b(responsible for|in charge of)\b", "for"),  # a portfolio: "deputy mayor responsible for transport"
)
# Words naming an office that one person holds at a time.
OFFICES = frozenset({"minister", "secretary", "president", "head", "chair", "director", "governor", "mayor",
                     "commissioner", "chancellor", "chiefexecutive", "general", "speaker", "premier",
                     "manager", "coach", "attorney", "warden", "ambassador"})
# Words naming an office one person holds only once whose it is has been said: "Nairobi police
# commander", not "a rebel commander" or the rank "Wing Commander"; "the Limpopo police
# spokesperson", not "a police spokesperson".
OWNED_OFFICES = frozenset({"commander", "spokesperson", "spokesman", "spokeswoman"})
SINGLE_WORD_OFFICES = frozenset({"chiefexecutive", "leadinvestigator", "governor", "mayor", "presidingjudge",
                                 "harbourmaster", "warden", "auctioneer"})
# Words that make another office of the same title: the deputy attorney general is not the attorney
# general, nor the nominee the one in office.
# Words that put an office at a region's level: a regional governor is no national one.
REGIONAL = frozenset({"region", "regional", "province", "provincial"})
REGION = frozenset({"regional"})  # the qualifier those words give
QUALIFIERS = {"deputy": "deputy", "assistant": "assistant", "associate": "associate", "acting": "acting",
              "interim": "interim", "vice": "vice", "nominee": "nominee", "nominated": "nominee",
              "next": "nominee", "designate": "nominee", "elect": "nominee", "incoming": "nominee",
              "outgoing": "outgoing", "general": "general"}
DROPPED = frozenset({"the", "a", "an", "of", "for", "then", "new", "current", "who", "has", "had", "have",
                     "operation", "office", "its", "their", "to", "be", "our", "nation", "nation's", "and"})
# A word right before a role that says whose office it is, which the entities stage leaves out
# of the role ("U.S." Treasury Secretary).
OWNER_BEFORE = re.compile(r"([A-Z][\w.]*)\s+$")
OWNER_TYPES = {"GPE", "NORP", "LOC"}  # entities whose names say whose office a role is
# Titles "general" is part of ("attorney general"), not a rank beside ("general manager").
GENERAL_TITLES = frozenset({"attorney", "secretary", "surgeon", "director", "consul", "counsel", "solicitor"})
# Owners written several ways: one key each ("U.S.", "American", "Pentagon"...), else the first four
# letters of a place or its adjective ("Japanese" / "Japan").
JURISDICTIONS = {"us": "us", "usa": "us", "america": "us", "american": "us", "united states": "us",
                 "uk": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk", "england": "uk",
                 "french": "fran", "spanish": "spai", "dutch": "neth", "federal": "us", "white house": "us"}
ROLE_WORDS = r"[A-Za-z][\w.'’\- ]{2,80}?"
# "Paraguay's", "the country's": whose office a role is, written before it.
OWNER = r"(?:(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s\s+)"
# After a name: "X, the interior minister,", "X, Paraguay's interior minister,", "X, the former governor".
APPOSITION = re.compile(rf"^,\s+(?:the\s+)?(?P<owner>{OWNER})?(?P<role>{ROLE_WORDS})"
                        r"(?=,|\.|;|\s+(?:said|says|told|warned|added)\b)")
ACRONYM_OWNER = re.compile(r"[A-Z]{2,}\s+[a-z]")  # ", the GPIAAF investigator leading the inquiry"
MINISTRY_OWNER = re.compile(r"(?:the\s+)?([A-Z][a-z]+)\s+(?:Ministry|Department)['’]s\s+")
LEADER_OF = re.compile(r"^,\s+who\s+(?:has\s+|had\s+)?"
                       r"(?P<verb>headed|heads|led|leads|chaired|chairs|runs|ran|directed|directs)"
                       r"\s+(?:the\s+)?(?P<what>[A-Za-z][\w\- ]{2,40}?)(?=\s+since\b|\s+for\b|,|\.|;)")
PRESIDING_BEFORE = re.compile(r"\bpresiding\s+$", re.IGNORECASE)
# What only the judge presiding over a trial does, said right after the judge's name.
PRESIDES = re.compile(r",?\s+(?:has\s+|had\s+|will\s+)?(?:set|scheduled)\s+(?:a\s+)?sentencing\b|"
                      r",?\s+(?:has\s+|had\s+)?(?:sentenced|presided|thanked\s+(?:the\s+)?jurors|"
                      r"instructed\s+(?:the\s+)?(?:jury|jurors)|declared\s+a\s+mistrial)\b", re.IGNORECASE)
PRESIDED = re.compile(r"^,\s+who\s+(?:has\s+|had\s+)?presided\s+over\s+(?:the\s+)?(?:case|trial|hearing)")
# "X, who was finance minister until 2020": a role held once is a former one; "who is" a current one.
WHO_WAS = re.compile(r"^,\s+who\s+(?P<tense>is|was|had been|has been|served as|once served as)\s+"
                     rf"(?:the\s+)?(?P<owner>{OWNER})?(?P<role>[a-z][\w.'’\- ]{{2,50}}?)"
                     r"(?=\s+(?:until|when|between|from|in|since|under)\b|,|\.|;)")
# Words that end a role written before a name: a role is a few title words, maybe an owner's name.
NOT_ROLE = frozenset({"the", "a", "an", "and", "or", "but", "with", "by", "to", "for", "from", "at", "on",
                      "in", "as", "said", "says", "told", "tells", "according", "after", "before",
                      "when", "while", "that", "who", "whom", "which", "is", "was", "are", "were", "has",
                      "have", "had", "be", "been", "met", "meets", "joined", "thanked", "called", "named",
                      "whose", "its", "their", "where", "because", "if", "then", "so"})
ROLE_WORD = re.compile(r"[A-Za-z][\w.\-]*$")
SENTENCE_END = re.compile(r"[a-z]{2,}[.!?][\"”’']?")  # "defects.", "up.": the sentence before, no "Gen."
ROLE_LEAD = 160  # characters before a name searched for its role and the body an "its" stands for
# "Its chair, X", "the commission, whose chair, X": an office of the body named just before, which
# the office words then hold ("commission chair"), as a title before the name would.
_POSSESSIVE = r"(?:its|whose|their)\s+"
POSSESSIVE_DETERMINER = re.compile(_POSSESSIVE, re.IGNORECASE)  # matched where a role starts
POSSESSIVE_BEFORE = re.compile(rf"\b{_POSSESSIVE}$", re.IGNORECASE)  # searched before a role
ANTECEDENT_REACH = 200
BODY_NOUNS = frozenset({
    "commission", "committee", "council", "board", "court", "party", "company", "firm", "bank", "agency",
    "authority", "union", "federation", "association", "ministry", "department", "institute",
    "university", "college", "club", "group", "panel", "tribunal", "league", "foundation", "corporation",
    "fund", "alliance", "organisation", "organization", "network", "broadcaster", "airline", "regulator",
    "bureau", "society", "trust", "hospital", "school", "assembly", "parliament", "senate", "cabinet",
    "team", "service", "office", "inquiry", "watchdog", "consortium", "insurer", "carrier", "lender"})
PAST = frozenset({"was", "had been", "served as", "once served as"})


@dataclass(frozen=True, slots=True)
class Office:
    """A role as compared: its office words (synonyms folded), the qualifiers that make another
    office of the same title (deputy, acting, nominee), and whose office it is (a country, state,
    party or team), when the role says so."""

    words: frozenset[str]
    qualifiers: frozenset[str] = frozenset()
    owner: str = ""

    def with_owner(self, owner: str) -> Office:
        return Office(self.words, self.qualifiers, owner)


@dataclass(frozen=True, slots=True)
class RoleClaim:
    """One article giving one named person one role."""

    article: Article
    day: date | None
    person: str
    office: Office
    former: bool
    evidence: tuple[Evidence, ...]
    text: str


def role_key(role: str) -> tuple[frozenset[str], bool]:
    """The compared words of a role (stems, synonyms folded, owner left out) and whether it is a
    former one."""
    office, former = office_key(role)
    return office.words, former


def office_key(role: str, places: frozenset[str] = frozenset()) -> tuple[Office, bool]:
    """The office a role names and whether the role is a former one: "then-Acting Attorney
    General" is a former acting attorney general, "Oklahoma's attorney general" the attorney
    general of "okla", "U.S. Defense Secretary" and "Pentagon chief" one office. Owner words are
    possessives, acronyms, known country words and the words of `places`: the article's places
    and teams, lower case ("Chargers general manager"), and the whole names of its organisations
    of several words, given as "org:port authority" ("Port Authority chief")."""
    text = role.replace("’", "'")
    former = bool(re.search(r"\b(former|ex-|erstwhile|then-|then\b)", text, re.IGNORECASE))
    text = re.sub(r"\b(former|ex-|erstwhile|then-|then\b)\s*", "", text, flags=re.IGNORECASE)
    for pattern, wording in SYNONYMS:
        text = re.sub(pattern, wording, text, flags=re.IGNORECASE)
    owners, words, qualifiers, organisation = [], set(), set(), ""
    for place in sorted(places, key=len, reverse=True):
        found = place.startswith("org:") and re.search(rf"\b{re.escape(place[4:])}\b", text, re.IGNORECASE)
        if found:
            organisation, portfolio = place[4:], ""
            *body, last = organisation.split()
            if last not in BODY_NOUNS and PORTFOLIO_HOLDER.match(text, found.end()):
                # "Kazakh Energy Minister", the tagger's "Kazakh Energy" an organisation: the
                # country's minister of energy ("Associate Energy Minister": an associate one)
                kept = [w for w in body if w in QUALIFIERS]
                organisation = " ".join(w for w in body if w not in QUALIFIERS)
                portfolio = " ".join([*kept, last])
            text = text[:found.start()] + portfolio + text[found.end():]
            break
    after_owner = at = False
    previous = ""
    for raw in re.split(r"[\s,\-]+", text):
        token = raw.strip(".")
        lowered = token.lower()
        where, at = at, lowered in ("at", "in")
        if not token or lowered in DROPPED or at:
            continue
        if where and token[0].isupper():
            owners.append(lowered)  # "harbour master at Castlebay": the place whose office it is
            previous = token
            continue
        acronym = sum(ch.isupper() for ch in token) >= 2 and not any(ch.islower() for ch in token)
        if lowered.endswith("'s") and not token[0].isupper():
            continue  # "the country's": the owner the context means, unsaid
        if after_owner and lowered in BODY_NOUNS and not lowered.endswith("'s"):
            after_owner = False  # "general secretary of the STTR union": the union is whose office it is
            continue
        after_owner = False
        if lowered.endswith("'s") or acronym or lowered.replace(".", "") in JURISDICTIONS or (
                lowered in places and lowered not in QUALIFIERS and lowered not in OFFICES):
            owners.append(lowered.removesuffix("'s"))
            after_owner = acronym  # a body's name: "STTR union"; not a country's: "Norway's central bank"
        elif lowered in QUALIFIERS and not (lowered == "general" and not words):
            qualifiers.add(QUALIFIERS[lowered])
        elif lowered in REGIONAL:
            qualifiers.add("regional")  # "regional governor", "governor of the Tillabéri region"
            if previous and previous[0].isupper() and stem(previous.lower()) in words:
                words.discard(stem(previous.lower()))  # the region's name says whose office it is
                owners.append(previous.lower())
        else:
            words.add(stem(lowered))
        previous = token
    if "general" in qualifiers and GENERAL_TITLES & words:
        qualifiers.discard("general")  # part of the title ("attorney general")
        words.add("general")
    return Office(frozenset(words), frozenset(qualifiers), organisation or _owner(owners)), former


# An office that names its portfolio before it: "Energy Minister", "Health Secretary".
PORTFOLIO_HOLDER = re.compile(r"\s+(?:minister|secretary|commissioner)\b", re.IGNORECASE)


def _owner(words: list[str]) -> str:
    """One key for whose office it is, from the owner words of a role ("U.S.", "Oklahoma")."""
    if not words:
        return ""
    joined = " ".join(w.replace(".", "") for w in words)
    if joined in JURISDICTIONS:
        return JURISDICTIONS[joined]
    first = words[0].replace(".", "")
    return JURISDICTIONS.get(first, first[:4])


def is_office(key: frozenset[str] | Office) -> bool:
    """Whether a role names one qualified office ("finance minister", not "minister" or
    "analyst"); one office word is enough where the role says whose ("Port Authority chief")."""
    if isinstance(key, Office):
        return is_office(key.words) or bool(key.owner and key.words & (OFFICES | OWNED_OFFICES))
    return len(key) >= 2 and bool(key & OFFICES) or bool(key & SINGLE_WORD_OFFICES)


def same_office(a: frozenset[str] | Office, b: frozenset[str] | Office) -> bool:
    """Whether two roles name one office: the same office words and qualifiers, and the same
    owner (directly or through the person's other roles: "Prime Minister" Theresa May is the
    British one where another report says so): "Oklahoma's attorney general" is not the U.S.
    one. A role that leaves the owner unsaid may be either, with less confidence (see
    `_people_conflict`)."""
    if isinstance(a, frozenset) or isinstance(b, frozenset):
        words_a = a if isinstance(a, frozenset) else a.words
        words_b = b if isinstance(b, frozenset) else b.words
        return is_office(words_a) and is_office(words_b) and words_a == words_b
    if a.owner and a.owner == b.owner:
        # "Nairobi regional police commander", "Nairobi police commander": the region named says
        # which office, whether or not "regional" says it again
        return is_office(a) and a.words == b.words and a.qualifiers - REGION == b.qualifiers - REGION
    return (is_office(a) and a.words == b.words and a.qualifiers == b.qualifiers
            and (a.owner == b.owner or not a.owner or not b.owner))


def role_claims(item: Item, known: Sequence[str] = ()) -> list[RoleClaim]:
    """Every role the article gives a named person, with the role and name as evidence.

    `known` are full names of people other articles name: the article is searched for them too,
    since the entities stage of one article may miss a name it finds in another.
    """
    article, analysis = item
    names = {e.id: e.name for e in analysis.entities if e.type == "PERSON"}  # only people hold offices
    places = frozenset(w.lower() for e in analysis.entities if e.type in OWNER_TYPES
                       or (e.type == "ORG" and e.name.endswith("s"))  # a team: "Chargers"
                       for w in re.split(r"[\s\-]+", e.name) if w) | frozenset(
        f"org:{e.name.lower()}" for e in analysis.entities if e.type == "ORG" and " " in e.name)
    mentions = [m for m in analysis.mentions if m.kind == "name"]
    day = published(article, analysis)
    claims, titled = [], set()
    for role in analysis.roles:
        mention = _nearest(mentions, role.entity_id, role.start, role.end)
        owner = OWNER_BEFORE.search(article.text[max(0, role.start - 30):role.start])
        text, start = role.role, role.start
        if owner and _owner_word(owner.group(1), places):
            text, start = f"{owner.group(1)} {role.role}", role.start - len(owner.group(0))
        elif presiding := PRESIDING_BEFORE.search(article.text[max(0, role.start - 12):role.start]):
            # "Presiding Judge Helga Brenner", the stage's title "Judge" starting a sentence
            text, start = f"presiding {role.role}", role.start - len(presiding.group(0))
        elif mention and "judge" in role.role.lower() and PRESIDES.match(article.text, mention.end):
            text = f"presiding {role.role}"  # "Judge Karen Whitfield set sentencing for Jan. 22"
        elif (determiner := POSSESSIVE_DETERMINER.match(article.text, role.start, role.end)) and (
                body := _body_before(article.text, role.start)):
            text = f"{body} {article.text[determiner.end():role.end]}"  # "Its chair": the commission's
        if mention and _cut_short(article.text, mention.end):
            continue
        spans = [(start, role.end)] + ([(mention.start, mention.end)] if mention else [])
        claims.append(_claim(article, day, names.get(role.entity_id, ""), text, spans, places))
        titled |= {mention.start} if mention and role.end <= mention.start else set()
    found = [(m, names[m.entity_id]) for m in mentions if m.entity_id in names]
    found += [(m, m.text) for m in _known_mentions(article, known, mentions)]
    for mention, person in found:
        if _cut_short(article.text, mention.end):
            continue
        for role, spans in _written_roles(article, mention, title=mention.start not in titled):
            claims.append(_claim(article, day, person, role, spans, places))
    return [c for c in claims if c.person and is_office(c.office) and not _plural_role(c.text)]


# A capitalised word right after a name, no day or month: the name read goes on ("referee Tony
# Weeks" read as "Tony", "Rafael Tavares Lima" as "Rafael Tavares"), so whose role it is is unsure.
NAME_GOES_ON = re.compile(r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                          r"February|March|April|May|June|July|August|September|October|November|"
                          r"December)\b)[A-Z][a-z]+\b(?![’']s)")


def _cut_short(text: str, end: int) -> bool:
    return bool(NAME_GOES_ON.match(text, end))


def _owner_word(word: str, places: frozenset[str]) -> bool:
    """An acronym ("U.S.", "FBI"), a known country word or one of the article's places."""
    acronym = re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,}", word)
    return bool(acronym) or word.lower() in places | JURISDICTIONS.keys()


def _plural_role(text: str) -> bool:
    """ "head coaches John Lucas, ...": a role in the plural heads a list of people, not one office."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    # "X, who heads the department": a verb, not a plural
    return any(w in PLURAL_OFFICES and words[i - 1:i] != ["who"] for i, w in enumerate(words))


PLURAL_OFFICES = frozenset({"coaches", "ministers", "secretaries", "presidents", "directors", "governors",
                            "mayors", "managers", "chairmen", "chairs", "heads", "commissioners", "generals"})


def _known_mentions(article: Article, known: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """Where the article names a known person that none of its own name mentions covers, in the
    order of `known` (longest names first, so that a longer name wins where two start alike)."""
    pattern = _names_pattern(tuple(known))
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(article.text):
        if not any(x.start < m.end() and m.start() < x.end for x in mentions):
            found.append(Mention(article.id, f"known:{m.group()}", m.start(), m.end(), m.group()))
    order = {name: i for i, name in enumerate(known)}
    return sorted(found, key=lambda m: (order[m.text], m.start))


@lru_cache(maxsize=16)
def _names_pattern(known: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all the names, built once per story rather than once per name and article."""
    if not known:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(name) for name in known)})(?![\w-])")


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
        office = "director" if m.group("verb").startswith("direct") else "head"  # "who directed the project"
        found.append((f"{office} of {m.group('what')}", [(mention.start, mention.end + m.end())]))
    elif m := PRESIDED.match(rest):
        found.append(("presiding judge", [(mention.start, mention.end + m.end())]))
    elif m := WHO_WAS.match(rest):
        past = "former " if m.group("tense") in PAST else ""
        found.append((past + m.group("role"), [(mention.start, mention.end + m.end())]))
    elif (m := APPOSITION.match(rest)) and (m.group("role")[0].islower()
                                            or ACRONYM_OWNER.match(m.group("role"))):
        # "the Culture Ministry's regional director": the ministry's portfolio is the director's
        portfolio = MINISTRY_OWNER.fullmatch(m.group("owner") or "")
        role = f"{portfolio.group(1).lower()} {m.group('role')}" if portfolio else m.group("role")
        found.append((role, [(mention.start, mention.end + m.end())]))
    if before := role_before(article.text[max(0, mention.start - ROLE_LEAD):mention.start], title):
        role, length = before
        found.append((role, [(mention.start - length, after[1])]))
    return found


# "the jail's warden, Jail Superintendent ": a rank between a role set off by a comma and the name
RANK_AFTER_COMMA = re.compile(r",\s+(?:[A-Z][A-Za-z]*\.?\s+){1,3}$")


def role_before(lead: str, title: bool) -> tuple[str, int] | None:
    """A role ending right before a name, and how many characters back it starts.

    "..., Paraguay's interior minister, " (lower-case words set off by a comma) or, with `title`,
    "Interior Minister " (title words, any case); the last word must name an office.
    """
    comma = re.search(r",\s+$", lead) or RANK_AFTER_COMMA.search(lead)
    if not comma and not (title and re.search(r"\S\s+$", lead) and not re.search(r"[,;:.]\s+$", lead)):
        return None
    text = lead[:comma.start()] if comma else lead.rstrip()
    words = re.findall(r"\S+", text)[-6:]
    picked: list[str] = []
    for word in reversed(words):
        if (word.lower() in NOT_ROLE or not ROLE_WORD.match(word) or word.endswith(("'s", "’s"))
                or SENTENCE_END.fullmatch(word)
                or (comma and not word[0].islower()) or len(picked) == 4):
            break
        picked.insert(0, word)
    if not picked or not _ends_in_office(picked):
        return None
    start = text.rfind(" ".join(picked))
    determiner = POSSESSIVE_BEFORE.search(text[:start])
    if determiner and (body := _body_before(text, determiner.start())):
        picked.insert(0, body)  # "the commission, whose chair, X": the commission's chair
        start = determiner.start()
    if not is_office(role_key(" ".join(picked))[0]):
        return None
    owner = re.search(rf"{OWNER}$", text[:start])
    start = owner.start() if owner else start
    return " ".join(picked), len(lead) - start


def _body_before(text: str, end: int) -> str | None:
    """The body that an "its" or "whose" at `end` stands for: the nearest body noun
    ("commission", "board") before it, in its sentence or the one before."""
    sentences = re.split(r"(?<=[.!?])\s+", text[max(0, end - ANTECEDENT_REACH):end])
    words = re.findall(r"[A-Za-z]+", " ".join(sentences[-2:]))
    return next((w.lower() for w in reversed(words) if w.lower() in BODY_NOUNS), None)


def _ends_in_office(words: list[str]) -> bool:
    """Whether a role's last word names an office, or its last two one ("Presiding Judge")."""
    last = role_key(words[-1])[0]
    return bool(last & OFFICES or last and role_key(" ".join(words[-2:]))[0] & SINGLE_WORD_OFFICES)


def _claim(article: Article, day, person: str, role: str, spans: list,
           places: frozenset[str] = frozenset()) -> RoleClaim:
    office, former = office_key(role, places)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if end - start > 120:  # too far apart to quote as one: each span is its own evidence
        evidence = tuple(Evidence(article.id, s, e) for s, e in spans)
    else:
        evidence = (Evidence(article.id, start, end),)
    return RoleClaim(article, day, person, office, former, evidence, article.text[start:end])


def identity_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """Different people in one office in the same weeks; one person called former and serving in
    one week, or given two offices of one kind."""
    known = _person_names(items)
    per_article = _owners_filled([role_claims(item, known) for item in items])
    near = nearby_pairs(items)
    return (_two_people_one_office(per_article, near) + _former_and_serving(per_article, near)
            + _two_offices_of_one_kind(per_article, near) + _minister_and_ministry_post(per_article, near)
            + name_conflicts(items) + rank_conflicts(items)
            + quote_speaker_conflicts(items) + misquoted_names(items))


QUOTE_SHARED = 0.8  # share of the shorter quote's word pairs the other has: one quote, reworded a little
QUOTE_MIN_PAIRS = 8  # word pairs a quote needs before two reports of it are told to be one
QUOTE_BASE = 0.7


def quote_speaker_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One quote credited to two people by reports of one event ("... may need to wait in Mexico
    ...", said CBP's commissioner in one, a director of field operations in another): near the
    same words in quotation marks, each credited to a person named in full, and neither article
    naming the other's speaker at all, so that it is no joint statement ("said Zadan and Meron")
    and no quote of a paragraph that names both, read against the wrong one."""
    found: dict[tuple[str, str], dict[str, list[Evidence]]] = {}
    firsts: dict[tuple[str, str], str] = {}
    for a, b in _nearby_alike(items, [u for item in items for u in _credited(item)], same=False):
        if not _one_quote_two_people(a, b):
            continue
        x, y = sorted((a, b), key=lambda u: u.statement.speaker_name)
        key = (x.statement.speaker_name, y.statement.speaker_name)
        firsts.setdefault(key, x.article.span_text(*x.statement.content))
        for u in (x, y):
            found.setdefault(key, {}).setdefault(u.statement.speaker_name, []).append(
                Evidence(u.article.id, *u.statement.speaker))
    conflicts = []
    by_article = {article.id: article for article, _ in items}
    for key, sides in sorted(found.items()):
        said = firsts[key].strip('"“”‘’ ').split()
        quoted = " ".join(said[:8]) + (" …" if len(said) > 8 else "")
        parts = [f"{name} ({outlets_text({by_article[e.article_id] for e in sides[name]})})"
                 for name in key]
        summary = f"Who said “{quoted}”: {' vs '.join(parts)}"
        conflicts.append(make_conflict("identity", "contradiction", summary,
                                       [side(name, sides[name]) for name in key], QUOTE_BASE))
    return conflicts


def _nearby_alike(items: Sequence[Item], quotes: list[Utterance], same: bool):
    """The pairs of `_alike_quotes` whose articles are near enough in time to be compared."""
    order = {article.id: n for n, (article, _) in enumerate(items)}
    near = set(nearby_pairs(items))
    for a, b in _alike_quotes(quotes, same):
        if tuple(sorted((order[a.article.id], order[b.article.id]))) in near:
            yield a, b


def _alike_quotes(quotes: list[Utterance], same: bool):
    """Pairs of quotes of the `same` speaker (or of different ones) that may be one quote: the
    same wording, or two wordings that share QUOTE_RARE_SHARED or more word pairs few other
    wordings have. Quotes are first gathered by wording and speaker, so a quote that hundreds of
    reports repeat is compared once per speaker, and word pairs in many wordings ("of the") are
    no evidence."""
    wordings: dict[frozenset, dict[str, list[Utterance]]] = {}
    for u in quotes:
        if len(u.bigrams) >= QUOTE_MIN_PAIRS:
            wordings.setdefault(u.bigrams, {}).setdefault(u.statement.speaker_name, []).append(u)
    keys = list(wordings)
    postings: dict[tuple[str, str], list[int]] = {}
    for n, key in enumerate(keys):
        for bigram in key:
            postings.setdefault(bigram, []).append(n)
    for n, key in enumerate(keys):
        hits = Counter(other for bigram in key if len(postings[bigram]) <= QUOTE_COMMON
                       for other in postings[bigram] if other >= n)
        for other, count in hits.items():
            if other != n and count < QUOTE_RARE_SHARED:
                continue
            for name_a, first in wordings[key].items():
                for name_b, second in wordings[keys[other]].items():
                    if (name_a == name_b) != same or other == n and (same or name_a > name_b):
                        continue  # each pair once
                    yield from ((a, b) for a in first for b in second)


QUOTE_COMMON = 50  # a word pair in more wordings than this is too common to say two are one quote
QUOTE_RARE_SHARED = 3  # two wordings of one quote share most of their word pairs, rare ones among them


def _credited(item: Item, kinds: frozenset[str] = frozenset({"direct"}), named: bool = True
              ) -> list[Utterance]:
    """The article's direct quotes (statements of `kinds`) credited to a person named in full;
    with `named`, only those whose speaker the text names beside them (not one read on from the
    quote before)."""
    article, analysis = item
    people = {e.id for e in analysis.entities if e.type == "PERSON"}
    quotes = []
    for s in analysis.statements:
        if s.kind in kinds and (s.speaker or not named) and s.speaker_entity_id in people \
                and len(name_tokens(s.speaker_name)) >= 2:
            quotes.append(Utterance(article, s, word_pairs(article.span_text(*s.content)), frozenset(),
                                    name_tokens(s.speaker_name)))
    return quotes


def _one_quote_two_people(a: Utterance, b: Utterance) -> bool:
    shorter, longer = sorted((a.bigrams, b.bigrams), key=len)
    if len(shorter) < QUOTE_MIN_PAIRS or len(shorter & longer) < QUOTE_SHARED * len(shorter):
        return False
    if same_speaker(a.speaker, b.speaker) is not False:
        return False
    surname = {u.statement.id: u.statement.speaker_name.split()[-1] for u in (a, b)}
    return not (_names(b.article.text, surname[a.statement.id])
                or _names(a.article.text, surname[b.statement.id]))


MISQUOTE_BASE = 0.7
NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
QUOTE_WORD = re.compile(r"\w(?:[\w'’.-]*\w)?")  # a word, inner dots and apostrophes kept
QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")  # what one pair of quotation marks holds


def misquoted_names(items: Sequence[Item]) -> list[Conflict]:
    """One quote of one speaker, word for word but for a name or a day, in reports of one event:
    "the Wendy Wasserman Schultz Servers" in one, "the Debbie Wasserman Schultz Servers" in another
    (a tweet that got a name wrong, quoted as written by one outlet and put right by another);
    "This morning I was stopped by an officer" against "Yesterday I was stopped ..."."""
    found: dict[str, Conflict] = {}
    for a, b in _nearby_alike(items, [u for item in items for u in _quote_runs(item)], same=True):
        apart = _one_word_apart(a, b)
        if apart is None:
            continue
        kind, spans = apart
        sides = [side(u.article.span_text(*span), [Evidence(u.article.id, *span)])
                 for u, span in zip((a, b), spans, strict=True)]
        parts = [f"“{s.value}” ({outlets_text([u.article])})" for s, u in zip(sides, (a, b), strict=True)]
        what = "names" if kind == "identity" else "times"
        summary = f"{a.statement.speaker_name} quoted with two {what}: {' vs '.join(parts)}"
        conflict = make_conflict(kind, "contradiction", summary, sides, MISQUOTE_BASE)
        found[conflict.id] = conflict
    return list(found.values())


RUN_GAP = 3  # characters (a stop, a line break) between two statements of one quote run on


def _quote_runs(item: Item) -> list[Utterance]:
    """The article's quotes credited to a person named in full, each run on with the statements of
    the same speaker right after it: a quote of three paragraphs is three statements."""
    article, _ = item
    runs: list[Utterance] = []
    credited = _credited(item, frozenset({"direct", "unmarked"}), named=False)
    for u in sorted(credited, key=lambda u: u.statement.content):
        last = runs[-1] if runs else None
        if last is not None and last.statement.speaker_name == u.statement.speaker_name \
                and 0 <= u.statement.content[0] - last.statement.content[1] <= RUN_GAP:
            content = (last.statement.content[0], u.statement.content[1])
            runs[-1] = replace(last, statement=replace(last.statement, content=content),
                               bigrams=word_pairs(article.span_text(*content)))
        elif u.statement.kind == "direct":
            runs.append(u)
    return runs


def _one_word_apart(a: Utterance, b: Utterance) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """Where two wordings of one quote differ, when it is in one name ("identity") or in the day
    ("temporal") only: the conflict's kind and the spans in each."""
    words = [_quoted_words(u) for u in (a, b)]
    plain = [[w.lower() for w, _, _ in ws] for ws in words]
    ops = SequenceMatcher(None, *plain, autojunk=False).get_opcodes()
    while ops and ops[0][0] in {"insert", "delete"}:  # one quote within the other, or run on
        ops = ops[1:]
    while ops and ops[-1][0] in {"insert", "delete"}:
        ops = ops[:-1]
    changes = [op for op in ops if op[0] != "equal"]
    if len(changes) != 1 or changes[0][0] != "replace" or min(map(len, plain)) < QUOTE_MIN_PAIRS:
        return None
    _, i1, i2, j1, j2 = changes[0]
    first, second = words[0][i1:i2], words[1][j1:j2]
    if not (0 < len(first) <= 2 and 0 < len(second) <= 2):
        return None
    spans = ((first[0][1], first[-1][2]), (second[0][1], second[-1][2]))
    if all(w.lower() in DAY_WORDS for w, _, _ in (*first, *second)) \
            and {w.lower() for w, _, _ in (*first, *second)} & DAYS:
        return "temporal", spans
    if not (i1 and j1 and all(NAME_WORD.fullmatch(w) for w, _, _ in (*first, *second))):
        return None
    if not (words[0][i2:i2 + 1] and NAME_WORD.fullmatch(words[0][i2][0])):
        return None  # a given name before a surname both keep: "Wendy" / "Debbie" Wasserman Schultz
    return "identity", spans


# Words that say which day something happened, relative to when it was said.
DAYS = frozenset("yesterday today tonight tomorrow morning afternoon evening night monday tuesday wednesday "
                 "thursday friday saturday sunday".split())
DAY_WORDS = DAYS | {"this", "last", "on", "early", "late"}


def _quoted_words(u: Utterance) -> list[tuple[str, int, int]]:
    """The words of a statement inside its quotation marks, with their offsets in the article:
    the attribution between two quotes ("Luke Pigeon said", "Mr. Pigeon said") is left out."""
    start, end = u.statement.content
    text = u.article.text
    parts = [m.span(1) for m in QUOTED.finditer(text, start, end)] or [(start, end)]
    return [(m.group(), m.start(), m.end())
            for left, right in parts for m in QUOTE_WORD.finditer(text, left, right)]


def _names(text: str, surname: str) -> bool:
    return re.search(rf"\b{re.escape(surname)}\b", text) is not None


SPELLING_SIMILAR = 80  # rapidfuzz ratio of two surnames that are one name spelled two ways
MIN_SURNAME = 4


def name_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One person's name written two ways by reports of one event, each way used by its own
    articles: the surname spelled two ways ("Anthony LaCalamita" / "Anthony Calamita", "Ilene
    Wolfe" / "Ilene Wolff": the same given name, surnames spelled almost alike or one the end of
    the other), or the first name changed ("Raymond Gagnon" / "Robert Gagnon"; see
    `_given_apart`)."""
    spellings = _full_names(items)
    texts = {article.id: article.text for article, _ in items}
    spelled: dict[str, Conflict] = {}
    given: dict[str, Conflict] = {}
    names = sorted(spellings)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if _spelled_apart(a, b) and set(spellings[a]) != set(spellings[b]):
                conflict = _names_conflict(items, spellings, a, b, "One name spelled two ways", SPELLING_BASE)
                spelled[conflict.id] = conflict
            elif _given_apart(items, texts, spellings, a, b):
                conflict = _names_conflict(items, spellings, a, b, "One person given two first names",
                                           GIVEN_BASE, (GIVEN_REASON,))
                given[conflict.id] = conflict
    return list(spelled.values()) + list(given.values())


def _full_names(items: Sequence[Item]) -> dict[str, dict[str, list[Evidence]]]:
    """Each person's name of two words written in full: name -> article id -> mention spans."""
    spellings: dict[str, dict[str, list[Evidence]]] = {}
    for article, analysis in items:
        people = {e.id: e.name for e in analysis.entities if e.type == "PERSON" and len(e.name.split()) == 2}
        for m in analysis.mentions:
            if m.entity_id in people and m.kind == "name" and m.text == people[m.entity_id]:
                spellings.setdefault(m.text, {}).setdefault(article.id, []).append(
                    Evidence(article.id, m.start, m.end))
    return spellings


def _names_conflict(items: Sequence[Item], spellings: dict[str, dict[str, list[Evidence]]], a: str, b: str,
                    what: str, confidence: float, reasons: tuple[str, ...] = ()) -> Conflict:
    """Two names of one person, each side the first mention in each article that writes it."""
    sides = [side(n, [e for spans in spellings[n].values() for e in spans[:1]]) for n in (a, b)]
    parts = [f"{n} ({outlets_text(x for x, _ in items if x.id in spellings[n])})" for n in (a, b)]
    return make_conflict("identity", "contradiction", f"{what}: {' vs '.join(parts)}", sides, confidence,
                         reasons)


GIVEN_BASE = 0.55  # one surname, two given names: one person misnamed, or two of one family
GIVEN_REASON = "one surname with two given names of one gender, no report naming both: one person " \
               "misnamed, or two relatives"


# A relative named right after the word for them ("her mother, Denise Reese"): one family's two people.
KIN_BEFORE = re.compile(r"\b(?:mother|father|parents?|son|daughter|brother|sister|wife|husband|widow|widower"
                        r"|uncle|aunt|cousin|niece|nephew|grand(?:mother|father|son|daughter))['’]?s?,?\s+$",
                        re.IGNORECASE)


def _told_apart_names(texts: dict[str, str], spellings: dict[str, dict[str, list[Evidence]]],
                      a: str, b: str) -> bool:
    """Whether the reports tell two people of one surname apart: one report knows both (names
    both, or one in full and the other by the given name alone: "Tanya had just finished her first
    year", beside "her mother, Denise Reese"), or one is named as a relative."""
    knows = [{aid for aid, text in texts.items()
              if aid in spellings[n] or re.search(rf"\b{re.escape(n.split()[0])}\b", text)} for n in (a, b)]
    if knows[0] & knows[1]:
        return True
    return any(KIN_BEFORE.search(texts[e.article_id][max(0, e.start - 30):e.start])
               for n in (a, b) for spans in spellings[n].values() for e in spans)


GIVEN_CONTEXT = 0.2  # cosine of the words told around a surname in two reports that tell of one person


def _told_alike(items: Sequence[Item], spellings: dict[str, dict[str, list[Evidence]]], a: str, b: str,
                surname: str) -> bool:
    """Whether the reports naming each of two people of one surname tell alike of them (the words of
    the sentences naming the surname: "won the top prize", "the man who won the jackpot") within
    one fortnight, as reports of one person would: a player in a box score and a legend of the
    club's past are two, as are two politicians named months apart."""
    contexts, days = [], []
    for name in (a, b):
        words: Counter[str] = Counter()
        for article, analysis in items:
            if article.id in spellings[name]:
                words.update(w for s in re.split(r"(?<=[.!?])\s+", article.text) if surname in s
                             for w in content_stems(s) if w != surname.lower())
                days.append((name, published(article, analysis)))
        contexts.append(words)
    dated = [(n, d) for n, d in days if d]
    if any(n != m and abs((d - e).days) > SAME_WINDOW_DAYS for n, d in dated for m, e in dated):
        return False
    return cosine(*(normalised(words) for words in contexts)) >= GIVEN_CONTEXT


def _given_apart(items: Sequence[Item], texts: dict[str, str],
                 spellings: dict[str, dict[str, list[Evidence]]], a: str, b: str) -> bool:
    """Whether two full names are one person given two first names: one surname, given names
    usually given to the same sex that are no variants of one name, no report telling the two
    apart, and reports that tell alike of them within a fortnight."""
    (first_a, last_a), (first_b, last_b) = a.split(), b.split()
    if last_a != last_b or len(last_a) < MIN_SURNAME:
        return False
    given = fold(first_a).lower(), fold(first_b).lower()
    genders = {first_name_genders().get(g) for g in given}
    return len(genders) == 1 and None not in genders and not same_given(*given) \
        and not _told_apart_names(texts, spellings, a, b) and _told_alike(items, spellings, a, b, last_a)


SPELLING_BASE = 0.75


def _spelled_apart(a: str, b: str) -> bool:
    (first_a, last_a), (first_b, last_b) = a.split(), b.split()
    if first_a != first_b or last_a == last_b or min(len(last_a), len(last_b)) < MIN_SURNAME:
        return False
    if fold(last_a).replace(" ", "") == fold(last_b).replace(" ", ""):
        return False  # one name written with and without its accents or hyphen ("Barić", "Ji-hoon")
    x, y = last_a.lower(), last_b.lower()
    if x.rstrip("s") == y.rstrip("s") or x.endswith("-" + y) or y.endswith("-" + x):
        return False  # a plural ("Deep Throats"), a double surname's last part ("Jones-Drew", "Drew")
    return x.endswith(y) or y.endswith(x) or fuzz.ratio(x, y) >= SPELLING_SIMILAR


# Military and police ranks (`RANKS`, `RANK_PARTS`: stages/entities.py), written before a name
# ("Commander Nirad Sinha", "Capt. Lee"): a person has one at a time, so reports of one event that
# give two disagree. Their abbreviations:
RANK_ABBREVIATIONS = {"lt": "lieutenant", "capt": "captain", "cpt": "captain", "col": "colonel",
                      "gen": "general", "sgt": "sergeant", "cmdr": "commander", "cdr": "commander",
                      "adm": "admiral", "maj": "major", "cpl": "corporal", "pvt": "private",
                      "brig": "brigadier", "insp": "inspector", "supt": "superintendent",
                      "cmdre": "commodore"}
TITLE_BEFORE = re.compile(r"((?:[A-Z][A-Za-z]*\.?\s+){1,4})$")
OFFICE_RANKS = frozenset({"inspector general"})  # an office, not a rank
RANK_BASE = 0.75  # one person given two ranks by reports of one event


def rank_before(text: str) -> str | None:
    """The rank written right before a name, normalised ("Lt. Col." is "lieutenant colonel"), or
    None: also when the rank word ends a longer title ("Attorney General", "Inspector General")."""
    found = _rank_at(text)
    return found[0] if found else None


def _rank_at(text: str) -> tuple[str, int] | None:
    """The rank right before a name (see `rank_before`) and where its words start in `text`."""
    found = TITLE_BEFORE.search(text)
    if not found:
        return None
    words = [RANK_ABBREVIATIONS.get(w.strip(".").lower(), w.strip(".").lower()) for w in found[1].split()]
    if words[-1] not in RANKS:
        return None
    rank = [words.pop()]
    while words and words[-1] in RANK_PARTS:
        rank.insert(0, words.pop())
    rank = " ".join(rank)
    if rank in OFFICE_RANKS or (words and words[-1] not in {"navy", "army", "police", "air", "force"}):
        return None
    return rank, found.start()


def rank_conflicts(items: Sequence[Item]) -> list[Conflict]:
    """One person given two ranks by reports of one event ("Commander Nirad Sinha" / "Commodore
    Nirad Sinha"). A rank and its longer form ("Colonel", "Lieutenant Colonel": the short one is
    how the long one is addressed) agree."""
    ranks: dict[str, dict[str, list[Evidence]]] = {}  # full name -> rank -> evidence
    for article, analysis in items:
        people = {e.id: e.name for e in analysis.entities if e.type == "PERSON" and len(e.name.split()) >= 2}
        for m in analysis.mentions:
            if m.kind != "name" or m.entity_id not in people or len(m.text.split()) < 2:
                continue
            lead = article.text[max(0, m.start - 40):m.start]
            found = _rank_at(lead) if "\n" not in lead[-3:] else None
            if found:
                rank, at = found
                ranks.setdefault(people[m.entity_id], {}).setdefault(rank, []).append(
                    Evidence(article.id, m.start - len(lead) + at, m.end))
    found = {}
    for person, given in sorted(ranks.items()):
        names = sorted(given)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                x, y = given[a], given[b]
                if a.split()[-1] == b.split()[-1] or _articles(x) == _articles(y):
                    continue
                parts = [f"{rank.title()} ({outlets_text(r for r, _ in items if r.id in _articles(ev))})"
                         for rank, ev in ((a, x), (b, y))]
                summary = f"{person}'s rank: {' vs '.join(parts)}"
                conflict = make_conflict("identity", "contradiction", summary,
                                         [side(a.title(), x), side(b.title(), y)], RANK_BASE)
                found[conflict.id] = conflict
    return list(found.values())


def _articles(evidence: list[Evidence]) -> set[str]:
    return {e.article_id for e in evidence}


def _owners_filled(per_article: list[list[RoleClaim]]) -> list[list[RoleClaim]]:
    """Claims whose role does not say whose office it is take the owner the same person's other
    claims of that office give, when they give one ("Prime Minister Theresa May" after "British
    Prime Minister Theresa May")."""
    owners: dict[tuple, set[str]] = {}
    for claims in per_article:
        for c in claims:
            if c.office.owner:
                owners.setdefault(_holding(c), set()).add(c.office.owner)

    def filled(c: RoleClaim) -> RoleClaim:
        known = owners.get(_holding(c), set())
        if c.office.owner or len(known) != 1:
            return c
        return replace(c, office=c.office.with_owner(next(iter(known))))
    return [[filled(c) for c in claims] for claims in per_article]


def _holding(c: RoleClaim) -> tuple:
    """One person's one office, former or serving (a former coach of one team is no evidence of
    whose coach he is now)."""
    return _person_key(c.person), c.office.words, c.office.qualifiers, c.former


def _person_key(name: str) -> str:
    """A person's name as claims are grouped: its last word, lower case."""
    words = name.lower().split()
    return words[-1] if words else ""


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


GIVEN_SIMILAR = 80  # rapidfuzz ratio of two spellings of one given name ("Heydar", "Heidar")


def _given_name_spellings(a: RoleClaim, b: RoleClaim) -> bool:
    """One person whose given name is transliterated two ways ("Karolos" and "Carolos Papoulias",
    "Heydar" and "Heidar Alishvandi"): the same surname and given names spelled almost alike."""
    x, y = a.person.split(), b.person.split()
    return (len(x) == len(y) >= 2 and x[-1] == y[-1] and x[:-1] != y[:-1]
            and fuzz.ratio(" ".join(x[:-1]).lower(), " ".join(y[:-1]).lower()) >= GIVEN_SIMILAR)


def _within(a: RoleClaim, b: RoleClaim, days: int) -> bool:
    return a.day is None or b.day is None or abs((a.day - b.day).days) <= days


def _two_people_one_office(per_article: list[list[RoleClaim]], near: list[tuple[int, int]]) -> list[Conflict]:
    serving = [[c for c in claims if not c.former] for claims in per_article]
    by_article = {claims[0].article.id: claims for claims in serving if claims}
    everyone = [c for claims in serving for c in claims]
    holders: dict[tuple, list[RoleClaim]] = {}  # (office, person) -> their claims, story-wide

    def held(office: Office, person: RoleClaim) -> list[RoleClaim]:
        key = (office, person.person)
        if key not in holders:
            holders[key] = [c for c in everyone if same_office(c.office, office) and _same_person(c, person)]
        return holders[key]

    found, seen = {}, set()
    for a, b in _claim_pairs(serving, near):
        office = a.office
        if (a.article.id == b.article.id or (office, a.person, b.person) in seen
                or not same_office(a.office, b.office) or _same_person(a, b) or _given_name_spellings(a, b)
                or not _within(a, b, SAME_WINDOW_DAYS) or _shared_in_one_article(a, b, by_article)
                or _owner_unsure(a, b, everyone)):
            continue
        seen.add((office, a.person, b.person))  # the sides hold every such claim already
        conflict = (_office_switched(a, b, everyone, held)
                    or _people_conflict(a, b, [held(office, x) for x in (a, b)]))
        found[conflict.id] = conflict
    return list(found.values())


def _owner_unsure(a: RoleClaim, b: RoleClaim, everyone: list[RoleClaim]) -> bool:
    """Whether one role leaves unsaid whose office it is where the story names the office of two
    owners: "Energy Minister Daniyar Sultanov" beside Kazakhstan's and Azerbaijan's energy
    ministers may be either's."""
    if bool(a.office.owner) == bool(b.office.owner):
        return False
    owned = a.office if a.office.owner else b.office
    return len({c.office.owner for c in everyone if c.office.owner and c.office.words == owned.words
                and c.office.qualifiers == owned.qualifiers}) > 1


def _office_switched(a: RoleClaim, b: RoleClaim, everyone: list[RoleClaim], held) -> Conflict | None:
    """Two people in one office where the report that names one of them gives the other another
    office ("chief executive Sanne de Wit ... club chairman Piet Van Loon" against "chief
    executive Piet Van Loon"): the reports disagree on which office that person holds, so the
    conflict is his two offices, each with every report that gives it."""
    for person, other in ((a, b), (b, a)):
        elsewhere = [c for c in everyone if _same_person(c, person) and c.article.id != person.article.id
                     and is_office(c.office) and not c.office.words & person.office.words
                     and any(c.article.id == x.article.id for x in held(other.office, other))]
        if not elsewhere:
            continue
        return _offices_conflict(held(elsewhere[0].office, person), held(person.office, person),
                                 IDENTITY_BASE)
    return None


def _offices_conflict(first: list[RoleClaim], second: list[RoleClaim], confidence: float) -> Conflict:
    """One person given two offices: each side an office with every claim of it."""
    groups = (first, second)
    parts = [f"{group[0].text!r} ({outlets_text(c.article for c in group)})" for group in groups]
    summary = f"{first[0].person}'s office: {' vs '.join(parts)}"
    sides = [side(group[0].text, [e for c in group for e in c.evidence]) for group in groups]
    return make_conflict("identity", "contradiction", summary, sides, confidence)


def _shared_in_one_article(a: RoleClaim, b: RoleClaim, by_article: dict[str, list[RoleClaim]]) -> bool:
    """Whether one article itself names both people in the office (two countries' ministers, say)."""
    for x, y in ((a, b), (b, a)):
        if any(_same_person(c, y) and same_office(c.office, y.office)
               for c in by_article.get(x.article.id, ())):
            return True
    return False


def _people_conflict(a: RoleClaim, b: RoleClaim, holders: list[list[RoleClaim]]) -> Conflict:
    sides = [side(group[0].person, [e for c in group for e in c.evidence]) for group in holders]
    parts = [f"{group[0].person} ({outlets_text(c.article for c in group)})" for group in holders]
    office = min((a.text, b.text), key=len)
    summary = f"Who holds one office ({office}): {' vs '.join(parts)}"
    confidence, reasons = IDENTITY_BASE, []
    if not a.office.owner and not b.office.owner:
        confidence -= 0.3
        reasons.append("no side says whose office it is (a country's, a state's, a team's)")
    elif not a.office.owner or not b.office.owner:
        confidence -= 0.4
        reasons.append("one side names whose office it is, the other does not: perhaps two offices")
    dated = [{c.day is not None for c in group} for group in holders]
    if {frozenset(d) for d in dated} == {frozenset({True}), frozenset({False})}:
        # Offices change hands: only the story's words put an undated report in the same weeks.
        confidence -= 0.3
        reasons.append("one side's reports carry no date: perhaps another time")
    return make_conflict("identity", "contradiction", summary, sides, round(confidence, 2), reasons)


IDENTITY_BASE = 0.85  # two people named in one office by reports of one event
STATUS_BASE = 0.7  # one person called former and serving by reports of one week
KIND_BASE = 0.7  # one person given two offices of one kind by reports of one week
# Office words that name a kind of office held one at a time: a government's ministers, its
# secretaries, its law officers ("Attorney General", "Solicitor General").
OFFICE_KINDS = frozenset({"minister", "secretary", "general"})
# What a firm's executive directors run ("operations director", "finance director"); a bare
# "director" may sit on the board beside any post, and a "managing director" is often the chief
# executive under another name.
EXECUTIVE_FUNCTIONS = frozenset(stem(w) for w in ("operations", "finance", "financial", "commercial",
                                                  "technical", "technology", "marketing", "sales"))


def _executive(office: Office) -> bool:
    """A firm's executive post, of which one person holds one: the chief executive, a "chief ...
    officer" (financial, operating), an executive director of a function ("operations director")."""
    words = office.words - LEVELS
    return ("chiefexecutive" in words or {"head", "officer"} <= words
            or ("director" in words and bool(words - {"director"})
                and words - {"director"} <= EXECUTIVE_FUNCTIONS))


def _one_kind(a: Office, b: Office) -> bool:
    """Whether two offices are of one kind held one at a time: two ministries, two law offices,
    two of a firm's executive posts."""
    return bool(a.words & b.words & OFFICE_KINDS) or (_executive(a) and _executive(b))


def _two_offices_of_one_kind(per_article: list[list[RoleClaim]],
                             near: list[tuple[int, int]]) -> list[Conflict]:
    """One person titled with two offices of one kind by reports of one week, no report giving
    both ("Attorney General Priya Desrosiers" against "Solicitor General Priya Desrosiers";
    "Finance Minister" against "Foreign Minister"; "chief executive" against "operations
    director"): one holds one such office at a time. Titles
    only: a description ("CNN's chief medical reporter") is reworded freely."""
    serving = [c for claims in per_article for c in claims if not c.former and is_office(c.office)]
    found: dict[tuple, tuple[list[RoleClaim], list[RoleClaim]]] = {}
    for a, b in _claim_pairs(per_article, near):
        if (a.former or b.former or a.article.id == b.article.id or not _same_person(a, b)
                or not is_office(a.office) or not is_office(b.office) or same_office(a.office, b.office)
                or not _qualifiers_allow(a.office, b.office)
                or a.office.words - LEVELS <= b.office.words or b.office.words - LEVELS <= a.office.words
                or not _one_kind(a.office, b.office)
                or not (_title_before_name(a) and _title_before_name(b))
                or not _within(a, b, SAME_WEEK_DAYS)
                or (a.office.owner and b.office.owner and a.office.owner != b.office.owner)):
            continue
        given = _offices_given(serving, a, b)
        if given:
            key = (_person_key(a.person), *sorted((a.office.words, b.office.words), key=sorted))
            found.setdefault(key, given)
    return [_offices_conflict(first, second, KIND_BASE) for first, second in found.values()]


def _offices_given(serving: list[RoleClaim], a: RoleClaim, b: RoleClaim
                 ) -> tuple[list[RoleClaim], list[RoleClaim]] | None:
    """Every claim giving a's person a's office, and every one giving b's; None where one report
    gives both (the person holds both)."""
    theirs = [c for c in serving if _same_person(c, a)]
    first, second = ([c for c in theirs if same_office(c.office, x.office)] for x in (a, b))
    if {c.article.id for c in first} & {c.article.id for c in second}:
        return None
    return first, second


def _minister_and_ministry_post(per_article: list[list[RoleClaim]],
                                near: list[tuple[int, int]]) -> list[Conflict]:
    """One person made a ministry's minister by one report of one week and given a post in that
    ministry by another, no report giving both ("Health Minister Ruth Nabukeera" against "Ruth
    Nabukeera, director of public health at the health ministry"): a minister heads the ministry
    and holds no post under it."""
    serving = [c for claims in per_article for c in claims if not c.former]
    found: dict[tuple, tuple[list[RoleClaim], list[RoleClaim]]] = {}
    for a, b in _claim_pairs(per_article, near):
        for head, post in ((a, b), (b, a)):
            portfolio = head.office.words - {"minister"} - LEVELS
            if (head.former or post.former or head.article.id == post.article.id
                    or "minister" not in head.office.words or "ministry" in head.office.words
                    or head.office.qualifiers or not portfolio
                    or "ministry" not in post.office.words or "minister" in post.office.words
                    or not portfolio <= post.office.words or not _same_person(head, post)
                    or not _within(head, post, SAME_WEEK_DAYS)):
                continue
            given = _offices_given(serving, head, post)
            if given:
                found.setdefault((_person_key(head.person), head.office.words, post.office.words), given)
    return [_offices_conflict(first, second, KIND_BASE) for first, second in found.values()]


# Words that say at what level or rank an office is held, not which one: "State minister
# Timothy Ashworth" may be the "Queensland Health Minister".
LEVELS = frozenset({"state", "federal", "provincial", "regional", "national", "cabinet", "senior", "junior",
                    "government", "county", "city", "local"})


# A deputy head of government often holds a ministry too ("Deputy Prime Minister and Finance
# Minister"); a deputy minister seldom does.
DOUBLE_HATS = frozenset({"prime", "premier", "president", "chancellor"})


def _qualifiers_allow(a: Office, b: Office) -> bool:
    """Whether two offices of one kind may be told apart as rival titles: the same qualifiers,
    or a deputy's office that is no head of government's ("Deputy Foreign Minister" against
    "Energy Minister")."""
    if a.qualifiers == b.qualifiers:
        return True
    return not any(o.qualifiers and o.words & DOUBLE_HATS for o in (a, b))


# Offices whose title news keeps giving those who held them ("President Clinton", "Governor
# Schwarzenegger", "Mayor Giuliani"): a bare title before a name is no proof the person serves.
COURTESY_OFFICES = frozenset({"president", "governor", "mayor", "senator", "ambassador", "judge"})


def _title_before_name(claim: RoleClaim) -> bool:
    """Whether the claim is a title written right before the name ("New York mayor Rudy Giuliani",
    "the airport's chief executive, Joost Verbeek")."""
    title, comma, name = claim.text.rpartition(", ")
    if not comma:
        title, name = claim.text, claim.text.split()[-1]
    return (bool(title.strip()) and not re.search(r"[,(]", title)
            and all(word[:1].isupper() for word in name.split()))


# A clause that ends its subject's time in office: the title before is the one held until then.
LEAVES = re.compile(r"[^.;!?\n]{0,40}?\b(?:resign\w*|stepp?(?:ed|s)? down|quit|retired|left office|"
                    r"was (?:ousted|removed|fired|dismissed|sacked|impeached|voted out))\b", re.IGNORECASE)


def _leaves_office(claim: RoleClaim) -> bool:
    """Whether the clause of a title says its holder left the office ("Mayor Howard Linden
    resigned in June")."""
    return bool(LEAVES.match(claim.article.text, claim.evidence[-1].end))


def _in_headline(claim: RoleClaim) -> bool:
    """Whether the claim stands in a title-case headline line ("Vincent Gigante, Mafia Leader Who
    Feigned Insanity, Dies at 77"): headlines drop words such as "former"."""
    return title_case_line(claim.article.text, claim.evidence[0].start)


def _owner_in_words(a: Office, b: Office) -> bool:
    """Whether one office names its body in its words where the other gives it as its owner:
    "Director of Naval Information" with and without the body read as an organisation."""
    for x, y in ((a, b), (b, a)):
        if x.owner and not y.owner and y.words == x.words | {stem(w) for w in x.owner.split()}:
            return True
    return False


def _former_and_serving(per_article: list[list[RoleClaim]], near: list[tuple[int, int]]) -> list[Conflict]:
    """One person called former and serving in one office by reports of one week: one conflict
    per person and office, its sides every report of each (the sureness of its surest pair)."""
    found: dict[tuple, list[tuple[float, RoleClaim, RoleClaim, list[str]]]] = {}
    for a, b in _claim_pairs(per_article, near):
        owner_in_words = _owner_in_words(a.office, b.office)
        if (a.former == b.former or a.article.id == b.article.id or not _same_person(a, b)
                or (a.office.words != b.office.words and not owner_in_words)
                or a.office.qualifiers != b.office.qualifiers
                or not is_office(a.office) or not _within(a, b, SAME_WEEK_DAYS)):
            continue
        if a.office.owner and b.office.owner and a.office.owner != b.office.owner:
            continue  # a former coach of one team, the serving coach of another
        former, serving = (a, b) if a.former else (b, a)
        if _leaves_office(serving):
            continue  # "after Mayor Howard Linden resigned in June": his title when he left
        reasons = [] if a.day and b.day else ["a publication date is unknown"]
        if a.office.words <= COURTESY_OFFICES and _title_before_name(serving):
            reasons.append("a title before the name, which news also gives those who once held the "
                           "office (\"Mayor Giuliani\")")
        if bool(a.office.owner) != bool(b.office.owner) and not owner_in_words:
            reasons.append("one side names whose office it is, the other does not: perhaps two offices")
        if _in_headline(serving):
            reasons.append("the serving title is a headline's, and headlines drop \"former\"")
        key = (serving.person, a.office.words, a.office.qualifiers)
        found.setdefault(key, []).append((round(STATUS_BASE - 0.3 * len(reasons), 2), former, serving,
                                          reasons))
    conflicts = []
    for pairs in found.values():
        confidence, former, serving, reasons = max(pairs, key=lambda p: (p[0], p[1].article.id,
                                                                        p[2].article.id))
        formers = {(c.article.id, c.evidence[0].start): c for _, c, _, _ in pairs}
        servings = {(c.article.id, c.evidence[0].start): c for _, _, c, _ in pairs}
        summary = f"{serving.person}: {former.text!r} vs {serving.text!r}"
        conflicts.append(make_conflict("identity", "contradiction", summary, [
            side(former.text, [e for _, c in sorted(formers.items()) for e in c.evidence]),
            side(serving.text, [e for _, c in sorted(servings.items()) for e in c.evidence])],
            confidence, reasons))
    return conflicts


__all__ = ["Office", "RoleClaim", "identity_conflicts", "office_key", "rank_before", "rank_conflicts",
           "role_before", "role_claims", "role_key", "name_conflicts"]
