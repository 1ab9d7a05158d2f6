"""URL identity and link policy."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor import urls
from monitor.urls import canonical_url, is_private_host, may_follow


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://Deadline.COM:443/2025/02/star-city/", "https://deadline.com/2025/02/star-city/"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=abc&page=2", "https://example.com/a?id=7&page=2"),
        ("https://example.com/a?b=2&a=1&gclid=x", "https://example.com/a?b=2&a=1"),
        (
            "https://example.com/a?ref=home&mc_cid=1&mc_eid=2&cmpid=3&ocid=4&_ga=5&igshid=6&q=x",
            "https://example.com/a?q=x",
        ),
        ("https://example.com/a?UTM_Campaign=x&q=a%20b", "https://example.com/a?q=a%20b"),
        ("  https://example.com/Path/Case  ", "https://example.com/Path/Case"),
        ("https://[::1]:443/x", "https://[::1]/x"),
        ("http://[::1/broken", "http://[::1/broken"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTP://A.example.com:80/x?utm_term=1&id=3#f")
    assert canonical_url(once) == once == "http://a.example.com/x?id=3"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "10.1.2.3", "172.16.0.5",
        "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "[::1]", "fe80::1", "fd12::1",
        "::ffff:127.0.0.1", "localhost", "LOCALHOST.", "printer.local", "db.internal",
        "app.localhost", "100.64.0.1",
    ],
)  # fmt: skip
def test_private_hosts(host: str) -> None:
    assert is_private_host(host)


@pytest.mark.parametrize(
    "host", ["deadline.com", "8.8.8.8", "2001:4860:4860::8888", "cafe.be", "local.com", ""]
)
def test_public_hosts(host: str) -> None:
    assert not is_private_host(host)


@pytest.mark.parametrize(
    ("link", "page", "offsite", "private", "ok", "reason"),
    [
        ("https://deadline.com/a", "https://deadline.com/", False, False, True, "same host"),
        ("https://www.bbc.co.uk/a", "https://news.bbc.co.uk/", False, False, True, "same site"),
        ("https://evil.co.uk/a", "https://news.bbc.co.uk/", False, False, False, "off-site"),
        ("https://variety.com/a", "https://deadline.com/", False, False, False, "off-site"),
        ("https://variety.com/a", "https://deadline.com/", True, False, True, "off-site link"),
        ("file:///etc/passwd", "https://deadline.com/", True, True, False, "not an http(s)"),
        ("javascript:alert(1)", "https://deadline.com/", True, True, False, "not an http(s)"),
        ("mailto:a@b.c", "https://deadline.com/", True, True, False, "not an http(s)"),
        ("http://127.0.0.1/admin", "https://deadline.com/", True, False, False, "private"),
        ("http://10.0.0.5/x", "https://deadline.com/", True, False, False, "private"),
        ("http://10.0.0.5/x", "https://deadline.com/", True, True, True, "off-site link"),
        ("http://127.0.0.1:9/b", "http://127.0.0.1:8/a", False, False, True, "same host"),
        ("http:///nohost", "https://deadline.com/", False, False, False, "no host"),
    ],
)
def test_may_follow(
    link: str, page: str, offsite: bool, private: bool, ok: bool, reason: str
) -> None:
    allowed, why = may_follow(link, page, follow_offsite=offsite, allow_private=private)
    assert allowed is ok
    assert reason in why


_URL_PARTS = st.sampled_from(
    ["http", "https", "HTTPS", "://", "x.test", "Example.COM", "127.0.0.1", ":443", ":8080", "/",
     "a", "b.html", "%20", "..", "?", "id=3", "utm_source=x", "&", "#top", ".", "@", "user", " "]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_URL_PARTS, max_size=12))
def test_the_fast_path_of_canonical_urls_agrees_with_the_long_way(parts: list[str]) -> None:
    url = "".join(parts)
    assert canonical_url(url) == urls._rebuilt(url.strip())


_LINK_PARTS = st.sampled_from(
    ["http://", "https://", "x.test", "127.0.0.1:8080", "/", "a", "../", "./", "b.html", "?q=1",
     "&amp;", ";", "#f", " ", "%2F", ":", "javascript:", "//", "é"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_LINK_PARTS, max_size=10))
def test_a_link_kept_as_it_is_is_what_urljoin_gives(parts: list[str]) -> None:
    link = "".join(parts)
    try:
        expected = urljoin("http://base.test/feed/", link)
    except ValueError:
        return
    assert urls.join_url("http://base.test/feed/", link) == expected
