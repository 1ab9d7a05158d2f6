"""What the family extractors share while reading one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from monitor.extract.names import NameBook
from monitor.models import Fact


@dataclass(slots=True)
class Context:
    """Per-article state: publication date, the article's names, the last person named,
    and the show's own names (folded), to tell its title from another show's."""

    published: date | None
    names: NameBook
    aliases: frozenset[str] = frozenset()
    last_person: str | None = None
    sentence_people: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Found:
    """A fact a sentence states, and the position in the sentence it stands at."""

    fact: Fact
    pos: int
