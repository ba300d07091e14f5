"""Conflicts on real multi-outlet news, read by hand.

The labels (`data/conflicts_real.json`) list every real disagreement between the articles of 26
events of the shared datasets (NewsWCL50's ten events, five US outlets each, and ECB+ dev's 16
events), each side with the article ids and character spans that state its value. The articles
themselves stay in the datasets folder and are read at evaluation time.

The run is the one a user makes: every article of those events ingested into one fresh store,
analysed and linked (the tool must tell the events apart itself), and the conflicts read back.
A printed conflict is right when two of its sides each overlap a different side of one labelled
disagreement; every other printed conflict counts against precision, so precision covers all
of what the tool prints. A labelled disagreement is found when a printed conflict is right
about it. Figures are given for the conflicts shown by default (confidence at least
`SHOWN_CONFIDENCE`) and for all of them (`--all`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..link.conflicts import SHOWN_CONFIDENCE
from ..model import Conflict

LABELS = "data/conflicts_real.json"


@dataclass(frozen=True, slots=True)
class Labelled:
    """One real disagreement: its event, kind, status and each side's spans."""

    event: str
    kind: str
    status: str
    what: str
    sides: tuple[tuple[tuple[str, int, int], ...], ...]


@dataclass(slots=True)
class RealScores:
    """What one run printed, judged against the labels."""

    labelled: int = 0
    printed: int = 0
    right: int = 0
    found: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.printed if self.printed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0


def load_labels() -> dict:
    """The packaged labels."""
    return json.loads(resources.files("newsprism.evaluate").joinpath(LABELS).read_text("utf-8"))


def labelled(labels: dict) -> list[Labelled]:
    """The labelled disagreements, their sides as (article id, start, end) spans."""
    return [Labelled(d["event"], d["kind"], d["status"], d["what"],
                     tuple(tuple((e["article"], e["start"], e["end"]) for e in side["evidence"])
                           for side in d["sides"]))
            for d in labels["disagreements"]]


def event_rows(root: Path, labels: dict) -> list[dict]:
    """The articles of the labelled events, as JSON Lines records the JSONL reader takes."""
    rows = []
    for chosen in labels["sets"]:
        path = root / chosen["path"]
        if not path.exists():
            raise InputError(str(path), "not found: give the datasets folder (../shared/datasets)")
        events = set(chosen["events"])
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            if (record.get("event") or record.get("subtopic")) in events:
                rows.append({key: record[key] for key in ("id", "title", "text", "source", "published", "url")
                             if record.get(key)} | {"id": str(record["id"])})
    return rows


def printed_conflicts(rows: Sequence[dict], settings: Settings | None = None) -> list[Conflict]:
    """Every conflict a fresh store finds among the articles, analysed and linked as a user would."""
    from ..link import link_store
    from ..pipeline import analyze_paths
    from ..store import open_store

    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "articles.jsonl"
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
        store = open_store(str(Path(scratch) / "real.db"))
        try:
            analyze_paths([str(source)], store, settings or Settings(workers=1))
            link_store(store)
            return list(store.iter_conflicts())
        finally:
            store.close()


def _overlaps(evidence, span: tuple[str, int, int]) -> bool:
    article, start, end = span
    return evidence.article_id == article and evidence.start < end and start < evidence.end


def matches(conflict: Conflict, label: Labelled) -> bool:
    """Whether two sides of the conflict each touch a different side of the labelled disagreement."""
    touches = [{n for n, side in enumerate(label.sides) if any(_overlaps(e, span) for e in s.evidence
                                                               for span in side)}
               for s in conflict.sides]
    return any(a != b for i, x in enumerate(touches) for y in touches[i + 1:] for a in x for b in y)


def score(conflicts: Sequence[Conflict], labels: Sequence[Labelled], show_all: bool = False) -> RealScores:
    """Precision over the printed conflicts (those shown by default, or all), recall over the labels."""
    printed = [c for c in conflicts if show_all or c.confidence >= SHOWN_CONFIDENCE]
    scores = RealScores(labelled=len(labels), printed=len(printed))
    found = set()
    for conflict in printed:
        hits = [n for n, label in enumerate(labels) if matches(conflict, label)]
        found.update(hits)
        scores.right += bool(hits)
        verdict = f"right ({labels[hits[0]].what})" if hits else "false"
        scores.lines.append(f"- [{conflict.kind}, {conflict.status}, {conflict.confidence:.2f}] "
                            f"{conflict.summary}: **{verdict}**")
    scores.found = len(found)
    scores.lines += [f"- missed [{label.kind}, {label.event}]: {label.what}"
                     for n, label in enumerate(labels) if n not in found]
    return scores


def real_conflicts_report(root: str | Path, settings: Settings | None = None) -> str:
    """Markdown: precision and recall on the hand-read events, shown and all, then every printed
    conflict with its verdict and every labelled disagreement missed."""
    labels = load_labels()
    truth = labelled(labels)
    rows = event_rows(Path(root), labels)
    conflicts = printed_conflicts(rows, settings)
    shown, everything = score(conflicts, truth), score(conflicts, truth, show_all=True)
    lines = [f"{len(rows)} articles of {sum(len(s['events']) for s in labels['sets'])} events, "
             f"{len(truth)} real disagreements read by hand\n",
             "| printed | conflicts | right | P | labelled found | R |", "|---|---|---|---|---|---|"]
    for name, s in (("shown (default)", shown), ("all (--all)", everything)):
        lines.append(f"| {name} | {s.printed} | {s.right} | {100 * s.precision:.1f} | "
                     f"{s.found} of {s.labelled} | {100 * s.recall:.1f} |")
    lines += ["", "Every conflict printed with `--all`, judged:", "", *everything.lines]
    return "\n".join(lines)


__all__ = ["Labelled", "RealScores", "labelled", "load_labels", "matches", "real_conflicts_report", "score"]
