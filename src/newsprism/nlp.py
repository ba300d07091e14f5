"""The language pipeline: one spaCy model, loaded once by name, run in batches."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language

from .errors import ModelNotInstalled
from .stages.textspans import doc_text

# What the per-article stages read from a Doc: the parse (quotes, roles), entities, lemmas.
# Every other component of the pipeline is disabled.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "newsprism_newlines",
          "newsprism_attributes", "newsprism_lemmas")
# Long texts are parsed in one go; spaCy's default cap is 1,000,000 characters.
MAX_LENGTH = 6_000_000


@Language.component("newsprism_newlines")
def newline_boundaries(doc):
    """Scraped text puts one paragraph a line: a sentence ends at a line break, unless the line
    is prose wrapped mid-clause ("... since former President" / "Donald Trump took office"), which
    the parser reads as one sentence."""
    text = doc_text(doc)  # kept with the doc: the stages read it again
    for token in _after_line_breaks(doc, text):
        before = doc[token.i - 1]
        if _wrapped(text, token.idx) and _continues(doc, token):
            token.is_sent_start = False
            if before.is_space:
                before.is_sent_start = False
        else:
            token.is_sent_start = True
    return doc


def _after_line_breaks(doc, text: str) -> list:
    """The tokens whose previous token holds a line break or has one after it, in order (found
    from the text's line breaks, not by a pass over every token)."""
    from spacy.attrs import IDX

    starts = doc.to_array(IDX).tolist() if len(doc) else []
    follow = sorted({bisect_right(starts, m.start()) for m in re.finditer("\n", text)})
    return [doc[i] for i in follow if 0 < i < len(doc)]


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
    _faster_components(nlp)
    if "parser" in nlp.pipe_names and "newsprism_newlines" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_newlines", before="parser")
    nlp.max_length = MAX_LENGTH
    return nlp


def parse(texts: Iterable[str], model: str, batch_size: int = 64) -> Iterator:
    """spaCy Docs for the texts, in order, parsed in batches."""
    return load(model).pipe(texts, batch_size=batch_size)


# --- the attribute ruler and the lemmatizer over the doc's arrays ------------------------------
# Both of spaCy's components touch every word through a Python Token object; together they take
# about a sixth of the parse. The two below give the same annotations (a test compares them
# token by token) through `Doc.to_array` / `Doc.from_array`, creating a Token only for a word
# form not seen before.


class TagAttributes:
    """spaCy's attribute ruler: its leading rules, which map a fine-grained tag to a part of
    speech and morphology (most of its matches), applied as one lookup per distinct tag; the
    rules for particular words then run through a ruler of their own, in spaCy's order."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import MORPH, POS
        from spacy.pipeline import AttributeRuler

        patterns = ruler.patterns
        leading = 0
        while leading < len(patterns) and _tag_map_rule(patterns[leading]):
            leading += 1
        self.pos_morph: dict[int, tuple[int, int]] = {}
        vocab = ruler.vocab
        for pattern, attrs in zip(patterns[:leading], ruler.attrs[:leading], strict=True):
            tag = vocab.strings.add(pattern["patterns"][0][0]["TAG"])
            before = self.pos_morph.get(tag, (None, None))
            self.pos_morph[tag] = (attrs.get(POS, before[0]), attrs.get(MORPH, before[1]))
        self.rules = WordRules.of(patterns[leading:], ruler.attrs[leading:], vocab)
        self.rest = None
        if self.rules is None:  # a kind of rule WordRules does not read: spaCy's own ruler does it
            self.rest = AttributeRuler(vocab)
            self.rest.add_patterns(patterns[leading:])

    def __call__(self, doc):
        import numpy
        from spacy.attrs import MORPH, POS, TAG

        if len(doc):
            array = doc.to_array([TAG, POS, MORPH])
            tags, where = numpy.unique(array[:, 0], return_inverse=True)
            for column in (1, 2):  # 0: no rule for the tag sets it
                given = numpy.array([self.pos_morph.get(t, (0, 0))[column - 1] or 0 for t in tags.tolist()],
                                    dtype=array.dtype)[where]
                array[:, column] = numpy.where(given != 0, given, array[:, column])
            doc.from_array([POS, MORPH], numpy.ascontiguousarray(array[:, 1:]))
        return self.rules(doc) if self.rest is None else self.rest(doc)


class WordRules:
    """The attribute ruler's other rules (particular words, their tags and dependencies, runs of
    two words), matched on the doc's arrays, one vectorised test per rule, and applied as spaCy's
    ruler applies its matches: in rule order, each rule's matches from the left, all of them
    found before any is applied."""

    ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")

    def __init__(self, rules: list, vocab) -> None:
        self.rules = rules  # per rule: (alternatives, index, attrs); an alternative: (words, tests)
        self.vocab = vocab

    @classmethod
    def of(cls, patterns: list[dict], attrs: list[dict], vocab) -> WordRules | None:
        rules = []
        for pattern, pattern_attrs in zip(patterns, attrs, strict=True):
            alternatives = []
            for words in pattern["patterns"]:
                tests = [(offset, _word_test(name, value, vocab))
                         for offset, word in enumerate(words) for name, value in word.items()]
                if not words or any(test is None for _, test in tests):
                    return None
                # the cheap tests first: a regular expression reads only where the others hold
                tests.sort(key=lambda t: t[1][2] is not None)
                alternatives.append((len(words), [(offset, *test) for offset, test in tests]))
            rules.append((alternatives, pattern.get("index", 0), pattern_attrs))
        return cls(rules, vocab)

    def __call__(self, doc):
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return doc
        columns = dict(zip(self.ATTRS, doc.to_array([LOWER, TAG, DEP, IS_SPACE]).T, strict=True))
        found = []
        for alternatives, index, attrs in self.rules:
            starts: list[tuple[int, int]] = []
            for span, tests in alternatives:
                if span > n:
                    continue
                mask = numpy.ones(n - span + 1, dtype=bool)
                for offset, name, test, pattern in tests:
                    column = columns[name][offset:n - span + 1 + offset]
                    if pattern is None:
                        mask &= test(column)
                        continue
                    for i in numpy.flatnonzero(mask).tolist():
                        key = int(column[i])
                        mask[i] = bool(key) and bool(pattern.search(self.vocab.strings[key]))
                starts += [(int(i), int(i) + span) for i in numpy.flatnonzero(mask)]
            found.append((sorted(starts), index, attrs))
        for starts, index, attrs in found:
            for start, _ in starts:
                set_token_attrs(doc[start + index], attrs)
        return doc


def _word_test(name: str, value, vocab):
    """(attribute, test over an array of its values, regular expression) for one condition of a
    ruler's pattern: a test for a value or a list of them, a pattern read word by word; None for
    a condition WordRules does not read."""
    import numpy

    if name not in WordRules.ATTRS:
        return None
    if name == "IS_SPACE":
        return (name, lambda column: column == int(value), None) if isinstance(value, bool) else None
    if isinstance(value, str):
        key = vocab.strings[value] if value else 0
        return name, lambda column: column == key, None
    if isinstance(value, dict) and len(value) == 1:
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list):
            keys = numpy.array([vocab.strings[v] if v else 0 for v in operand], dtype=numpy.uint64)
            inside = op == "IN"
            return name, lambda column: numpy.isin(column, keys) == inside, None
        if op == "REGEX" and isinstance(operand, str):
            return name, None, re.compile(operand)
    return None


def _tag_map_rule(pattern: dict) -> bool:
    """A rule of one token matched by its tag alone, that sets its part of speech or morphology."""
    tokens = pattern["patterns"]
    return (len(tokens) == 1 and len(tokens[0]) == 1 and list(tokens[0][0]) == ["TAG"]
            and pattern.get("index", 0) == 0 and set(pattern["attrs"]) <= {"POS", "MORPH"})


class ArrayLemmatizer:
    """spaCy's rule lemmatizer, asked once per word form, part of speech and morphology (the key
    of its own cache), its answers written back in one call. Its rules are applied here with the
    index of known lemmas as a set: spaCy's looks each candidate up in a list (57,528 nouns), which
    made the first sight of each word form cost a tenth of a millisecond."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}
        self._indexes: dict[str, frozenset[str]] = {}

    def _index(self, univ_pos: str) -> frozenset[str]:
        found = self._indexes.get(univ_pos)
        if found is None:
            table = self.lemmatizer.lookups.get_table("lemma_index", {})
            found = self._indexes[univ_pos] = frozenset(table.get(univ_pos, ()))
        return found

    def lemma(self, token) -> str:
        """The first lemma spaCy's `Lemmatizer.rule_lemmatize` gives, by the same steps."""
        lemmatizer = self.lemmatizer
        univ_pos = token.pos_.lower()
        if lemmatizer.mode != "rule" or univ_pos in ("", "eol", "space"):
            return lemmatizer.lemmatize(token)[0]  # spaCy's own, with its warning for a missing tag
        string = token.text
        if lemmatizer.is_base_form(token):
            return string.lower()
        lookups = lemmatizer.lookups
        exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos, {})
        rules = lookups.get_table("lemma_rules", {}).get(univ_pos, {})
        if not (lookups.get_table("lemma_index", {}).get(univ_pos) or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        index, lower = self._index(univ_pos), string.lower()
        forms: list[str] = []
        unknown: list[str] = []
        for old, new in rules:
            if lower.endswith(old) and (form := lower[:len(lower) - len(old)] + new):
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    unknown.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or unknown or [string])[0]

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite, known, strings = self.lemmatizer.overwrite, self.known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.lemma(doc[i]))
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsprism_attributes")
def _make_attributes(nlp, name):
    return TagAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory("newsprism_lemmas")
def _make_lemmas(nlp, name):
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))


def _faster_components(nlp) -> None:
    """Put the array versions in the place of spaCy's attribute ruler and rule lemmatizer."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("newsprism_attributes", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmatizer is not None and getattr(lemmatizer, "mode", None) == "rule":
        nlp.add_pipe("newsprism_lemmas", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
