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
import os
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

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
        if fault not in _FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(sorted(_FAULTS))}")
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
                _send(h, 404, b"not found\n", "text/plain; charset=utf-8")
            elif isinstance(route, _Route):
                self._serve_static(h, route)
            else:
                _FAULTS[route.name](self, h, route.params)
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
            _send(h, 304, b"", None, headers)
        else:
            _send(h, route.status, route.body, route.content_type, headers)

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


def _send(
    h: _Handler,
    status: int,
    body: bytes,
    content_type: str | None,
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if h.command != "HEAD" and status not in (204, 304):
        h.wfile.write(body)
    h.wfile.flush()


def _head(h: _Handler, status: int, headers: dict[str, str]) -> None:
    h.send_response(status)
    for name, value in headers.items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.flush()


# faults ----------------------------------------------------------------------
def _hang(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    srv._sleep(float(p.get("seconds", 3600)))
    h.close_connection = True


def _trickle(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    size, interval = int(p.get("size", 100)), float(p.get("interval", 1.0))
    _head(h, 200, {"Content-Type": "text/plain", "Content-Length": str(size)})
    for _ in range(size):
        if srv._sleep(interval):
            break
        h.wfile.write(b"x")
        h.wfile.flush()
    h.close_connection = True


def _stall_body(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _head(h, 200, {"Content-Type": "text/html", "Content-Length": str(p.get("length", 1000))})
    srv._sleep(float(p.get("seconds", 3600)))
    h.close_connection = True


def _reset(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _head(h, 200, {"Content-Type": "text/html", "Content-Length": "100000"})
    h.wfile.write(b"<html><body>" + b"x" * int(p.get("sent", 1000)))
    h.wfile.flush()
    time.sleep(0.05)
    conn = h.connection
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    srv._track(conn, False)
    os.close(conn.detach())  # linger 0: the kernel sends RST, not FIN
    h.close_connection = True


def _stream(srv: LoopbackServer, h: _Handler, chunks: Any, headers: dict[str, str]) -> None:
    """Send a chunked body from an iterator of bytes, stopping when the server stops."""
    _head(h, 200, {**headers, "Transfer-Encoding": "chunked"})
    for chunk in chunks:
        if srv._stopping.is_set():
            break
        if chunk:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    h.wfile.write(b"0\r\n\r\n")
    h.wfile.flush()


def _huge(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    block = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>\n"
    count = int(float(p.get("mb", 100)) * _MB) // len(block)
    _stream(srv, h, (block for _ in range(count)), {"Content-Type": "text/html"})


def _bomb_chunks(gigabytes: float) -> Any:
    zeros = bytes(_MB)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    for _ in range(int(gigabytes * 1024)):
        yield squeeze.compress(zeros)
    yield squeeze.flush()


def _gzip_bomb(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    _stream(srv, h, _bomb_chunks(float(p.get("gb", 10))), headers)


def _gzip(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    body = p.get("body", b"<p>hello</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    squeeze = zlib.compressobj(6, zlib.DEFLATED, 31)
    headers = {"Content-Encoding": "gzip"}
    _send(
        h,
        200,
        squeeze.compress(data) + squeeze.flush(),
        p.get("content_type", "text/html"),
        headers,
    )


def _lying_length(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    body = b"<html><body><p>short</p></body></html>"
    _head(h, 200, {"Content-Type": "text/html", "Content-Length": str(len(body) + 5000)})
    h.wfile.write(body)
    h.wfile.flush()
    h.close_connection = True


def _broken_chunked(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _head(h, 200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
    h.wfile.write(b"5\r\nhello\r\nzz-not-hex\r\nbroken\r\n0\r\n\r\n")
    h.wfile.flush()
    h.close_connection = True


def _status(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    headers = {str(k): str(v) for k, v in p.get("headers", {}).items()}
    if "retry_after" in p:
        headers["Retry-After"] = str(p["retry_after"])
    body = p.get("body", b"")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    _send(h, int(p.get("status", 500)), data, "text/plain; charset=utf-8", headers)


def _flaky(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    with srv._lock:
        served = p["_served"] = p.get("_served", 0) + 1
    if served <= int(p.get("fails", 1)):
        _status(srv, h, {"status": 503, **{k: v for k, v in p.items() if k != "body"}})
        return
    body = p.get("body", b"<p>recovered</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    _send(h, 200, data, "text/html; charset=utf-8")


def _redirect_to(h: _Handler, location: str, status: int = 302) -> None:
    _send(h, status, b"", None, {"Location": location})


def _redirect(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, str(p.get("location", "/")), int(p.get("status", 302)))


def _redirect_loop(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, urlsplit(h.path).path, int(p.get("status", 302)))


def _redirect_chain(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    hop = int(parse_qs(urlsplit(h.path).query).get("hop", ["0"])[0])
    if hop < int(p.get("n", 3)):
        _redirect_to(h, f"{urlsplit(h.path).path}?hop={hop + 1}")
        return
    body = p.get("body", b"<p>arrived</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    _send(h, 200, data, "text/html; charset=utf-8")


def _redirect_scheme(srv: LoopbackServer, h: _Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, str(p.get("location", "file:///etc/passwd")))


_FAULTS: dict[str, Callable[[LoopbackServer, _Handler, dict[str, Any]], None]] = {
    "hang": _hang,
    "trickle": _trickle,
    "stall_body": _stall_body,
    "reset": _reset,
    "huge": _huge,
    "gzip_bomb": _gzip_bomb,
    "gzip": _gzip,
    "lying_length": _lying_length,
    "broken_chunked": _broken_chunked,
    "status": _status,
    "flaky": _flaky,
    "redirect": _redirect,
    "redirect_loop": _redirect_loop,
    "redirect_chain": _redirect_chain,
    "redirect_scheme": _redirect_scheme,
}
