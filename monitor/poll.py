"""The first half of a run: poll sources and store what they say.

One poll of one source is one unit: fetch → parse → relevance → extract → one
SQLite transaction. Sources are fetched concurrently; a failing source records
its error and the others go on. Documents already seen (by canonical URL or
content fingerprint) are never parsed for facts again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from monitor.config import Config
from monitor.exceptions import FetchError, LockedError, SourceError
from monitor.extract import extract
from monitor.feeds import parse_feed
from monitor.fetch import Fetcher, FetchSettings
from monitor.lock import held
from monitor.models import (
    Document,
    FetchResult,
    PollResult,
    Relevance,
    SeenDocument,
    Source,
    Topic,
    fold,
)
from monitor.pages import parse_article, parse_listing
from monitor.relevance import assess
from monitor.store import Store
from monitor.urls import canonical_url, may_follow

log = logging.getLogger(__name__)
Progress = Callable[[PollResult], None]


def fingerprint(document: Document) -> str:
    """A content hash that survives re-publishing under another URL."""
    words = _fold(f"{document.title} {document.text[:20000]}")
    return hashlib.sha256(words.encode()).hexdigest()[:32]


def _fold(text: str) -> str:
    """``models.fold``, without its per-character accent loop when there are no accents."""
    if not text.isascii():
        return fold(text)
    plain = _DROPPED.sub("", text.casefold())
    return " ".join(_NON_WORD.sub(" ", plain).split())


_DROPPED = re.compile(r"[\u2019'`.]")
_NON_WORD = re.compile(r"[^\w]+")


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
        self.none = assess(Document("", "", "", ""), topic)

    def __call__(self, document: Document) -> Relevance:
        text = f"{document.title}\n{document.text}"
        if self.needles and text.isascii():
            if _CONTROL.search(text):
                text = _CONTROL.sub("", text)
            flat = " ".join(text.lower().split())
            if not any(needle in flat for needle in self.needles):
                return self.none
        return assess(document, self.topic)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def settings_for(config: Config) -> FetchSettings:
    """The fetcher's settings from the config's ``fetch:`` section."""
    opts = config.fetch
    return FetchSettings(
        connect_timeout=min(10.0, opts.timeout),
        read_timeout=opts.timeout,
        deadline=opts.timeout,
        max_bytes=opts.max_bytes,
        max_connections=opts.max_connections,
        max_per_host=opts.max_per_host,
        retries=opts.retries,
    )


def poll(
    config: Config,
    *,
    names: Collection[str] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    lock_timeout: float = 10.0,
) -> list[PollResult]:
    """Poll every (or every named) source once and store the results."""
    now = now or datetime.now(UTC)
    with Store(config.storage) as store:
        store.sync_sources((s.name, s.url) for s in config.sources)
        store.sync_baseline(config.topic.known_facts, now)
        waiting = store.waiting(now)
        sources = [
            s
            for s in config.sources
            if (names is None or s.name in names) and s.name not in waiting
        ]
        for name in sorted(set(waiting) & {s.name for s in config.sources}):
            log.info("%s: skipped, asked to wait until %s", name, waiting[name].isoformat())
        poller = Poller(config, store, now, progress, lock_timeout)
        return asyncio.run(poller.run(sources))


class Poller:
    """Polls sources concurrently with one fetcher; stores each result as it comes."""

    def __init__(
        self,
        config: Config,
        store: Store,
        now: datetime,
        progress: Progress | None,
        lock_timeout: float = 10.0,
    ) -> None:
        self.config = config
        self.lock_timeout = lock_timeout
        self.store = store
        self.now = now
        self.progress = progress
        self.fingerprints: set[str] = set()
        self.relevance = QuickRelevance(config.topic)
        self.hashes: dict[str, str] = {}

    async def run(self, sources: list[Source]) -> list[PollResult]:
        async with Fetcher(settings_for(self.config)) as fetcher:
            tasks = [self._poll_locked(fetcher, source) for source in sources]
            return [r for r in await asyncio.gather(*tasks) if r is not None]

    async def _poll_locked(self, fetcher: Fetcher, source: Source) -> PollResult | None:
        """Poll a source unless another process is polling it right now."""
        try:
            with held(self.config, source.url, 0):
                return await self._poll_and_store(fetcher, source)
        except LockedError:
            log.info("%s: skipped, another monitor process is polling it", source.name)
            return None

    async def _poll_and_store(self, fetcher: Fetcher, source: Source) -> PollResult:
        started = time.monotonic()
        try:
            result = await self._poll(fetcher, source)
        except SourceError as e:
            result = self._failure(source, e)
        except Exception as e:  # isolated, but loud: a bug must not stop the other sources
            log.exception("%s: unexpected error", source.name)
            result = self._failure(source, SourceError(f"internal error: {type(e).__name__}: {e}"))
        body_hash = self.hashes.pop(source.url, None)
        self.store.record_poll(result, None if result.error else body_hash)
        status = result.error or ("not modified" if _unchanged(result) else "ok")
        log.info(
            "%s: %s, %d new documents, %d new facts, %.2f s",
            source.name,
            status,
            len(result.documents),
            result.new_facts,
            time.monotonic() - started,
        )
        if self.progress:
            self.progress(result)
        return result

    def _failure(self, source: Source, error: SourceError) -> PollResult:
        retry_after = getattr(error, "retry_after", None)
        status = getattr(error, "status", None)
        return PollResult(
            source=source.name,
            url=source.url,
            at=self.now,
            error=str(error),
            retry_after=self.now + timedelta(seconds=retry_after) if retry_after else None,
            gone=status == 410,
        )

    async def _poll(self, fetcher: Fetcher, source: Source) -> PollResult:
        etag, modified = self.store.http_state(source.url)
        fetched = await fetcher.fetch(source.url, etag=etag, last_modified=modified)
        if fetched.not_modified:
            return PollResult(source.name, source.url, self.now, fetches=(fetched,))
        if source.kind == "page":
            documents, fetches = await self._follow(fetcher, source, fetched)
        elif self._same_body(source.url, fetched.body):
            log.debug("%s: same body as last time, not parsed", source.name)
            return PollResult(source.name, source.url, self.now, fetches=(fetched,))
        else:
            documents = parse_feed(
                fetched.body,
                url=fetched.final_url,
                source=source.name,
                content_type=fetched.content_type,
            )
            fetches = [fetched]
        seen = tuple(self._examine(documents))
        return PollResult(source.name, source.url, self.now, tuple(fetches), seen)

    def _same_body(self, url: str, body: bytes) -> bool:
        """Whether a feed sent the very body stored last time (a 200 that could be a 304)."""
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        self.hashes[url] = digest
        return self.store.body_hash(url) == digest

    async def _follow(
        self, fetcher: Fetcher, source: Source, listing: FetchResult
    ) -> tuple[list[Document], list[FetchResult]]:
        """Fetch the new articles a listing page links to (bounded per poll)."""
        links = parse_listing(
            listing.body, base_url=listing.final_url, selector=source.links or "a"
        )
        allowed = []
        for link in links:
            ok, reason = may_follow(
                link,
                listing.final_url,
                follow_offsite=source.follow_offsite,
                allow_private=source.allow_private,
            )
            if ok:
                allowed.append(canonical_url(link))
            else:
                log.info("%s: not following %s: %s", source.name, link, reason)
        known = self.store.known_documents(allowed, ())
        fresh = [u for u in dict.fromkeys(allowed) if u not in known][: source.max_links]
        results = await asyncio.gather(*(fetcher.fetch(u) for u in fresh), return_exceptions=True)
        documents: list[Document] = []
        for url, result in zip(fresh, results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, FetchError):
                    raise result
                log.warning("%s: article %s failed: %s", source.name, url, result)
                continue
            documents.append(
                parse_article(
                    result.body,
                    url=result.final_url,
                    source=source.name,
                    selector=source.body,
                    content_type=result.content_type,
                )
            )
        if fresh and not documents:
            raise FetchError(f"every article link failed ({len(fresh)} tried)")
        return documents, [listing]

    def _examine(self, documents: list[Document]) -> list[SeenDocument]:
        """Relevance and facts of the documents not seen before."""
        canon = [replace(d, url=canonical_url(d.url)) for d in documents]
        prints = [fingerprint(d) for d in canon]
        known = self.store.known_documents([d.url for d in canon], prints)
        seen: list[SeenDocument] = []
        for doc, mark in zip(canon, prints, strict=True):
            if doc.url in known or mark in known or mark in self.fingerprints:
                continue
            self.fingerprints.add(mark)
            relevance = self.relevance(doc)
            sightings = tuple(extract(doc, self.config.topic)) if relevance.relevant else ()
            seen.append(SeenDocument(doc, mark, relevance, sightings))
        return seen


def _unchanged(result: PollResult) -> bool:
    return bool(result.fetches) and all(f.not_modified for f in result.fetches)
