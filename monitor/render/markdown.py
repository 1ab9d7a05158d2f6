"""Digest → markdown. Web strings are escaped so they stay inert text."""

from __future__ import annotations

import re

from monitor.models import Change, ChangeKind, Digest, Sighting
from monitor.render import words
from monitor.render.words import MAX_LINKS, clean, clip, first_reporters, safe_url

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
    """The first report's sentence, then one link per source (first reporters first)."""
    if not sightings:
        return ["  — from the baseline (known_facts)"]
    unique = first_reporters(sightings)
    more = len(unique) - MAX_LINKS
    links = " · ".join(link(s) for s in unique[:MAX_LINKS])
    return [quote_line(unique[0]), f"  — {links}" + (f" (+{more} more)" if more > 0 else "")]


def _item(change: Change) -> list[str]:
    note = f" ({escape(change.note)})" if change.note else ""
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
    out = [f"# {escape(digest.topic)}: what changed, {words.day(digest.created_at)}", ""]
    out += [words.summary(digest) + ".", ""]
    changed = [c for c in digest.changes if c.kind not in (ChangeKind.NEW, ChangeKind.CORROBORATED)]
    if changed:
        out += ["## What changed", ""]
        for change in changed:
            out += [*_item(change), ""]
    new = [c for c in digest.changes if c.kind == ChangeKind.NEW]
    if new:
        out += ["## New facts", ""]
        for group, changes in words.grouped(new):
            out += [f"### {group}", ""]
            for change in changes:
                out += [*_item(change), ""]
    corroborated = [c for c in digest.changes if c.kind == ChangeKind.CORROBORATED]
    if corroborated:
        out += ["## Corroborated", ""]
        out += [_corroboration(c) for c in corroborated] + [""]
    if digest.health or digest.failing:
        out += ["## Sources", ""]
        out += [f"- {words.health_words(e, escape)}" for e in digest.health]
        told = {e.source for e in digest.health}
        still = [h for h in digest.failing if h.source not in told]
        if still:
            names = ", ".join(
                f"{escape(h.source)} (since {words.day(h.failing_since)})" for h in still
            )
            out.append(f"- Still failing: {names}")
        out.append("")
    if digest.empty:
        out += ["Nothing changed since the last digest.", ""]
    return "\n".join(out)
