"""Entities: people, organisations and places, with one canonical name, aliases and roles.

"Mark Rutte", "Rutte" and "Mr Rutte" are one person; "NATO Secretary General" in
"NATO Secretary General Mark Rutte" is kept as a role of that person, and a later
"the Secretary General" is resolved to whoever holds that role in the article.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from ..model import Entity, Mention, Role
from .textspans import doc_text, line_span, title_case_line

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Honorifics dropped from names ("Mr Rutte" is Rutte); kept out of roles too.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mx", "prof", "professor"}
# The honorifics that say whether "he" or "she" can stand for a person.
HONORIFIC_GENDER = {"mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
# Nouns that name a position someone holds: a phrase headed by one of them is a role.
ROLE_NOUNS = {
    "secretary", "general", "minister", "president", "chief", "head", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director",
    "leader", "mayor", "governor", "senator", "ambassador", "chancellor", "premier", "king",
    "queen", "ceo", "founder", "candidate", "nominee", "official", "adviser", "advisor",
    "representative", "congressman", "congresswoman", "lawmaker", "judge", "justice",
    "commander", "prosecutor", "attorney", "envoy", "diplomat", "speaker", "deputy", "manager",
    "executive", "economist", "analyst", "professor", "coach", "captain", "councillor",
    "councilor", "chairperson", "administrator", "strategist", "aide", "host", "anchor",
    "pope", "prince", "princess", "vice", "sheriff", "inspector", "officer", "editor", "master",
    "marshal", "rapporteur", "ombudsman", "superintendent", "dean", "rector", "bishop", "cardinal",
    "quarterback", "qb", "cfo", "coo", "cto", "gm",
}
TITLE_ABBREVIATIONS = {"gov.", "sen.", "rep.", "gen.", "lt.", "col.", "adm.", "pres.", "sgt.", "capt."}
_ROLE_STOP = {"det", "punct", "cc", "prep", "case", "nummod", "appos", "acl", "relcl"}


@dataclass(slots=True)
class Cluster:
    """Working state of one entity while an article is read."""

    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # role, char start, end
    first: int = 0


@dataclass(slots=True)
class EntityIndex:
    """Entities of one article and lookups from token positions to them."""

    article_id: str
    clusters: dict[str, Cluster] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    person_mentions: list[tuple[int, str]] = field(default_factory=list)  # (token index, id)
    genders: dict[str, set[str]] = field(default_factory=dict)  # id -> from honorifics, gendered roles
    leanings: dict[str, dict[str, int]] = field(default_factory=dict)  # id -> pronoun votes {"m": n}

    def entity_of(self, tokens) -> Cluster | None:
        """The entity named within a span of tokens (its rightmost one), if any."""
        for token in reversed(list(tokens)):
            if token.i in self.by_token:
                return self.clusters[self.by_token[token.i]]
        return None

    def role_holder(self, role_tokens, before: int) -> Cluster | None:
        """The person who holds a role like "the Secretary General" in this article."""
        words = {t.lemma_.lower() for t in role_tokens if t.lemma_.lower() in ROLE_NOUNS}
        if not words:
            return None
        best, best_score = None, 0
        for cluster in self.clusters.values():
            if cluster.type != "PERSON":
                continue
            for role, start, _ in cluster.roles:
                score = len(words & {w.lower() for w in re.findall(r"[\w-]+", role)})
                score += 0.5 if start < before else 0
                if score > best_score:
                    best, best_score = cluster, score
        return best if best_score >= 1 else None

    def person_named(self, word: str) -> Cluster | None:
        """The person a lone surname stands for when NER missed it ("Rutte" tagged ORG)."""
        lowered = word.lower()
        found = [c for c in self.clusters.values()
                 if c.type == "PERSON" and " " in c.name and c.name.lower().split()[-1] == lowered]
        return found[0] if len(found) == 1 else None

    def last_person_before(self, token_index: int, gender: str | None = None,
                           skip: range = range(0)) -> Cluster | None:
        """The person mentioned most recently before a token, leaving out mentions at the token
        positions in `skip`; with a gender ("m", "f"), the most recent one whose gender as far
        as the article tells does not say otherwise."""
        for index, entity_id in reversed(self.person_mentions):
            if index < token_index and index not in skip and self.gender(entity_id) in {None, gender}:
                return self.clusters[entity_id]
        return None

    def gender(self, entity_id: str) -> str | None:
        """ "m" or "f" when the article says so one way only: by calling the person "Mr." or
        "Mrs."/"Ms.", a spokeswoman or a congressman; else by the pronouns it uses for them
        ("Varga signed her first budget") together with a first name usually given to women or
        to men, when these clearly lean one way."""
        found = self.genders.get(entity_id, set())
        if found:
            return next(iter(found)) if len(found) == 1 else None
        votes = self.leanings.get(entity_id, {})
        male, female = votes.get("m", 0), votes.get("f", 0)
        cluster = self.clusters.get(entity_id)
        usual = first_name_gender(cluster.name) if cluster is not None else None
        male += NAME_VOTES if usual == "m" else 0
        female += NAME_VOTES if usual == "f" else 0
        if max(male, female) >= MIN_GENDER_VOTES and min(male, female) * GENDER_MARGIN <= max(male, female):
            return "m" if male > female else "f"
        return None

    def records(self) -> tuple[tuple[Entity, ...], tuple[Role, ...]]:
        """The article's entities and roles as records."""
        entities, roles = [], []
        for c in sorted(self.clusters.values(), key=lambda c: c.first):
            role_names = tuple(dict.fromkeys(r for r, _, _ in c.roles))
            entities.append(Entity(c.id, c.name, c.type, tuple(sorted(c.aliases)), role_names))
            roles.extend(Role(self.article_id, c.id, r, s, e) for r, s, e in c.roles)
        return tuple(entities), tuple(roles)


def slug(name: str) -> str:
    """A lowercase ASCII slug of a name, for ids that are the same in every article."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def find_entities(doc, article_id: str) -> EntityIndex:
    """Group the named entities of a parsed article and collect their roles."""
    index = EntityIndex(article_id)
    people = _people(doc)
    full: dict[str, list] = {}
    for ent in people:
        if len(_name_tokens(ent)) > 1:
            full.setdefault(_key(ent), []).append(ent)
    for ent in sorted(people, key=lambda e: e.start):
        _add_person(index, ent, full)
    person_starts = {ent.start for ent in people}
    teams = _team_names(doc, person_starts)
    in_team = {i for team in teams for i in range(team.start, team.end)}
    for team in teams:
        team_cluster = _cluster(index, f"org:{slug(team.text)}", team.text, "ORG", team.start_char)
        _mention(index, team_cluster, team, "name")
    by_city = _teams_by_city(teams, doc)
    known = {c.name.split()[-1] for c in index.clusters.values() if c.type == "PERSON" and " " in c.name}
    known |= {e.text for e in doc.ents}
    joined = {i for ent in doc.ents if _joined_names(ent, known) for i in range(ent.start, ent.end)}
    named_inside = {p.start for p in people} - {e.start for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if in_team.intersection(range(ent.start, ent.end)) or ent.start in joined \
                or named_inside.intersection(range(ent.start + 1, ent.end)):
            continue  # a team, two joined names, a title's portfolio before a name
        if ent.label_ == "GPE" and ent.text in by_city and _plays(ent):
            # "a 31-24 win over Jacksonville" where the article names the Jacksonville Jaguars: the
            # team, named by its city (the city is no name of the team's for other articles)
            name = by_city[ent.text]
            team_cluster = _cluster(index, f"org:{slug(name)}", name, "ORG", ent.start_char)
            _mention(index, team_cluster, ent, "name", alias=False)
        elif ent.label_ in ENTITY_TYPES - {"PERSON"} and (award := AWARD.search(ent.text)) \
                and (holder := _award_holder(index, ent)) is not None:
            # "crowned the National Player of the Year": the person, not an organisation
            span = doc.char_span(ent.start_char, ent.start_char + award.end(), alignment_mode="contract")
            _mention(index, holder, span if span is not None else ent, "role", alias=False)
        elif ent.label_ in ENTITY_TYPES - {"PERSON"} and ent.start not in person_starts:
            _add_other(index, ent, ent.label_)
        elif ent.label_ == "PERSON" and ent.start not in person_starts and _name_tokens(ent) \
                and (_city_taken_for_person(ent) or _place_taken_for_person(ent)):
            _add_other(index, ent, "GPE")
        elif ent.label_ == "PERSON" and ent.start not in person_starts and _outlet_taken_for_person(ent):
            _add_other(index, ent, "ORG")
        elif ent.label_ == "PERSON" and ent[-1].lower_ in BUILDING_WORDS:
            _add_other(index, ent, "FAC")  # "Trump Tower", "Carter Center"
    for ent in people:
        _collect_roles(index, ent)
    _leader_phrases(index, doc)
    _propagate_names(index, doc, joined)
    _gendered_roles(index)
    _pronoun_leanings(index, doc)
    return index


# A team's name after its city's: a capitalised plural ("Colts", "Red Sox" is not one) or a
# number's plural ("76ers", "49ers").
TEAM_WORDS = re.compile(r"(?<!\w)(?:[A-Z][a-z]{2,}s|\d+(?:ers|ERS))(?!\w)")


def _team_names(doc, person_starts: set[int]) -> list:
    """Teams and clubs named by their city and a plural, which the tagger splits into a place and
    something else ("the Indianapolis Colts" as a place and a word, "the Philadelphia 76ers" as a
    word and a number), as ORG spans; "76ers" alone is one too. The plural is no verb or headline
    word ("Israel Strikes Gaza") and no nationality or party ("Texas Republicans")."""
    from spacy.tokens import Span

    labels = {}
    for ent in doc.ents:
        for token in ent:
            labels[token.i] = ent
    teams = []
    for found in TEAM_WORDS.finditer(doc_text(doc)):  # far cheaper than a pass over every token
        span = doc.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span.start in person_starts:
            continue
        token = span[0]
        number = token.text[0].isdigit()
        own = labels.get(token.i)
        if not number and ((own is not None and own.label_ in {"NORP", "PERSON"})
                           or token.tag_.startswith("VB") or _common_word(token) or not token.i):
            continue
        place = labels.get(token.i - 1) if token.i else None
        before = doc[token.i - 1] if token.i else None
        if place is not None and place.label_ in {"GPE", "LOC"} and place.end == token.i:
            start = place.start
        elif number or (place is None and _untagged_name_word(before)):
            start = token.i  # "76ers", or an untagged "Indianapolis Colts": the city is taken below
        else:
            continue
        while start and start - 1 not in labels and _untagged_name_word(doc[start - 1]):
            start -= 1  # "Philadelphia" untagged before "76ers"; not "Past" in "Colts Past Jags"
        while start < token.i and doc[start].is_lower:
            start += 1
        if teams and teams[-1].end > start:
            continue
        teams.append(Span(doc, start, token.i + 1, label="ORG"))
    return teams


_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
JOINED = re.compile(rf"(?:the\s+)?({_NAME})\s+and\s+({_NAME})")  # two names joined by "and"


def _joined_names(ent, known: set[str]) -> bool:
    """Whether the tagger took two names joined by "and" for one ("Lopez and Carrasquillo"): each
    is a name the article gives on its own elsewhere, an entity's or the surname of a person it
    names in full, and each is found there. A name with "and" in it otherwise stays whole
    ("Procter and Gamble", "Bosnia and Herzegovina")."""
    if ent.label_ == "PERSON":
        return False
    found = JOINED.fullmatch(_without_possessive(ent.text))
    return bool(found) and all(part in known or part.split()[-1] in known for part in found.groups())


def _teams_by_city(teams: list, doc) -> dict[str, str]:
    """The article's teams named after a city ("the Indianapolis Colts", however tagged), by city."""
    found = {}
    spans = [*teams, *(e for e in doc.ents if e.label_ in ("ORG", "FAC") and len(e) > 1)]
    for span in spans:
        words = [t for t in span if t.lower_ != "the"]
        if len(words) > 1 and TEAM_WORDS.fullmatch(words[-1].text) and all(t.is_title for t in words[:-1]):
            found.setdefault(" ".join(t.text for t in words[:-1]), " ".join(t.text for t in words))
    return found


# A city standing for its team in a game: the side that beat or lost to another ("overcame
# Jacksonville 31-24", "a 20-13 victory over Kansas City"), its record or score ("Indianapolis
# (11-4)"), what a team does ("New Orleans have decided to rest him").
GAME_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeat(?:s|ed|ing)?|overcame|overcome|edged|routed|downed|topped|stunned|"
    r"upset|blanked|outlasted|trounced|thrashed|lost to|losing to|fell to|falls to|leading|led|lifted|"
    r"(?:win|victory|loss|defeat|triumph|lead|game|matchup|rivalry)\s+(?:over|against|to|with)|"
    r"against|vs\.?|versus)\s+(?:the\s+)?$", re.IGNORECASE)
GAME_AFTER = re.compile(  # matched at the end of the name
    r"\s*(?:\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)|\d{1,3}-\d{1,3}\b|(?:have|has) (?:decided|won|lost|beaten|"
    r"clinched)\b|(?:beat|beats|defeated|edged|routed|won|lost|clinched|rallied|trailed|scored)\b)")


def _plays(ent) -> bool:
    """Whether a place name stands for a team playing a game (see GAME_BEFORE, GAME_AFTER)."""
    text = doc_text(ent.doc)
    return bool(GAME_BEFORE.search(text[max(0, ent.start_char - 40):ent.start_char])
                or GAME_AFTER.match(text, ent.end_char))


def _untagged_name_word(token) -> bool:
    """A capitalised proper noun the tagger put in no entity, not on a headline line, where
    every word is capitalised ("Colts Past Jags")."""
    return token.tag_ == "NNP" and (token.is_title or token.is_upper) and not _in_headline(token)


# Words that say a person is a woman or a man when they name their role ("spokeswoman Ana Diaz").
GENDERED_ROLE_WORDS = {
    "f": {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "anchorwoman", "councilwoman",
          "assemblywoman", "actress", "queen", "princess", "duchess", "empress", "wife", "widow", "mother",
          "daughter", "sister", "grandmother", "aunt", "niece", "girlfriend", "lady", "madam"},
    "m": {"spokesman", "congressman", "businessman", "anchorman", "councilman", "assemblyman", "king",
          "prince", "duke", "emperor", "husband", "widower", "father", "son", "brother", "grandfather",
          "uncle", "nephew", "boyfriend"},
}
PRONOUN_GENDERS = {"his": "m", "himself": "m", "her": "f", "herself": "f"}
MIN_GENDER_VOTES = 2
GENDER_MARGIN = 3  # the leading gender needs three times the votes of the other
NAME_VOTES = 2  # a first name usually given to women or to men counts as two pronouns


@functools.cache
def first_name_genders() -> dict[str, str]:
    """First names that are usually given to women ("f") or to men ("m"), for "he" and "she"
    when the article itself does not say; names given to both are left out."""
    data = json.loads(resources.files(__package__).joinpath("data/first_names.json").read_text("utf-8"))
    return {name.lower(): gender for gender, names in data.items() for name in names}


def first_name_gender(name: str) -> str | None:
    """ "f" or "m" by a full name's first word ("Hillary Clinton"), None for a lone surname."""
    words = name.split()
    return first_name_genders().get(words[0].lower()) if len(words) > 1 else None


def _gendered_roles(index: EntityIndex) -> None:
    for cluster in index.clusters.values():
        for role, _, _ in cluster.roles:
            for word in re.findall(r"[a-z]+", role.lower()):
                for gender, words in GENDERED_ROLE_WORDS.items():
                    if word in words:
                        index.genders.setdefault(cluster.id, set()).add(gender)


def _pronoun_leanings(index: EntityIndex, doc) -> None:
    """Votes for a person's gender from the pronouns that can only be theirs: a possessive or
    reflexive in the clause the person is the subject of, before anyone else is named ("Varga
    thanked her staff", "Lopez defended himself"). A "he" or "she" in the next sentence is no
    evidence: who that is, is what the votes are for."""
    people = dict(index.person_mentions)
    for sentence in doc.sents:
        named = [(i, people[i]) for i in range(sentence.start, sentence.end) if i in people]
        for position, entity_id in named:
            subject = doc[position]
            while subject.dep_ in {"compound", "flat"} and subject.head.i != subject.i:
                subject = subject.head
            if subject.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            verb = subject.head
            others = [i for i, e in named if e != entity_id and i > position]
            stop = min(others, default=sentence.end)
            for token in verb.subtree:
                if position < token.i < stop and token.lower_ in {"his", "her", "himself", "herself"} and (
                        token.tag_ == "PRP$" or token.lower_.endswith("self")):
                    _vote(index, entity_id, PRONOUN_GENDERS[token.lower_])


def _vote(index: EntityIndex, entity_id: str, gender: str) -> None:
    votes = index.leanings.setdefault(entity_id, {})
    votes[gender] = votes.get(gender, 0) + 1


def _people(doc) -> list:
    """PERSON entities, plus names the tagger labelled otherwise but the text shows are people:
    one right after a title ("Commissioner Helena Varga" tagged ORG), or one sharing its
    surname with a person named elsewhere in the article ("Varga" beside "Mrs Varga"). A city
    the tagger took for a person is left out (see `_city_taken_for_person`)."""
    tagged = [_with_given_name(ent) for ent in doc.ents if ent.label_ == "PERSON" and _name_tokens(ent)]
    tagged = [ent for ent in tagged if not _city_taken_for_person(ent) and not _outlet_taken_for_person(ent)
              and not _place_taken_for_person(ent)]
    tagged += _untagged_speakers(doc)
    surnames = {_name_tokens(ent)[-1].lower_ for ent in tagged}
    people = list(tagged)
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "GPE", "NORP", "FAC"} or len(ent) > 3 or not _name_tokens(ent):
            continue
        if not all(t.is_title for t in ent if t.is_alpha):
            continue
        before = doc[ent.start - 1] if ent.start else None
        titled = before is not None and (before.lemma_.lower() in ROLE_NOUNS or
                                         before.lower_.rstrip(".") in HONORIFICS or
                                         before.lower_ in TITLE_ABBREVIATIONS)
        if titled or _name_tokens(ent)[-1].lower_ in surnames:
            people.append(ent)
            surnames.add(_name_tokens(ent)[-1].lower_)
    people += [tail for ent in doc.ents if (tail := _name_after_portfolio(ent)) is not None]
    return people


SPEAKING = frozenset({"say", "tell", "add", "warn", "write"})
ROLE_REACH = 8  # tokens after the comma within which a role in apposition names its noun


def _untagged_speakers(doc) -> list:
    """A given name and a surname the tagger left untagged ("Dirk Hallmann, the city's head of IT,
    said"): a person where a role follows in apposition or a verb of saying right after. The
    given name is a known one or stands where a name starts a sentence (`_set_off_given_name`);
    the surname is no word the article writes in lower case."""
    from spacy.tokens import Span

    found = []
    for token in doc[:-2]:
        given, surname, after = token, doc[token.i + 1], doc[token.i + 2]
        ranked = token.i > 0 and doc[token.i - 1].lower_ in RANKS  # "Commodore Tunde Bakare"
        if given.ent_type_ or surname.ent_type_ or not (given.is_title and surname.is_title) \
                or given.pos_ != "PROPN" or surname.pos_ != "PROPN" \
                or _written_in_lower_case(doc, surname.lower_) \
                or not (given.lower_ in first_name_genders() or _set_off_given_name(given) or ranked):
            continue
        following = doc[after.i + 1:after.i + 1 + ROLE_REACH]
        set_off = after.text == "," and (
            any(t.lemma_.lower() in ROLE_NOUNS for t in following)
            or len(following) and following[0].lemma_.lower() in SPEAKING)  # "..., Tunde Bakare, said"
        if (ranked and _ranked_name(given, after)) or after.lemma_.lower() in SPEAKING or set_off:
            found.append(Span(doc, given.i, given.i + 2, label="PERSON"))
    return found


def _ranked_name(given, after) -> bool:
    """ "Jail Superintendent Alfredo Magsino, and ...": after a rank, two name words that end
    there (a stop, a comma or a lower-case word follows) are a given name and a surname, whatever
    follows, unless the first is itself a title ("Chief Justice Roberts")."""
    word = given.lower_.rstrip(".")
    return word not in NO_NAME_AFTER_RANK and not _written_in_lower_case(given.doc, word) \
        and (after.is_punct or after.is_lower)


def _name_after_portfolio(ent):
    """ "Deputy Mayor for Transport Lucía Ferrer" tagged as one organisation, "Transport Lucía
    Ferrer": a given name and a surname that end a name right after a title's "for" or "of" are
    the title holder's name, the words before them the title's portfolio."""
    from spacy.tokens import Span

    if ent.label_ not in {"ORG", "GPE", "FAC"} or len(ent) < 3 or ent.start < 2:
        return None
    given, surname = ent[-2], ent[-1]
    doc = ent.doc
    # "Director of Naval Information Tunde Bakare said": a portfolio of title words, then the name
    said = ent.end < len(doc) and doc[ent.end].lemma_.lower() in SPEAKING \
        and all(t.is_title for t in ent[:-2])
    if not (given.is_title and surname.is_title and (slug(given.text) in first_name_genders() or said)):
        return None
    if not _after_title_portfolio(doc, ent.start):
        return None
    return Span(doc, ent.end - 2, ent.end, label="PERSON")


def _after_title_portfolio(doc, k: int) -> bool:
    """Whether token k follows a title's "for" or "of" ("Mayor for", "Secretary of"), the words
    from k on being its portfolio."""
    return k >= 2 and doc[k - 1].lower_ in {"for", "of"} and doc[k - 2].lemma_.lower() in ROLE_NOUNS


def _with_given_name(ent):
    """A person's span with the given name the tagger left before it ("Representative Debbie
    [Wasserman Schultz]" tagged without "Debbie"; "whose chair, Dorota [Malinowska]")."""
    before = ent.doc[ent.start - 1] if ent.start else None
    ranked = before is not None and before.i > 0 and ent.doc[before.i - 1].lower_ in RANKS \
        and before.lower_ not in NO_NAME_AFTER_RANK  # "Superintendent Ernesto [Dimaculangan]"
    if before is None or not (before.is_title and before.pos_ == "PROPN" and not before.ent_type_ and (
            before.lower_ in first_name_genders()
            or len(ent) == 1 and (_set_off_given_name(before) or ranked))):
        return ent
    from spacy.tokens import Span

    return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")


# Military and police ranks, written before a name ("Commodore Nirad Sinha").
RANKS = frozenset({"private", "corporal", "sergeant", "lieutenant", "captain", "major", "colonel", "general",
                   "brigadier", "commander", "commodore", "admiral", "ensign", "inspector", "superintendent",
                   "constable", "marshal", "commandant", "chief"})
# Words that make a rank of several words ("Rear Admiral", "Lieutenant Colonel", "Detective Inspector").
RANK_PARTS = frozenset({"rear", "vice", "first", "second", "staff", "master", "detective", "flight",
                        "wing", "group", "squadron", "petty", "warrant", "chief"}) | RANKS
# Words before a surname that are no given name: ranks and their parts, clergy, kin, titles of
# address that ROLE_NOUNS and the honorifics leave out.
NOT_GIVEN_NAMES = RANK_PARTS | frozenset({
    "trooper", "agent", "sister", "brother", "father", "rabbi", "imam", "reverend", "saint", "st", "uncle",
    "aunt", "doctor", "coach"})
# Words after a rank that are another title, not a given name ("Chief Justice Roberts").
NO_NAME_AFTER_RANK = frozenset(ROLE_NOUNS) | NOT_GIVEN_NAMES


def _set_off_given_name(token) -> bool:
    """A given name the name lists do not hold ("Dorota"), before a lone surname, known by where
    it stands: first in its sentence or after a comma or an opening bracket or quote, no title,
    rank or honorific, no word the article writes in lower case or in the name of something
    other than a person ("Chargers"), not on a headline line."""
    previous = token.doc[token.i - 1] if token.i else None
    opens = token.is_sent_start or previous is None or previous.text in {",", "(", '"', "“", "—", "–"}
    word = token.lower_.rstrip(".")
    return (opens and token.is_alpha and not _title_word(token) and word not in NOT_GIVEN_NAMES
            and not _written_in_lower_case(token.doc, word)
            and word not in _other_name_words(token.doc) and not _in_headline(token))


def _other_name_words(doc) -> frozenset[str]:
    """The words of the names the tagger gives to things other than people, once per doc."""
    found = doc.user_data.get("np_other_name_words")
    if found is None:
        found = doc.user_data["np_other_name_words"] = frozenset(
            t.lower_ for ent in doc.ents if ent.label_ in ENTITY_TYPES - {"PERSON"} for t in ent)
    return found


@functools.cache
def city_names() -> frozenset[str]:
    """The world's capitals and cities of a million people or more (stages/data/cities.json,
    written by scripts/make-cities from GeoNames)."""
    data = json.loads(resources.files(__package__).joinpath("data/cities.json").read_text("utf-8"))
    return frozenset(data["names"])


def _city_taken_for_person(ent) -> bool:
    """A lone word tagged a person that is a big city's name ("Kyiv's allies"), with no title
    before it and no longer name of the article that starts or ends with it ("Whitney Houston"
    ... "Houston", "Paris Hilton" ... "Paris")."""
    words = _name_tokens(ent)
    if len(words) != 1 or words[0].text not in city_names() or _title_before(ent) is not None:
        return False
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_.rstrip(".") in HONORIFICS:
        return False
    named = [e for e in ent.doc.ents if len(e) > 1 and e.label_ in {"PERSON", "ORG", "NORP"}]
    return not any(e[-1].text == words[0].text or e[0].text == words[0].text for e in named)


# Words before a name that say it is a place: "the village of Gavarzin", "the port city of Bandar
# Abbas", "the villages Kavouhi and Zinabieh", "35 miles southwest of Bandar Abbas", and the
# names listed after them ("the villages of Tonban, Gavarzin and Khaledi").
_PLACE_NOUNS = (r"city|cities|town|towns|village|villages|port|province|provinces|capital|island|islands|"
                r"district|districts|region|county|counties|governorate|hamlet|hamlets|suburb|suburbs|"
                r"neighbou?rhood|municipality|area|areas")
_COMPASS = r"(?:north|south|east|west|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)"
PLACE_FRAME = re.compile(
    rf"(?:\b(?:{_PLACE_NOUNS})(?:\s+of)?|\b{_COMPASS}\s+of)\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s+|\s+and\s+))*$")
PLACE_FRAME_REACH = 80


def _place_taken_for_person(ent) -> bool:
    """A name tagged a person that the article writes where a place stands (`PLACE_FRAME`), with
    no title or honorific before it anywhere and no possessive after it: "the village of
    Gavarzin", "southwest of Bandar Abbas". Decided once a name and article."""
    words = _name_tokens(ent)
    if not words or len(words) > 3:
        return False
    places = ent.doc.user_data.get("np_place_names")
    if places is None:
        places = ent.doc.user_data["np_place_names"] = _places_taken_for_people(ent.doc)
    return " ".join(t.text for t in words) in places


def _places_taken_for_people(doc) -> frozenset[str]:
    """The person-tagged names of a document that `_place_taken_for_person` finds to be places."""
    text, by_name = doc_text(doc), {}
    for e in doc.ents:
        if e.label_ == "PERSON" and (words := _name_tokens(e)) and len(words) <= 3:
            by_name.setdefault(" ".join(t.text for t in words), []).append(e)
    found = set()
    for name, ents in by_name.items():
        framed = any(PLACE_FRAME.search(text, max(0, (first := _name_tokens(e)[0]).idx - PLACE_FRAME_REACH),
                                        first.idx) and not POSSESSIVE_AFTER.match(text, e.end_char)
                     for e in ents)
        if framed and not any(_title_before(e) is not None or
                              (e.start and doc[e.start - 1].lower_.rstrip(".") in HONORIFICS) for e in ents):
            found.add(name)
    return frozenset(found)


POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _outlet_taken_for_person(ent) -> bool:
    """A lone word tagged a person that is where someone else speaks: the outlet they gave an
    interview to ("said by Mark Rutte in an interview with Bild": one named person speaks, the
    word after "interview with" is where), or the medium they said or wrote something on ("Trump
    wrote on Twitter", "responding on Twitter", "took to Twitter"). Not where a longer name of the
    article starts or ends with the word."""
    words = _name_tokens(ent)
    doc = ent.doc
    if len(words) != 1 or not ent.start:
        return False
    named = [e for e in doc.ents if len(e) > 1 and e.label_ == "PERSON"]
    if any(words[0].text in (e[0].text, e[-1].text) for e in named):
        return False
    if _spoken_on(doc[ent.start - 1]):
        return True
    if [t.lower_ for t in doc[max(ent.start - 2, 0):ent.start]] != ["interview", "with"]:
        return False
    return any(e.label_ == "PERSON" and len(_name_tokens(e)) > 1 and e.end <= ent.start
               for e in ent.sent.ents)


# Verbs of saying or posting, and the word that puts what follows as where it is said ("wrote on
# Twitter", "took to Twitter").
MEDIUM_VERBS = {"on": {"say", "write", "post", "respond", "react", "tweet", "announce", "comment", "reply",
                       "share", "describe"},
                "via": {"say", "write", "post", "respond", "react", "announce", "comment", "reply", "share"},
                "to": {"take"}}


def _spoken_on(preposition) -> bool:
    """Whether a word ("on", "via", "to") hangs on a verb of saying or posting, with what comes
    after it as the medium ("said on Twitter", "took to Twitter")."""
    verbs = MEDIUM_VERBS.get(preposition.lower_)
    return bool(verbs) and preposition.dep_ == "prep" and preposition.head.lemma_.lower() in verbs


# A possessive ending, with the apostrophes scraped text uses for it ("Trump‘s" too).
POSSESSIVES = frozenset({"'s", "’s", "‘s", "`s", "´s"})


def _without_possessive(text: str) -> str:
    return text[:-2] if text[-2:].lower() in POSSESSIVES else text


def _name_tokens(span) -> list:
    """The words of a span that are a person's name (see `_find_name_tokens`), worked out once."""
    known = span.doc.user_data.setdefault("np_name_tokens", {})
    key = (span.start, span.end)
    if key not in known:
        known[key] = _find_name_tokens(span)
    return known[key]


def _find_name_tokens(span) -> list:
    tokens = [t for t in span if any(c.isalpha() for c in t.text) and t.lower_ not in POSSESSIVES]
    # A verb or a pronoun before a name is no part of it: "Having Jackman host the show",
    # "Anything Obama did" tagged whole.
    tokens = _cut_to_name(tokens, lambda t: _title_word(t) or t.tag_.startswith("VB") or t.pos_ == "PRON")
    # A title inside the span ends what comes before it: "Colts QB Andrew Luck" is Andrew Luck.
    inner = [i for i, t in enumerate(tokens[:-1]) if i and _title_word(t) and t.text[:1].isupper()]
    if inner:
        tokens = tokens[inner[-1] + 1:]
    if tokens and tokens[-1].lower_ in BUILDING_WORDS:
        return []  # "Trump Tower" is a building, not a person
    if _pair_of_names(span):
        return []  # "the Trump-Abe summit": two people, each found on their own
    if _hyphen_compound(span):
        return []  # "Mar" of "Mar-a-Lago"
    return tokens


def _pair_of_names(span) -> bool:
    """ "Trump-Abe": two capitalised words joined by a hyphen, one of them a person's surname
    named elsewhere in the article."""
    words = [t for t in span if t.lower_ not in POSSESSIVES]
    if len(words) != 3 or words[1].text not in {"-", "–"} or not (words[0].is_title and words[2].is_title):
        return False
    surnames = {ent[-1].text for ent in span.doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    return words[0].text in surnames or words[2].text in surnames


def _hyphen_compound(span) -> bool:
    """True for a span that is the first part of a hyphenated place name ("Mar-a-Lago",
    "Stratford-upon-Avon"); "Trump-style" keeps its name."""
    doc = span.doc
    words = doc[span.end:span.end + 3]
    if len(words) < 3 or span[-1].whitespace_ or any(t.whitespace_ for t in words[:2]):
        return False
    return words[0].text in {"-", "–"} and words[1].is_lower and words[2].text in {"-", "–"}


# The last words of the names of places and institutions that are named after people.
BUILDING_WORDS = {"tower", "towers", "building", "center", "centre", "hall", "hotel", "airport", "street",
                  "avenue", "road", "bridge", "stadium", "arena", "park", "square", "foundation", "institute",
                  "university", "college", "school", "hospital", "museum", "library", "administration",
                  "organization", "organisation", "campaign", "plaza", "boulevard", "memorial", "prize"}


# Words that end many names and alone name something else: "the House" is not "the White House".
GENERIC_HEADS = frozenset({
    "house", "senate", "court", "party", "government", "police", "department", "ministry", "council",
    "committee", "congress", "parliament", "assembly", "church", "city", "state", "county", "office",
    "service", "agency", "times", "post", "news", "union", "league", "association", "bank", "group",
    "company", "club", "school", "university", "college", "center", "centre", "institute", "foundation",
    "airport", "station", "street", "park", "river", "island", "square", "network", "board", "commission",
    "administration", "team", "campaign", "camp", "family", "cabinet", "regime",
})

# Lower-case words that are part of names ("Bank of America", "Port au Prince", "al-Assad").
NAME_CONNECTORS = {"of", "the", "and", "for", "to", "on", "de", "du", "des", "da", "di", "del", "della",
                   "van", "von", "der", "den", "la", "le", "les", "au", "aux", "bin", "ibn", "al", "el", "y"}


def _lower_word(token) -> bool:
    """A lower-case word, which no English name has but for a few connectors and the ends of
    hyphenated names ("Kim Jong-un"): "Lindsay Lohan checks into rehab", "nominates Regina
    Benjamin", "Mafia boss" are cut to their names."""
    if not (token.is_lower and token.is_alpha) or token.lower_ in NAME_CONNECTORS:
        return False
    before = token.doc[token.i - 1] if token.i else None
    return not (before is not None and before.text in {"-", "–"} and not before.whitespace_)  # "Jong-un"


def _common_word(token) -> bool:
    """A capitalised word of a headline that the article writes in lower case elsewhere, in this
    or another form of the word ("Trump Lashes Out", "Lohan Checks Into Rehab" beside "checked",
    "RED SOX MAKE HUGE OFFER"): in a headline such a word is no part of a name."""
    if not (token.is_title or token.is_upper) or not token.is_alpha:
        return False
    return _written_in_lower_case(token.doc, token.lower_) and _in_headline(token)


def _headline_cut(tokens: list) -> list:
    """A name on a headline line cut to the longest start of it that the article writes
    elsewhere: "Colts Beat Chiefs" is "Colts" where the story says "the Colts" but never "Colts
    Beat"; or, where it writes no start, to the name after a first word that is no given name.
    A name the article writes nowhere else is left whole."""
    if len(tokens) < 2 or not _in_headline(tokens[0]):
        return tokens
    text = doc_text(tokens[0].doc)
    line_start, line_end = line_span(text, tokens[0].idx)
    rest = (text[:line_start] + "\n" + text[line_end:]).lower()
    for count in range(len(tokens), 0, -1):
        if _written(tokens[:count], rest):
            return tokens if count == len(tokens) else tokens[:count]
    # "Obama Administration Flips Bush Endangered Species Ruling": a first word that is no given
    # name, before a name the article writes, is a headline's verb
    if tokens[0].lower_ not in first_name_genders() and _written(tokens[1:], rest):
        return tokens[1:]
    return tokens


def _written(tokens: list, text: str) -> bool:
    """True if the lower-cased text holds the tokens' words as a whole phrase."""
    name = doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])].lower()
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


@functools.lru_cache(maxsize=1 << 16)
def _word_forms(word: str) -> tuple[str, ...]:
    """A word and its stem by the plain English endings ("checks", "checked" -> "check")."""
    stems = [word[:-len(end)] for end in ("ing", "ed", "es", "s", "d") if word.endswith(end)]
    return (word, *(stem for stem in stems if len(stem) > 2))


def _in_headline(token) -> bool:
    """True for a word on a line of three or more words, most of them capitalised."""
    text = doc_text(token.doc)
    start = line_span(text, token.idx)[0]
    lines = token.doc.user_data.setdefault("np_headline_lines", {})  # line start -> answer
    if start not in lines:
        lines[start] = title_case_line(text, token.idx)
    return lines[start]


def _lowercase_words(doc) -> frozenset[str]:
    """The words (and their stems) the article writes in lower case, computed once per doc."""
    words = doc.user_data.get("np_lowercase")
    if words is None:
        words = doc.user_data["np_lowercase"] = frozenset(
            form for t in doc if t.is_lower and t.is_alpha and len(t) > 2 for form in _word_forms(t.text))
    return words


def _written_in_lower_case(doc, word: str) -> bool:
    """Whether the article writes the word, or another form of it, in lower case somewhere."""
    lowered = _lowercase_words(doc)
    return any(form in lowered for form in _word_forms(word))


def _key(ent) -> str:
    return _surface(_name_tokens(ent)).lower()


def _add_person(index: EntityIndex, ent, full: dict) -> None:
    tokens = _name_tokens(ent)
    name = _surface(tokens)
    honorifics = {HONORIFIC_GENDER[t.lower_.rstrip(".")] for t in ent.doc[max(0, ent.start - 1):ent.start + 1]
                  if t.lower_.rstrip(".") in HONORIFIC_GENDER}  # "Mr. Joyner", NER keeping "Mr." or not
    if len(tokens) == 1:
        name = _expand_single(tokens[0].text, ent.start, full, honorifics) or name
    cluster = _cluster(index, f"person:{slug(name)}", name, "PERSON", ent.start_char)
    # not "Anything" of "Anything Obama did", nor "Flips" of a headline's "Flips Bush"
    before = ent.doc[ent.start:tokens[0].i]
    cut = any(t.pos_ == "PRON" or _in_headline(t) and not _title_word(t) for t in before)
    start = tokens[0].i if cut else ent.start
    _mention(index, cluster, ent.doc[start:tokens[-1].i + 1], "name")  # "Trump" of "Trump Lashes Out"
    _group_of(index, tokens)
    index.person_mentions.append((ent.start, cluster.id))
    index.genders.setdefault(cluster.id, set()).update(honorifics)


# Nouns that make a person's name the name of the group around them: "the Obama administration".
GROUP_NOUNS = {"administration", "team", "campaign", "camp", "government", "family", "cabinet", "regime"}


def _group_of(index: EntityIndex, tokens) -> None:
    """ "the Obama administration", "the Trump campaign": the group is an organisation of its
    own, which speaks for itself, beside the person its name mentions."""
    doc, last = tokens[0].doc, tokens[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lower_ in GROUP_NOUNS and after.pos_ == "NOUN" and last.head.i == after.i:
        group = doc[tokens[-1].i:after.i + 1]
        name = " ".join((tokens[-1].text, after.lower_))
        _mention(index, _cluster(index, f"org:{slug(name)}", name, "ORG", group.start_char), group, "name")
        index.by_token[last.i] = index.by_token[tokens[0].i]  # the name's word still names the person


def _expand_single(word: str, position: int, full: dict, honorifics: set[str]) -> str | None:
    """The full name a lone surname (or first name) stands for. Of several ("Hillary Clinton",
    "Bill Clinton"), the one the article names most often, as news style leaves the bare surname
    to its main bearer; of those named as often, the nearest before it. Never one whose first
    name the honorific contradicts ("Mrs. Clinton" is not "Bill Clinton")."""
    lowered = word.lower()
    candidates = [ents for key, ents in full.items()
                  if (key.split()[-1] == lowered or key.split()[0] == lowered)
                  and (not honorifics or first_name_gender(key) in {None, *honorifics})]
    if not candidates or len(honorifics) > 1:
        return None

    def prominence(ents):
        earlier = [e.start for e in ents if e.start < position]
        return len(ents), max(earlier) if earlier else -min(e.start for e in ents) - len(ents[0].doc)
    return _surface(_name_tokens(max(candidates, key=prominence)[0]))


def _surface(tokens) -> str:
    """The name as written, from its first word to its last ("Kim Jong-un")."""
    written = doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    return _without_possessive(" ".join(written.split()))


def _add_other(index: EntityIndex, ent, label: str) -> None:
    ent = _without_lower_words(ent)
    if ent is None:
        return
    text = _without_possessive(re.sub(r"^(?:the)\s+", "", ent.text, flags=re.IGNORECASE).strip()).strip()
    if not text or not any(ch.isalpha() for ch in text):
        return
    cluster = _cluster(index, f"{label.lower()}:{slug(text)}", text, label, ent.start_char)
    _mention(index, cluster, ent, "name")


def _title_word(token) -> bool:
    """An honorific, a title's abbreviation or a role noun: before a name, no part of it."""
    return (token.lower_.rstrip(".") in HONORIFICS or token.lower_ in TITLE_ABBREVIATIONS
            or token.lemma_.lower() in ROLE_NOUNS)


def _cut_to_name(tokens: list, leading) -> list:
    """Tokens cut to the name they hold: lower-case and headline words before it, and the words
    `leading` says are no part of a name there (titles, honorifics), go; so does everything from
    the first lower-case or headline word after its first word; then the headline cut."""
    while tokens and (_lower_word(tokens[0]) or _common_word(tokens[0]) or leading(tokens[0])):
        tokens = tokens[1:]
    cut = next((i for i, t in enumerate(tokens) if i and (_lower_word(t) or _common_word(t))), len(tokens))
    return _headline_cut(tokens[:cut])


def _without_lower_words(ent):
    """An organisation's or place's span cut to its name: lower-case and headline words before it
    and from the first one after its first word are dropped ("the Jaguars at Jacksonville
    Municipal Stadium", "Colts Beat Chiefs"), connectors at its ends too. None if nothing is left."""
    tokens = _cut_to_name(list(ent), lambda t: t.is_lower)  # "the" before a name too
    while tokens and (tokens[-1].lower_ in NAME_CONNECTORS or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return ent.doc[tokens[0].i:tokens[-1].i + 1]


def _cluster(index: EntityIndex, ident: str, name: str, kind: str, first: int) -> Cluster:
    if ident not in index.clusters:
        index.clusters[ident] = Cluster(ident, name, kind, first=first)
    return index.clusters[ident]


def _mention(index: EntityIndex, cluster: Cluster, span, kind: str, alias: bool = True) -> None:
    """A mention of the cluster (`alias`: its text is one of the cluster's names, by which other
    articles' entities may join it)."""
    text = _without_possessive(span.text)
    if alias:
        cluster.aliases.add(text)
    for token in span:
        index.by_token[token.i] = cluster.id
    start = span.start_char
    before = span.doc[span.start - 1] if span.start else None
    if cluster.type == "PERSON" and before is not None and before.lower_.rstrip(".") in HONORIFICS:
        start = before.idx  # "Mr. Kim": the honorific is part of how the article names him
    end = span.start_char + len(text)
    surface = doc_text(span.doc)[start:end]
    index.mentions.append(Mention(index.article_id, cluster.id, start, end, surface, kind))


def _collect_roles(index: EntityIndex, ent) -> None:
    cluster = index.clusters[index.by_token[_name_tokens(ent)[0].i]]
    for span in (_title_before(ent), _appositive(ent)):
        if span is not None:
            role = _role_text(span)
            if role:
                cluster.roles.append((role, span.start_char, span.end_char))
                said = span[:_role_mention_end(span)]
                index.mentions.append(Mention(index.article_id, cluster.id, said.start_char,
                                              said.end_char, said.text, "role"))
    _owner_before(index, ent)
    start = _described_from(ent)
    if start < ent.start:  # "President Trump", "defensive tackle Jamal Williams" as one mention
        begin, end = ent.doc[start].idx, ent.end_char
        index.mentions.append(Mention(index.article_id, cluster.id, begin, end,
                                      doc_text(ent.doc)[begin:end], "titled"))


# An award given to a person, which the tagger takes for an organisation: "Player of the Year".
AWARD = re.compile(r"\b(?:Player|Coach|Rookie|Person|Manager|Driver|Athlete|Footballer|Sportsman|"
                   r"Sportswoman|Entertainer|Artist|Newcomer)s? of the (?:Year|Decade|Season|Month|Week)\b")
AWARD_REACH = 5  # words up the parse from the awarding verb to the clause that names the person
AWARDING = frozenset({"crown", "name", "vote", "choose", "select", "elect", "award", "win", "earn"})


def _award_holder(index: EntityIndex, ent) -> Cluster | None:
    """The person an award is given to in its clause: the subject of "crowned", "named" or "won"
    (or of the clause it completes: "Hansbrough, who came back after being crowned the National
    Player of the Year"), when that subject is a person the article names."""
    token = ent.root
    if token.dep_ not in ("oprd", "attr", "dobj", "xcomp"):
        return None
    verb = token.head
    if verb.lemma_.lower() not in AWARDING:
        return None
    for _ in range(AWARD_REACH):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in
                    ("who", "that")]
        if subjects:
            return _person_at(index, subjects[0])
        if verb.dep_ == "relcl":
            return _person_at(index, verb.head)
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _person_at(index: EntityIndex, token) -> Cluster | None:
    """The person named at a token: by a name already read, or by the surname of the one person
    the article names in full with it (surnames alone are read later)."""
    cluster = index.clusters.get(index.by_token.get(token.i, ""))
    if cluster is not None:
        return cluster if cluster.type == "PERSON" else None
    return index.person_named(token.text)


# Nouns for whoever leads a group, after the group's name: "a Mafia boss", "the Hamas leader".
LEADER_NOUNS = {"boss", "leader", "chief", "head", "kingpin", "godfather", "chieftain", "commander"}
LEDE_SENTENCES = 2  # a headline and the lead sentence


def _leader_phrases(index: EntityIndex, doc) -> None:
    """ "A suspected Mafia boss hanged himself": in the headline or the lead sentence, which may
    describe a person before naming them, a group's name and a leader noun heading a noun phrase
    stand for a person, not for the group. The person is the one the article gives a role naming
    that group ("Lo Presti, head of Mafia clans"); failing that, the one person named in full
    after the phrase and given no role at all. Further on, such a phrase is as often someone
    else ("Vito Genovese, a potent Mafia leader") or no one ("as FBI chief"). Plurals ("Mafia
    bosses") and titles before a name ("Mafia boss Gaetano Lo Presti") are left alone."""
    people = [c for c in index.clusters.values() if c.type == "PERSON" and " " in c.name]
    if not people:
        return
    lede = {sent.start for sent, _ in zip(doc.sents, range(LEDE_SENTENCES), strict=False)}
    for ent in doc.ents:
        noun = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ not in ("ORG", "NORP") or noun is None or not _heads_leader_phrase(noun, index, lede):
            continue
        group = {t.lower_ for t in ent if t.is_alpha and t.lower_ != "the"}
        holders = [c for c in people
                   if any(group <= set(re.findall(r"[\w-]+", role.lower())) for role, _, _ in c.roles)]
        if not holders:
            holders = [c for c in people if not c.roles and c.first > noun.idx]
        if len({c.name.split()[-1] for c in holders}) == 1:  # "Gaetano Lo Presti" and "Lo Presti"
            holder, end = max(holders, key=lambda c: len(c.name)), noun.idx + len(noun)
            index.mentions.append(Mention(index.article_id, holder.id, ent.start_char, end,
                                          doc_text(doc)[ent.start_char:end], "role"))


def _heads_leader_phrase(noun, index: EntityIndex, lede: set[int]) -> bool:
    """Whether a word after a group's name is a singular leader noun heading its phrase, in the
    headline or lead sentence, with no name after it."""
    named_after = noun.i + 1 < len(noun.doc) and noun.i + 1 in index.by_token
    return (noun.lower_ in LEADER_NOUNS and noun.tag_ == "NN" and noun.dep_ != "compound"
            and noun.sent.start in lede and not named_after)


def _owner_before(index: EntityIndex, ent) -> None:
    """An organisation the tagger missed, named before what a person is: "Chargers" in "Chargers
    defensive tackle Jamal Williams" (a team, a company, a force) becomes an entity of its own.
    Not a place's people ("Troy police"), not the end of a longer name ("Hall of Fame coach"), and
    not a sentence's first word the article never capitalises inside a sentence, unless it is a
    plural it never writes in lower case ("Chargers", not "Defense attorney")."""
    doc, start = ent.doc, _modifiers_start(ent)
    owner = []
    for token in doc[start:ent.start]:
        if not (token.is_alpha and token.text[:1].isupper() and _other_name(token)) or token.ent_type_ \
                or token.i in index.by_token or _title_word(token):
            break
        owner.append(token)
    if not owner or (len(owner) == 1 and owner[0].lower_ in OWNER_GENERIC):
        return  # "Police Chief Ann Berg": whose police the text does not say
    first, after = owner[0], doc[owner[-1].i + 1]
    if first.i and doc[first.i - 1].lower_ in NAME_CONNECTORS or after.lower_ in PLACE_PEOPLE:
        return
    if first.is_sent_start and not _capitalised_inside(first) and (
            first.lower_ in _lowercase_words(doc) or not first.lower_.endswith("s")):
        return  # a team's name ("Chargers") may start every line it is on; "Defense attorney" may not
    # What follows is a description in lower case ("defensive tackle") or a role's abbreviation
    # ("QB", "CEO"); a capitalised title is a title of its own ("Prime Minister").
    if after.i < ent.start and (after.is_lower or after.is_upper and _title_word(after)):
        _add_other(index, doc[first.i:owner[-1].i + 1], "ORG")


OWNER_GENERIC = frozenset({"fire", "army", "navy", "federal", "national", "county", "state"}) | GENERIC_HEADS
# Words after a place that make the people of it: "Troy police", "a Troy resident".
PLACE_PEOPLE = frozenset({"police", "resident", "residents", "native", "natives", "county", "city", "area"})


def _capitalised_inside(token) -> bool:
    """Whether the article writes the word capitalised somewhere other than a sentence's start."""
    return any(t.text == token.text and not t.is_sent_start for t in token.doc if t.i != token.i)


def _described_from(ent) -> int:
    """The first token of the words before a name that describe its bearer in the same noun
    phrase ("U.S. President", "defensive tackle"), or the name's own first token."""
    doc, start = ent.doc, _modifiers_start(ent)
    while start < ent.start and (doc[start].is_punct or doc[start].pos_ == "DET" or _other_name(doc[start])):
        start += 1
    return start


def _other_name(token) -> bool:
    """A word of another name ("Chargers" in "Chargers tackle Jamal Williams"), not a title."""
    named = bool(token.ent_type_) or token.pos_ == "PROPN" or (
        token.is_title and token.lower_ not in _lowercase_words(token.doc))  # "Chargers" tagged a noun
    return named and token.lemma_.lower() not in ROLE_NOUNS


NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "FAC", "ORG"}


def _propagate_names(index: EntityIndex, doc, joined: set[int] = frozenset()) -> None:
    """Names where the tagger missed them ("[Trump] said", "the Trump-Abe summit", "[Colts]"):
    every capitalised word that is the surname of one full-named person of the article, and
    every capitalised name an organisation or place of the article goes by (its name, the forms
    the article wrote, the last word of a longer name: "Colts" for "Indianapolis Colts"),
    outside the names and dates already found, is a mention of it. A sentence's first word is
    left alone when the article writes it in lower case too ("People" / "people"). The tokens
    `joined` are those of two names the tagger took for one ("Lopez and Carrasquillo")."""
    surnames, names, lone = {}, {}, {}
    for cluster in list(index.clusters.values()):
        if cluster.type == "PERSON":
            if " " in cluster.name:
                surnames.setdefault(cluster.name.split()[-1], []).append(cluster)
            else:
                lone[cluster.name] = cluster
            continue
        forms = {cluster.name, *cluster.aliases}
        words = cluster.name.split()
        if len(words) > 1 and words[-1].lower() not in GENERIC_HEADS:
            forms.add(words[-1])
        for form in forms:
            if form and form[0].isupper():
                names.setdefault(form.split()[0], {}).setdefault(form, set()).add(cluster.id)
    for name, cluster in lone.items():  # a person the article names by one word only ("Fanning")
        surnames.setdefault(name, [cluster])
    text = doc_text(doc)
    for token in doc:
        capitalised = token.text[:1].isupper()  # "DeGeneres", "McCain" are no title case
        typed = token.ent_type_ in NOT_NAMES and token.i not in joined  # `joined`: names the tagger joined
        if token.i in index.by_token or not capitalised or typed:
            continue
        if token.is_sent_start and token.lower_ in _lowercase_words(doc):
            continue
        # An all-caps headline writes names in capitals: "CHARGERS' WILLIAMS ARRESTED".
        word = token.text.title() if token.is_upper and len(token) > 2 else token.text
        people = surnames.get(word)
        if people and len(people) == 1:
            _mention(index, people[0], doc[_given_name_start(index, token):token.i + 1], "name")
            continue
        for form, ids in sorted(names.get(word, {}).items(), key=lambda item: -len(item[0])):
            span = _span_at(doc, text, token, form)
            # "Chargers" is the name of one entity and the last word of another ("San Diego
            # Chargers"): the one it names goes first.
            exact = [i for i in ids if index.clusters[i].name == form]
            ident = next(iter(ids)) if len(ids) == 1 else exact[0] if len(exact) == 1 else None
            if ident and span is not None and not any(t.i in index.by_token for t in span):
                _mention(index, index.clusters[ident], span, "name")
                break


def _given_name_start(index: EntityIndex, surname) -> int:
    """Where a name found again starts: at a given name right before the surname ("Constable
    [Tim] Fanning"), else at the surname."""
    before = surname.doc[surname.i - 1] if surname.i else None
    if (before is not None and before.is_title and before.pos_ == "PROPN" and not before.ent_type_
            and before.i not in index.by_token and before.lower_ in first_name_genders()):
        return before.i
    return surname.i


def _span_at(doc, text: str, token, form: str):
    """The tokens from `token` that spell `form` (in capitals too), if they do, ending on a token's end."""
    written = text[token.idx:token.idx + len(form)]
    if written != form and not (written.isupper() and written == form.upper()):
        return None
    end = token.idx + len(form)
    span = doc.char_span(token.idx, end)
    return span if span is not None and len(span) else None


def _title_before(ent):
    """The words before a name in its noun phrase: "NATO Secretary General" Mark Rutte."""
    doc, start = ent.doc, _modifiers_start(ent)
    end = ent.start
    for token in ent:  # a title inside the entity span: "Gov. Mike Pence", "President Trump"
        if not (token.lower_ in TITLE_ABBREVIATIONS or token.lemma_.lower() in ROLE_NOUNS):
            break
        end = token.i + 1
    span = doc[start:end]
    if len(span) and _has_role_word(span):
        return span
    return _portfolio_title(ent)


PORTFOLIO_WORDS = 3  # title-case words of a portfolio at most ("Secretary of Homeland Security")


def _portfolio_title(ent):
    """A title with its portfolio right before a name: "Deputy Mayor for Transport" Lucía Ferrer,
    "Secretary of State" John Kerry (the parse does not hang "for" and "of" on the name)."""
    doc, k = ent.doc, ent.start
    while k > 0 and ent.start - k < PORTFOLIO_WORDS and doc[k - 1].is_title \
            and doc[k - 1].lemma_.lower() not in ROLE_NOUNS:
        k -= 1
    if k == ent.start or not _after_title_portfolio(doc, k):
        return None
    start = k - 2
    while start > 0 and (doc[start - 1].lemma_.lower() in ROLE_NOUNS
                         or doc[start - 1].lower_ in TITLE_ABBREVIATIONS | PORTFOLIO_MODIFIERS):
        start -= 1
    return doc[start:ent.start]


PORTFOLIO_MODIFIERS = frozenset({"former", "acting", "interim", "outgoing", "deputy"})  # "former Director of"


def _modifiers_start(ent) -> int:
    """The first of the words right before a name that hang on it in its noun phrase."""
    doc, start = ent.doc, ent.start
    while start > 0:
        if _title_token(doc[start - 1], ent):
            start -= 1
        elif start > 1 and doc[start - 1].lower_ in ("and", "&") and doc[start].is_title \
                and doc[start - 2].is_title and doc[start - 2].ent_type_ != "PERSON" \
                and _title_token(doc[start - 2], ent):
            start -= 2  # a portfolio of two: "Mines and Minerals Development Minister"
        elif start > 1 and doc[start - 1].text == "-" and doc[start].is_title and doc[start - 2].is_title \
                and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start -= 2  # a hyphenated title: "Director-General", "Secretary-General"
        else:
            break
    return start


def _title_token(token, ent) -> bool:
    if token.dep_ in _ROLE_STOP or token.pos_ in {"VERB", "AUX", "PRON", "ADP"} or _common_word(token):
        return False
    if token.is_punct and token.text not in {"-", "."}:
        return False
    return _attached_to(token, ent)


def _attached_to(token, ent) -> bool:
    head = token
    for _ in range(6):
        if ent.start <= head.i < ent.end:
            return True
        if head.head is head or head.i > ent.end:
            return False
        head = head.head
    return False


def _appositive(ent):
    """A role beside a name: "Mark Rutte, NATO's secretary general," or "the NATO chief, Mark Rutte"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            span = ent.doc[child.left_edge.i:_role_end(child)]
            if _has_role_word(span) and len(span) <= 8:
                return span
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        span = ent.doc[head.left_edge.i:_portfolio_end(head)]
        if _has_role_word(span) and len(span) <= 8 and not any(t.ent_type_ == "PERSON" for t in span):
            return span
    return None


def _role_mention_end(span) -> int:
    """Where a role's mention of its holder ends: before a place or body named after its last
    role word ("harbour master at Castlebay", "head of production for Paperny Films"), which is
    a mention of that place or body, not of the person; the role itself keeps it."""
    nouns = [t.i for t in span if t.lemma_.lower() in ROLE_NOUNS]
    for token in span:
        if nouns and token.i > nouns[-1] and token.pos_ == "ADP" and any(
                t.pos_ == "PROPN" for t in token.doc[token.i + 1:min(token.i + 3, span.end)]):
            return token.i - span.start
    return len(span)


def _role_end(head) -> int:
    """Where a role in apposition ends: before a clause that says more of its holder ("the former
    harbour master at Castlebay, who has piloted vessels into the bay for three decades")."""
    said = [t for t in head.subtree if t.i > head.i and t.dep_ in ("relcl", "acl")]
    end = min(t.left_edge.i for t in said) if said else head.right_edge.i + 1
    doc = head.doc
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space) and not (
            doc[end - 1].text == ")" and any(t.text == "(" for t in doc[head.i:end])):
        end -= 1  # a comma before the clause, not the bracket of "chief PRO (Defence)"
    return end


PORTFOLIO_AFTER = re.compile(r"\s*(?:responsible for|in charge of|of)\s+(?:[\w-]+\s+){0,3}?[\w-]+(?=\s*,)")


def _portfolio_end(head) -> int:
    """Where a role ends that names its portfolio after its noun ("the deputy mayor responsible
    for transport, Jordi Pons", "the city's former head of IT, Dirk Hallmann"): the token after
    the portfolio, else after the noun."""
    doc = head.doc
    found = PORTFOLIO_AFTER.match(doc_text(doc), head.idx + len(head))
    if not found:
        return head.i + 1
    end = doc.char_span(found.start(), found.end(), alignment_mode="expand")
    return end.end if end is not None and end.end < len(doc) else head.i + 1


def _has_role_word(span) -> bool:
    return any(t.lemma_.lower() in ROLE_NOUNS or t.lower_ in TITLE_ABBREVIATIONS for t in span)


def _role_text(span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].pos_ in {"DET", "PRON"} or tokens[0].lower_.rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip(" ,")


def is_role_phrase(span) -> bool:
    """True for a noun phrase that names a position rather than a person ("the commissioner")."""
    return span.root.lemma_.lower() in ROLE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)
