"""Plain records that flow through newsprism.

Every record is a frozen, slotted dataclass. Every span is a pair of character
offsets ``(start, end)`` into ``Article.text`` exactly as it was stored, so any
answer can be traced back to the characters of its source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace

Span = tuple[int, int]


def content_hash(text: str) -> str:
    """Hash of an article's text, used to recognise the same article under another id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Record:
    """Mixin giving records their JSON form."""

    __slots__ = ()

    def as_dict(self) -> dict:
        """Return the record as a JSON-ready dict (tuples become lists)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


def _jsonable(value):
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, (tuple, list)):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article as stored: the text and what is known about where it came from."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_inferred: bool = False
    language: str | None = None
    content_hash: str = ""
    path: str | None = None  # the input it was read from, for error messages and provenance
    boilerplate: tuple[Span, ...] = ()  # spans kept in `text` but skipped by analysis

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))

    def with_(self, **changes) -> Article:
        """Return a copy with some fields changed (the hash follows the text)."""
        if "text" in changes and "content_hash" not in changes:
            changes["content_hash"] = content_hash(changes["text"])
        return replace(self, **changes)

    def span_text(self, start: int, end: int) -> str:
        """The characters of the stored text between two offsets."""
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A person, organisation or place, with every name and role it goes by."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | ...
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """One place in an article where an entity is named, titled or referred to."""

    article_id: str
    entity_id: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name | role | pronoun


@dataclass(frozen=True, slots=True)
class Role(Record):
    """A title or role given to an entity in one article ("Pentagon chief")."""

    article_id: str
    entity_id: str
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """Something someone said: its content, the cue that reports it and who said it."""

    id: str
    article_id: str
    kind: str  # direct | unmarked | indirect | mixed
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity_id: str | None = None
    speaker_name: str | None = None  # canonical name; also set for speakers that are no entity
    group_id: str | None = None
    provenance: str | None = None  # the outlet or agency credited with the report ("Suspilne reports")


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A number stated in an article, normalised so it can be compared across outlets."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    change: str = "="  # = | ~ | > | < | up | down
    subject: str | None = None
    scope: tuple[str | None, str | None] | None = None  # (from, to) as ISO dates
    group_id: str | None = None


@dataclass(frozen=True, slots=True)
class Timex(Record):
    """A time expression with its TIMEX3 value resolved against the publication date."""

    article_id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything the per-article stages found in one article, stored together."""

    article_id: str
    version: str
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    inferred_published: str | None = None  # a publication date read from the text, if none was given


@dataclass(frozen=True, slots=True)
class Event(Record):
    """The articles of a story that report one happening (published within days of each other)."""

    id: str
    article_ids: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Story(Record):
    """Articles about the same real-world event or story."""

    id: str
    title: str
    article_ids: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    entities: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()  # its articles by the happening they report, earliest first


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A span of one article that supports one side of a conflict."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ConflictSide(Record):
    """One of the values outlets disagree about, with who reports it and where."""

    value: str
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict(Record):
    """Outlets disagreeing on a number, an identity or a date."""

    id: str
    kind: str  # numeric | identity | temporal | other
    status: str  # contradiction | revision | scope
    summary: str
    sides: tuple[ConflictSide, ...] = field(default_factory=tuple)
    # How sure the linking is that the sides state one thing (0..1), and why it is not surer.
    confidence: float = 1.0
    reasons: tuple[str, ...] = ()


__all__ = [
    "Analysis",
    "Article",
    "Conflict",
    "ConflictSide",
    "Entity",
    "Evidence",
    "Mention",
    "Quantity",
    "Role",
    "Span",
    "Statement",
    "Story",
    "Timex",
    "content_hash",
]
