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
    """Scraped text puts one paragraph a line: never let a sentence run over a line break."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


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
