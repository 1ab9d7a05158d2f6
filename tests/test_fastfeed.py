"""The lxml fast path gives exactly what feedparser gives, or steps aside.

Each feed is parsed twice by ``parse_feed``: as is (fast path when it applies) and
with the fast path switched off (feedparser only); the Documents must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_feeds as feed_fixtures

from monitor import fastfeed, feeds
from monitor.demo.timeline import Timeline, render_outlet
from monitor.models import Document

URL = "https://tv.example/feed/"
DATA = Path(__file__).parent / "data"


def both(body: bytes, content_type: str | None = None) -> tuple[list[Document], list[Document]]:
    fast = feeds.parse_feed(body, url=URL, source="S", content_type=content_type)
    original = fastfeed.entries
    fastfeed.entries = lambda *a, **k: None  # type: ignore[assignment]
    try:
        slow = feeds.parse_feed(body, url=URL, source="S", content_type=content_type)
    finally:
        fastfeed.entries = original
    return fast, slow


def rss(items: str, decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (
        f'{decl}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>{items}'
        "</channel></rss>"
    ).encode()


def atom(entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>T</title><id>urn:t</id>{entries}</feed>"
    ).encode()


ITEM = (
    "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
    "<description>{summary}</description>{extra}</item>"
)


def item(
    title: str = "Star City",
    link: str = "https://tv.example/a",
    date: str = "Mon, 03 Feb 2025 15:04:00 +0000",
    summary: str = "Teaser.",
    extra: str = "",
) -> str:
    return ITEM.format(title=title, link=link, date=date, summary=summary, extra=extra)


def entry(body: str, link: str = '<link href="https://press.example/a"/>') -> str:
    return f"<entry><title>E</title>{link}<id>urn:e</id>{body}</entry>"


CONTENT = "<content:encoded><![CDATA[<p>One.</p><p>Two &amp; three.</p>]]></content:encoded>"
FAST = {
    "rss plain": rss(item()),
    "rss content": rss(item(extra=CONTENT)),
    "rss relative link": rss(item(link="/2025/02/x?a=1&amp;b=2")),
    "rss guid first": rss(
        "<item><guid>https://tv.example/g</guid><title>G</title><link>https://tv.example/l</link>"
        "</item>"
    ),
    "rss escaped html title": rss(item(title="A &lt;b&gt;bold&lt;/b&gt; &amp;amp; more")),
    "rss gmt date": rss(item(date="Tue, 10 Jun 2025 08:00:00 GMT")),
    "rss minus zone": rss(item(date="10 Jun 2025 08:00 -0700")),
    "rss no date": rss("<item><title>x</title><link>https://tv.example/n</link></item>"),
    "rss unicode": rss(item(title="Café “quotes” — Łódź", summary="naïve\u0092s")),
    "rss mojibake": rss(item(title="CafÃ© au lait")),
    "rss wordpress extras": rss(
        item(
            extra="<dc:creator>Ann</dc:creator><category>TV</category><comments>c</comments>"
            '<enclosure url="https://tv.example/a.mp3" length="1" type="audio/mpeg"/>'
        )
    ),
    "rss empty item": rss("<item><link>https://tv.example/e</link></item>"),
    "atom html": atom(
        entry(
            "<updated>2026-02-26T10:00:00+01:00</updated>"
            '<content type="html">&lt;p&gt;Hi&lt;/p&gt;</content>'
        )
    ),
    "atom text": atom(
        entry(
            "<published>2026-03-11T08:00:00.123Z</published>"
            '<content type="text">Line\none\n\nTwo</content>'
        )
    ),
    "atom summary only": atom(entry("<summary>Just a summary &amp; more</summary>")),
    "atom relative link": atom(entry("<summary>s</summary>", '<link href="/rel/a"/>')),
    "atom self and alternate": atom(
        entry(
            "<summary>s</summary>",
            '<link rel="self" href="https://x.example/self"/>'
            '<link rel="alternate" type="text/html" href="https://x.example/alt"/>',
        )
    ),
}
FALLBACK = {
    "rss 1.0": feed_fixtures.RSS1,
    "rss 0.91": feed_fixtures.RSS091,
    "bomb": feed_fixtures.BOMB,
    "dc date": rss(item(extra="<dc:date>2025-02-03T10:00:00Z</dc:date>")),
    "two digit year": rss(item(date="Mon, 03 Feb 25 15:04:00 +0000")),
    "named zone": rss(item(date="Mon, 03 Feb 2025 15:04:00 EST")),
    "no link": rss("<item><title>x</title><guid>https://tv.example/g</guid></item>"),
    "xhtml in description": rss(item(summary="<p xmlns='http://www.w3.org/1999/xhtml'>x</p>")),
    "latin-1": rss(item(title="Caf\xe9"), '<?xml version="1.0" encoding="iso-8859-1"?>'),
    "xml base": rss(item(extra='<comments xml:base="https://b.example/">c</comments>')),
    "atom xhtml": atom(
        entry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div></content>')
    ),
    "atom no alternate": atom(entry("<summary>s</summary>", "")),
    "not well formed": rss(item(title="AT&T &nbsp; x")),
}


def demo_feeds() -> list[bytes]:
    timeline = Timeline.load()
    last = len(timeline.steps) - 1
    shown = timeline.articles_upto(last)
    bodies = []
    for outlet in timeline.outlets:
        if outlet.kind in ("rss", "atom"):
            own = sorted((a for a in shown if a.outlet == outlet.key), key=lambda a: a.published)
            body, _ = render_outlet(outlet, own[::-1], lambda p: "http://127.0.0.1:1" + p)
            bodies.append(body if isinstance(body, bytes) else body.encode())
    return bodies


@pytest.mark.parametrize("name", sorted(FAST))
def test_fast_path_equals_feedparser(name: str) -> None:
    body = FAST[name]
    assert fastfeed.entries(body, url=URL) is not None, "expected the fast path"
    fast, slow = both(body)
    assert fast == slow


@pytest.mark.parametrize("name", sorted(FALLBACK))
def test_unusual_feeds_go_to_feedparser(name: str) -> None:
    assert fastfeed.entries(FALLBACK[name], url=URL) is None


@pytest.mark.parametrize("body", [feed_fixtures.RSS2, feed_fixtures.ATOM], ids=["rss", "atom"])
def test_feed_fixtures_agree(body: bytes) -> None:
    assert fastfeed.entries(body, url=URL) is not None
    fast, slow = both(body, "application/xml")
    assert fast == slow and len(fast) == 2


@pytest.mark.parametrize("path", sorted(DATA.glob("site/*.xml")), ids=lambda p: p.name)
def test_site_fixture_feeds_agree(path: Path) -> None:
    fast, slow = both(path.read_bytes(), "application/rss+xml")
    assert fast == slow and fast


def test_demo_feeds_agree_and_take_the_fast_path() -> None:
    bodies = demo_feeds()
    assert len(bodies) >= 3
    for body in bodies:
        assert fastfeed.entries(body, url=URL) is not None
        fast, slow = both(body, "application/rss+xml; charset=utf-8")
        assert fast == slow and fast


def test_charset_rules() -> None:
    body = rss(item(title="Café"))
    assert fastfeed.entries(body, url=URL, content_type="text/xml") is None
    assert fastfeed.entries(body, url=URL, content_type="text/xml; charset=utf-8") is not None
    assert fastfeed.entries(body, url=URL, content_type="application/xml; charset=latin-1") is None
    for content_type in ("text/xml", "text/xml; charset=utf-8", "application/xml"):
        fast, slow = both(body, content_type)
        assert fast == slow
