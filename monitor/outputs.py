"""Files beside the digests for readers elsewhere: ``feed.atom`` and ``dates.ics``."""

from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from monitor.config import Config
from monitor.diff import believe
from monitor.models import Candidate, FactKind
from monitor.render import atom, ics
from monitor.render.words import LABELS
from monitor.store import Store

DATED = (FactKind.PREMIERE_DATE, FactKind.FINALE_DATE, FactKind.TRAILER)
VERBS = {
    FactKind.PREMIERE_DATE: "premieres",
    FactKind.FINALE_DATE: "season finale",
    FactKind.TRAILER: "trailer released",
}


def slug(name: str) -> str:
    """star-city from "Star City"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "topic"


def dated_facts(topic: str, candidates: list[Candidate]) -> list[ics.DatedFact]:
    """The show's current dated facts (premiere, finale, trailers), with evidence."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        if cand.fact.kind in DATED:
            by_key[cand.fact.key].append(cand)
    events = []
    for cands in by_key.values():
        belief = believe(cands, None)
        if belief is None:
            continue
        fact = belief.winner.head.fact
        try:
            day = date.fromisoformat(str(fact.value))
        except ValueError:
            continue
        sightings = sorted(
            belief.winner.sightings, key=lambda s: (s.published is None, s.published)
        )
        first = sightings[0] if sightings else None
        description = (
            f"“{first.evidence}” ({first.source}, {first.url})" if first else LABELS[fact.kind]
        )
        events.append(
            ics.DatedFact(str(fact.kind), day, f"{topic} {VERBS[fact.kind]}", description)
        )
    return sorted(events, key=lambda e: e.day)


def write_outputs(config: Config, store: Store, now: datetime) -> None:
    """Rewrite the Atom feed of digests and the calendar of dated facts."""
    folder = config.digests
    folder.mkdir(parents=True, exist_ok=True)
    name = config.topic.name
    feed = atom.render_feed(name, store.digests(), feed_id=f"urn:monitor:{slug(name)}")
    replace_file(folder / "feed.atom", feed)
    calendar = folder / "dates.ics"
    previous = calendar.read_bytes() if calendar.exists() else None
    events = dated_facts(name, store.candidates())
    replace_file(calendar, ics.render_calendar(name, events, previous, now=now))


def replace_file(path: Path, data: bytes) -> None:
    """Atomically replace a file's content."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)
