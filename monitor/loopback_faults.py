"""The misbehaviours of the loopback server: one function per fault, by name.

See ``monitor.loopback`` for the table of faults and their parameters.
"""

from __future__ import annotations

import os
import socket
import struct
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler as Handler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from monitor.loopback import LoopbackServer

_MB = 1024 * 1024


def send(
    h: Handler,
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


def head(h: Handler, status: int, headers: dict[str, str]) -> None:
    h.send_response(status)
    for name, value in headers.items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.flush()


# faults ----------------------------------------------------------------------
def _hang(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    srv._sleep(float(p.get("seconds", 3600)))
    h.close_connection = True


def _trickle(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    size, interval = int(p.get("size", 100)), float(p.get("interval", 1.0))
    head(h, 200, {"Content-Type": "text/plain", "Content-Length": str(size)})
    for _ in range(size):
        if srv._sleep(interval):
            break
        h.wfile.write(b"x")
        h.wfile.flush()
    h.close_connection = True


def _stall_body(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    head(h, 200, {"Content-Type": "text/html", "Content-Length": str(p.get("length", 1000))})
    srv._sleep(float(p.get("seconds", 3600)))
    h.close_connection = True


def _reset(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    head(h, 200, {"Content-Type": "text/html", "Content-Length": "100000"})
    h.wfile.write(b"<html><body>" + b"x" * int(p.get("sent", 1000)))
    h.wfile.flush()
    time.sleep(0.05)
    conn = h.connection
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    srv._track(conn, False)
    os.close(conn.detach())  # linger 0: the kernel sends RST, not FIN
    h.close_connection = True


def _stream(srv: LoopbackServer, h: Handler, chunks: Any, headers: dict[str, str]) -> None:
    """Send a chunked body from an iterator of bytes, stopping when the server stops."""
    head(h, 200, {**headers, "Transfer-Encoding": "chunked"})
    for chunk in chunks:
        if srv._stopping.is_set():
            break
        if chunk:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    h.wfile.write(b"0\r\n\r\n")
    h.wfile.flush()


def _huge(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    block = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>\n"
    count = int(float(p.get("mb", 100)) * _MB) // len(block)
    _stream(srv, h, (block for _ in range(count)), {"Content-Type": "text/html"})


def _bomb_chunks(gigabytes: float) -> Any:
    zeros = bytes(_MB)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    for _ in range(int(gigabytes * 1024)):
        yield squeeze.compress(zeros)
    yield squeeze.flush()


def _gzip_bomb(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    _stream(srv, h, _bomb_chunks(float(p.get("gb", 10))), headers)


def _gzip(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    body = p.get("body", b"<p>hello</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    squeeze = zlib.compressobj(6, zlib.DEFLATED, 31)
    headers = {"Content-Encoding": "gzip"}
    send(
        h,
        200,
        squeeze.compress(data) + squeeze.flush(),
        p.get("content_type", "text/html"),
        headers,
    )


def _lying_length(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    body = b"<html><body><p>short</p></body></html>"
    head(h, 200, {"Content-Type": "text/html", "Content-Length": str(len(body) + 5000)})
    h.wfile.write(body)
    h.wfile.flush()
    h.close_connection = True


def _broken_chunked(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    head(h, 200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
    h.wfile.write(b"5\r\nhello\r\nzz-not-hex\r\nbroken\r\n0\r\n\r\n")
    h.wfile.flush()
    h.close_connection = True


def _status(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    headers = {str(k): str(v) for k, v in p.get("headers", {}).items()}
    if "retry_after" in p:
        headers["Retry-After"] = str(p["retry_after"])
    body = p.get("body", b"")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    send(h, int(p.get("status", 500)), data, "text/plain; charset=utf-8", headers)


def _flaky(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    with srv._lock:
        served = p["_served"] = p.get("_served", 0) + 1
    if served <= int(p.get("fails", 1)):
        _status(srv, h, {"status": 503, **{k: v for k, v in p.items() if k != "body"}})
        return
    body = p.get("body", b"<p>recovered</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    send(h, 200, data, "text/html; charset=utf-8")


def _redirect_to(h: Handler, location: str, status: int = 302) -> None:
    send(h, status, b"", None, {"Location": location})


def _redirect(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, str(p.get("location", "/")), int(p.get("status", 302)))


def _redirect_loop(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, urlsplit(h.path).path, int(p.get("status", 302)))


def _redirect_chain(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    hop = int(parse_qs(urlsplit(h.path).query).get("hop", ["0"])[0])
    if hop < int(p.get("n", 3)):
        _redirect_to(h, f"{urlsplit(h.path).path}?hop={hop + 1}")
        return
    body = p.get("body", b"<p>arrived</p>")
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    send(h, 200, data, "text/html; charset=utf-8")


def _redirect_scheme(srv: LoopbackServer, h: Handler, p: dict[str, Any]) -> None:
    _redirect_to(h, str(p.get("location", "file:///etc/passwd")))


FAULTS: dict[str, Callable[[LoopbackServer, Handler, dict[str, Any]], None]] = {
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
