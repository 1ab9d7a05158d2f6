"""The first half of a run: poll sources and store what they say.

One poll of one source is one unit: fetch → parse → relevance → extract → one
SQLite transaction. Sources are fetched concurrently; a failing source records
its error and the others go on. Documents already seen (by canonical URL or
content fingerprint) are never parsed for facts again. Parsing, relevance and
extraction run in ``pool.Work``: inline for a few bodies, else on every core.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from monitor import pool
from monitor.config import Config
from monitor.exceptions import FetchError, LockedError, SourceError
from monitor.fetch import Fetcher, FetchSettings
from monitor.lock import held
from monitor.models import Document, FetchResult, PollResult, Relevance, SeenDocument, Source
from monitor.pool import Work
from monitor.store import Store
from monitor.urls import canonical_url, may_follow

if TYPE_CHECKING:
    from monitor.examine import Examined

log = logging.getLogger(__name__)
Progress = Callable[[PollResult], None]


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
    workers: int | None = None,
) -> list[PollResult]:
    """Poll every (or every named) source once and store the results.

    Parsing goes to ``workers`` processes (default: 2 on a machine with 2 cores or
    more, 0 otherwise) once the cycle has enough bodies, and only when it polls at
    least ``pool.THRESHOLD`` sources. The results carry no bodies and no document
    texts (the store keeps neither): a cycle of thousands of sources stays small.
    Workers are spawned: a script calling ``poll`` needs the ``__main__`` guard.
    """
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
        if workers is None:
            workers = 2 if (os.cpu_count() or 1) >= 2 else 0
        threshold = pool.THRESHOLD
        work = Work(
            config.topic, workers=workers if len(sources) >= threshold else 0, threshold=threshold
        )
        try:
            poller = Poller(config, store, now, progress, lock_timeout, work)
            return asyncio.run(poller.run(sources))
        finally:
            work.close()


class Poller:
    """Polls sources concurrently with one fetcher; stores each result as it comes."""

    def __init__(
        self,
        config: Config,
        store: Store,
        now: datetime,
        progress: Progress | None,
        lock_timeout: float = 10.0,
        work: Work | None = None,
    ) -> None:
        self.config = config
        self.lock_timeout = lock_timeout
        self.store = store
        self.now = now
        self.progress = progress
        self.work = work or Work(config.topic, workers=0)
        self.fingerprints: set[str] = set()
        self.hashes: dict[str, str] = {}
        # Sources between fetch and store at once: enough to keep every connection
        # busy, few enough that fetched bodies never pile up waiting for the parsers.
        self.in_flight = asyncio.Semaphore(config.fetch.max_connections + 4 * self.work.workers)

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
            async with self.in_flight:
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
            result.new_documents,
            result.new_facts,
            time.monotonic() - started,
        )
        result = _slim(result)
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
            examined, failed = await self._follow(fetcher, source, fetched)
            if failed:  # read the listing again next time, for the articles that failed
                seen = tuple(await self._keep(examined))
                return PollResult(source.name, source.url, self.now, (), seen, error=failed)
        elif self._same_body(source.url, fetched.body):
            log.debug("%s: same body as last time, not parsed", source.name)
            return PollResult(source.name, source.url, self.now, fetches=(fetched,))
        else:
            args = (fetched.body, fetched.final_url, source.name, fetched.content_type)
            examined = await self.work.run("feed", *args)
        seen = tuple(await self._keep(examined))
        return PollResult(source.name, source.url, self.now, (fetched,), seen)

    def _same_body(self, url: str, body: bytes) -> bool:
        """Whether a feed sent the very body stored last time (a 200 that could be a 304)."""
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        self.hashes[url] = digest
        return self.store.body_hash(url) == digest

    async def _follow(
        self, fetcher: Fetcher, source: Source, listing: FetchResult
    ) -> tuple[list[Examined], str | None]:
        """Fetch and read the new articles a listing page links to (bounded per poll).

        An article that is gone (404, 410) is remembered as unreadable and not asked
        for again; one that failed for a passing reason is tried again next poll,
        and the failure is returned in words.
        """
        args = (listing.body, listing.final_url, source.links or "a")
        links: list[str] = await self.work.run("listing", *args)
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
        pages: list[tuple[bytes, str, str | None]] = []
        gone: list[tuple[str, str]] = []
        failures: list[tuple[str, str]] = []
        for url, result in zip(fresh, results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, FetchError):
                    raise result
                log.warning("%s: article %s failed: %s", source.name, url, result)
                (gone if result.status in GONE else failures).append((url, str(result)))
                continue
            pages.append((result.body, result.final_url, result.content_type))
        if fresh and not pages and not gone:
            raise FetchError(f"every article link failed ({len(fresh)} tried): {failures[0][1]}")
        examined: list[Examined] = (
            await self.work.run("articles", pages, source.name, source.body) if pages else []
        )
        examined += [_unreadable(url, source.name, reason) for url, reason in gone]
        if not failures:
            return examined, None
        return examined, f"{len(failures)} of {len(fresh)} articles failed: {failures[0][1]}"

    async def _keep(self, examined: list[Examined]) -> list[SeenDocument]:
        """The documents not seen before (in the store or this cycle), with their facts."""
        known = self.store.known_documents(
            [e.document.url for e in examined], [e.fingerprint for e in examined]
        )
        fresh = []
        for item in examined:
            mark = item.fingerprint
            if item.document.url in known or mark in known or mark in self.fingerprints:
                continue
            self.fingerprints.add(mark)
            fresh.append(item)
        relevant = [e.document for e in fresh if e.relevance.relevant]
        found = iter(await self.work.run("extract", relevant) if relevant else ())
        return [
            SeenDocument(e.document, e.fingerprint, e.relevance,
                         next(found) if e.relevance.relevant else ())
            for e in fresh
        ]  # fmt: skip


GONE = (404, 410)


def _unreadable(url: str, source: str, reason: str) -> Examined:
    """An article link that is gone, remembered so that it is not asked for again."""
    from monitor.examine import Examined

    document = Document(url, source, "", "")
    mark = "gone:" + hashlib.blake2b(url.encode(), digest_size=12).hexdigest()
    return Examined(document, mark, Relevance(False, 0.0, f"could not be read: {reason}"))


def _slim(result: PollResult) -> PollResult:
    """What callers keep once the result is stored: no bodies, no texts, and of the
    irrelevant documents only their number (a cold cycle of 1,000 feeds meets 25,000)."""
    if not result.documents and all(not f.body for f in result.fetches):
        return result
    documents = tuple(
        SeenDocument(
            Document(s.document.url, s.document.source, s.document.title, "", s.document.published),
            s.fingerprint,
            s.relevance,
            s.sightings,
        )
        for s in result.documents
        if s.relevance.relevant or s.sightings
    )
    fetches = tuple(replace(f, body=b"") for f in result.fetches)
    dropped = result.irrelevant_dropped + len(result.documents) - len(documents)
    return replace(result, fetches=fetches, documents=documents, irrelevant_dropped=dropped)


def _unchanged(result: PollResult) -> bool:
    return bool(result.fetches) and all(f.not_modified for f in result.fetches)
