"""Digest → plain text, the email's text/plain part: same sections as markdown, no markup."""

from __future__ import annotations

from monitor.models import Change, ChangeKind, Digest, Sighting
from monitor.render import words
from monitor.render.words import MAX_LINKS, clean, clip, first_reporters, safe_url


def link(sighting: Sighting) -> str:
    """Deadline <https://…>, 29 May 2026 — the URL only when it is http(s)."""
    url = safe_url(sighting.url)
    shown = clean(sighting.source) + (f" <{url}>" if url else "")
    return f"{shown}, {words.day(sighting.published)}"


def _evidence(sightings: tuple[Sighting, ...]) -> list[str]:
    if not sightings:
        return ["  — from the baseline (known_facts)"]
    unique = first_reporters(sightings)
    more = len(unique) - MAX_LINKS
    links = " · ".join(link(s) for s in unique[:MAX_LINKS])
    return [
        f"  “{clip(unique[0].evidence)}”",
        f"  — {links}" + (f" (+{more} more)" if more > 0 else ""),
    ]


def _item(change: Change) -> list[str]:
    note = f" ({clean(change.note)})" if change.note else ""
    lines = [f"* {words.headline(change, clean)}{note}", *_evidence(change.sightings)]
    if change.kind == ChangeKind.CONFLICT and change.previous:
        lines.append(f"  {words.value_words(change.previous, clean)} according to:")
        lines.extend("  " + line for line in _evidence(change.rivals))
    return lines


def _heading(title: str, underline: str = "-") -> list[str]:
    return [title, underline * len(title), ""]


def _sources(digest: Digest) -> list[str]:
    lines = [f"* {words.health_words(e, clean)}" for e in digest.health]
    told = {e.source for e in digest.health}
    still = [h for h in digest.failing if h.source not in told]
    if still:
        names = ", ".join(f"{clean(h.source)} (since {words.day(h.failing_since)})" for h in still)
        lines.append(f"* Still failing: {names}")
    return lines


def render(digest: Digest) -> str:
    """The whole digest as plain text."""
    out = _heading(f"{clean(digest.topic)}: what changed, {words.day(digest.created_at)}", "=")
    out += [words.summary(digest) + ".", ""]
    changed = [c for c in digest.changes if c.kind not in (ChangeKind.NEW, ChangeKind.CORROBORATED)]
    if changed:
        out += _heading("What changed")
        for change in changed:
            out += [*_item(change), ""]
    new = [c for c in digest.changes if c.kind == ChangeKind.NEW]
    if new:
        out += _heading("New facts")
        for group, changes in words.grouped(new):
            out += [f"{group}:", ""]
            for change in changes:
                out += [*_item(change), ""]
    corroborated = [c for c in digest.changes if c.kind == ChangeKind.CORROBORATED]
    if corroborated:
        out += _heading("Corroborated")
        for change in corroborated:
            links = ", ".join(link(s) for s in change.sightings[:MAX_LINKS])
            fact = words.fact_words(change.fact, clean)
            out.append(f"* {fact}: {clean(change.note)} ({links})")
        out.append("")
    if digest.health or digest.failing:
        out += [*_heading("Sources"), *_sources(digest), ""]
    if digest.empty:
        out += ["Nothing changed since the last digest.", ""]
    return "\n".join(out)
