"""Feed bytes (RSS 0.9x/1.0/2.0, Atom) → Documents, with feedparser.

The common case (well-formed UTF-8 RSS 2.0 or Atom 1.0) is read by
``fastfeed`` with lxml, into the same entry dicts; anything else by feedparser.

Pure: bytes in, records out. feedparser gets the body as a stream, never as a
string: given a string it would open a file by that name or fetch a URL. The
internal subset of a DOCTYPE (where entities are declared) is cut out before
parsing: expat would otherwise expand an entity bomb up to 8 MiB, and nothing
declared there is ever wanted in a feed. Titles and texts are capped.
"""

from __future__ import annotations

import io
import re
import time
from calendar import timegm
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

from monitor import fastfeed
from monitor.exceptions import ParseError
from monitor.models import Document
from monitor.pages import html_to_text
from monitor.urls import join_url

MAX_TITLE = 1_000
MAX_TEXT = 400_000
_SUBSET = re.compile(rb"(<!DOCTYPE[^\[>]*)\[.*?\]\s*>", re.S | re.I)
_UTF16_DECLARATION = re.compile(rb"""(<\?xml[^>]*encoding=["'])utf-16(?:[bl]e)?(["'])""", re.I)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)


def parse_feed(
    body: bytes, *, url: str, source: str, content_type: str | None = None
) -> list[Document]:
    """The entries of a feed as Documents; ParseError in plain words when it is no feed."""
    if not body.strip():
        raise ParseError("empty body")
    fast = fastfeed.entries(body, url=url, content_type=content_type)
    if fast is not None:
        return [doc for doc in (_document(e, url, source) for e in fast) if doc is not None]
    import feedparser  # ~0.1 s to import; the common feed never needs it

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(defused(body)),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries") or []
    if not entries:
        _check_empty_feed(body, parsed, content_type)
        return []
    documents = (_document(entry, url, source) for entry in entries)
    return [doc for doc in documents if doc is not None]


def defused(body: bytes) -> bytes:
    """The body without a DOCTYPE internal subset (no entity can be declared, so none expands)."""
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body[:64]:
        try:
            body = _UTF16_DECLARATION.sub(rb"\1utf-8\2", body.decode("utf-16").encode("utf-8"))
        except UnicodeDecodeError:
            return body
    if b"<!ENTITY" not in body.upper():
        return body
    return _SUBSET.sub(rb"\1>", body, count=1)


def _check_empty_feed(body: bytes, parsed: Any, content_type: str | None) -> None:
    """A feed without entries is fine; anything else that has none is not a feed."""
    version = parsed.get("version") or ""
    broken = isinstance(parsed.get("bozo_exception"), SAXException)
    if version and not broken:
        return
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"[") or "json" in (content_type or "").lower():
        hint = " (JSON Feed is not supported)" if b"jsonfeed.org" in body[:2000] else ""
        raise ParseError(f"not a feed: JSON{hint}")
    if _HTML_START.match(body[:4096]) or (not version and "html" in (content_type or "").lower()):
        raise ParseError("not a feed: HTML page")
    if broken:
        reason = parsed.get("bozo_exception")
        raise ParseError(f"malformed XML: {_reason(reason)}")
    raise ParseError("not a feed: no RSS or Atom element")


def _reason(error: object) -> str:
    text = str(getattr(error, "getMessage", lambda: error)())
    line = getattr(error, "getLineNumber", lambda: None)()
    return f"{text} (line {line})" if line else text


def _document(entry: Any, feed_url: str, source: str) -> Document | None:
    link = entry.get("link") or ""
    if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
        link = entry["id"]
    url = join_url(feed_url, link) if link else feed_url
    title = html_to_text(entry.get("title") or "")[:MAX_TITLE]
    text = _entry_text(entry)[:MAX_TEXT]
    if not title and not text:
        return None
    return Document(url=url, source=source, title=title, text=text, published=_when(entry))


def _entry_text(entry: Any) -> str:
    """The longest of content:encoded/content, else the summary, as plain text."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _as_text(best["value"], best.get("type"))
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary") or "", detail.get("type"))


def _as_text(value: str, kind: str | None) -> str:
    if kind == "text/plain":
        paragraphs = re.split(r"\n\s*\n", value)
        return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return html_to_text(value)


def _when(entry: Any) -> datetime | None:
    """published, else updated, else created, as aware UTC."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                return datetime.fromtimestamp(timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None
