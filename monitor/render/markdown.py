"""Digest → markdown. Web strings are escaped so they stay inert text."""

from __future__ import annotations

import re

from monitor.models import Change, ChangeKind, Digest, Sighting
from monitor.render import words
from monitor.render.words import MAX_LINKS, clean, clip, safe_url

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """Make web text inert in markdown: no links, no HTML, no emphasis, one line."""
    return _SPECIAL.sub(r"\\\1", clean(text))


def link(sighting: Sighting) -> str:
    """[Source](url), 29 May 2026 — or the source name alone when the URL is unsafe."""
    name = escape(sighting.source)
    url = safe_url(sighting.url)
    shown = f"[{name}](<{url}>)" if url else name
    return f"{shown}, {words.day(sighting.published)}"


def quote_line(sighting: Sighting) -> str:
    """The evidence sentence as an escaped quotation."""
    return f"  > “{escape(clip(sighting.evidence))}”"


def _evidence(sightings: tuple[Sighting, ...]) -> list[str]:
    """The first report's sentence, then one link per source."""
    found = words.evidence(sightings)
    if found is None:
        return [f"  — {words.BASELINE}"]
    links = " · ".join(link(s) for s in found.links)
    more = f" (+{found.more} more)" if found.more else ""
    return [quote_line(found.quote), f"  — {links}{more}"]


def _item(change: Change) -> list[str]:
    note = f" ({escape(words.item_note(change))})"
    lines = [f"- **{words.headline(change, escape)}**{note}", *_evidence(change.sightings)]
    if change.kind == ChangeKind.CONFLICT and change.previous:
        lines.append(f"  - {words.value_words(change.previous, escape)} according to:")
        lines.extend("  " + line for line in _evidence(change.rivals))
    return lines


def _corroboration(change: Change) -> str:
    links = ", ".join(link(s) for s in change.sightings[:MAX_LINKS])
    return f"- {words.fact_words(change.fact, escape)}: {escape(change.note)} ({links})"


def render(digest: Digest) -> str:
    """The whole digest as markdown."""
    parts = words.layout(digest)
    out = [f"# {escape(digest.topic)}: what changed, {words.day(digest.created_at)}", ""]
    out += [words.summary(digest) + ".", ""]
    if parts.changed:
        out += ["## What changed", ""]
        for change in parts.changed:
            out += [*_item(change), ""]
    if parts.new:
        out += ["## New facts", ""]
        for group, changes in parts.new:
            out += [f"### {group}", ""]
            for change in changes:
                out += [*_item(change), ""]
    if parts.corroborated:
        out += ["## Corroborated", ""]
        out += [_corroboration(c) for c in parts.corroborated] + [""]
    if parts.health or parts.still_failing:
        out += ["## Sources", ""]
        out += [f"- {words.health_words(e, escape)}" for e in parts.health]
        if parts.still_failing:
            out.append(f"- {words.still_failing(parts.still_failing, escape)}")
        out.append("")
    if digest.empty:
        out += [words.NOTHING, ""]
    return "\n".join(out)
