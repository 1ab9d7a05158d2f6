"""Digest → plain text, the email's text/plain part: same sections as markdown, no markup."""

from __future__ import annotations

from monitor.models import Change, ChangeKind, Digest, Sighting
from monitor.render import words
from monitor.render.words import MAX_LINKS, clean, clip, safe_url


def link(sighting: Sighting) -> str:
    """Deadline <https://…>, 29 May 2026 — the URL only when it is http(s)."""
    url = safe_url(sighting.url)
    shown = clean(sighting.source) + (f" <{url}>" if url else "")
    return f"{shown}, {words.day(sighting.published)}"


def _evidence(sightings: tuple[Sighting, ...]) -> list[str]:
    found = words.evidence(sightings)
    if found is None:
        return [f"  — {words.BASELINE}"]
    links = " · ".join(link(s) for s in found.links)
    more = f" (+{found.more} more)" if found.more else ""
    return [f"  “{clip(found.quote.evidence)}”", f"  — {links}{more}"]


def _item(change: Change) -> list[str]:
    note = f" ({clean(words.item_note(change))})"
    lines = [f"* {words.headline(change, clean)}{note}", *_evidence(change.sightings)]
    if change.kind == ChangeKind.CONFLICT and change.previous:
        lines.append(f"  {words.value_words(change.previous, clean)} according to:")
        lines.extend("  " + line for line in _evidence(change.rivals))
    return lines


def _heading(title: str, underline: str = "-") -> list[str]:
    return [title, underline * len(title), ""]


def render(digest: Digest) -> str:
    """The whole digest as plain text."""
    parts = words.layout(digest)
    out = _heading(f"{clean(digest.topic)}: what changed, {words.day(digest.created_at)}", "=")
    out += [words.summary(digest) + ".", ""]
    if parts.changed:
        out += _heading("What changed")
        for change in parts.changed:
            out += [*_item(change), ""]
    if parts.new:
        out += _heading("New facts")
        for group, changes in parts.new:
            out += [f"{group}:", ""]
            for change in changes:
                out += [*_item(change), ""]
    if parts.corroborated:
        out += _heading("Corroborated")
        for change in parts.corroborated:
            links = ", ".join(link(s) for s in change.sightings[:MAX_LINKS])
            fact = words.fact_words(change.fact, clean)
            out.append(f"* {fact}: {clean(change.note)} ({links})")
        out.append("")
    if parts.health or parts.still_failing:
        out += _heading("Sources")
        out += [f"* {words.health_words(e, clean)}" for e in parts.health]
        if parts.still_failing:
            out.append(f"* {words.still_failing(parts.still_failing, clean)}")
        out.append("")
    if digest.empty:
        out += [words.NOTHING, ""]
    return "\n".join(out)
