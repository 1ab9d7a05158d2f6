"""The loopback test server itself: routes, conditional answers, log, bounds, speed."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from monitor.loopback import LoopbackServer


def test_static_route_with_etag_and_304(server: LoopbackServer) -> None:
    server.add("/feed", "<rss/>", content_type="application/rss+xml", headers={"X-Show": "1"})
    with httpx.Client() as client:
        first = client.get(server.url("/feed"))
        again = client.get(server.url("/feed"), headers={"If-None-Match": first.headers["etag"]})
        since = client.get(
            server.url("/feed"), headers={"If-Modified-Since": first.headers["last-modified"]}
        )
    assert (first.status_code, first.text) == (200, "<rss/>")
    assert first.headers["content-type"] == "application/rss+xml"
    assert first.headers["x-show"] == "1"
    assert (again.status_code, again.content) == (304, b"")
    assert since.status_code == 304


def test_new_body_new_etag_and_remove_gives_404(server: LoopbackServer) -> None:
    with httpx.Client() as client:
        server.add("/a", "one")
        one = client.get(server.url("/a")).headers["etag"]
        server.add("/a", "two")
        two = client.get(server.url("/a"), headers={"If-None-Match": one})
        server.remove("/a")
        gone = client.get(server.url("/a"))
    assert (two.status_code, two.text) == (200, "two")
    assert two.headers["etag"] != one
    assert gone.status_code == 404


def test_query_ignored_for_routing_but_logged(server: LoopbackServer) -> None:
    server.add("/page", "ok")
    with httpx.Client() as client:
        response = client.get(server.url("/page?utm_source=x&id=2"), headers={"X-Probe": "y"})
    assert response.text == "ok"
    record = server.requests[-1]
    assert (record.method, record.path, record.route) == ("GET", "/page?utm_source=x&id=2", "/page")
    assert record.headers["x-probe"] == record.headers["X-Probe"] == "y"
    assert record.at <= time.time()


def test_status_fault_with_retry_after(server: LoopbackServer) -> None:
    server.add_fault("/busy", "status", status=429, retry_after=30, body="slow down")
    with httpx.Client() as client:
        response = client.get(server.url("/busy"))
    assert (response.status_code, response.headers["retry-after"]) == (429, "30")
    assert response.text == "slow down"


def test_redirect_fault(server: LoopbackServer) -> None:
    server.add_fault("/old", "redirect", location="/new", status=301)
    with httpx.Client() as client:
        response = client.get(server.url("/old"))
    assert (response.status_code, response.headers["location"]) == (301, "/new")


def test_unknown_fault_is_refused(server: LoopbackServer) -> None:
    with pytest.raises(ValueError, match="unknown fault 'explode'"):
        server.add_fault("/x", "explode")


def test_stop_releases_a_hanging_request() -> None:
    srv = LoopbackServer()
    srv.start()
    srv.add_fault("/hang", "hang")
    host, port = "127.0.0.1", int(srv.base_url.rsplit(":", 1)[1])
    with socket.create_connection((host, port)) as sock:
        sock.sendall(b"GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.1)
        started = time.monotonic()
        srv.stop()
        assert time.monotonic() - started < 1
        assert sock.recv(100) == b""
    assert srv.wait(0)


def test_max_requests_stops_the_server() -> None:
    srv = LoopbackServer(max_requests=3)
    srv.start()
    srv.add("/", "x")
    url = srv.url("/")
    with httpx.Client() as client:
        for _ in range(3):
            assert client.get(url).text == "x"
    assert srv.wait(2)
    with pytest.raises(RuntimeError):
        srv.url("/")


def test_lifetime_stops_the_server() -> None:
    srv = LoopbackServer(lifetime=0.2)
    srv.start()
    assert not srv.wait(0.05)
    assert srv.wait(2)
    srv.stop()  # idempotent


def test_quiet_on_stderr(server: LoopbackServer, capfd: pytest.CaptureFixture[str]) -> None:
    server.add_fault("/reset", "reset")
    with httpx.Client() as client:
        client.get(server.url("/missing"))
        with pytest.raises(httpx.HTTPError):
            client.get(server.url("/reset"))
    assert capfd.readouterr().err == ""


def _get_many(port: int, count: int) -> None:
    """A bare HTTP/1.1 client on one keep-alive connection (cheaper than httpx)."""
    with socket.create_connection(("127.0.0.1", port)) as sock, sock.makefile("rb") as stream:
        for _ in range(count):
            sock.sendall(b"GET /small HTTP/1.1\r\nHost: bench\r\n\r\n")
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert stream.read(length) == b"<p>x</p>"


def test_serves_a_thousand_small_requests_a_second(server: LoopbackServer) -> None:
    server.add("/small", "<p>x</p>")
    port, count = int(server.base_url.rsplit(":", 1)[1]), 1000
    started = time.monotonic()
    _get_many(port, count)
    rate = count / (time.monotonic() - started)
    print(f"loopback: {rate:.0f} requests/s over one keep-alive connection")
    assert rate > 1000, f"only {rate:.0f} requests/s"
    assert len(server.requests) == count
