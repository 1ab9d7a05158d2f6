"""The CPU work of a poll, pure: bodies → documents with fingerprint and relevance; facts.

``Examiner`` is what runs in the process pool's workers (``monitor.pool``) and, for a
handful of bodies, inline: the same code either way, so the results are the same. It
imports no httpx and no sqlite3, which keeps a worker small and quick to start.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from monitor.extract import extract
from monitor.feeds import parse_feed
from monitor.models import Document, Relevance, Sighting, Topic, fold
from monitor.pages import parse_article, parse_listing
from monitor.relevance import assess
from monitor.urls import canonical_url

Page = tuple[bytes, str, str | None]  # body, final URL, content type


@dataclass(frozen=True, slots=True)
class Examined:
    """A parsed document (canonical URL) with its fingerprint and relevance."""

    document: Document
    fingerprint: str
    relevance: Relevance


class Examiner:
    """Parses bodies and judges documents for one topic."""

    def __init__(self, topic: Topic) -> None:
        self.topic = topic
        self.relevance = QuickRelevance(topic)

    def feed(self, body: bytes, url: str, source: str, content_type: str | None) -> list[Examined]:
        """A feed body's entries, examined."""
        docs = parse_feed(body, url=url, source=source, content_type=content_type)
        return self.examine(docs)

    def listing(self, body: bytes, url: str, selector: str) -> list[str]:
        """The article links of a listing page (canonical, absolute)."""
        return parse_listing(body, base_url=url, selector=selector)

    def articles(self, pages: list[Page], source: str, selector: str | None) -> list[Examined]:
        """Article pages as documents, examined."""
        docs = [
            parse_article(body, url=url, source=source, selector=selector, content_type=kind)
            for body, url, kind in pages
        ]
        return self.examine(docs)

    def examine(self, documents: list[Document]) -> list[Examined]:
        """Canonical URL, fingerprint and relevance of each document.

        An irrelevant document comes back without its text: nothing after this reads
        it (the store keeps no texts), and from a worker it would cross the pipe.
        """
        out = []
        for doc in documents:
            mark, relevance = fingerprint(doc), self.relevance(doc)
            text = doc.text if relevance.relevant else ""
            doc = replace(doc, url=canonical_url(doc.url), text=text)
            out.append(Examined(doc, mark, relevance))
        return out

    def extract(self, documents: list[Document]) -> list[tuple[Sighting, ...]]:
        """The sightings of each (relevant) document."""
        return [tuple(extract(doc, self.topic)) for doc in documents]


def fingerprint(document: Document) -> str:
    """A content hash that survives re-publishing under another URL."""
    text = f"{document.title} {document.text[:20000]}"
    words = _fold_ascii(text) if text.isascii() else fold(text).encode()
    return hashlib.sha256(words).hexdigest()[:32]


def _fold(text: str) -> str:
    """``models.fold``, without its per-character accent loop when there are no accents."""
    return _fold_ascii(text).decode() if text.isascii() else fold(text)


def _fold_ascii(text: str) -> bytes:
    """``fold`` of ASCII text as bytes: one ``bytes.translate`` does the case, drops
    ``'`.`` and blanks non-word bytes (``\\w`` is ``[A-Za-z0-9_]`` there)."""
    return b" ".join(text.encode().translate(_ASCII_FOLD, b"'`.").split())


_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if c < 128 and (chr(c).isalnum() or c == 95) else 32
    for c in range(256)
)


class QuickRelevance:
    """``assess`` for documents that cannot mention the show: no alias in them at all.

    ``assess`` looks for aliases (ignoring case) in cleaned sentences; on ASCII text,
    cleaning only drops control characters and turns whitespace runs into one space.
    So when the lower-cased, space-collapsed text holds no alias, ``assess`` would
    answer what it answers for an empty document. Everything else goes to ``assess``.
    """

    def __init__(self, topic: Topic) -> None:
        self.topic = topic
        aliases = [" ".join(a.lower().split()) for a in topic.aliases or (topic.name,)]
        usable = all(a and a.isascii() for a in aliases)
        self.needles = aliases if usable else []
        self.words = [a.split() for a in self.needles]
        self.none = assess(Document("", "", "", ""), topic)

    def __call__(self, document: Document) -> Relevance:
        text = f"{document.title}\n{document.text}"
        if self.needles and text.isascii():
            if _CONTROL.search(text):
                text = _CONTROL.sub("", text)
            lower = text.lower()
            if not any(all(w in lower for w in words) for words in self.words):
                return self.none  # every alias misses a word
            flat = " ".join(lower.split())
            if not any(needle in flat for needle in self.needles):
                return self.none
        return assess(document, self.topic)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
