"""What every backend does the same way, over the few primitives each one provides."""

from __future__ import annotations

from ..model import Analysis, Article


class ArticleWrites:
    """Writing articles and analyses, over a backend's `transaction()`, `_insert_article()`
    (False when the article is already stored) and `_write_analysis()`."""

    def add_article(self, article: Article, analysis: Analysis | None = None) -> bool:
        """Write an article (and its analysis) in one transaction; False if already stored."""
        with self.transaction():
            if not self._insert_article(article):
                return False
            if analysis is not None:
                self._write_analysis(analysis)
        return True

    def save_analysis(self, analysis: Analysis) -> None:
        """Replace what is stored from one article's analysis, in one transaction."""
        with self.transaction():
            self._write_analysis(analysis)
