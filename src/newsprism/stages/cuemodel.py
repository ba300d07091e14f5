"""A small logistic model that judges a candidate cue in its context.

The cue table knows how often a lemma in a construction was a cue in training; this model
takes a second look at the candidates the rules turn down (a subject they do not take for a
speaker, "the footage shows ..."; a lemma the table rejects), with what the table cannot see:
the verb and the subject themselves, how the verb sits in the sentence (negated, modal, in a
relative clause), how long the content is and whether it holds a quote. A second model of
the same form, the veto, judges the objects and prepositional phrases the rules accept. The
weights are learned from the PolNeAR train split (`newsprism train cues`) and shipped as a
small JSON file; scoring is a dot product, so it costs little next to parsing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .entities import ROLE_NOUNS
from .textspans import doc_text

QUOTE_CHARS = frozenset("\"\u201c\u201d\u00ab\u00bb")
WORD = re.compile(r"\w+")
VERB_LEXICONS = ("speech", "cue", "xcomp", "object", "prep")
LENGTH_BUCKETS = (2, 5, 10, 20, 40)  # content length in words, for one-hot length features


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of a logistic model and the probability it needs to accept."""

    weights: dict = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        """The model's chance that the candidate is an attribution."""
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def as_dict(self) -> dict:
        """The model as JSON-ready data."""
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> CueModel:
        """A model from the data `as_dict` gives."""
        return cls(data["weights"], data["bias"], data["threshold"])


def candidate_features(verb, construction: str, content: tuple[int, int], speaker, prior: float,
                       seen: int, lexicons) -> dict[str, float]:
    """Features of one candidate: a verb, the construction of its content, and its subject."""
    lemma = verb.lemma_.lower()
    features = {
        "prior": _logit(prior), "seen": math.log1p(seen),
        f"c={construction}": 1.0, f"dep={verb.dep_}": 1.0, f"tag={verb.tag_}": 1.0,
        f"c={construction}|dep={verb.dep_}": 1.0, f"lemma={lemma}": 1.0,
    }
    features.update(_verb_context(verb))
    features.update(_speaker_features(speaker, verb, lexicons))
    features.update(_content_features(verb.doc, content))
    for name in VERB_LEXICONS:
        if lemma in lexicons[name]:
            features[f"lex={name}"] = 1.0
    return features


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _verb_context(verb) -> dict[str, float]:
    features = {}
    for child in verb.children:
        if child.dep_ == "neg":
            features["neg"] = 1.0
        elif child.tag_ == "MD":
            features[f"modal={child.lower_}"] = 1.0
        elif child.dep_ == "auxpass":
            features["passive"] = 1.0
    if verb.i == verb.sent.start or verb.sent.start == 0:
        features["first_sentence" if verb.sent.start == 0 else "sentence_start"] = 1.0
    return features


def _speaker_features(speaker, verb, lexicons) -> dict[str, float]:
    if speaker is None:
        return {"spk=none": 1.0}
    lowered, lemma = speaker.lower_, speaker.lemma_.lower()
    features = {f"spk_pos={speaker.pos_}": 1.0, f"spk_ent={speaker.ent_type_ or '-'}": 1.0,
                f"spk_dep={speaker.dep_}": 1.0, f"spk_lemma={lemma}": 1.0}
    if speaker.i > verb.i:
        features["spk_after"] = 1.0
    if lowered in lexicons["third_person"]:
        features["spk=he/she/they"] = 1.0
    if lowered in lexicons["relative"]:
        features["spk=relative"] = 1.0
    if lemma in ROLE_NOUNS:
        features["spk=role"] = 1.0
    if lowered in lexicons["sources"] or lemma in lexicons["sources"]:
        features["spk=source"] = 1.0
    return features


def _content_features(doc, content: tuple[int, int]) -> dict[str, float]:
    text = doc_text(doc)[content[0]:content[1]]
    words = len(WORD.findall(text))
    bucket = next((i for i, top in enumerate(LENGTH_BUCKETS) if words <= top), len(LENGTH_BUCKETS))
    features = {f"len={bucket}": 1.0}
    if any(char in QUOTE_CHARS for char in text):
        features["quote"] = 1.0
    if text[:1] in QUOTE_CHARS:
        features["starts_quote"] = 1.0
    return features


def fit_logistic(rows: list[dict[str, float]], labels: list[bool], l2: float = 1.0,
                 iterations: int = 300) -> CueModel:
    """Fit weights by Newton steps on the L2-regularised log loss (NumPy, no other library)."""
    import numpy as np

    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for name, value in row.items():
            x[r, index[name]] = value
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    weights = {name: round(float(w[i]), 4) for name, i in index.items() if abs(w[i]) >= 1e-4}
    return CueModel(weights, round(float(w[-1]), 4))
