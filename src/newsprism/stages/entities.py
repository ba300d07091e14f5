"""Entities: people, organisations and places, with one canonical name, aliases and roles.

"Mark Rutte", "Rutte" and "Mr Rutte" are one person; "NATO Secretary General" in
"NATO Secretary General Mark Rutte" is kept as a role of that person, and a later
"the Secretary General" is resolved to whoever holds that role in the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Entity, Mention, Role
from .textspans import doc_text

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
    genders: dict[str, set[str]] = field(default_factory=dict)  # id -> from its honorifics

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

    def last_person_before(self, token_index: int, gender: str | None = None) -> Cluster | None:
        """The person mentioned most recently before a token; with a gender ("m", "f"), the most
        recent one whose honorific does not say otherwise."""
        for index, entity_id in reversed(self.person_mentions):
            if index < token_index and self.gender(entity_id) in {None, gender}:
                return self.clusters[entity_id]
        return None

    def gender(self, entity_id: str) -> str | None:
        """ "m" or "f" when the article calls the person "Mr." or "Mrs."/"Ms." (one way only)."""
        found = self.genders.get(entity_id, set())
        return next(iter(found)) if len(found) == 1 else None

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
    full = {_key(ent): ent for ent in people if len(_name_tokens(ent)) > 1}
    for ent in sorted(people, key=lambda e: e.start):
        _add_person(index, ent, full)
    person_starts = {ent.start for ent in people}
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES - {"PERSON"} and ent.start not in person_starts:
            _add_other(index, ent)
    for ent in people:
        _collect_roles(index, ent)
    return index


def _people(doc) -> list:
    """PERSON entities, plus names the tagger labelled otherwise but the text shows are people:
    one right after a title ("Commissioner Helena Varga" tagged ORG), or one sharing its
    surname with a person named elsewhere in the article ("Varga" beside "Mrs Varga")."""
    tagged = [ent for ent in doc.ents if ent.label_ == "PERSON" and _name_tokens(ent)]
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
    return people


def _name_tokens(span) -> list:
    tokens = [t for t in span if any(c.isalpha() for c in t.text) and t.lower_ not in {"'s", "’s"}]
    while tokens and (tokens[0].lower_.rstrip(".") in HONORIFICS or tokens[0].lower_ in TITLE_ABBREVIATIONS
                      or tokens[0].lemma_.lower() in ROLE_NOUNS):
        tokens = tokens[1:]
    return tokens


def _key(ent) -> str:
    return _surface(_name_tokens(ent)).lower()


def _add_person(index: EntityIndex, ent, full: dict) -> None:
    tokens = _name_tokens(ent)
    name = _surface(tokens)
    if len(tokens) == 1:
        name = _expand_single(tokens[0].text, ent.start, full, index) or name
    cluster = _cluster(index, f"person:{slug(name)}", name, "PERSON", ent.start_char)
    _mention(index, cluster, ent, "name")
    index.person_mentions.append((ent.start, cluster.id))
    for token in ent.doc[max(0, ent.start - 1):ent.start + 1]:  # "Mr. Joyner", NER keeping "Mr." or not
        if token.lower_.rstrip(".") in HONORIFIC_GENDER:
            index.genders.setdefault(cluster.id, set()).add(HONORIFIC_GENDER[token.lower_.rstrip(".")])


def _expand_single(word: str, position: int, full: dict, index: EntityIndex) -> str | None:
    """The full name a lone surname (or first name) stands for: the nearest earlier one."""
    lowered = word.lower()
    candidates = [ent for key, ent in full.items()
                  if key.split()[-1] == lowered or key.split()[0] == lowered]
    if not candidates:
        return None
    earlier = [e for e in candidates if e.start < position]
    chosen = max(earlier, key=lambda e: e.start) if earlier else min(candidates, key=lambda e: e.start)
    return _surface(_name_tokens(chosen))


def _surface(tokens) -> str:
    """The name as written, from its first word to its last ("Kim Jong-un")."""
    doc = tokens[0].doc
    return " ".join(doc_text(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])].split())


def _add_other(index: EntityIndex, ent) -> None:
    text = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.IGNORECASE).removesuffix("'s").strip()
    text = text.removesuffix("’s").strip()
    if not text or not any(ch.isalpha() for ch in text):
        return
    cluster = _cluster(index, f"{ent.label_.lower()}:{slug(text)}", text, ent.label_, ent.start_char)
    _mention(index, cluster, ent, "name")


def _cluster(index: EntityIndex, ident: str, name: str, kind: str, first: int) -> Cluster:
    if ident not in index.clusters:
        index.clusters[ident] = Cluster(ident, name, kind, first=first)
    return index.clusters[ident]


def _mention(index: EntityIndex, cluster: Cluster, span, kind: str) -> None:
    text = span.text.removesuffix("'s").removesuffix("’s")
    cluster.aliases.add(text)
    for token in span:
        index.by_token[token.i] = cluster.id
    index.mentions.append(Mention(index.article_id, cluster.id, span.start_char,
                                  span.start_char + len(text), text, kind))


def _collect_roles(index: EntityIndex, ent) -> None:
    cluster = index.clusters[index.by_token[ent.start]]
    for span in (_title_before(ent), _appositive(ent)):
        if span is not None:
            role = _role_text(span)
            if role:
                cluster.roles.append((role, span.start_char, span.end_char))
                index.mentions.append(Mention(index.article_id, cluster.id, span.start_char,
                                              span.end_char, span.text, "role"))


def _title_before(ent):
    """The words before a name in its noun phrase: "NATO Secretary General" Mark Rutte."""
    doc, start = ent.doc, ent.start
    while start > 0 and _title_token(doc[start - 1], ent):
        start -= 1
    end = ent.start
    for token in ent:  # a title inside the entity span: "Gov. Mike Pence", "President Trump"
        if not (token.lower_ in TITLE_ABBREVIATIONS or token.lemma_.lower() in ROLE_NOUNS):
            break
        end = token.i + 1
    span = doc[start:end]
    return span if len(span) and _has_role_word(span) else None


def _title_token(token, ent) -> bool:
    if token.dep_ in _ROLE_STOP or token.pos_ in {"VERB", "AUX", "PRON", "ADP"}:
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
            span = ent.doc[child.left_edge.i:child.right_edge.i + 1]
            if _has_role_word(span) and len(span) <= 8:
                return span
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        span = ent.doc[head.left_edge.i:head.i + 1]
        if _has_role_word(span) and len(span) <= 8 and not any(t.ent_type_ == "PERSON" for t in span):
            return span
    return None


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
