"""Cross-document entity resolution against gold chains (ECB+ human participants, NewsWCL50 actors).

Gold data lives outside the repository (the datasets README, section "entities/"): JSON Lines
articles, each with `mentions` of `start`, `end`, `chain` and `named`. Only named gold mentions
are scored. Each is mapped to the system mention of the same article with the largest character
overlap (ties: the span closest in length, then the entity id, so the order mentions are read in
does not matter), among those that cover at least half of it and are at most three times its
length plus 30 characters; coverage is the share mapped. The headline figure is pairwise precision, recall
and F1 over pairs of mapped mentions in *different* articles (gold: same chain; system: same
entity id), with B³ over the mapped mentions beside it. The same-head-word baseline (two named
mentions corefer when their last words match) is scored on every named gold mention in the same
run.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from .stories import b_cubed, f1

ENTITY_FILES = ("ecbplus-dev.jsonl", "ecbplus-train.jsonl", "newswcl50.jsonl")


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One named gold mention: where it is and which chain it belongs to."""

    article_id: str
    start: int
    end: int
    chain: str


@dataclass(frozen=True, slots=True)
class SystemMention:
    """One mention the system stored, with the store-wide entity it was resolved to."""

    article_id: str
    start: int
    end: int
    entity_id: str


@dataclass(frozen=True, slots=True)
class EntityScores:
    """Coverage, cross-document pairwise and B³ agreement with the gold chains."""

    named: int
    mapped: int
    pair_precision: float
    pair_recall: float
    b3_precision: float
    b3_recall: float
    entities: int
    chains: int
    seconds: float = 0.0

    @property
    def coverage(self) -> float:
        """The share of named gold mentions one system mention stands for."""
        return self.mapped / self.named if self.named else 0.0

    @property
    def pair_f1(self) -> float:
        """Harmonic mean of cross-document pairwise precision and recall."""
        return f1(self.pair_precision, self.pair_recall)

    @property
    def b3_f1(self) -> float:
        """Harmonic mean of B³ precision and recall."""
        return f1(self.b3_precision, self.b3_recall)


def load_gold(path: str | Path) -> tuple[list[dict], list[GoldMention]]:
    """The rows of a gold file (for analysis) and its named mentions."""
    rows, mentions = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            rows.append(row)
            mentions.extend(GoldMention(str(row["id"]), m["start"], m["end"], m["chain"])
                            for m in row.get("mentions", ()) if m.get("named"))
    return rows, mentions


def map_mentions(gold: Sequence[GoldMention], system: Iterable[SystemMention]) -> dict[GoldMention, str]:
    """Gold mention -> entity id of the system mention that stands for it, where one does."""
    by_article: dict[str, list[SystemMention]] = {}
    for mention in system:
        by_article.setdefault(mention.article_id, []).append(mention)
    mapped = {}
    for g in gold:
        length = g.end - g.start
        best, best_key = None, None
        for s in by_article.get(g.article_id, ()):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap * 2 < length or s.end - s.start > 3 * length + 30:
                continue
            # most overlap, then the span closest in length, then the entity id: the same answer
            # whatever order the mentions come in
            key = (overlap, -abs((s.end - s.start) - length), s.entity_id)
            if best_key is None or key > best_key:
                best, best_key = s, key
        if best is not None:
            mapped[g] = best.entity_id
    return mapped


def score(gold: Sequence[GoldMention], predicted: Mapping[GoldMention, str], seconds: float = 0.0
          ) -> EntityScores:
    """Cross-document pairwise and B³ scores of the mapped mentions."""
    items = [g for g in gold if g in predicted]
    chains = {g: g.chain for g in items}
    entities = {g: predicted[g] for g in items}
    both = _cross_pairs(items, lambda g: (chains[g], entities[g]))
    in_gold, in_system = _cross_pairs(items, chains.get), _cross_pairs(items, entities.get)
    b3_p, b3_r = b_cubed(entities, chains) if items else (1.0, 1.0)
    return EntityScores(len(gold), len(items), both / in_system if in_system else 1.0,
                        both / in_gold if in_gold else 1.0, b3_p, b3_r,
                        len(set(entities.values())), len(set(chains.values())), seconds)


def _cross_pairs(items: Sequence[GoldMention], key) -> int:
    """Pairs of items in different articles that share a key."""
    overall = Counter(key(g) for g in items)
    same_article = Counter((key(g), g.article_id) for g in items)
    pairs = sum(n * (n - 1) // 2 for n in overall.values())
    return pairs - sum(n * (n - 1) // 2 for n in same_article.values())


def head_word(text: str) -> str:
    """The baseline's key: a mention's last word, lower-cased, possessive stripped."""
    words = re.findall(r"[\w'’.-]+", text.lower())
    word = words[-1] if words else text.lower()
    return re.sub(r"['’]s?$", "", word)


def head_word_baseline(rows: Sequence[dict], gold: Sequence[GoldMention]) -> EntityScores:
    """The same-head-word anchor on every named gold mention with its gold span."""
    texts = {str(row["id"]): row["text"] for row in rows}
    return score(gold, {g: head_word(texts[g.article_id][g.start:g.end]) for g in gold})


def system_mentions(store) -> list[SystemMention]:
    """Every mention the store holds, with its store-wide entity."""
    return [SystemMention(m.article_id, m.start, m.end, m.entity_id) for m in store.iter_mentions()]


def evaluate_file(path: str | Path, settings: Settings | None = None, db: str | None = None
                  ) -> tuple[EntityScores, EntityScores]:
    """newsprism (analysed and linked in a store, a temporary one unless `db` names one) and the
    head-word baseline on one gold file."""
    from ..link import link_store
    from ..pipeline import analyze_paths
    from ..store import open_store

    rows, gold = load_gold(path)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(db or str(Path(scratch) / "entities.db"))
        try:
            analyze_paths([str(path)], store, settings or Settings(workers=1))
            link_store(store)
            predicted = map_mentions(gold, system_mentions(store))
        finally:
            store.close()
    return score(gold, predicted, time.perf_counter() - started), head_word_baseline(rows, gold)


def entities_report(path: str | Path, settings: Settings | None = None, db: str | None = None) -> str:
    """Markdown tables for one gold file, or for each of the three files of a folder."""
    path = Path(path)
    files = [path / name for name in ENTITY_FILES if (path / name).exists()] if path.is_dir() else [path]
    sections = []
    for file in files:
        ours, baseline = evaluate_file(file, settings, db)
        sections.append(f"### {file.name}\n\n" + format_scores_markdown(
            {"newsprism": ours, "same head word (baseline)": baseline}))
    return "\n\n".join(sections)


def format_scores_markdown(named: Mapping[str, EntityScores]) -> str:
    """One row per system: coverage, cross-document pairwise P/R/F1, B³ P/R/F1."""
    lines = ["| system | coverage | cross-doc P | R | **F1** | B³ P | R | F1 | entities / chains | s |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in named.items():
        lines.append(f"| {name} | {s.coverage:.3f} ({s.mapped}/{s.named}) | {s.pair_precision:.3f} | "
                     f"{s.pair_recall:.3f} | **{s.pair_f1:.3f}** | {s.b3_precision:.3f} | "
                     f"{s.b3_recall:.3f} | "
                     f"{s.b3_f1:.3f} | {s.entities} / {s.chains} | {s.seconds:.0f} |")
    return "\n".join(lines)
