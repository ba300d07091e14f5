"""The conflict test suite: mini-corpora written by the team, each with the conflicts it must yield.

Each case (one JSON file under `data/conflicts/`) holds two to four short articles, the
conflicts between them (kind, status, and per side the articles and an evidence string) and
the look-alikes that are not conflicts (rounding, paraphrase, different subjects, ...).

Per case, predicted conflicts are paired with expected ones one to one, greedily, same status
first. A pair fits when the kinds are equal and every expected side is covered by a distinct
predicted side: one of its evidence spans lies in one of the side's articles and overlaps the
place where the side's evidence string stands there. Strict scores also ask for the status.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import InputError, NewsprismError
from ..model import Article, Conflict, ConflictSide, Evidence, Span
from .spans import PRF, greedy_match, overlaps

KINDS = ("numeric", "identity", "temporal", "other")
STATUSES = ("contradiction", "revision", "scope")
# Why a look-alike is not a conflict: values equal after rounding, the same words said another
# way, the same unit about different things, the same fact agreed on, a role that changed in time.
REASONS = ("rounding", "paraphrase", "different-subject", "consistent", "role-change")

Predictor = Callable[[list[Article]], list[Conflict]]


# --- the cases ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedSide:
    """One side of an expected conflict: the articles that state it and the words that do."""

    articles: tuple[str, ...]
    evidence: str


@dataclass(frozen=True, slots=True)
class ExpectedConflict:
    """A conflict the system must find."""

    kind: str
    status: str
    sides: tuple[ExpectedSide, ...]


@dataclass(frozen=True, slots=True)
class NonConflict:
    """A look-alike the system must not report: each evidence string stands once in the case."""

    kind: str
    why: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflictCase:
    """One mini-corpus with what it must and must not yield."""

    name: str
    about: str
    articles: tuple[Article, ...]
    conflicts: tuple[ExpectedConflict, ...] = ()
    non_conflicts: tuple[NonConflict, ...] = ()

    def article(self, article_id: str) -> Article:
        """The case's article with this id."""
        return next(a for a in self.articles if a.id == article_id)

    def position(self, article_id: str, evidence: str) -> Span:
        """Where an evidence string stands in one of the case's articles."""
        start = self.article(article_id).text.index(evidence)
        return start, start + len(evidence)

    def locate(self, evidence: str) -> tuple[str, Span]:
        """The article holding a non-conflict's evidence string, and where in it."""
        article = next(a for a in self.articles if evidence in a.text)
        return article.id, self.position(article.id, evidence)


def default_folder(name: str = "conflicts") -> Traversable:
    """A folder of cases shipped with newsprism: the development suite (`conflicts`), on which
    the rules were tuned, or the held-out one (`conflicts_heldout`), written blind to them."""
    return resources.files("newsprism.evaluate").joinpath("data", name)


PACKAGED_SUITES = {"development suite": "conflicts", "held-out suite": "conflicts_heldout",
                   "blind suite": "conflicts_blind", "second blind suite": "conflicts_blind2",
                   "third blind suite": "conflicts_blind3", "fourth blind suite": "conflicts_blind4",
                   "fifth blind suite": "conflicts_blind5", "sixth blind suite": "conflicts_blind6",
                   "seventh blind suite": "conflicts_blind7", "eighth blind suite": "conflicts_blind8",
                   "ninth blind suite": "conflicts_blind9", "tenth blind suite": "conflicts_blind10",
                   "eleventh blind suite": "conflicts_blind11", "twelfth blind suite": "conflicts_blind12",
                   "thirteenth blind suite": "conflicts_blind13", "fourteenth blind suite":
                   "conflicts_blind14", "fifteenth blind suite": "conflicts_blind15",
                   "sixteenth blind suite": "conflicts_blind16",
                   "seventeenth blind suite": "conflicts_blind17",
                   "eighteenth blind suite": "conflicts_blind18",
                   "nineteenth blind suite": "conflicts_blind19",
                   "twentieth blind suite": "conflicts_blind20",
                   "twenty-first blind suite": "conflicts_blind21",
                   "twenty-second blind suite": "conflicts_blind22",
                   "twenty-third blind suite": "conflicts_blind23",
                   "twenty-fourth blind suite": "conflicts_blind24",
                   "twenty-fifth blind suite": "conflicts_blind25",
                   "twenty-sixth blind suite": "conflicts_blind26",
                   "twenty-seventh blind suite": "conflicts_blind27"}


def load_cases(folder: str | Path | Traversable | None = None) -> list[ConflictCase]:
    """Every case in a folder (by default the packaged suite), in file-name order, validated."""
    folder = default_folder() if folder is None else folder
    folder = Path(folder) if isinstance(folder, str) else folder
    if not folder.is_dir():
        raise NewsprismError(f"{folder} is not a folder: point at a folder of conflict cases (*.json)")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    if not files:
        raise NewsprismError(f"no conflict cases (*.json) in {folder}")
    cases = [load_case(f) for f in files]
    _check_unique([c.name for c in cases], "case name", str(folder))
    _check_unique([a.id for c in cases for a in c.articles], "article id", str(folder))
    return cases


def load_case(path: Path | Traversable) -> ConflictCase:
    """One case file, validated: a bad file raises InputError naming the file and the field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        case = _case(data)
        problem = case_problem(case)
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"not a readable conflict case: {exc}") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(path), f"not a conflict case: missing or malformed field {exc}") from exc
    if problem:
        raise InputError(str(path), problem)
    return case


def _case(data: dict) -> ConflictCase:
    articles = tuple(Article(id=a["id"], text=a["text"], source=a.get("source"), title=a.get("title"),
                             published=a.get("published")) for a in data["articles"])
    conflicts = tuple(ExpectedConflict(c["kind"], c["status"], tuple(
        ExpectedSide(tuple(s["articles"]), s["evidence"]) for s in c["sides"])) for c in data["conflicts"])
    non_conflicts = tuple(NonConflict(n["kind"], n["why"], tuple(n["evidence"]))
                          for n in data.get("non_conflicts", ()))
    return ConflictCase(data["name"], data.get("about", ""), articles, conflicts, non_conflicts)


def case_problem(case: ConflictCase) -> str | None:
    """What is wrong with a case, in words, or None when it is sound."""
    ids = [a.id for a in case.articles]
    if not 2 <= len(ids) <= 4:
        return f"case {case.name!r} has {len(ids)} articles; a case holds two to four"
    if len(set(ids)) != len(ids):
        return f"case {case.name!r} repeats an article id"
    for conflict in case.conflicts:
        if problem := _conflict_problem(case, conflict):
            return problem
    for non in case.non_conflicts:
        if problem := _non_conflict_problem(case, non):
            return problem
    return None


def _conflict_problem(case: ConflictCase, conflict: ExpectedConflict) -> str | None:
    if conflict.kind not in KINDS or conflict.status not in STATUSES:
        return (f"conflict {conflict.kind}/{conflict.status}: kind must be one of {KINDS}, "
                f"status of {STATUSES}")
    if len(conflict.sides) < 2:
        return f"a {conflict.kind} conflict has {len(conflict.sides)} side(s); it needs two or more"
    for side in conflict.sides:
        for article_id in side.articles or ("(none)",):
            if article_id not in {a.id for a in case.articles}:
                return f"side {side.evidence!r} names no article of the case: {article_id!r}"
            count = case.article(article_id).text.count(side.evidence)
            if count != 1:
                return f"evidence {side.evidence!r} stands {count} times in {article_id}; it must stand once"
    return None


def _non_conflict_problem(case: ConflictCase, non: NonConflict) -> str | None:
    if non.kind not in KINDS or non.why not in REASONS:
        return f"non-conflict {non.kind}/{non.why}: kind must be one of {KINDS}, why of {REASONS}"
    if len(non.evidence) < 2:
        return f"a {non.why} non-conflict needs two or more evidence strings"
    for evidence in non.evidence:
        count = sum(a.text.count(evidence) for a in case.articles)
        if count != 1:
            return f"non-conflict evidence {evidence!r} stands {count} times in the case; it must stand once"
    return None


def _check_unique(values: list[str], what: str, where: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise NewsprismError(f"{where}: the {what} {value!r} is used twice; each must be unique")
        seen.add(value)


# --- matching --------------------------------------------------------------------------------------


def side_covers(case: ConflictCase, predicted: ConflictSide, expected: ExpectedSide) -> bool:
    """Whether a predicted side's evidence overlaps the expected evidence in one of its articles."""
    return any(e.article_id in expected.articles
               and overlaps((e.start, e.end), case.position(e.article_id, expected.evidence))
               for e in predicted.evidence)


def sides_cover(case: ConflictCase, predicted: Sequence[ConflictSide],
                expected: Sequence[ExpectedSide]) -> bool:
    """Whether every expected side is covered by a distinct predicted side."""
    def place(i: int, used: frozenset[int]) -> bool:
        if i == len(expected):
            return True
        return any(place(i + 1, used | {j}) for j, side in enumerate(predicted)
                   if j not in used and side_covers(case, side, expected[i]))

    return place(0, frozenset())


def fit(case: ConflictCase, predicted: Conflict, expected: ExpectedConflict) -> float:
    """2 when kind, sides and status fit; 1 when only the status differs; 0 otherwise."""
    if predicted.kind != expected.kind or not sides_cover(case, predicted.sides, expected.sides):
        return 0.0
    return 2.0 if predicted.status == expected.status else 1.0


def declared_non_conflict(case: ConflictCase, predicted: Conflict) -> NonConflict | None:
    """The declared look-alike a predicted conflict reports, if any: two of its places on two sides."""
    for non in case.non_conflicts:
        places = [case.locate(evidence) for evidence in non.evidence]
        hits = [{i for i, place in enumerate(places) if side_touches(side, *place)}
                for side in predicted.sides]
        if _distinct_pairs(hits):
            return non
    return None


def side_touches(side: ConflictSide, article_id: str, span: Span) -> bool:
    """Whether a predicted side has evidence overlapping this span of this article."""
    return any(e.article_id == article_id and overlaps((e.start, e.end), span) for e in side.evidence)


def _distinct_pairs(hits: list[set[int]]) -> bool:
    """Whether two different sides hit two different places."""
    return any(a != b for i, first in enumerate(hits) for second in hits[i + 1:]
               for a in first for b in second)


# --- scores ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A predicted conflict that matches nothing expected, and the look-alike it reports, if declared."""

    conflict: Conflict
    non_conflict: NonConflict | None = None


@dataclass(frozen=True, slots=True)
class CaseResult:
    """How the system did on one case."""

    case: ConflictCase
    predicted: tuple[Conflict, ...]
    matched: int
    matched_any_status: int
    misses: tuple[ExpectedConflict, ...] = ()
    wrong_status: tuple[tuple[ExpectedConflict, Conflict], ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()

    @property
    def expected(self) -> int:
        return len(self.case.conflicts)

    @property
    def strict(self) -> PRF:
        return PRF(self.matched, len(self.predicted), self.expected)

    @property
    def lenient(self) -> PRF:
        return PRF(self.matched_any_status, len(self.predicted), self.expected)


@dataclass(frozen=True, slots=True)
class ConflictScores:
    """Results over the suite: strict (with status) and lenient (any status) counts."""

    cases: tuple[CaseResult, ...] = ()

    @property
    def strict(self) -> PRF:
        return sum((c.strict for c in self.cases), PRF())

    @property
    def lenient(self) -> PRF:
        return sum((c.lenient for c in self.cases), PRF())

    @property
    def status_accuracy(self) -> float:
        """Among conflicts found with any status, the share found with the right one."""
        found = self.lenient.matched
        return self.strict.matched / found if found else 0.0

    def as_dict(self) -> dict:
        """Counts and rates as a JSON-ready dict."""
        return {"cases": len(self.cases), "strict": self.strict.as_dict(),
                "lenient": self.lenient.as_dict(), "status_accuracy": self.status_accuracy}


def score_case(case: ConflictCase, predicted: Sequence[Conflict]) -> CaseResult:
    """Pair one case's predicted conflicts with its expected ones and count."""
    predicted = tuple(predicted)
    pairs = greedy_match(predicted, case.conflicts, lambda p, g: fit(case, p, g), threshold=1.0)
    paired_golds, paired_preds = {m.gold for m in pairs}, {m.pred for m in pairs}
    return CaseResult(
        case, predicted, sum(1 for m in pairs if m.score == 2.0), len(pairs),
        misses=tuple(g for j, g in enumerate(case.conflicts) if j not in paired_golds),
        wrong_status=tuple((case.conflicts[m.gold], predicted[m.pred]) for m in pairs if m.score < 2.0),
        false_positives=tuple(FalsePositive(p, declared_non_conflict(case, p))
                              for i, p in enumerate(predicted) if i not in paired_preds),
    )


def score_conflicts(cases: Iterable[ConflictCase], predict: Predictor) -> ConflictScores:
    """Run `predict` on each case's articles and score what it reports."""
    return ConflictScores(tuple(score_case(case, predict(list(case.articles))) for case in cases))


def gold_predict(cases: Iterable[ConflictCase]) -> Predictor:
    """A predictor that answers each case with its expected conflicts (checks the scorer end to end)."""
    by_ids = {tuple(a.id for a in case.articles): case for case in cases}

    def predict(articles: list[Article]) -> list[Conflict]:
        case = by_ids[tuple(a.id for a in articles)]
        return [expected_as_conflict(case, c, f"{case.name}-{i}") for i, c in enumerate(case.conflicts)]

    return predict


def expected_as_conflict(case: ConflictCase, expected: ExpectedConflict, ident: str) -> Conflict:
    """An expected conflict written as the record the system would report."""
    sides = tuple(ConflictSide(side.evidence, side.articles, tuple(
        _evidence(case, article_id, side.evidence) for article_id in side.articles))
        for side in expected.sides)
    return Conflict(ident, expected.kind, expected.status, " vs ".join(s.value for s in sides), sides)


def _evidence(case: ConflictCase, article_id: str, text: str) -> Evidence:
    start, end = case.position(article_id, text)
    return Evidence(article_id, start, end)


# --- the report ------------------------------------------------------------------------------------


def format_conflict_scores_markdown(scores: ConflictScores) -> str:
    """A Markdown summary table (strict and lenient P/R/F1) and, per case, what was missed or wrong."""
    lines = ["| Matching | Cases | Expected | Predicted | Matched | P | R | F1 |", "|---" * 8 + "|"]
    rows = (("strict (kind, sides, status)", scores.strict), ("lenient (kind, sides)", scores.lenient))
    for label, prf in rows:
        lines.append(f"| {label} | {len(scores.cases)} | {prf.gold} | {prf.predicted} | {prf.matched} | "
                     f"{100 * prf.precision:.1f} | {100 * prf.recall:.1f} | {100 * prf.f1:.1f} |")
    lines += ["", f"Status accuracy among lenient matches: {100 * scores.status_accuracy:.1f}%"]
    details = [line for result in scores.cases for line in _case_details(result)]
    lines += ["", "Misses and false positives:", "", *(details or ["- none"])]
    return "\n".join(lines) + "\n"


def _case_details(result: CaseResult) -> list[str]:
    case = result.case
    lines = [f"- {case.name}: missed {_expected_text(c)}" for c in result.misses]
    lines += [f"- {case.name}: {_expected_text(c)} reported as {p.status}" for c, p in result.wrong_status]
    for fp in result.false_positives:
        why = f" (declared not a conflict: {fp.non_conflict.why})" if fp.non_conflict else ""
        lines.append(f"- {case.name}: false positive {_predicted_text(case, fp.conflict)}{why}")
    return lines


def _expected_text(conflict: ExpectedConflict) -> str:
    sides = " vs ".join(f"{s.evidence!r} ({', '.join(s.articles)})" for s in conflict.sides)
    return f"{conflict.kind}/{conflict.status} {sides}"


def _predicted_text(case: ConflictCase, conflict: Conflict) -> str:
    sides = " vs ".join(_side_text(case, side) for side in conflict.sides)
    return f"{conflict.kind}/{conflict.status} {sides}"


def _side_text(case: ConflictCase, side: ConflictSide) -> str:
    ids = {a.id for a in case.articles}
    spans = [f"{case.article(e.article_id).span_text(e.start, e.end)!r} ({e.article_id})"
             for e in side.evidence if e.article_id in ids]
    return " + ".join(spans) or repr(side.value)
