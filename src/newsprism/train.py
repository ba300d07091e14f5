"""Training: the cue table and the context model, from the PolNeAR train split (`newsprism train cues`).

For every verb with a subject, each construction its content could take is one example,
positive when an annotated attribution has that verb as its cue and a content matching ours
(token Jaccard >= 0.5). The table counts the examples whose subject the rules take for a
speaker; the context model learns from the rest and from what the table rejects, the veto
from what it accepts. All three acceptance thresholds are chosen by two-fold cross-fitting
on the same split: counts (and models) from one half, scores on the other.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from .clean import analysis_text
from .config import Settings
from .evaluate.polnear import GoldDoc, Prediction, load_polnear, score_polnear
from .evaluate.spans import hull, jaccard, span_tokens, spans_tokens, tokenize
from .nlp import parse
from .pipeline import analyze_doc
from .stages import cues
from .stages.cuemodel import fit_logistic
from .stages.quotemarks import find_quoted

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
MODEL_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
VETO_THRESHOLDS = (0.1, 0.15, 0.2, 0.25)
VETO_L2 = 5.0  # stronger than the context model's: the veto only needs the clear cases


def cue_examples(doc, gold: GoldDoc):
    """(token, speaker, plausible, construction, content, positive) for every candidate cue in one
    parsed document; plausible says whether the rules take the verb's subject for a speaker."""
    tokens = tokenize(gold.text)
    quotes = find_quoted(doc.text)
    for token in doc:
        if token.pos_ != "VERB" or cues.inside_quote(token.idx, quotes):
            continue
        speaker = cues.reporting_subject(token)
        if speaker is None:
            continue
        plausible = cues.plausible_speaker(speaker, token.lemma_.lower() in cues.SPEECH_VERBS)
        span = (token.idx, token.idx + len(token))
        gold_here = [a for a in gold.attributions if any(s < span[1] and span[0] < e for s, e in a.cue)]
        for construction, content in cues.complements(token):
            yield token, speaker, plausible, construction, content, _matches(tokens, content, gold_here)


def _matches(tokens, content, attributions) -> bool:
    predicted = span_tokens(tokens, content)
    return any(max(jaccard(predicted, spans_tokens(tokens, a.content)),
                   jaccard(predicted, span_tokens(tokens, hull(a.content)))) >= 0.5
               for a in attributions)


def count_examples(parsed: list[tuple[object, GoldDoc]]) -> dict:
    """Counts [positive, seen] per lemma and construction."""
    counts: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for doc, gold in parsed:
        for token, _, plausible, construction, _, positive in cue_examples(doc, gold):
            if plausible:
                entry = counts[token.lemma_.lower()][construction]
                entry[0] += positive
                entry[1] += 1
    return {lemma: dict(by) for lemma, by in counts.items()}


def _f1(parsed, table) -> float:
    golds = [gold for _, gold in parsed]
    predictions = []
    for doc, gold in parsed:
        analysis = analyze_doc(gold.article(), doc, table)
        predictions.append([Prediction(s.content, s.speaker, s.speaker_name) for s in analysis.statements])
    return score_polnear(golds, predictions).overlap.f1


def train_cue_table(root: str | Path, split: str = "train", settings: Settings | None = None,
                    limit: int | None = None, report=print) -> dict:
    """Learn the cue table from a PolNeAR split and choose its threshold by cross-fitting."""
    settings = settings or Settings()
    golds = list(load_polnear(root, split, limit))
    docs = parse((analysis_text(g.article()) for g in golds), settings.spacy_model, settings.batch_size)
    parsed = list(zip(docs, golds, strict=True))
    halves = parsed[0::2], parsed[1::2]
    fold_counts = [count_examples(half) for half in halves]
    best = (0.0, cues.ACCEPT)
    for threshold in THRESHOLDS:
        f1 = sum(_f1(halves[1 - k], cues.CueTable(fold_counts[k], threshold)) for k in (0, 1)) / 2
        report(f"threshold {threshold:.2f}: cross-fitted overlap F1 {f1:.3f}")
        best = max(best, (f1, threshold))
    report(f"chosen threshold {best[1]:.2f}")
    table = {"split": split, "documents": len(golds), "threshold": best[1], "counts": count_examples(parsed)}
    return table, train_cue_model(halves, fold_counts, best[1], report)


def train_cue_model(halves, fold_counts, table_threshold: float, report=print) -> dict:
    """Fit the context model on the candidates the rules turn down (a subject they do not take for
    a speaker, or a lemma and construction the table rejects); choose its acceptance threshold by
    cross-fitting (a model and counts from one half, scored on the other)."""
    models = [_fit_turned_down(halves[k], fold_counts[k], table_threshold, report) for k in (0, 1)]
    best = (0.0, 0.5)
    for threshold in MODEL_THRESHOLDS:
        f1 = sum(_f1(halves[1 - k], cues.CueTable(fold_counts[k], table_threshold,
                                                  replace(models[k], threshold=threshold)))
                 for k in (0, 1)) / 2
        report(f"model threshold {threshold:.2f}: cross-fitted overlap F1 {f1:.3f}")
        best = max(best, (f1, threshold))
    report(f"chosen model threshold {best[1]:.2f}")
    model = _fit_turned_down(halves[0] + halves[1], _added(fold_counts), table_threshold, report)
    fold_models = [replace(m, threshold=best[1]) for m in models]
    veto = train_veto(halves, fold_counts, table_threshold, fold_models, report)
    return {**replace(model, threshold=best[1]).as_dict(), "accepted": veto}


def train_veto(halves, fold_counts, table_threshold: float, fold_models, report=print) -> dict:
    """Fit the veto on the candidates the rules accept (all of them: it judges only objects and
    prepositional phrases, cues.VETOED, but learns from the rest too); choose its threshold by
    cross-fitting (veto, counts and context model from one half, scored on the other)."""
    vetoes = [_fit_candidates(halves[k], fold_counts[k], table_threshold, True, report) for k in (0, 1)]
    best = (0.0, VETO_THRESHOLDS[0])
    for threshold in VETO_THRESHOLDS:
        f1 = sum(_f1(halves[1 - k], cues.CueTable(fold_counts[k], table_threshold, fold_models[k],
                                                  replace(vetoes[k], threshold=threshold)))
                 for k in (0, 1)) / 2
        report(f"veto threshold {threshold:.2f}: cross-fitted overlap F1 {f1:.3f}")
        best = max(best, (f1, threshold))
    report(f"chosen veto threshold {best[1]:.2f}")
    veto = _fit_candidates(halves[0] + halves[1], _added(fold_counts), table_threshold, True, report)
    return replace(veto, threshold=best[1]).as_dict()


def _fit_turned_down(parsed, counts: dict, table_threshold: float, report=print):
    """The context model fitted on the candidates the rules turn down."""
    return _fit_candidates(parsed, counts, table_threshold, False, report)


def _fit_candidates(parsed, counts: dict, table_threshold: float, accepted: bool, report=print):
    """A model fitted on one set of documents, on the candidates the rules accept (the veto) or
    turn down (the context model); each document's features read a table counted without it, so
    that its priors are as unseen as they will be in use."""
    rows, labels = [], []
    for doc, gold in parsed:
        table = cues.CueTable(_without(counts, count_examples([(doc, gold)])), table_threshold)
        for token, speaker, plausible, construction, content, positive in cue_examples(doc, gold):
            lemma, base = token.lemma_.lower(), construction.partition(":")[0]
            if base in cues.HAND_ONLY or accepted != table.rules_accept(lemma, construction, plausible):
                continue
            rows.append(table.features(token, construction, content, speaker, plausible))
            labels.append(positive)
    model = fit_logistic(rows, labels, l2=VETO_L2 if accepted else 1.0)
    name = "veto" if accepted else "context model"
    report(f"{name}: {len(rows)} candidates, {sum(labels)} positive, {len(model.weights)} weights")
    return model


def _added(counts: list[dict]) -> dict:
    """Counts summed over several sets of documents (the two halves of a split)."""
    return _summed(counts, [1] * len(counts))


def _without(counts: dict, own: dict) -> dict:
    """Counts less one document's own."""
    return _summed([counts, own], [1, -1])


def _summed(counts: list[dict], signs: list[int]) -> dict:
    """[positive, seen] per lemma and construction, each set of counts added or taken away."""
    total: dict = defaultdict(dict)
    for sign, by_lemma in zip(signs, counts, strict=True):
        for lemma, by in by_lemma.items():
            for construction, (positive, seen) in by.items():
                old = total[lemma].get(construction, (0, 0))
                total[lemma][construction] = [old[0] + sign * positive, old[1] + sign * seen]
    return dict(total)


def write_model(model: dict, path: str | Path) -> None:
    """Save the context model as compact JSON."""
    Path(path).write_text(json.dumps(model, sort_keys=True, separators=(",", ":")))


def write_table(table: dict, path: str | Path) -> None:
    """Save a learned table as compact JSON (only lemmas seen as cues at least once)."""
    kept = {lemma: by for lemma, by in sorted(table["counts"].items())
            if any(pos for pos, _ in by.values()) or sum(n for _, n in by.values()) >= 5}
    Path(path).write_text(json.dumps({**table, "counts": kept}, sort_keys=True, separators=(",", ":")))
