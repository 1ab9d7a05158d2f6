"""A real HTTP server on 127.0.0.1 with a route table, faults and a request log.

Used by the tests, by ``monitor demo`` and by the benchmark::

    with LoopbackServer() as server:
        server.add("/feed", feed_bytes, content_type="application/rss+xml")
        server.add_fault("/slow", "hang")
        fetch(server.url("/feed"))
        assert server.requests[0].headers["user-agent"].startswith("monitor/")

Routes ignore the query string; the log keeps it. Static routes send an ETag and
Last-Modified and answer 304 to a matching conditional request. Faults:

============== ==========================================================
hang           read the request, never answer (``seconds``: give up after)
trickle        ``size`` bytes, one per ``interval`` seconds
stall_body     headers with Content-Length, then nothing
reset          headers and part of the body, then a TCP reset
huge           ``mb`` megabytes of body, streamed
gzip_bomb      ``gb`` gigabytes of zeros, gzip-compressed on the fly
gzip           ``body`` sent gzip-compressed (an honest one)
lying_length   Content-Length larger than the body, then close
broken_chunked chunked encoding with a malformed chunk size
status         ``status`` with ``body``, optional ``retry_after`` (s or HTTP-date)
flaky          the first ``fails`` requests get ``status`` (503), then 200 ``body``
redirect       ``status`` (302) to ``location``
redirect_loop  redirects to itself forever
redirect_chain ``n`` hops through ``?hop=k``, then 200 with ``body``
redirect_scheme to ``location`` (``file:///etc/passwd`` by default)
============== ==========================================================
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from monitor.loopback_faults import FAULTS, send

_MB = 1024 * 1024


class _Headers(dict[str, str]):
    """A dict of request headers whose keys are case-insensitive (stored lowercase)."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the server saw it; ``path`` includes the query string."""

    method: str
    path: str
    headers: dict[str, str]
    at: float

    @property
    def route(self) -> str:
        """The path without its query string."""
        return self.path.split("?", 1)[0]


@dataclass(frozen=True, slots=True)
class _Route:
    body: bytes
    content_type: str
    status: int
    headers: dict[str, str]
    delay: float
    etag: str
    last_modified: str


@dataclass(frozen=True, slots=True)
class _Fault:
    name: str
    params: dict[str, Any] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops bursts of connections
    owner: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet: clients hanging up mid-response are part of the job."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 30
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, True)

    def finish(self) -> None:
        self.server.owner._track(self.connection, False)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """No request logging to stderr."""

    def do_GET(self) -> None:
        self.server.owner._serve(self)

    def do_HEAD(self) -> None:
        self.server.owner._serve(self)


class LoopbackServer:
    """An HTTP/1.1 server on 127.0.0.1 in a daemon thread; start/stop or use ``with``."""

    def __init__(self, *, max_requests: int | None = None, lifetime: float | None = None) -> None:
        self.requests: list[RequestRecord] = []
        self._max_requests = max_requests
        self._lifetime = lifetime
        self._routes: dict[str, _Route | _Fault] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        self._conns: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None

    # lifecycle -----------------------------------------------------------
    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        if self._server is not None:
            return
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        if self._lifetime is not None:
            self._timer = threading.Timer(self._lifetime, self.stop)
            self._timer.daemon = True
            self._timer.start()

    def stop(self) -> None:
        """Stop serving, release hanging handlers, close every socket; idempotent."""
        with self._lock:
            server, self._server = self._server, None
            if server is None:
                return
        self._stopping.set()
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        server.shutdown()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._stopped.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server has stopped (by ``stop``, max_requests or lifetime)."""
        return self._stopped.wait(timeout)

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the loopback server is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # routes ----------------------------------------------------------------
    def add(
        self,
        path: str,
        body: bytes | str,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        """Serve ``body`` at ``path``; a new body gets a new ETag and Last-Modified."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = _Route(
            body=data,
            content_type=content_type,
            status=status,
            headers=dict(headers or {}),
            delay=delay,
            etag='"' + hashlib.sha256(data).hexdigest()[:20] + '"',
            last_modified=formatdate(time.time(), usegmt=True),
        )
        with self._lock:
            self._routes[path] = route

    def remove(self, path: str) -> None:
        """Forget a route: it answers 404 from now on."""
        with self._lock:
            self._routes.pop(path, None)

    def add_fault(self, path: str, fault: str, **params: Any) -> None:
        """Make ``path`` misbehave; see the module docstring for the faults."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(sorted(FAULTS))}")
        with self._lock:
            self._routes[path] = _Fault(fault, dict(params))

    # serving ---------------------------------------------------------------
    def _serve(self, h: _Handler) -> None:
        with self._lock:
            self.requests.append(
                RequestRecord(h.command, h.path, _Headers(_lower(h.headers.items())), time.time())
            )
            route = self._routes.get(urlsplit(h.path).path)
        try:
            if route is None:
                send(h, 404, b"not found\n", "text/plain; charset=utf-8")
            elif isinstance(route, _Route):
                self._serve_static(h, route)
            else:
                FAULTS[route.name](self, h, route.params)
        except OSError:
            h.close_connection = True
        self._count_request()

    def _track(self, conn: socket.socket, alive: bool) -> None:
        with self._lock:
            if alive:
                self._conns.add(conn)
            else:
                self._conns.discard(conn)

    def _count_request(self) -> None:
        if self._max_requests is None:
            return
        with self._lock:
            done = len(self.requests) >= self._max_requests
        if done and not self._stopping.is_set():
            self._stopping.set()
            threading.Thread(target=self.stop, daemon=True).start()

    def _serve_static(self, h: _Handler, route: _Route) -> None:
        if route.delay and self._stopping.wait(route.delay):
            h.close_connection = True
            return
        headers = {"ETag": route.etag, "Last-Modified": route.last_modified, **route.headers}
        if route.status == 200 and _not_modified(h, route):
            send(h, 304, b"", None, headers)
        else:
            send(h, route.status, route.body, route.content_type, headers)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server stops first; True when it is stopping."""
        return self._stopping.wait(seconds)


def _lower(items: Any) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in items}


def _not_modified(h: _Handler, route: _Route) -> bool:
    inm = h.headers.get("If-None-Match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return route.etag in tags or "*" in tags
    ims = h.headers.get("If-Modified-Since")
    if ims is None:
        return False
    try:
        return parsedate_to_datetime(ims) >= parsedate_to_datetime(route.last_modified)
    except (TypeError, ValueError):
        return False
