"""The language pipeline: one spaCy model, loaded once by name, run in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language

from .errors import ModelNotInstalled

# What the per-article stages read from a Doc: the parse (quotes, roles), entities, lemmas.
# Every other component of the pipeline is disabled.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "newsprism_newlines")
# Long texts are parsed in one go; spaCy's default cap is 1,000,000 characters.
MAX_LENGTH = 6_000_000


@Language.component("newsprism_newlines")
def newline_boundaries(doc):
    """Scraped text puts one paragraph a line: a sentence ends at a line break, unless the line
    is prose wrapped mid-clause ("... since former President" / "Donald Trump took office"), which
    the parser reads as one sentence."""
    text = doc.text
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            if _wrapped(text, token.idx) and _continues(doc, token):
                token.is_sent_start = False
                if before.is_space:
                    before.is_sent_start = False
            else:
                token.is_sent_start = True
    return doc


def _continues(doc, token) -> bool:
    """True when the words around a line break read as one clause: a lower-case word after it,
    a word before it that cannot end a sentence ("the", "of", "former"), or one name running
    over it ("President" / "Donald Trump"). A subheading ("Rutte advises politicians to refrain
    from making loud statements" / "According to ...") stays a sentence of its own."""
    last = next((t for t in reversed(doc[:token.i]) if not t.is_space), None)
    if last is None:
        return False
    if token.is_lower or last.tag_ in OPEN_TAGS or last.text == ",":
        return True
    return last.tag_ == "NNP" and token.tag_ == "NNP"


# Part-of-speech tags of words that leave a clause open: determiners, prepositions, conjunctions,
# possessives, adjectives, modals, "to".
OPEN_TAGS = {"DT", "IN", "CC", "TO", "PRP$", "POS", "JJ", "JJR", "JJS", "MD", "WDT", "WP", "WP$", "HYPH"}
WRAP_MIN_WORDS = 5  # a shorter line is a heading, a byline or a dateline, never wrapped prose
WRAP_MIN_CHARS = 45  # wrapped lines are long; a shorter one is joined only to a lower-case word
_TERMINAL = tuple('.!?:;…"”\'’)]―—')


def _wrapped(text: str, at: int) -> bool:
    """True when the line break before the word at `at` wraps a sentence: a single break after
    a line of prose, not the first line (the title), that ends without closing punctuation, and
    a word next, not a quote or a bullet."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end)
    if start < 0 or text.count("\n", end, at) != 1 or not text[at:at + 1].isalnum():
        return False
    line = text[start + 1:end].strip()
    if line.endswith(_TERMINAL):
        return False
    if text[at].islower():
        return True  # "... regularly" / "incites" / "political violence ..."
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < WRAP_MIN_WORDS or len(line) < WRAP_MIN_CHARS:
        return False  # a heading, a byline, a short paragraph that ends without a stop
    return sum(w[0].isupper() for w in words) < 0.7 * len(words)


@lru_cache(maxsize=4)
def load(name: str):
    """The spaCy pipeline called `name`, with the components newsprism does not use disabled."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(name) from exc
    for pipe in nlp.pipe_names:
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names and "newsprism_newlines" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_newlines", before="parser")
    nlp.max_length = MAX_LENGTH
    return nlp


def parse(texts: Iterable[str], model: str, batch_size: int = 64) -> Iterator:
    """spaCy Docs for the texts, in order, parsed in batches."""
    return load(model).pipe(texts, batch_size=batch_size)
