"""Feed bytes → Documents (fixture feeds written for these tests)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from monitor.exceptions import ParseError
from monitor.feeds import parse_feed
from monitor.loopback import LoopbackServer
from monitor.models import Document

FEED_URL = "https://tv.example/feed/"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>TV Example</title><link>https://tv.example/</link>
<item>
  <title>Star City &amp; its &lt;b&gt;cast&lt;/b&gt;</title>
  <link>/2025/02/star-city-cast</link>
  <pubDate>Mon, 03 Feb 2025 15:04:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>Rhys Ifans will play the Chief Designer.</p>
  <p>The spinoff comes from Matt Wolpert and Ben Nedivi.</p>]]></content:encoded>
</item>
<item>
  <title>Filming starts in Vilnius</title>
  <link>https://tv.example/2025/03/vilnius</link>
  <description>&lt;p&gt;Cameras roll in &lt;em&gt;Lithuania&lt;/em&gt;.&lt;/p&gt;</description>
</item>
</channel></rss>"""


def parse(body: bytes, content_type: str | None = None) -> list[Document]:
    return parse_feed(body, url=FEED_URL, source="TV Example", content_type=content_type)


def test_rss2_entries() -> None:
    first, second = parse(RSS2, "application/rss+xml")
    assert first.url == "https://tv.example/2025/02/star-city-cast"
    assert first.source == "TV Example"
    assert first.title == "Star City & its cast"
    assert first.text == (
        "Rhys Ifans will play the Chief Designer.\n\n"
        "The spinoff comes from Matt Wolpert and Ben Nedivi."
    )
    assert first.published == datetime(2025, 2, 3, 15, 4, tzinfo=UTC)
    assert second.text == "Cameras roll in Lithuania."
    assert second.published is None


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Press room</title><id>urn:x</id><updated>2026-02-26T10:00:00Z</updated>
  <entry>
    <title type="html">First look at &lt;i&gt;Star City&lt;/i&gt;</title>
    <link rel="alternate" href="https://press.example/star-city-first-look"/>
    <id>urn:entry:1</id>
    <updated>2026-02-26T10:00:00+01:00</updated>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;Eight episodes.&lt;/p&gt;&lt;p&gt;Premiere on May 29.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://press.example/plain"/>
    <id>urn:entry:2</id>
    <published>2026-03-11T08:00:00Z</published>
    <updated>2026-03-12T08:00:00Z</updated>
    <content type="text">Line one
is joined.

Second paragraph.</content>
  </entry>
</feed>"""


def test_atom_entries() -> None:
    html_entry, text_entry = parse(ATOM)
    assert html_entry.title == "First look at Star City"
    assert html_entry.text == "Eight episodes.\n\nPremiere on May 29."
    assert html_entry.published == datetime(2026, 2, 26, 9, tzinfo=UTC)
    assert text_entry.text == "Line one is joined.\n\nSecond paragraph."
    assert text_entry.published == datetime(2026, 3, 11, 8, tzinfo=UTC)


RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example/"><title>Old</title><link>https://old.example/</link>
<description>d</description></channel>
<item rdf:about="https://old.example/a"><title>Agnes O'Casey joins</title>
<link>https://old.example/a</link><description>She plays Irina.</description>
<dc:date>2025-02-14T12:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<description>d</description><item><title>Trailer out</title>
<link>https://old.example/trailer</link><description>The full trailer is here.</description>
</item></channel></rss>"""


def test_rss1_and_rss091() -> None:
    (rdf,) = parse(RSS1)
    assert (rdf.title, rdf.text) == ("Agnes O'Casey joins", "She plays Irina.")
    assert rdf.published == datetime(2025, 2, 14, 12, tzinfo=UTC)
    (old,) = parse(RSS091)
    assert (old.url, old.text) == ("https://old.example/trailer", "The full trailer is here.")


def small_rss(title: str, encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><link>https://x.example/1</link>"
        "<description>d</description></item></channel></rss>"
    )


def test_utf16_feed() -> None:
    (entry,) = parse(small_rss("Première de «Star City»", "utf-16").encode("utf-16"))
    assert entry.title == "Première de «Star City»"


def test_cp1252_mislabelled_as_utf8() -> None:
    body = small_rss("Café “Star City”", "utf-8").encode("cp1252")
    (entry,) = parse(body, "application/rss+xml; charset=utf-8")
    assert entry.title == "Café “Star City”"


def test_missing_charset_defaults_sensibly() -> None:
    body = small_rss("Vilnius — Lithuania", "utf-8").replace(' encoding="utf-8"', "").encode()
    (entry,) = parse(body, "text/xml")
    assert entry.title == "Vilnius — Lithuania"


def test_broken_feed_with_entries_returns_them() -> None:
    truncated = RSS2[: RSS2.index(b"<item>", RSS2.index(b"</item>"))] + b"<item><title>cut"
    entries = parse(truncated)
    assert entries[0].title == "Star City & its cast"


def test_valid_feed_without_entries_is_empty() -> None:
    assert parse(b'<rss version="2.0"><channel><title>quiet</title></channel></rss>') == []


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"", None, "empty body"),
        (b" \n\t", "application/rss+xml", "empty body"),
        (b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
         "text/html; charset=utf-8", "not a feed: HTML page"),
        (b"<html><body>no doctype</body></html>", None, "not a feed: HTML page"),
        (b'{"status": "ok", "items": []}', "application/json", "not a feed: JSON"),
        (b'[1, 2, 3]', None, "not a feed: JSON"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', None,
         "not a feed: JSON (JSON Feed is not supported)"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><<<', None, "malformed XML: "),
        (b"<inventory><part/></inventory>", "application/xml", "not a feed: no RSS or Atom"),
        (b"/etc/hostname", None, "malformed XML"),
    ],
)  # fmt: skip
def test_not_a_feed(body: bytes, content_type: str | None, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(body, content_type)
    assert str(caught.value).startswith(message)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "Star City Star City Star City Star City Star City Star City Star City">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<rss version="2.0"><channel><title>t</title><item><title>Boom &g;</title>
<link>https://x.example/1</link><description>&g;</description></item></channel></rss>"""


def test_entity_bomb_does_not_expand() -> None:
    started = time.monotonic()
    entries = parse(BOMB)
    assert time.monotonic() - started < 2
    assert [e.url for e in entries] == ["https://x.example/1"]
    assert all(len(e.title) + len(e.text) < 1000 for e in entries)


def external_entity_feed(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "{target}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>Leak &leak;</title>'
        "<link>https://x.example/1</link><description>&leak;</description></item>"
        "</channel></rss>"
    ).encode()


def test_file_entity_is_not_read() -> None:
    entries = parse(external_entity_feed("file:///etc/passwd"))
    assert entries
    assert not any("root:" in e.title + e.text for e in entries)


def test_http_entity_and_dtd_are_not_fetched(server: LoopbackServer) -> None:
    server.add("/secret", "SECRET-TOKEN", content_type="text/plain")
    server.add("/evil.dtd", '<!ENTITY leak "SECRET-TOKEN">', content_type="application/xml-dtd")
    entries = parse(external_entity_feed(server.url("/secret")))
    dtd = small_rss("x", "utf-8").replace(
        "<rss", f'<!DOCTYPE rss SYSTEM "{server.url("/evil.dtd")}"><rss', 1
    )
    entries += parse(dtd.encode())
    assert not any("SECRET" in e.title + e.text for e in entries)
    assert server.requests == []


def test_a_small_entity_bomb_does_not_expand() -> None:
    """expat would expand entities up to 8 MiB: 733 bytes must not become megabytes."""
    levels = ['<!ENTITY e0 "Star City cosmonauts. ">']
    levels += [f'<!ENTITY e{i} "{f"&e{i - 1};" * 20}">' for i in range(1, 5)]
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]><rss version="2.0"><channel>'
        "<title>t</title><item><title>Star City &e4;</title><link>https://x.example/1</link>"
        "<description>&e4;</description></item></channel></rss>"
    ).encode()
    assert len(body) < 1000
    docs = parse_feed(body, url="https://x.example/feed", source="s")
    assert docs and all(len(d.title) + len(d.text) < 10_000 for d in docs)


def test_a_utf16_entity_bomb_does_not_expand_either() -> None:
    levels = ['<!ENTITY e0 "boom ">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 20}">' for i in range(1, 5)
    ]
    text = (
        f'<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [{"".join(levels)}]>'
        '<rss version="2.0"><channel><title>t</title><item><title>Star City</title>'
        "<link>https://x.example/1</link><description>&e4;</description></item></channel></rss>"
    )
    docs = parse_feed(text.encode("utf-16"), url="https://x.example/feed", source="s")
    assert [d.title for d in docs] == ["Star City"]
    assert all(len(d.text) < 10_000 for d in docs)
