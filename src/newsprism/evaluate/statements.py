"""Our statements as predictions for the gold-data scorers."""

from __future__ import annotations

from ..config import Settings
from ..model import Article
from ..pipeline import analyze_articles
from .polnear import Prediction


def newsprism_predict(docs: list[Article], settings: Settings | None = None) -> list[list[Prediction]]:
    """The statements the pipeline finds in each article, as PolNeAR predictions."""
    return [
        [Prediction(s.content, s.speaker, s.speaker_name) for s in analysis.statements]
        for analysis in analyze_articles(docs, settings)
    ]
