"""Written digests → an Atom 1.0 feed (RFC 4287), newest first.

Built with :mod:`xml.etree.ElementTree`, so every string is escaped by the XML
serialiser; characters XML cannot carry are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from monitor.models import DigestRow

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def rfc3339(moment: datetime) -> str:
    """2026-05-29T07:00:00Z (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def body_of(page: str) -> str:
    """The inside of a full HTML document's <body> (feed readers show content inline)."""
    match = _BODY.search(page)
    return match.group(1).strip() if match else page


def entry_id(feed_id: str, row: DigestRow) -> str:
    """The stable id of one digest's entry."""
    return f"{feed_id}:digest:{row.id}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _entry(feed: ET.Element, feed_id: str, row: DigestRow) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", entry_id(feed_id, row))
    _add(entry, "title", row.subject or f"Digest {row.id}")
    _add(entry, "updated", rfc3339(row.created_at))
    _add(entry, "published", rfc3339(row.created_at))
    _add(entry, "content", body_of(row.html), type="html")


def render_feed(
    topic: str,
    digests: Sequence[DigestRow],
    *,
    feed_id: str,
    self_url: str | None = None,
    limit: int = 50,
) -> bytes:
    """The last ``limit`` digests as an Atom feed, newest first, UTF-8 bytes."""
    rows = sorted(digests, key=lambda r: (r.created_at, r.id), reverse=True)[:limit]
    feed = ET.Element("feed", {"xmlns": ATOM})
    _add(feed, "id", feed_id)
    _add(feed, "title", f"{topic}: what changed")
    _add(feed, "subtitle", f"Digests of what changed in the facts about {topic}")
    _add(feed, "updated", rfc3339(rows[0].created_at if rows else EPOCH))
    author = _add(feed, "author")
    _add(author, "name", "monitor")
    _add(feed, "generator", "monitor")
    if self_url:
        _add(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    for row in rows:
        _entry(feed, feed_id, row)
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
