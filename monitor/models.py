"""Frozen records passed between the stages of the pipeline.

Datetimes are timezone-aware UTC. Tuples, not lists, inside records.
Fact identity follows ``shared/spec/facts.md``: a person for the person kinds,
the show for single-valued kinds, the value for the other multi-valued kinds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Literal


class FactKind(StrEnum):
    """The fact kinds of facts.md."""

    CAST = "cast"
    CREATOR = "creator"
    SHOWRUNNER = "showrunner"
    EXECUTIVE_PRODUCER = "executive_producer"
    PREMIERE_DATE = "premiere_date"
    PREMIERE_WINDOW = "premiere_window"
    FINALE_DATE = "finale_date"
    EPISODE_COUNT = "episode_count"
    FILMING_LOCATION = "filming_location"
    PRODUCTION_COMPANY = "production_company"
    PLATFORM = "platform"
    RENEWAL = "renewal"
    TRAILER = "trailer"


PERSON_KINDS = frozenset(
    {FactKind.CAST, FactKind.CREATOR, FactKind.SHOWRUNNER, FactKind.EXECUTIVE_PRODUCER}
)
SINGLE_VALUED = frozenset(
    {
        FactKind.PREMIERE_DATE,
        FactKind.PREMIERE_WINDOW,
        FactKind.FINALE_DATE,
        FactKind.EPISODE_COUNT,
        FactKind.PLATFORM,
    }
)
DATE_KINDS = frozenset({FactKind.PREMIERE_DATE, FactKind.FINALE_DATE})


_FOLD_DROP = re.compile(r"[\u2019'`.]")
_FOLD_SPACE = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Fold a name or value for comparison: no accents, case, punctuation or extra spaces."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _FOLD_DROP.sub("", text.casefold())
    return " ".join(_FOLD_SPACE.sub(" ", plain).split())


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact about the show, in the normal form of facts.md."""

    kind: FactKind
    person: str | None = None
    role: str | None = None
    value: str | int | None = None

    @property
    def key(self) -> str:
        """Identity: two sightings with the same key are the same fact."""
        if self.kind in PERSON_KINDS:
            return f"{self.kind}:{fold(self.person or '')}"
        if self.kind in SINGLE_VALUED:
            return str(self.kind)
        return f"{self.kind}:{fold(str(self.value))}"

    @property
    def value_key(self) -> str:
        """What must agree for two sightings of one fact to say the same thing."""
        if self.kind == FactKind.CAST:
            return fold(self.role or "")
        if self.kind in PERSON_KINDS:
            return ""
        return fold(str(self.value))

    def to_json(self) -> dict[str, Any]:
        """The facts.md JSON fields of this fact (without evidence)."""
        if self.kind == FactKind.CAST:
            return {"kind": str(self.kind), "person": self.person, "role": self.role}
        if self.kind in PERSON_KINDS:
            return {"kind": str(self.kind), "person": self.person}
        return {"kind": str(self.kind), "value": self.value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        """Build a fact from facts.md JSON (unknown keys ignored)."""
        return cls(
            kind=FactKind(data["kind"]),
            person=data.get("person"),
            role=data.get("role"),
            value=data.get("value"),
        )


@dataclass(frozen=True, slots=True)
class Topic:
    """The show being monitored and how to recognise it."""

    name: str
    aliases: tuple[str, ...]
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    known_facts: tuple[Fact, ...] = ()


SourceKind = Literal["feed", "page"]


@dataclass(frozen=True, slots=True)
class Source:
    """One feed or listing page to poll."""

    name: str
    url: str
    kind: SourceKind = "feed"
    every: timedelta = timedelta(hours=1)
    links: str | None = None
    body: str | None = None
    max_links: int = 20
    follow_offsite: bool = False
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one HTTP GET; a 304 is an outcome, not an error."""

    url: str
    final_url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class Document:
    """One article or feed entry, as plain text (paragraphs split by blank lines)."""

    url: str
    source: str
    title: str
    text: str
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Relevance:
    """Whether a document is about the monitored show, and why."""

    relevant: bool
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class Sighting:
    """A fact seen in a document, with the sentence that says it."""

    fact: Fact
    evidence: str
    url: str
    source: str
    published: datetime | None = None


class ChangeKind(StrEnum):
    """What a digest reports about a fact."""

    NEW = "new"
    CHANGED = "changed"
    REFINED = "refined"
    CONFLICT = "conflict"
    UPDATED = "updated"
    CORROBORATED = "corroborated"


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a digest reports: a fact and what it replaced, with its evidence."""

    kind: ChangeKind
    fact: Fact
    previous: Fact | None = None
    sightings: tuple[Sighting, ...] = ()
    fact_id: int | None = None
    note: str = ""
    rivals: tuple[Sighting, ...] = ()


HealthState = Literal["failing", "recovered", "gone"]


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source's health as the store knows it."""

    source: str
    url: str = ""
    last_success: datetime | None = None
    last_error: str | None = None
    failing_since: datetime | None = None
    last_attempt: datetime | None = None
    gone: bool = False


@dataclass(frozen=True, slots=True)
class HealthEvent:
    """A change in a source's health worth telling once: it started failing, or recovered."""

    source: str
    state: HealthState
    reason: str
    since: datetime | None


@dataclass(frozen=True, slots=True)
class SeenDocument:
    """A document met in a poll, with its fingerprint, relevance and sightings."""

    document: Document
    fingerprint: str
    relevance: Relevance
    sightings: tuple[Sighting, ...] = ()


@dataclass(frozen=True, slots=True)
class PollResult:
    """Everything one poll of one source learned; stored in one transaction."""

    source: str
    url: str
    at: datetime
    fetches: tuple[FetchResult, ...] = ()
    documents: tuple[SeenDocument, ...] = ()
    error: str | None = None
    retry_after: datetime | None = None
    gone: bool = False
    irrelevant_dropped: int = 0  # once stored, irrelevant documents are only counted

    @property
    def new_documents(self) -> int:
        return len(self.documents) + self.irrelevant_dropped

    @property
    def new_facts(self) -> int:
        return sum(len(d.sightings) for d in self.documents)


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything one digest reports."""

    topic: str
    created_at: datetime
    changes: tuple[Change, ...]
    health: tuple[HealthEvent, ...] = ()
    articles: int = 0
    sources: int = 0
    failing: tuple[SourceHealth, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.changes and not self.health


# -- records of the store -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredSighting:
    """A sighting with its row id and whether a digest reported it already."""

    id: int
    sighting: Sighting
    reported: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value of one fact, as stored: the baseline or what articles said."""

    id: int
    fact: Fact
    baseline: bool
    judgement: str | None
    first_seen: datetime
    last_seen: datetime
    sightings: tuple[StoredSighting, ...]


@dataclass(frozen=True, slots=True)
class Reported:
    """What the digests last told the reader about one fact key."""

    fact: Fact
    sources: int
    conflict: str | None = None
    superseded: bool = False


@dataclass(frozen=True, slots=True)
class DigestRow:
    """A digest as recorded: pending until its file is written."""

    id: int
    created_at: datetime
    path: str | None
    state: str
    record: dict[str, Any]
    markdown: str
    html: str
    text: str
    subject: str
    mail_state: str | None
