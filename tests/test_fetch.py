"""monitor.fetch against a real HTTP server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC
from email.utils import formatdate

import pytest

from monitor.exceptions import FetchError
from monitor.fetch import Fetcher, FetchSettings, fetch_one
from monitor.loopback import LoopbackServer
from monitor.models import FetchResult

FAST = FetchSettings(connect_timeout=1, read_timeout=1, deadline=1, retries=0, backoff=0.01)


def fetch(url: str, settings: FetchSettings = FAST, **conditional: str) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **conditional)

    return asyncio.run(go())


def fetch_error(url: str, settings: FetchSettings = FAST) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, settings)
    return caught.value


def hits(server: LoopbackServer, route: str) -> int:
    return sum(1 for r in server.requests if r.route == route)


def test_get_sends_user_agent_and_returns_body(server: LoopbackServer) -> None:
    server.add("/a", "<p>Rhys Ifans cast</p>")
    result = fetch(server.url("/a"))
    assert result.status == 200
    assert result.body == b"<p>Rhys Ifans cast</p>"
    assert result.url == result.final_url == server.url("/a")
    assert result.content_type == "text/html; charset=utf-8"
    assert result.etag and result.last_modified
    assert result.fetched_at.tzinfo is UTC
    agent = server.requests[-1].headers["User-Agent"]
    assert agent == FetchSettings().user_agent
    assert agent.startswith("monitor/")


def test_if_none_match_gives_304_with_empty_body(server: LoopbackServer) -> None:
    server.add("/feed", "<rss/>", content_type="application/rss+xml")
    first = fetch(server.url("/feed"))
    second = fetch(server.url("/feed"), etag=first.etag or "")
    assert second.status == 304 and second.not_modified
    assert second.body == b""
    assert server.requests[-1].headers["if-none-match"] == first.etag
    assert "if-none-match" not in server.requests[0].headers


def test_if_modified_since_gives_304(server: LoopbackServer) -> None:
    server.add("/page", "<p>x</p>")
    first = fetch(server.url("/page"))
    second = fetch(server.url("/page"), last_modified=first.last_modified or "")
    assert second.not_modified
    assert server.requests[-1].headers["if-modified-since"] == first.last_modified


def test_changed_body_answers_200_to_an_old_etag(server: LoopbackServer) -> None:
    server.add("/feed", "one")
    old = fetch(server.url("/feed"))
    server.add("/feed", "two")
    new = fetch(server.url("/feed"), etag=old.etag or "")
    assert (new.status, new.body) == (200, b"two")
    assert new.etag != old.etag


@pytest.mark.parametrize(
    ("fault", "params"),
    [("hang", {}), ("trickle", {"interval": 0.05}), ("stall_body", {})],
)
def test_deadline_bounds_the_whole_fetch(
    server: LoopbackServer, fault: str, params: dict[str, float]
) -> None:
    server.add_fault("/slow", fault, **params)
    settings = FetchSettings(read_timeout=5, deadline=0.5, retries=0)
    started = time.monotonic()
    error = fetch_error(server.url("/slow"), settings)
    assert str(error) == "timed out after 0.5 s"
    assert time.monotonic() - started < 1.5


def test_read_timeout_when_no_data_arrives(server: LoopbackServer) -> None:
    server.add_fault("/stall", "stall_body")
    settings = FetchSettings(read_timeout=0.3, deadline=5, retries=0)
    assert str(fetch_error(server.url("/stall"), settings)) == "no data for 0.3 s"


def test_streamed_body_over_the_cap(server: LoopbackServer) -> None:
    server.add_fault("/huge", "huge", mb=50)
    assert str(fetch_error(server.url("/huge"))) == "body over 5 MB"


def test_declared_length_over_the_cap_fails_before_reading(server: LoopbackServer) -> None:
    server.add("/big", b"a" * 200_000)
    settings = FetchSettings(max_bytes=100_000, retries=0)
    assert str(fetch_error(server.url("/big"), settings)) == "body over 100 kB"


def test_gzip_bomb_is_cut_at_the_decoded_cap(server: LoopbackServer) -> None:
    server.add_fault("/bomb", "gzip_bomb", gb=10)
    started = time.monotonic()
    error = fetch_error(server.url("/bomb"))
    assert str(error) == "body over 5 MB"
    assert time.monotonic() - started < 1


def test_honest_gzip_is_decoded(server: LoopbackServer) -> None:
    text = "<p>Star City premieres on Apple TV.</p>" * 500
    server.add_fault("/gz", "gzip", body=text)
    result = fetch(server.url("/gz"))
    assert result.body == text.encode()
    assert server.requests[-1].headers["accept-encoding"] == "gzip, deflate"


def test_redirect_chain_is_followed(server: LoopbackServer) -> None:
    server.add_fault("/moved", "redirect_chain", n=3, body="<p>here</p>")
    result = fetch(server.url("/moved"))
    assert result.body == b"<p>here</p>"
    assert result.url == server.url("/moved")
    assert result.final_url == server.url("/moved?hop=3")
    assert hits(server, "/moved") == 4


def test_redirect_loop_stops_after_max_redirects(server: LoopbackServer) -> None:
    server.add_fault("/loop", "redirect_loop")
    assert str(fetch_error(server.url("/loop"))) == "too many redirects (more than 5)"
    assert hits(server, "/loop") == 6


def test_long_redirect_chain_is_refused(server: LoopbackServer) -> None:
    server.add_fault("/far", "redirect_chain", n=3)
    settings = FetchSettings(max_redirects=2, retries=0)
    assert str(fetch_error(server.url("/far"), settings)) == "too many redirects (more than 2)"


@pytest.mark.parametrize("location", ["file:///etc/passwd", "javascript:alert(1)"])
def test_redirect_to_a_non_http_url_is_refused(server: LoopbackServer, location: str) -> None:
    server.add_fault("/evil", "redirect_scheme", location=location)
    error = fetch_error(server.url("/evil"))
    assert str(error) == f"redirect to a non-http URL: {location}"


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 Not Found"),
        (410, "gone (HTTP 410)"),
        (500, "HTTP 500 Internal Server Error"),
        (403, "HTTP 403 Forbidden"),
    ],
)
def test_error_statuses_in_words(server: LoopbackServer, status: int, message: str) -> None:
    server.add_fault("/x", "status", status=status)
    error = fetch_error(server.url("/x"))
    assert (str(error), error.status) == (message, status)


def test_server_errors_are_retried_client_errors_are_not(server: LoopbackServer) -> None:
    server.add_fault("/500", "status", status=500)
    server.add_fault("/404", "status", status=404)
    settings = FetchSettings(retries=2, backoff=0.01)
    assert fetch_error(server.url("/500"), settings).status == 500
    assert fetch_error(server.url("/404"), settings).status == 404
    assert (hits(server, "/500"), hits(server, "/404")) == (3, 1)


def test_retry_on_503_then_success(server: LoopbackServer) -> None:
    server.add_fault("/flaky", "flaky", fails=2, status=503, body="<p>back</p>")
    result = fetch(server.url("/flaky"), FetchSettings(retries=2, backoff=0.01))
    assert result.body == b"<p>back</p>"
    assert hits(server, "/flaky") == 3


def test_short_retry_after_is_honoured_inside_the_run(server: LoopbackServer) -> None:
    server.add_fault("/busy", "flaky", fails=1, status=429, retry_after=1)
    started = time.monotonic()
    result = fetch(server.url("/busy"), FetchSettings(retries=1, backoff=0.01))
    assert result.status == 200
    assert time.monotonic() - started >= 0.9


def test_long_retry_after_in_seconds_is_reported_not_slept(server: LoopbackServer) -> None:
    server.add_fault("/limited", "status", status=429, retry_after=120)
    started = time.monotonic()
    error = fetch_error(server.url("/limited"), FetchSettings(retries=2, backoff=0.01))
    assert str(error) == "rate limited (HTTP 429), retry after 120 s"
    assert (error.status, error.retry_after) == (429, 120)
    assert hits(server, "/limited") == 1
    assert time.monotonic() - started < 1


def test_retry_after_as_http_date(server: LoopbackServer) -> None:
    later = formatdate(time.time() + 120, usegmt=True)
    server.add_fault("/down", "status", status=503, retry_after=later)
    error = fetch_error(server.url("/down"), FetchSettings(retries=2, backoff=0.01))
    assert error.retry_after is not None and 100 < error.retry_after <= 120
    assert str(error).startswith("HTTP 503 Service Unavailable, retry after 1")
    assert hits(server, "/down") == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_closed_port_is_connection_refused() -> None:
    error = fetch_error(f"http://127.0.0.1:{free_port()}/feed")
    assert str(error) == "connection refused"
    assert error.__cause__ is not None


def test_unknown_host() -> None:
    assert str(fetch_error("http://example.invalid/feed")) == "host not found: example.invalid"


def test_connection_reset_mid_body(server: LoopbackServer) -> None:
    server.add_fault("/reset", "reset")
    assert str(fetch_error(server.url("/reset"))) == "connection reset"


def test_lying_content_length(server: LoopbackServer) -> None:
    server.add_fault("/lie", "lying_length")
    error = fetch_error(server.url("/lie"))
    assert str(error) == "connection closed before the body was complete"


def test_broken_chunked_encoding(server: LoopbackServer) -> None:
    server.add_fault("/chunked", "broken_chunked")
    assert str(fetch_error(server.url("/chunked"))).startswith("malformed HTTP response")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/feed", "not an http(s) URL: ftp://example.com/feed"),
        ("http://[::1/feed", "invalid URL: http://[::1/feed"),
    ],
)
def test_bad_urls_are_fetch_errors(url: str, message: str) -> None:
    assert str(fetch_error(url)) == message


def test_many_urls_run_concurrently(server: LoopbackServer) -> None:
    for i in range(50):
        server.add(f"/slow/{i}", f"<p>{i}</p>", delay=0.3)
    settings = FetchSettings(max_per_host=25, retries=0)

    async def go() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            urls = [server.url(f"/slow/{i}") for i in range(50)]
            return await asyncio.gather(*(fetcher.fetch(u) for u in urls))

    started = time.monotonic()
    results = asyncio.run(go())
    elapsed = time.monotonic() - started
    assert [r.body for r in results] == [f"<p>{i}</p>".encode() for i in range(50)]
    assert elapsed < 3, f"50 fetches of 0.3 s took {elapsed:.1f} s"


def test_per_host_limit_holds(server: LoopbackServer) -> None:
    for i in range(6):
        server.add(f"/p/{i}", "x", delay=0.2)
    settings = FetchSettings(max_per_host=2, retries=0)

    async def go() -> None:
        async with Fetcher(settings) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url(f"/p/{i}")) for i in range(6)))

    started = time.monotonic()
    asyncio.run(go())
    assert time.monotonic() - started >= 0.55  # three rounds of two


def test_fetch_one_is_a_sync_convenience(server: LoopbackServer) -> None:
    server.add("/article", "<h1>Star City</h1>")
    assert fetch_one(server.url("/article")).body == b"<h1>Star City</h1>"


def test_tls_to_a_plain_http_port_is_a_tls_error(server: LoopbackServer) -> None:
    server.add("/a", "x")
    url = server.url("/a").replace("http://", "https://")
    error = fetch_error(url, FetchSettings(retries=2, backoff=0.5, deadline=1))
    assert str(error).startswith("TLS error: ")
