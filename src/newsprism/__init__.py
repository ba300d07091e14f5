"""newsprism: who said what, what was claimed, who reported it, and where outlets disagree."""

__version__ = "0.1.0"

from .config import Settings, load_settings  # noqa: E402
from .errors import InputError, NewsprismError, NotFound  # noqa: E402
from .ingest import read_articles  # noqa: E402
from .model import (  # noqa: E402
    Analysis,
    Article,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    Mention,
    Quantity,
    Role,
    Statement,
    Story,
    Timex,
)
from .pipeline import RunReport, analyze_article, analyze_paths, ingest_paths  # noqa: E402
from .report.export import export  # noqa: E402
from .store import SQLiteStore, Store, open_store  # noqa: E402

__all__ = [
    "Analysis", "Article", "Conflict", "ConflictSide", "Entity", "Evidence", "InputError",
    "Mention", "NewsprismError", "NotFound", "Quantity", "Role", "RunReport", "SQLiteStore",
    "Settings", "Statement", "Store", "Story", "Timex", "__version__", "analyze_article",
    "analyze_paths", "export", "ingest_paths", "load_settings", "open_store", "read_articles",
]
