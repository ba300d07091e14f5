"""Where a figure applies: the places that qualify what a number measures.

"71 percent of infants in one county" and "89 percent of the country's infants" measure one
thing in two places: a scope conflict, not a contradiction. The places are read from the parse
of the number's sentence: the named places (GPE, LOC) in the number's own noun phrase, in the
subject of the verb it is the object of ("Kenya vaccinated 89 percent"), and in that verb's
"in ..." or "across ..." phrases, plus words for the whole country ("nationwide", "national").
Places elsewhere in the sentence ("when the boat capsized on the lake") say where something
happened, not what the number covers, and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..stages.quantities import nearest_subject
from .context import parse_sentences, phrase_tokens, sentence_span, stem

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Nouns that make a place a part of a country ("Turkana county", "the Lviv region").
SUBNATIONAL = frozenset(stem(w) for w in (
    "county province region state district city town village municipality department prefecture "
    "canton borough oblast governorate").split())
NATIONAL = frozenset({"nationwide", "countrywide", "national", "nationally"})
WHOLE = frozenset({"country", "nation"})
# How a number's noun phrase reaches its words: modifiers, "of ...", "in ...", appositions.
PHRASE = frozenset({"compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "nummod", "quantmod",
                    "npadvmod", "advmod", "det", "acl"})
# How a number reaches the verb whose subject it measures: an object, or a change ("fell 27 percent").
OBJECT = frozenset({"dobj", "attr", "oprd", "pobj", "prep", "npadvmod"})
WHERE = frozenset({"in", "across", "throughout", "nationwide", "countrywide", "nationally"})
# Verbs whose object is where their subject's count went ("11,360 people reached the islands").
ARRIVAL = frozenset({"reach", "enter", "arrive", "land"})
ISLANDS = frozenset({"island", "islands"})
# A country's own ground named by its adjective: "Spanish territory", "British soil".
OWN_GROUND = frozenset({"territory", "soil"})
# Words for a part of a country that a report names without its name ("reached the islands").
COMPASS_PARTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest"})
UNNAMED_PARTS = frozenset(stem(w) for w in "islands archipelago region province".split())


@dataclass(frozen=True, slots=True)
class Place:
    """A place a figure is qualified by: its words (stems), and whether it is part of a country."""

    words: frozenset[str]
    subnational: bool = False

    def meets(self, other: Place) -> bool:
        """Whether two places may be one: they share a word of their names."""
        return bool(self.words & other.words)


COUNTRY = Place(frozenset({"#country"}))


def figure_places(text: str, start: int, end: int) -> frozenset[Place]:
    """The places qualifying the number at characters (start, end) of a text."""
    return figures_places([(text, start, end)])[0]


def figures_places(figures: Sequence[tuple[str, int, int]]) -> list[frozenset[Place]]:
    """The places qualifying each number (text, start, end), their sentences parsed in one batch."""
    sentences = [sentence_span(text, start, end) for text, start, end in figures]
    texts = [text[left:right] for (text, _, _), (left, right) in zip(figures, sentences, strict=True)]
    docs = parse_sentences(texts)
    return [_places(doc, start - left, end - left)
            for doc, (_, start, end), (left, _) in zip(docs, figures, sentences, strict=True)]


def _places(doc, start: int, end: int) -> frozenset[Place]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return frozenset()
    tokens = _qualifying_tokens(span.root)
    found = {_place(e) for e in doc.ents
             if _is_place(e) and any(t.i in tokens for t in e) and not _owns_part(e)}
    if any(_national(doc[i]) or _own_ground(doc[i]) for i in tokens):
        found.add(COUNTRY)
    found |= {Place(frozenset({f"#{stem(doc[i].text)}"}), True) for i in tokens if _unnamed_part(doc[i])}
    return frozenset(p for p in found if p.words)


def _qualifying_tokens(number) -> set[int]:
    """The token indices of the number's noun phrase, its verb's "in ..." phrases and, when the
    number is the verb's object, the verb's subject."""
    noun = number.head if number.dep_ in ("nummod", "quantmod") else number
    tokens = {t.i for t in _phrase(noun)}
    verb, is_object = _verb_of(noun)
    arrival = verb is not None and not is_object and verb.lemma_.lower() in ARRIVAL
    subject = nearest_subject(verb) if verb is not None and is_object else None
    if subject is not None:  # every one of "Russia and Ukraine" exchanged 84 prisoners each
        tokens |= {t.i for s in (subject, *(c for c in subject.children if c.dep_ == "conj"))
                   for t in _phrase(s)}
    for child in verb.children if verb is not None else ():
        if child.lower_ in WHERE or (arrival and (child.dep_ == "dobj" or child.lower_ in ("on", "at"))):
            tokens |= {t.i for t in _phrase(child)}
    return tokens


def _verb_of(noun):
    """The verb the noun is the subject or (directly or through a preposition) the object of."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head, False
    token = noun
    while token.dep_ in OBJECT and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token, True
    if token is not noun and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        return token.head, False  # "a total of 22,480 people reached ...": the subject's count
    return None, False


def _phrase(token) -> list:
    return phrase_tokens(token, PHRASE)


def _national(token) -> bool:
    if token.lower_ in NATIONAL:
        return True
    return token.lower_ in WHOLE and any(c.lower_ in ("whole", "entire") for c in token.children) or (
        token.lower_ in WHOLE and token.head.lower_ in ("across", "throughout"))


def _is_place(ent) -> bool:
    """A place entity, or islands the tagger took for an organisation ("the Canary Islands")."""
    return ent.label_ in PLACE_LABELS or (ent.label_ in ("ORG", "FAC") and ent[-1].lower_ in ISLANDS)


def _own_ground(token) -> bool:
    """ "Spanish territory": a country's ground, named by its people's adjective."""
    return token.lower_ in OWN_GROUND and any(c.dep_ == "amod" and c.ent_type_ == "NORP"
                                              for c in token.children)


def _unnamed_part(token) -> bool:
    """ "the islands", "the region": a part of a country the sentence does not name."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    if stem(token.text) in UNNAMED_PARTS:
        return any(c.lower_ == "the" for c in token.children)
    # "the north", "Romania's drought-hit south-east": a compass part of the country named or meant
    return token.lower_ in COMPASS_PARTS and any(c.lower_ == "the" or c.dep_ == "poss"
                                                 for c in token.children)


def _owns_part(ent) -> bool:
    """Whether a place is named only as whose part of it a figure covers ("Romania's south-east")."""
    return ent.root.dep_ == "poss" and _unnamed_part(ent.root.head)


def _place(ent) -> Place:
    tokens = [t for t in ent if not t.is_stop and t.is_alpha]
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    sub = any(stem(t.text) in SUBNATIONAL for t in tokens) or bool(
        following is not None and stem(following.text) in SUBNATIONAL)
    return Place(frozenset(stem(t.text) for t in tokens if stem(t.text) not in SUBNATIONAL), sub)


def places_differ(first: Sequence[frozenset[Place]], second: Sequence[frozenset[Place]]) -> bool:
    """Whether two sides' figures plainly cover different places.

    Both sides must name places and none may meet; the whole country against a named place
    counts only when that place is plainly part of a country ("a county", "the region").
    """
    a, b = frozenset().union(*first), frozenset().union(*second)
    if not a or not b or any(x.meets(y) for x in a for y in b):
        return False
    for x, y in ((a, b), (b, a)):
        if COUNTRY in x and not all(p.subnational for p in y):
            return False
    return True
