"""Plain words for facts and changes, shared by every output format.

Each function takes ``esc``, the escaping of the target format, and applies it
to every string that came from the web (names, roles, values, quotes, sources).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import quote, urlsplit

from monitor.models import (
    Change,
    ChangeKind,
    Digest,
    Fact,
    FactKind,
    HealthEvent,
    Sighting,
    SourceHealth,
)

Escape = Callable[[str], str]
MAX_QUOTE = 400
MAX_LINKS = 3
OLDEST = datetime.min.replace(tzinfo=UTC)

JUNK = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
OLDEST = datetime.min.replace(tzinfo=UTC)


def clean(text: str) -> str:
    """Web text as one line: no control, zero-width or bidi-override characters."""
    return " ".join(JUNK.sub("", text).split())


def clip(text: str, limit: int = MAX_QUOTE) -> str:
    """Shorten a quotation to ``limit`` characters at a word boundary."""
    text = clean(text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def first_reporters(sightings: tuple[Sighting, ...]) -> list[Sighting]:
    """One sighting per source, the earliest reporters first."""
    by_source: dict[str, Sighting] = {}
    for sighting in sorted(sightings, key=lambda s: s.published or OLDEST):
        by_source.setdefault(sighting.source, sighting)
    return list(by_source.values())


def safe_url(url: str) -> str | None:
    """An http(s) URL fit for a link target (quoted), or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?&=%#@!$+,;~*")


LABELS: dict[FactKind, str] = {
    FactKind.CAST: "Cast",
    FactKind.CREATOR: "Creator",
    FactKind.SHOWRUNNER: "Showrunner",
    FactKind.EXECUTIVE_PRODUCER: "Executive producer",
    FactKind.PREMIERE_DATE: "Premiere",
    FactKind.PREMIERE_WINDOW: "Premiere window",
    FactKind.FINALE_DATE: "Finale",
    FactKind.EPISODE_COUNT: "Episode count",
    FactKind.FILMING_LOCATION: "Filming location",
    FactKind.PRODUCTION_COMPANY: "Production company",
    FactKind.PLATFORM: "Platform",
    FactKind.RENEWAL: "Renewal",
    FactKind.TRAILER: "Trailer",
}

GROUPS: dict[str, tuple[FactKind, ...]] = {
    "Cast": (FactKind.CAST,),
    "Dates": (
        FactKind.PREMIERE_DATE,
        FactKind.PREMIERE_WINDOW,
        FactKind.FINALE_DATE,
        FactKind.TRAILER,
    ),
    "People": (FactKind.CREATOR, FactKind.SHOWRUNNER, FactKind.EXECUTIVE_PRODUCER),
    "Other": (
        FactKind.EPISODE_COUNT,
        FactKind.RENEWAL,
        FactKind.PLATFORM,
        FactKind.FILMING_LOCATION,
        FactKind.PRODUCTION_COMPANY,
    ),
}


def plain(text: str) -> str:
    """No escaping (plain-text output still drops control and bidi characters)."""
    return clean(text)


def day(value: date | datetime | None) -> str:
    """29 May 2026."""
    return f"{value.day} {value:%B %Y}" if value else "undated"


def value_words(fact: Fact, esc: Escape = plain) -> str:
    """The value of a fact in words: "8", "29 May 2026", "Agnes O'Casey as Irina"."""
    if fact.kind == FactKind.CAST:
        role = f" as {esc(fact.role)}" if fact.role else " (role not named)"
        return f"{esc(fact.person or '')}{role}"
    if fact.person:
        return esc(fact.person)
    value = str(fact.value)
    if fact.kind in (FactKind.PREMIERE_DATE, FactKind.FINALE_DATE, FactKind.TRAILER):
        try:
            return day(date.fromisoformat(value))
        except ValueError:
            return esc(value)
    return esc(value)


def fact_words(fact: Fact, esc: Escape = plain) -> str:
    """A fact as a line: "Episode count: 8", "Agnes O'Casey as Irina"."""
    if fact.kind == FactKind.CAST:
        return value_words(fact, esc)
    if fact.kind == FactKind.TRAILER:
        released = value_words(fact, esc)
        return "Trailer released" + ("" if released == "released" else f" {released}")
    return f"{LABELS[fact.kind]}: {value_words(fact, esc)}"


def headline(change: Change, esc: Escape = plain) -> str:
    """What a change says in one line: "Episode count: 10 → 8"."""
    fact, previous = change.fact, change.previous
    if change.kind == ChangeKind.CONFLICT and previous:
        return f"{LABELS[fact.kind]}: {value_words(fact, esc)} or {value_words(previous, esc)}?"
    if previous is None or change.kind in (ChangeKind.NEW, ChangeKind.CORROBORATED):
        return fact_words(fact, esc)
    if fact.kind == FactKind.CAST:
        before = esc(previous.role) if previous.role else "no role named"
        return f"{esc(fact.person or '')}: role {before} → {esc(fact.role or 'not named')}"
    label = LABELS[fact.kind] if fact.kind == previous.kind else "Premiere"
    return f"{label}: {value_words(previous, esc)} → {value_words(fact, esc)}"


def item_note(change: Change) -> str:
    """What goes in brackets after a change: its note and how many sources say it."""
    sources = len({s.source for s in change.sightings})
    support = count(sources, "source") if sources else "baseline"
    return f"{change.note}; {support}" if change.note else support


def count(n: int, one: str, many: str | None = None) -> str:
    """3 new facts / 1 conflict."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(digest: Digest) -> str:
    """The one line at the top of a digest: only the counts that are not zero."""
    kinds = [c.kind for c in digest.changes]
    changed = sum(k in (ChangeKind.CHANGED, ChangeKind.REFINED, ChangeKind.UPDATED) for k in kinds)
    counts = [
        (changed, "change"),
        (kinds.count(ChangeKind.NEW), "new fact"),
        (kinds.count(ChangeKind.CONFLICT), "conflict"),
        (kinds.count(ChangeKind.CORROBORATED), "corroboration"),
        (sum(e.state != "recovered" for e in digest.health), "source problem"),
        (sum(e.state == "recovered" for e in digest.health), "source recovered"),
    ]
    parts = [
        count(n, word, "sources recovered" if word == "source recovered" else None)
        for n, word in counts
        if n
    ]
    head = ", ".join(parts) or "Nothing changed"
    if digest.articles:
        return (
            f"{head} from {count(digest.articles, 'article')} in {count(digest.sources, 'source')}"
        )
    return head


def subject(digest: Digest) -> str:
    """An email subject that says the most important things."""
    changed = [c for c in digest.changes if c.kind not in (ChangeKind.NEW, ChangeKind.CORROBORATED)]
    bits = [_lowered_label(headline(c)) for c in changed[:2]]
    new = [c for c in digest.changes if c.kind == ChangeKind.NEW]
    cast = sum(c.fact.kind == FactKind.CAST for c in new)
    if cast:
        bits.append(f"{cast} new cast")
    if len(new) - cast:
        bits.append(count(len(new) - cast, "new fact"))
    if not bits:
        bits.append(summary(digest).split(" from ")[0])
    return plain(f"{digest.topic}: {', '.join(bits)}")[:200]


def _lowered_label(line: str) -> str:
    """ "Episode count: 10 → 8" → "episode count 10 → 8"; names keep their case."""
    label, sep, rest = line.partition(": ")
    if sep and label in LABELS.values():
        return f"{label.lower()} {rest}"
    return line


def health_words(event: HealthEvent, esc: Escape = plain) -> str:
    """A source's health change in one line."""
    since = f" since {day(event.since)}" if event.since else ""
    if event.state == "recovered":
        return f"{esc(event.source)} is working again (was failing{since})"
    if event.state == "gone":
        reason = re.sub(r"^gone \((.*)\)$", r"\1", event.reason)  # not "gone (gone (HTTP 410))"
        return f"{esc(event.source)} is gone ({esc(reason)}): no longer polled"
    return f"{esc(event.source)} is failing{since}: {esc(event.reason)}"


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """New facts grouped for reading: cast, dates, people, other."""
    changes = list(changes)
    return [
        (name, found)
        for name, kinds in GROUPS.items()
        if (found := [c for c in changes if c.fact.kind in kinds])
    ]


@dataclass(frozen=True, slots=True)
class Layout:
    """A digest's sections in reading order: every format renders these."""

    changed: tuple[Change, ...]
    new: tuple[tuple[str, list[Change]], ...]
    corroborated: tuple[Change, ...]
    health: tuple[HealthEvent, ...]
    still_failing: tuple[SourceHealth, ...]


def layout(digest: Digest) -> Layout:
    """What changed, new facts by group, corroborations, source health."""
    quiet = (ChangeKind.NEW, ChangeKind.CORROBORATED)
    told = {e.source for e in digest.health}
    return Layout(
        changed=tuple(c for c in digest.changes if c.kind not in quiet),
        new=tuple(grouped(c for c in digest.changes if c.kind == ChangeKind.NEW)),
        corroborated=tuple(c for c in digest.changes if c.kind == ChangeKind.CORROBORATED),
        health=digest.health,
        still_failing=tuple(h for h in digest.failing if h.source not in told),
    )


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence to quote and the sources to link, first reporters first."""

    quote: Sighting
    links: tuple[Sighting, ...]
    more: int


def evidence(sightings: tuple[Sighting, ...]) -> Evidence | None:
    """None for a fact known only from the baseline."""
    if not sightings:
        return None
    unique = first_reporters(sightings)
    return Evidence(unique[0], tuple(unique[:MAX_LINKS]), max(0, len(unique) - MAX_LINKS))


def still_failing(sources: Iterable[SourceHealth], esc: Escape = plain) -> str:
    """Still failing: Fans (since 26 February 2026), …"""
    names = ", ".join(f"{esc(h.source)} (since {day(h.failing_since)})" for h in sources)
    return f"Still failing: {names}"


BASELINE = "from the baseline (known_facts)"
NOTHING = "Nothing changed since the last digest."
