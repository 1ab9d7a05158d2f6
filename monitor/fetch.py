"""HTTP GET for the monitor: the only httpx user.

One ``Fetcher`` per run: its httpx clients share one user agent, TLS context and
limits (a few pools of at most 8 connections rather than one of 32: httpcore
checks every pooled connection on each request, a cost that grows with the
square of the pool), connect/read timeouts plus a
total deadline per fetch (retries included), redirects followed by hand (http and
https only), a cap on the *decoded* body (gzip bombs included: we decode
ourselves with a bounded zlib output), conditional GET, a per-host and an overall
concurrency bound, and retries with backoff for transient failures only.

Every failure is a ``FetchError`` whose message a reader of the digest understands.
"""

from __future__ import annotations

import asyncio
import importlib.util
import random
import socket
import ssl
import sys
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from monitor import __version__
from monitor.exceptions import FetchError
from monitor.models import FetchResult

if importlib.util.find_spec("sniffio") is None:
    # httpcore runs ``import sniffio`` on every request; Python does not cache a failed
    # import, so without sniffio each request searched sys.path (~1 ms, a third of a
    # 304's cost). A None entry makes the import fail at once, as it would anyway.
    sys.modules["sniffio"] = None  # type: ignore[assignment]

# Connections per httpx client. httpcore's pool scans all its connections (and, for
# each idle one, all of them again) on every request, checking each with a syscall:
# ~5 ms CPU per request at 32 connections. Several small pools cost a fraction.
_SHARD = 8
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TRANSIENT_STATUS = frozenset({500, 502, 503, 504})
_SHORT_RETRY_AFTER = 5.0
_AUTO_WBITS = zlib.MAX_WBITS | 32  # gzip or zlib header, detected
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits of one fetch; ``deadline`` bounds a whole fetch, body and retries included."""

    user_agent: str = f"monitor/{__version__} (+https://github.com/star-city-monitor/monitor)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 5_000_000
    max_connections: int = 32
    max_per_host: int = 4
    retries: int = 2
    backoff: float = 0.5


class _Retry(Exception):
    """A transient failure: retry after ``wait`` seconds (None: exponential backoff)."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


@dataclass(slots=True)
class _Body:
    """Decodes gzip/deflate chunk by chunk without ever holding more than the cap."""

    encoding: str
    limit: int
    parts: list[bytes] = field(default_factory=list)
    size: int = 0
    inflater: zlib._Decompress | None = None

    def __post_init__(self) -> None:
        coding = self.encoding.strip().lower()
        if coding in ("gzip", "x-gzip", "deflate"):
            self.inflater = zlib.decompressobj(_AUTO_WBITS)
        elif coding not in ("", "identity"):
            raise FetchError(f"unsupported content encoding: {self.encoding}")

    def feed(self, data: bytes) -> None:
        """Decode one raw chunk; FetchError once the decoded size passes the cap."""
        if self.inflater is None:
            self._keep(data)
            return
        try:
            self._inflate(self.inflater, data)
        except zlib.error as e:
            if self.size or "deflate" not in self.encoding.lower():
                raise FetchError(f"could not decode the {self.encoding} body: {e}") from e
            self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no header
            self.feed(data)

    def _inflate(self, inflater: zlib._Decompress, data: bytes) -> None:
        while data:
            self._keep(inflater.decompress(data, self.limit - self.size + 1))
            data = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:  # another gzip member follows
                data = inflater.unused_data
                inflater = self.inflater = zlib.decompressobj(_AUTO_WBITS)

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(f"body over {_size(self.limit)}")
        if data:
            self.parts.append(data)

    def result(self) -> bytes:
        if self.inflater is not None:
            self._keep(self.inflater.flush())
        return b"".join(self.parts)


def _size(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit / 1000:g} kB" if limit >= 1000 else f"{limit} bytes"


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds from now (delta-seconds or an HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _status_error(response: httpx.Response) -> FetchError | _Retry:
    """The error for a 4xx/5xx answer; a _Retry when asking again may help."""
    code = response.status_code
    wait = _retry_after(response.headers.get("retry-after"))
    if code == 410:
        return FetchError("gone (HTTP 410)", status=code)
    if code == 429:
        message = "rate limited (HTTP 429)"
    else:
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = response.reason_phrase
        message = f"HTTP {code} {phrase}".rstrip()
    if wait is not None:
        error = FetchError(
            f"{message}, retry after {_duration(wait)}", status=code, retry_after=wait
        )
        short = wait <= _SHORT_RETRY_AFTER and code in (429, 503)
        return _Retry(error, wait) if short else error
    error = FetchError(message, status=code)
    return _Retry(error) if code in _TRANSIENT_STATUS else error


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _transport_error(e: Exception, url: str, s: FetchSettings) -> FetchError | _Retry:
    """Plain words for an httpx failure; a _Retry when it is worth another try."""
    causes = _chain(e)
    text = " ".join(str(c) for c in causes).lower()
    if isinstance(e, httpx.ConnectTimeout):
        return _Retry(FetchError(f"connect timed out after {s.connect_timeout:g} s"))
    if isinstance(e, httpx.TimeoutException):
        return _Retry(FetchError(f"no data for {s.read_timeout:g} s"))
    if any(isinstance(c, socket.gaierror) for c in causes) or "name or service" in text:
        return FetchError(f"host not found: {urlsplit(url).hostname}")
    if any(isinstance(c, ssl.SSLError) for c in causes) or "certificate" in text:
        return FetchError(f"TLS error: {causes[-1]}")
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in text:
        return _Retry(FetchError("connection refused"))
    if any(isinstance(c, ConnectionResetError) for c in causes) or "reset by peer" in text:
        return _Retry(FetchError("connection reset"))
    if isinstance(e, httpx.ConnectError):
        return _Retry(FetchError(f"could not connect: {e}"))
    if isinstance(e, httpx.RemoteProtocolError):
        if "peer closed" in text or "incomplete" in text:
            return FetchError("connection closed before the body was complete")
        if "without sending" in text:
            return _Retry(FetchError("server closed the connection without answering"))
        if "chunk" in text:
            return FetchError("malformed HTTP response: broken chunked encoding")
        return FetchError(f"malformed HTTP response: {str(e)[:100]}")
    if isinstance(e, httpx.UnsupportedProtocol):
        return FetchError(f"not an http(s) URL: {url}")
    if isinstance(e, httpx.InvalidURL):
        return FetchError(f"invalid URL: {url}")
    return FetchError(f"network error: {e or type(e).__name__}")


class Fetcher:
    """Fetches URLs concurrently for one run (a few pooled httpx clients); ``async with``."""

    def __init__(self, settings: FetchSettings = FetchSettings()) -> None:
        self.settings = settings
        self._clients: list[httpx.AsyncClient] = []
        self._load: list[int] = []
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._slots: asyncio.Semaphore | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._hosts, self._slots = {}, asyncio.Semaphore(s.max_connections)
        shards = -(-s.max_connections // _SHARD)
        size = -(-s.max_connections // shards)
        tls = httpx.create_ssl_context()
        self._clients = [self._client_of(size, tls) for _ in range(shards)]
        self._load = [0] * shards
        return self

    def _client_of(self, size: int, tls: ssl.SSLContext) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            headers={
                "User-Agent": self.settings.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(
                self.settings.read_timeout, connect=self.settings.connect_timeout, pool=None
            ),
            limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
            verify=tls,
            follow_redirects=False,
            event_hooks={"response": [_refuse_bad_redirect]},
        )

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        clients, self._clients = self._clients, []
        for client in clients:
            await client.aclose()

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        """Wait for a free per-host slot, then for a free overall slot."""
        host = _check_url(url)
        if self._slots is None:
            raise RuntimeError("use the Fetcher inside 'async with'")
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.max_per_host))
        async with per_host, self._slots:
            yield

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url``; a 304 to the conditional request is a result, failures FetchError."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = self.settings.deadline
        async with self._slot(url):
            shard = self._load.index(min(self._load))  # the least busy client
            client = self._clients[shard]
            self._load[shard] += 1
            until = asyncio.get_running_loop().time() + deadline
            try:
                async with asyncio.timeout_at(until):
                    return await self._with_retries(client, url, headers, until)
            except TimeoutError as e:
                raise FetchError(f"timed out after {deadline:g} s") from e
            finally:
                self._load[shard] -= 1

    async def _with_retries(
        self, client: httpx.AsyncClient, url: str, headers: dict[str, str], until: float
    ) -> FetchResult:
        s = self.settings
        for attempt in range(s.retries + 1):
            try:
                return await self._follow(client, url, headers)
            except _Retry as retry:
                pause = retry.wait
                if pause is None:
                    pause = s.backoff * 2**attempt * (0.5 + random.random())
                left = until - asyncio.get_running_loop().time()
                if attempt == s.retries or pause >= left:
                    raise retry.error from retry.__cause__
                await asyncio.sleep(pause)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _follow(
        self, client: httpx.AsyncClient, url: str, headers: dict[str, str]
    ) -> FetchResult:
        """Follow up to max_redirects redirects by hand, refusing non-http(s) targets."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            try:
                return await self._get(client, url, current, headers)
            except _Redirect as hop:
                current = hop.location
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    async def _get(
        self, client: httpx.AsyncClient, url: str, current: str, headers: dict[str, str]
    ) -> FetchResult:
        try:
            request = client.build_request("GET", current, headers=headers)
            response = await client.send(request, stream=True)
            try:
                return await self._read(url, current, response)
            finally:
                await response.aclose()
        except httpx.HTTPError as e:
            raise _transport_error(e, current, self.settings) from e
        except httpx.InvalidURL as e:
            raise FetchError(f"invalid URL: {current}") from e

    async def _read(self, url: str, current: str, response: httpx.Response) -> FetchResult:
        code = response.status_code
        if code in _REDIRECTS and "location" in response.headers:
            raise _Redirect(_redirect_target(current, response.headers["location"]))
        if code >= 400:
            raise _status_error(response)
        body = b""
        if code != 304:
            body = await self._body(response)
        return FetchResult(
            url=url,
            final_url=str(response.url),
            status=code,
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            fetched_at=datetime.now(UTC),
            content_type=response.headers.get("content-type"),
        )

    async def _body(self, response: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        encoding = response.headers.get("content-encoding", "")
        length = response.headers.get("content-length", "")
        if not encoding and length.isdigit() and int(length) > limit:
            raise FetchError(f"body over {_size(limit)}")
        body = _Body(encoding, limit)
        async for chunk in response.aiter_raw():
            body.feed(chunk)
        return body.result()


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def _redirect_target(current: str, location: str) -> str:
    try:
        target = urljoin(current, location.strip())
        scheme = urlsplit(target).scheme.lower()
    except ValueError as e:
        raise FetchError(f"redirect to an invalid URL: {location[:100]}") from e
    if scheme not in ("http", "https"):
        raise FetchError(f"redirect to a non-http URL: {target[:100]}")
    return target


async def _refuse_bad_redirect(response: httpx.Response) -> None:
    """Response hook: httpx prepares the next request even when not following, and
    fails on a ``javascript:`` location; refuse such redirects before it tries."""
    if response.status_code in _REDIRECTS and "location" in response.headers:
        _redirect_target(str(response.request.url), response.headers["location"])


def _check_url(url: str) -> str:
    """The URL's host key for the per-host limit; FetchError if it is not http(s)."""
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise FetchError(f"invalid URL: {url[:100]}") from e
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not an http(s) URL: {url[:100]}")
    return parts.netloc.lower()


def _duration(seconds: float) -> str:
    if seconds < 3600:
        return f"{seconds:.0f} s"
    return f"{seconds / 3600:.0f} h" if seconds < 172800 else f"{seconds / 86400:.0f} days"


def fetch_one(url: str, settings: FetchSettings = FetchSettings()) -> FetchResult:
    """Fetch one URL synchronously (for ``monitor extract URL``)."""

    async def run() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(run())
