"""Dated facts → an iCalendar file (RFC 5545) of all-day events, written by hand.

One VEVENT per dated fact, with a UID stable per kind and topic (per date for
trailers, which may be many). The previous file's bytes are read back to keep
each event's SEQUENCE and DTSTAMP, bumping SEQUENCE when its date or summary
moved, so calendar clients update the event instead of adding a second one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from monitor.render.words import JUNK

PRODID = "-//monitor//dated facts//EN"
_SLUG = re.compile(r"[^a-z0-9]+")
_MANY = frozenset({"trailer"})


@dataclass(frozen=True, slots=True)
class DatedFact:
    """A fact with a day worth a calendar entry."""

    kind: str  # "premiere_date" | "finale_date" | "trailer"
    day: date
    summary: str
    description: str


@dataclass(frozen=True, slots=True)
class _Previous:
    """What an earlier render said about one UID (values still in escaped form)."""

    start: str = ""
    summary: str = ""
    description: str = ""
    sequence: int = 0
    stamp: str = ""


def slug(text: str) -> str:
    """Star City → star-city."""
    return _SLUG.sub("-", text.casefold()).strip("-") or "topic"


def uid(topic: str, event: DatedFact) -> str:
    """premiere_date.star-city@monitor; trailers also carry their date."""
    kind = slug(event.kind).replace("-", "_")
    if event.kind in _MANY:
        kind += f"-{event.day:%Y%m%d}"
    return f"{kind}.{slug(topic)}@monitor"


def escape_text(text: str) -> str:
    """A TEXT value: no control or bidi characters; backslash, ; , and newline escaped."""
    lines = [" ".join(JUNK.sub("", line).split()) for line in text.splitlines()]
    value = "\n".join(line for line in lines if line)
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(plain, escaped)
    return value


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character; CRLF-terminated."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def _unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    lines: list[str] = []
    for raw in re.split(r"\r\n|\n|\r", text):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def parse_previous(data: bytes | None) -> dict[str, _Previous]:
    """UID → what the previous file said; tolerant of junk (unknown lines are skipped)."""
    found: dict[str, _Previous] = {}
    props: dict[str, str] | None = None
    for line in _unfold(data or b""):
        name, sep, value = line.partition(":")
        name = name.split(";", 1)[0].strip().upper()
        if not sep:
            continue
        if name == "BEGIN" and value.strip().upper() == "VEVENT":
            props = {}
        elif name == "END" and value.strip().upper() == "VEVENT" and props is not None:
            if props.get("UID"):
                found[props["UID"]] = _record(props)
            props = None
        elif props is not None:
            props.setdefault(name, value)
    return found


def _record(props: dict[str, str]) -> _Previous:
    sequence = props.get("SEQUENCE", "0").strip()
    return _Previous(
        start=props.get("DTSTART", "").strip(),
        summary=props.get("SUMMARY", ""),
        description=props.get("DESCRIPTION", ""),
        sequence=int(sequence) if sequence.isdigit() else 0,
        stamp=props.get("DTSTAMP", "").strip(),
    )


def _event(topic: str, event: DatedFact, old: _Previous | None, stamp: str) -> list[str]:
    start, end = f"{event.day:%Y%m%d}", f"{event.day + timedelta(days=1):%Y%m%d}"
    summary, description = escape_text(event.summary), escape_text(event.description)
    sequence = old.sequence if old else 0
    if old and (old.start != start or old.summary != summary):
        sequence += 1
    same = old and (old.start, old.summary, old.description) == (start, summary, description)
    return [
        "BEGIN:VEVENT",
        f"UID:{uid(topic, event)}",
        f"DTSTAMP:{old.stamp if same and old and old.stamp else stamp}",
        f"DTSTART;VALUE=DATE:{start}",
        f"DTEND;VALUE=DATE:{end}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{summary}",
        f"DESCRIPTION:{description}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def render_calendar(
    topic: str,
    events: Sequence[DatedFact],
    previous: bytes | None = None,
    *,
    now: datetime | None = None,
) -> bytes:
    """The calendar as UTF-8 bytes; ``previous`` is the last render's bytes (or None).

    ``now`` stamps new or changed events (DTSTAMP); unchanged events keep their
    old stamp, so an unchanged calendar renders to the same bytes.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    known = parse_previous(previous)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(topic)} dates",
    ]
    unique = {uid(topic, e): e for e in sorted(events, key=lambda e: (e.day, e.kind))}
    for key, event in unique.items():
        lines += _event(topic, event, known.get(key), stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines).encode("utf-8")
