"""Digest → an email-safe HTML document: inline styles, no scripts, no external resources.

Every string from the web goes through :func:`escape` (control and bidi-override
characters removed, then ``html.escape(..., quote=True)``); links are made only
for http(s) URLs, anything else shows the source name as plain text.
"""

from __future__ import annotations

import html

from monitor.models import Change, ChangeKind, Digest, Sighting
from monitor.render import words
from monitor.render.words import MAX_LINKS, clean, clip, safe_url

FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif"
STYLE = {
    "body": f"margin:0;padding:16px;background:#ffffff;color:#1f2328;{FONT};line-height:1.5",
    "h1": "font-size:22px;margin:0 0 8px 0",
    "h2": "font-size:18px;margin:24px 0 8px 0;border-bottom:1px solid #d0d7de;padding-bottom:4px",
    "h3": "font-size:15px;margin:16px 0 4px 0;color:#57606a",
    "p": "margin:0 0 12px 0",
    "ul": "margin:0 0 8px 0;padding-left:20px",
    "li": "margin:0 0 12px 0",
    "quote": "margin:4px 0;padding:0 0 0 10px;border-left:3px solid #d0d7de;color:#424a53",
    "cite": "font-size:13px;color:#57606a",
    "a": "color:#0969da",
}


def escape(text: str) -> str:
    """Web text made inert in HTML: one line, no control/bidi characters, all of <>&\"' escaped."""
    return html.escape(clean(text), quote=True)


def link(sighting: Sighting) -> str:
    """<a href="…">Deadline</a>, 29 May 2026 — or the escaped name alone when the URL is unsafe."""
    name = escape(sighting.source)
    url = safe_url(sighting.url)
    if url:
        name = f'<a href="{html.escape(url, quote=True)}" style="{STYLE["a"]}">{name}</a>'
    return f"{name}, {words.day(sighting.published)}"


def _evidence(sightings: tuple[Sighting, ...]) -> list[str]:
    found = words.evidence(sightings)
    if found is None:
        return [f'<div style="{STYLE["cite"]}">— {words.BASELINE}</div>']
    links = " · ".join(link(s) for s in found.links)
    more = f" (+{found.more} more)" if found.more else ""
    quote = html.escape(clip(found.quote.evidence))
    return [
        f'<blockquote style="{STYLE["quote"]}">“{quote}”</blockquote>',
        f'<div style="{STYLE["cite"]}">— {links}{more}</div>',
    ]


def _item(change: Change) -> list[str]:
    note = f" ({escape(words.item_note(change))})"
    lines = [
        f'<li style="{STYLE["li"]}"><strong>{words.headline(change, escape)}</strong>{note}',
        *_evidence(change.sightings),
    ]
    if change.kind == ChangeKind.CONFLICT and change.previous:
        lines.append(f"<div>{words.value_words(change.previous, escape)} according to:</div>")
        lines.extend(_evidence(change.rivals))
    return [*lines, "</li>"]


def _list(items: list[str]) -> list[str]:
    return [f'<ul style="{STYLE["ul"]}">', *items, "</ul>"]


def _heading(level: str, text: str) -> str:
    return f'<{level} style="{STYLE[level]}">{text}</{level}>'


def _corroborated(changes: tuple[Change, ...]) -> list[str]:
    items = []
    for change in changes:
        links = ", ".join(link(s) for s in change.sightings[:MAX_LINKS])
        fact = words.fact_words(change.fact, escape)
        items.append(f'<li style="{STYLE["li"]}">{fact}: {escape(change.note)} ({links})</li>')
    return [_heading("h2", "Corroborated"), *_list(items)]


def _sources(parts: words.Layout) -> list[str]:
    lines = [words.health_words(e, escape) for e in parts.health]
    if parts.still_failing:
        lines.append(words.still_failing(parts.still_failing, escape))
    items = [f'<li style="{STYLE["li"]}">{line}</li>' for line in lines]
    return [_heading("h2", "Sources"), *_list(items)]


def _body(digest: Digest) -> list[str]:
    parts = words.layout(digest)
    title = f"{escape(digest.topic)}: what changed, {words.day(digest.created_at)}"
    out = [_heading("h1", title), f'<p style="{STYLE["p"]}">{escape(words.summary(digest))}.</p>']
    if parts.changed:
        out += [
            _heading("h2", "What changed"),
            *_list([x for c in parts.changed for x in _item(c)]),
        ]
    if parts.new:
        out.append(_heading("h2", "New facts"))
        for group, changes in parts.new:
            out += [_heading("h3", group), *_list([x for c in changes for x in _item(c)])]
    if parts.corroborated:
        out += _corroborated(parts.corroborated)
    if parts.health or parts.still_failing:
        out += _sources(parts)
    if digest.empty:
        out.append(f'<p style="{STYLE["p"]}">{words.NOTHING}</p>')
    return out


def render(digest: Digest) -> str:
    """The whole digest as one HTML document."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(words.subject(digest))}</title>",
        "</head>",
        f'<body style="{STYLE["body"]}">',
        '<div style="max-width:640px;margin:0 auto">',
    ]
    return "\n".join([*head, *_body(digest), "</div>", "</body>", "</html>", ""])
