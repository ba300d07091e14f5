"""Entities across the store: each real person, organisation and place one entity.

The per-article stage gives every entity an id of its own name ("person:jim-mattis"); this
linking stage decides which of them are one across articles, and rewrites the articles'
mentions, roles and speakers to that store-wide id. It works on *nodes* (one article's entity:
its name, type, aliases and how often the article names it) and on what the store already
knows of the entities in the same blocks (names.py), so a new article costs what its own
names bring, not what the store holds:

- a full name joins the person whose full names it matches (names.same_person); if it matches
  two, they were one person all along and are merged;
- a lone surname ("Trump") joins the one full-named person of that surname; of several, the
  one its article shares more people, organisations and places with than any other (a "Bush"
  beside the Interior Department is not the running back), or, where that does not decide, the
  one the store names at least DOMINANCE times as often as any other; otherwise it stays an
  entity of its own, ambiguous, which a later full name takes over only on the same evidence;
- an organisation or place joins the entity of the same folded name (names.org_key, any type:
  "Kyiv" tagged PERSON once joins the place named "Kyiv" elsewhere), or the one name in the
  store whose acronym it is or that is its acronym.

Merged ids are kept as redirects so old links keep working. Merges are never undone: a lone
surname given to the one person of that name stays with them when a relative turns up.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..stages.entities import GENERIC_HEADS
from .names import (
    PERSON,
    PersonName,
    acronym,
    given_blocks,
    initials,
    is_given_name,
    org_blocks,
    org_key,
    person_blocks,
    person_name,
    same_person,
    same_surname,
    surname_block,
    unqualified,
)

DOMINANCE = 3  # a lone surname goes to a person named this many times as often as any other
NEIGHBOUR_ARTICLES = 200  # an entity's latest articles read for the entities named beside it
STALE_SHARE = 0.25  # see `EntityResolver._beside`
CONTEXT_BEARERS = 8  # the most named bearers of a surname weighed by context
CONTEXT_SHARE = 0.5  # a bearer whose articles share half what the best one's do is as likely
NAME_SIMILARITY = 93  # rapidfuzz ratio of two long organisation names spelled almost the same
MIN_FUZZY_NAME = 12
PLACES = {"GPE", "LOC"}  # a place's last word names another place: "Carolina", "Korea", "Philadelphia"


@dataclass(frozen=True, slots=True)
class Node:
    """One article's entity, as the per-article stage found it."""

    article_id: str
    local_id: str
    name: str
    type: str
    mentions: int = 1
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Known:
    """A store-wide entity as the resolver sees it: its names by type, with mention counts.
    What is derived from the names is kept until a name is added (`changed`)."""

    id: str
    names: Counter = field(default_factory=Counter)  # (name, type) -> mentions
    derived: dict = field(default_factory=dict)

    def changed(self) -> None:
        """Forget what was derived from the names."""
        self.derived.clear()

    def counted(self) -> None:
        """Forget what was derived from the mention counts, a known name named again: its type
        only where its names were given more than one."""
        for key in ("mentions", "name"):
            self.derived.pop(key, None)
        if len(self._cached("kinds", lambda: {kind for _, kind in self.names})) > 1:
            self.derived.pop("type", None)

    def _cached(self, key: str, compute):
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]

    @property
    def mentions(self) -> int:
        """How often the store names it."""
        if "mentions" not in self.derived:  # spelled out: it is asked for on every lookup
            self.derived["mentions"] = sum(self.names.values())
        return self.derived["mentions"]

    @property
    def type(self) -> str:
        """The type most of its mentions were given; a person's only if a full person name
        says so, where a name of several words gives it another ("Jaguars" tagged a person,
        "Jacksonville Jaguars" a team)."""
        if "type" not in self.derived:
            votes: Counter = Counter()
            for (_, kind), n in self.names.items():
                votes[kind] += n
            if PERSON in votes and len(votes) > 1:
                other = {kind for (name, kind) in self.names if kind != PERSON and " " in name.strip()}
                if other and not self.person_names():
                    votes = Counter({kind: votes[kind] for kind in other})
            self.derived["type"] = max(sorted(votes), key=votes.__getitem__)
        return self.derived["type"]

    @property
    def name(self) -> str:
        """Its most used full name (a person's with given name and surname if it has one)."""
        def rank(item):
            (name, kind), n = item
            full = kind == PERSON and person_name(name).full
            return (full, n, len(name), name)
        return self._cached("name", lambda: max(self.names.items(), key=rank)[0][0])

    def person_names(self) -> list[PersonName]:
        """Its full person names, parsed."""
        return self._cached("people", lambda: [p for (name, kind) in self.names
                                               if kind == PERSON and (p := person_name(name)).full])

    @property
    def lone(self) -> bool:
        """A person known only by one word: which person is not yet known."""
        return self.type == PERSON and not self.person_names()


class EntityResolver:
    """Store-wide entities, grown article by article; `resolve` places new nodes. `neighbours`
    gives the entities the store names beside a stored entity (in some of its articles)."""

    def __init__(self, neighbours: Callable[[str], Iterable[str]] | None = None) -> None:
        self.neighbours = neighbours or (lambda entity_id: ())
        # what this run's articles name: article -> entities placed by a name that says which
        # one it is; entity -> those articles; the neighbours each entity has, once asked
        self.named_in: dict[str, set[str]] = {}
        self.articles_of: dict[str, deque[str]] = {}  # the latest NEIGHBOUR_ARTICLES only
        # entity -> (its neighbours, the articles it had been named in when they were read)
        self.beside: dict[str, tuple[frozenset[str], int]] = {}
        self.named_count: Counter = Counter()  # entity -> this run's articles that name it
        self.entities: dict[str, Known] = {}
        # `_dominant` answers, each with the versions of the blocks it read; a block's version
        # moves when a person in it is added, merged, named anew or named twice as often
        self.dominant: dict[tuple, tuple[tuple[int, int], Known | None]] = {}
        self.versions: Counter = Counter()
        self.blocks: dict[str, set[str]] = {}
        self.given: dict[str, set[str]] = {}  # full names' finer blocks (`given_blocks`), not stored
        self.merged: dict[str, str] = {}  # loser id -> winner id, in the order merged

    # --- state --------------------------------------------------------------------------

    def load(self, rows: Iterable[tuple[str, str, str, int]]) -> None:
        """Known entities from (entity id, name, type, mentions) rows."""
        for entity_id, name, kind, mentions in rows:
            self._add_name(self._entity(entity_id), name, kind, mentions)

    def _entity(self, entity_id: str) -> Known:
        if entity_id not in self.entities:
            self.entities[entity_id] = Known(entity_id)
        return self.entities[entity_id]

    def _add_name(self, entity: Known, name: str, kind: str, mentions: int) -> None:
        if (name, kind) in entity.names:  # its blocks hold the entity already
            entity.names[name, kind] += mentions
            entity.counted()
            return
        entity.names[name, kind] += mentions
        entity.changed()
        for block in node_blocks(name, kind):
            self.blocks.setdefault(block, set()).add(entity.id)
        for block in given_blocks(person_name(name)) if kind == PERSON else ():
            self.given.setdefault(block, set()).add(entity.id)

    def _articles(self, entity_id: str) -> deque[str]:
        """This run's latest articles that name an entity by a name that says which one it is: as
        many as the store is asked for (NEIGHBOUR_ARTICLES), so the cost does not grow with it."""
        if entity_id not in self.articles_of:
            self.articles_of[entity_id] = deque(maxlen=NEIGHBOUR_ARTICLES)
        return self.articles_of[entity_id]

    def _in_blocks(self, *blocks: str, index: dict[str, set[str]] | None = None) -> list[Known]:
        index = self.blocks if index is None else index
        ids = set().union(*(index.get(b, set()) for b in blocks))
        return [self.entities[i] for i in sorted(ids) if i in self.entities]

    def merge(self, loser: Known, winner: Known) -> None:
        """Make two entities one (the winner keeps its id; the loser's becomes a redirect)."""
        self._touch(loser)
        self._touch(winner)
        for (name, kind), n in loser.names.items():
            self._add_name(winner, name, kind, n)
            for block in node_blocks(name, kind):  # blocks hold live entities only
                self.blocks.get(block, set()).discard(loser.id)
            for block in given_blocks(person_name(name)) if kind == PERSON else ():
                self.given.get(block, set()).discard(loser.id)
        del self.entities[loser.id]
        self.merged[loser.id] = winner.id
        self._articles(winner.id).extend(self.articles_of.pop(loser.id, ()))
        self.named_count[winner.id] += self.named_count.pop(loser.id, 0)
        # The neighbours read so far name the winner for the loser; the two are read again.
        for entity_id in (loser.id, winner.id):
            self.beside.pop(entity_id, None)
        for entity_id, (found, count) in list(self.beside.items()):
            if loser.id in found:
                self.beside[entity_id] = ((found - {loser.id}) | {winner.id}, count)

    def final(self, entity_id: str) -> str:
        """The id an entity has now, after the merges."""
        while entity_id in self.merged:
            entity_id = self.merged[entity_id]
        return entity_id

    # --- resolution ---------------------------------------------------------------------

    def resolve(self, nodes: Sequence[Node]) -> dict[tuple[str, str], str]:
        """(article id, local id) -> store-wide entity id for each node, full names first so
        that the lone surnames of the same batch find them."""
        chosen = {}
        for node in sorted(nodes, key=_full_first):
            entity = self._place(node)
            known, before = (node.name, node.type) in entity.names, entity.mentions
            self._add_name(entity, node.name, node.type, node.mentions)
            if node.type == PERSON and (not known or before.bit_length() != entity.mentions.bit_length()):
                self._touch(entity)  # a new name, or mentions doubled: who dominates may change
            for alias in _name_like(node):
                self._add_name(entity, alias, node.type, 0)
            if node.type == PERSON and person_name(node.name).full:
                # a lone surname is looked at again when the name is new, or when the person's
                # mentions double (what may make them DOMINANCE times as named as the next)
                if not known or before.bit_length() != entity.mentions.bit_length():
                    self._take_lone(entity, person_name(node.name))
                if not known:
                    self._take_double_surname(entity, person_name(node.name))
            elif node.type != PERSON:
                self._take_tail(entity, node.name)
            if node.type != PERSON or person_name(node.name).full:
                self.named_in.setdefault(node.article_id, set()).add(entity.id)
                articles = self._articles(entity.id)
                if not articles or articles[-1] != node.article_id:
                    articles.append(node.article_id)
                    self.named_count[entity.id] += 1  # its neighbours are read again in time
            chosen[node.article_id, node.local_id] = entity.id
        return {key: self.final(entity_id) for key, entity_id in chosen.items()}

    def _place(self, node: Node) -> Known:
        if node.type == PERSON and person_name(node.name).full:
            return self._place_full(node, person_name(node.name))
        if node.type == PERSON:
            return self._place_lone(node) or self._new(node)
        return self._place_other(node) or self._new(node)

    def _new(self, node: Node) -> Known:
        if node.type == PERSON:
            self.versions.update(person_blocks(person_name(node.name)))
        entity_id = node.local_id
        while entity_id in self.entities or entity_id in self.merged:
            entity_id += "~"  # the name's id belongs to another entity already
        return self._entity(entity_id)

    def _place_full(self, node: Node, name: PersonName) -> Known:
        key = org_key(node.name)
        known = [e for e in self._in_blocks(f"n:{key}")
                 if e.type == PERSON and (node.name, PERSON) in e.names]
        if len(known) == 1:  # a name seen before: its matches were merged when it was first placed
            return known[0]
        # every full name the person goes by must fit: "George H.W. Bush" is not the person of
        # "George Bush" and "George W. Bush"
        matches = [e for e in self._in_blocks(*given_blocks(name), index=self.given) if e.type == PERSON
                   and e.person_names() and all(same_person(name, p) for p in e.person_names())]
        if not matches:  # the same name tagged as an organisation or place elsewhere
            return self._same_name(node.name) or self._double_surname(name) or self._new(node)
        winner = max(matches, key=lambda e: (e.mentions, e.id))
        for other in matches:
            if other is not winner and same_person(person_name(other.name), person_name(winner.name)):
                self.merge(other, winner)
        return winner

    def _double_surname(self, name: PersonName) -> Known | None:
        """ "Wasserman Schultz" for the one Debbie Wasserman Schultz: a name of two words whose
        first is no given name but the middle name of one person of that surname."""
        if name.middle or is_given_name(name.first):
            return None
        found = [e for e in self._in_blocks(f"p:{surname_block(name.last)}") if e.type == PERSON and any(
            p.middle[-1:] == (name.first,) and p.last == name.last for p in e.person_names())]
        return found[0] if len(found) == 1 else None

    def _take_double_surname(self, person: Known, name: PersonName) -> None:
        """ "Wasserman Schultz", placed before "Debbie Wasserman Schultz" was known, becomes hers
        once she is the one person of that middle name and surname (see `_double_surname`)."""
        if not name.middle:
            return
        for other in self._in_blocks(f"p:{surname_block(name.last)}"):
            names = other.person_names() if other is not person and other.type == PERSON else []
            if names and all(p.first == name.middle[-1] and p.last == name.last and not p.middle
                             and not is_given_name(p.first) for p in names) \
                    and self._double_surname(person_name(other.name)) is person:
                self.merge(other, person)

    def _take_lone(self, person: Known, name: PersonName) -> None:
        """A lone surname entity becomes this person's once the store shows it is theirs."""
        for lone in self._in_blocks(f"l:{surname_block(name.last)}"):
            if lone is person or not lone.lone or not any(
                    same_surname(person_name(n).last, name.last) for n, _ in lone.names):
                continue
            suffixes = {person_name(n).suffix for n, _ in lone.names}
            if len(suffixes) == 1 and self._dominant(name.last, lone, suffixes.pop()) is person:
                self.merge(lone, person)

    def _take_tail(self, entity: Known, name: str) -> None:
        """An entity known only by the last word of this name ("Jaguars") becomes this one's
        ("Jacksonville Jaguars") once the store shows it is the one such name."""
        key = org_key(name)
        if " " not in key or entity.type in PLACES:
            return
        tail = key.rsplit(" ", 1)[1]
        for other in self._in_blocks(f"n:{tail}"):
            if other is not entity and other.type not in PLACES and (other.type != PERSON or other.lone) \
                    and all(org_key(n) == tail for n, _ in other.names) and self._by_tail(tail) is entity:
                self.merge(other, entity)

    def _place_lone(self, node: Node) -> Known | None:
        word, suffix = person_name(node.name).last, person_name(node.name).suffix
        likely = self._by_context(node.article_id, word, suffix)
        person = self._dominant(word, suffix=suffix) if likely is None else _most_named(likely)
        if person is not None:
            return person
        lone = [e for e in self._in_blocks(f"p:{surname_block(word)}") if e.lone
                and any(person_name(n).last == word and person_name(n).suffix == suffix for n, _ in e.names)]
        if lone:
            return lone[0]
        # a place or organisation the tagger took for a person ("Jaguars")
        return self._same_name(node.name) or self._by_tail(node.name)

    def _dominant(self, word: str, extra: Known | None = None, suffix: str = "") -> Known | None:
        """The full-named person a lone word stands for: the only one of that surname (else of
        that given name, for names written surname first: "Xi"), or the one named DOMINANCE
        times as often as the next; with a suffix ("Trump Jr."), one of the same suffix. The
        answer is kept until a person is added or merged, or a person's mentions double."""
        return self._kept(("dominant", word, suffix, extra.id if extra else None), word,
                          lambda: _most_named(self._bearers(word, extra, suffix)))

    def _kept(self, key: tuple, word: str, compute):
        """An answer about the people a lone word may stand for, kept until the versions of its
        blocks move (see `_dominant`)."""
        versions = (self.versions[f"p:{surname_block(word)}"], self.versions[f"f:{word}"])
        cached = self.dominant.get(key)
        if cached is None or cached[0] != versions:
            cached = self.dominant[key] = (versions, compute())
        return cached[1]

    def _touch(self, entity: Known) -> None:
        """Move the versions of the blocks of an entity's person names."""
        for name, kind in entity.names:
            if kind == PERSON:
                self.versions.update(person_blocks(person_name(name)))

    def _bearers(self, word: str, extra: Known | None = None, suffix: str = "") -> list[Known]:
        """The full-named people a lone word may stand for: those of that surname, else those of
        that given name (names written surname first: "Xi"); with a suffix, of that suffix."""
        for block, part in ((f"p:{surname_block(word)}", "last"), (f"f:{word}", "first")):
            people = [e for e in self._in_blocks(block) if e is not extra and e.type == PERSON
                      and any((same_surname(p.last, word) if part == "last" else p.first == word)
                              and (not suffix or p.suffix == suffix) for p in e.person_names())]
            if people:
                return people
        return []

    def _by_context(self, article_id: str, word: str, suffix: str) -> list[Known] | None:
        """Of several people a lone word may stand for, those whose other articles name nearly as
        many of the entities its own article names as the one that names the most (at least
        CONTEXT_SHARE of them); None where none of them names any. Of a surname many people
        bear, the CONTEXT_BEARERS most named are weighed, so that the cost of a lone surname
        does not grow with the store."""
        people = self._kept(("bearers", word, suffix), word, lambda: sorted(
            self._bearers(word, suffix=suffix), key=lambda e: (-e.mentions, e.id))[:CONTEXT_BEARERS])
        here = {self.final(e) for e in self.named_in.get(article_id, ())}
        if len(people) < 2 or not here:
            return None
        shared = {p.id: len(here & self._beside(p)) for p in people}
        most = max(shared.values())
        return [p for p in people if shared[p.id] >= CONTEXT_SHARE * most] if most else None

    def _beside(self, entity: Known) -> frozenset[str]:
        """The entities named beside one in other articles: this run's and the store's. They are
        read again once the entity is named in a further STALE_SHARE of the articles it was
        named in when they were last read (at most NEIGHBOUR_ARTICLES count; a new article at
        first): a much-named bearer's neighbours change slowly, and reading them at every
        article made the cost grow with how often the bearer is named."""
        count, cached = self.named_count[entity.id], self.beside.get(entity.id)
        if cached is None or count - cached[1] > min(cached[1], NEIGHBOUR_ARTICLES) * STALE_SHARE:
            found = {self.final(e) for e in self.neighbours(entity.id)}
            for article in self.articles_of.get(entity.id, ()):
                found.update(self.final(e) for e in self.named_in[article])
            found.discard(entity.id)
            cached = self.beside[entity.id] = (frozenset(found), count)
        return cached[0]

    def _same_name(self, name: str, people: bool = True) -> Known | None:
        """The entity most often named so (of any type; a full-named person only if `people`)."""
        key = org_key(name)
        found = [e for e in self._in_blocks(f"n:{key}") if any(org_key(n) == key for n, _ in e.names)
                 and (people or e.type != PERSON or e.lone)]
        return max(found, key=lambda e: (e.mentions, e.id)) if found else None

    def _place_other(self, node: Node) -> Known | None:
        """An organisation or place: the entity of the same name (a person's full name too:
        "Bettie Page" tagged as an organisation), of its acronym or expansion, of a near
        spelling, or the one longer name it ends ("Colts" for "Indianapolis Colts")."""
        for alias in (node.name, *node.aliases):
            found = self._same_name(alias, people=alias == node.name and person_name(alias).full)
            if found is not None:
                return found
        tail = self._by_tail(node.name) if node.type not in PLACES else None  # no "North Philadelphia"
        return self._by_acronym(node.name) or self._by_spelling(node.name) or tail \
            or (self._by_country(node.name) if node.type not in PLACES else None)

    def _by_country(self, name: str) -> Known | None:
        """ "U.S. Surgeon General" for the one "Surgeon General" the store knows, or the other
        way round: a country before an organisation's or office's name of two or more words
        names the same one, where the store holds only one such."""
        bare = unqualified(name)
        if bare is not None:
            found = [e for e in self._in_blocks(f"n:{bare}") if e.type not in {PERSON, *PLACES}
                     and any(org_key(n) == bare for n, _ in e.names)]
        elif " " in org_key(name):
            found = [e for e in self._in_blocks(f"q:{org_key(name)}") if e.type not in {PERSON, *PLACES}]
        else:
            return None
        return found[0] if len(found) == 1 else None

    def _by_spelling(self, name: str) -> Known | None:
        """The one organisation of the same initials whose long name is spelled almost the same
        ("Academy of Motion Picture Arts ..." and "... Pictures Arts ...")."""
        letters, key = initials(name), org_key(name)
        if not letters or len(key) < MIN_FUZZY_NAME:
            return None
        found = [e for e in self._in_blocks(f"a:{letters}") if e.type != PERSON and any(
            fuzz.ratio(org_key(n), key) >= NAME_SIMILARITY for n, _ in e.names)]
        return found[0] if len(found) == 1 else None

    def _by_tail(self, name: str) -> Known | None:
        """ "Chargers" for the one "San Diego Chargers" (or the one named DOMINANCE times as
        often as any other "... Chargers")."""
        key = org_key(name)
        if " " in key or key in GENERIC_HEADS:
            return None
        found = sorted((e for e in self._in_blocks(f"t:{key}") if e.type not in {PERSON, *PLACES}),
                       key=lambda e: (-e.mentions, e.id))
        if found and (len(found) == 1 or found[0].mentions >= DOMINANCE * found[1].mentions):
            return found[0]
        return None

    def _by_acronym(self, name: str) -> Known | None:
        """The one entity whose name is this name's acronym, or whose acronym this name is."""
        letters = acronym(name)
        if letters:  # "EU": the one entity named "European Union" or another "E... U..."
            found = [e for e in self._in_blocks(f"a:{letters}")
                     if any(initials(n) == letters for n, _ in e.names) and e.type != PERSON]
            return found[0] if len(found) == 1 else None
        letters = initials(name)
        if not letters:
            return None
        spelled = [e for e in self._in_blocks(f"a:{letters}")
                   if any(initials(n) == letters and org_key(n) != org_key(name) for n, _ in e.names)]
        # an acronym known to stand for another name ("EU": the European Union) is not this one's
        short = [e for e in self._in_blocks(f"a:{letters}") if e.type != PERSON
                 and any(acronym(n) == letters and org_key(n) in (letters, org_key(name))
                         for n, _ in e.names)]
        return short[0] if len(short) == 1 and not spelled else None


def _most_named(people: Iterable[Known]) -> Known | None:
    """The only one, or the one named DOMINANCE times as often as any other."""
    ranked = sorted(people, key=lambda e: (-e.mentions, e.id))
    if ranked and (len(ranked) == 1 or ranked[0].mentions >= DOMINANCE * ranked[1].mentions):
        return ranked[0]
    return None


def _name_like(node: Node) -> set[str]:
    """The node's other names worth keeping: surface forms that are not the name itself, a
    person's only when they parse as the same person or as a lone word."""
    names = set(node.aliases) - {node.name}
    if node.type != PERSON:
        return names
    own = person_name(node.name)
    return {n for n in names if not person_name(n).full or not own.full or same_person(own, person_name(n))}


def node_blocks(name: str, kind: str) -> tuple[str, ...]:
    """The blocks a name is filed under: a person's surname and given name, an organisation's
    folded name and acronym (a person's name too, so that a place tagged as a person finds it)."""
    if kind == PERSON:
        return (*person_blocks(person_name(name)), f"n:{org_key(name)}")
    key = org_key(name)
    tail = (f"t:{key.rsplit(' ', 1)[1]}",) if " " in key else ()
    bare = unqualified(name)
    return (*org_blocks(name), *tail, *((f"q:{bare}",) if bare else ()))


def _full_first(node: Node) -> tuple:
    """Full names first, so that lone words of the same batch find them: a person's, then the
    organisations' and places' of several words, then lone words, a person's last (the entities
    of its article tell which person it is)."""
    full = node.type == PERSON and person_name(node.name).full
    several = node.type != PERSON and " " in org_key(node.name)
    return (not full, not several, node.type == PERSON, node.article_id, node.local_id)


def node_block_keys(nodes: Iterable[Node]) -> set[str]:
    """Every block the nodes' names and aliases fall in: what the store must load for them."""
    keys: set[str] = set()
    for node in nodes:
        for name in (node.name, *node.aliases):
            keys.update(node_blocks(name, node.type))
            keys.add(f"t:{org_key(name)}")
            if node.type == PERSON:  # a lone word may be a given name written first ("Xi")
                keys.add(f"f:{person_name(name).last}")
                keys.add(f"l:{surname_block(person_name(name).last)}")
    return keys


def resolve_store(store, article_ids: Sequence[str]) -> int:
    """Resolve the entities of some analysed articles against the store's; rewrite their
    mentions, roles and speakers to the store-wide ids. Returns how many entities it merged."""
    nodes = [Node(article_id, local, name, kind, len(texts), tuple(dict.fromkeys(texts)))
             for article_id in article_ids for local, name, kind, texts in store.entity_nodes(article_id)]
    if not nodes:
        return 0
    resolver = EntityResolver(lambda entity_id: store.entity_neighbours(entity_id, NEIGHBOUR_ARTICLES))
    for block in sorted(node_block_keys(nodes)):
        resolver.load(store.entity_candidates(block))
    chosen = resolver.resolve(nodes)
    links = [(n.article_id, n.local_id, chosen[n.article_id, n.local_id], n.name, n.type, n.mentions)
             for n in nodes]
    touched = {resolver.final(e) for e in (*chosen.values(), *resolver.merged.values())}
    entities = [(e, resolver.entities[e].name, resolver.entities[e].type) for e in sorted(touched)]
    blocks = [(block, resolver.final(e)) for block, ids in resolver.blocks.items() for e in ids
              if resolver.final(e) in touched]
    # each loser pointing at its final winner, in the order the merges happened
    merges = {loser: resolver.final(winner) for loser, winner in resolver.merged.items()}
    store.save_entity_links(links, merges, entities, sorted(set(blocks)))
    return len(resolver.merged)
