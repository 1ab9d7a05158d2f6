"""Hostile web text reaches every output as inert text: markdown, HTML mail, Atom, ICS.

Outputs are parsed the way a reader would (markdown-it, lxml, feedparser,
icalendar) and searched for anything live: links that are not http(s), elements
or attributes that run code, control and bidi-override characters, injected
calendar events.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import icalendar
import lxml.html
from markdown_it import MarkdownIt

from monitor.config import load
from monitor.digest import publish
from monitor.loopback import LoopbackServer
from monitor.models import (
    Change,
    ChangeKind,
    Digest,
    Fact,
    FactKind,
    HealthEvent,
    Sighting,
    SourceHealth,
)
from monitor.poll import poll
from monitor.render import html, ics, markdown
from monitor.store import Store

JUNK = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
EVIL = (
    "[click](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror=alert(3)> "
    "\u202eevil\u202c \x07\x1b[31m ![x](data:text/html,hi) <a href='javascript:alert(4)'>a</a>"
)
BIG = "Star City " + "W" * 1_000_000
NOW = datetime(2026, 2, 26, 12, 0, tzinfo=UTC)


def assert_inert_markdown(text: str) -> None:
    assert not JUNK.search(text.replace("\n", ""))
    assert not re.search(r"(?<!\\)\]\((?!<?https?://)", text)  # no link to anything but http(s)
    for token in MarkdownIt("commonmark").parse(text):
        assert token.type not in ("html_block", "html_inline"), token.content
        for child in token.children or []:
            assert child.type not in ("html_inline", "image"), child.content
            href = child.attrs.get("href")
            assert href is None or re.match(r"https?://", str(href)), href


def assert_inert_html(page: str) -> None:
    assert not JUNK.search(page.replace("\n", ""))
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//script|//img|//iframe|//object|//embed|//style") == []
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            if name in ("href", "src"):
                assert re.match(r"https?://", value), value


def hostile_digest() -> Digest:
    evil_fact = Fact(FactKind.CAST, person=f"Mira {EVIL}", role=EVIL)
    sightings = (
        Sighting(evil_fact, f"Evidence {EVIL}", "javascript:alert(5)", f"Source {EVIL}", NOW),
        Sighting(evil_fact, BIG, 'https://x.example/a"><script>alert(6)</script>', "Wire", NOW),
    )
    changes = (
        Change(ChangeKind.NEW, evil_fact, sightings=sightings, note=EVIL),
        Change(
            ChangeKind.CONFLICT,
            Fact(FactKind.EPISODE_COUNT, value=EVIL),
            previous=Fact(FactKind.EPISODE_COUNT, value=8),
            sightings=sightings,
            rivals=sightings[:1],
        ),
        Change(ChangeKind.CORROBORATED, evil_fact, sightings=sightings, note=EVIL),
    )
    health = (HealthEvent(f"Blog {EVIL}", "failing", f"HTTP 500 {EVIL}", NOW),)
    failing = (SourceHealth(f"Fans {EVIL}", last_error=EVIL, failing_since=NOW),)
    return Digest(f"Star City {EVIL}", NOW, changes, health, 3, 2, failing)


def test_rendered_digest_is_inert_in_markdown_and_html() -> None:
    digest = hostile_digest()
    text = markdown.render(digest)
    assert_inert_markdown(text)
    assert "\\[click\\]" in text and "\\<script\\>" in text  # shown, not dropped
    assert len(text) < 20_000  # a 1 MB quotation is clipped
    page = html.render(digest)
    assert_inert_html(page)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_calendar_event_cannot_be_injected_or_broken() -> None:
    injected = "Premiere\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nSUMMARY:pwned"
    events = [
        ics.DatedFact("premiere_date", date(2026, 5, 29), f"Star City {EVIL}", injected),
        ics.DatedFact("trailer", date(2026, 4, 23), injected, BIG),
    ]
    data = ics.render_calendar(f"Star City {EVIL}", events, now=NOW)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    parsed = list(calendar.walk("VEVENT"))
    assert len(parsed) == 2
    assert all(str(e["UID"]).endswith("@monitor") for e in parsed)
    assert "pwned" not in {str(e["SUMMARY"]) for e in parsed}
    for event in parsed:
        assert not JUNK.search(str(event["SUMMARY"]) + str(event.get("DESCRIPTION", "")))


HOSTILE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire &lt;script&gt;alert(1)&lt;/script&gt;</title>
<item>
  <title>{title}</title>
  <link>javascript:alert(document.cookie)</link>
  <pubDate>Thu, 26 Feb 2026 14:00:00 +0000</pubDate>
  <description>&lt;p&gt;Star City, the For All Mankind spinoff [watch](javascript:alert(1))
  &amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt; \u202eot\u202c, will premiere on
  May 29, 2026.&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;</description>
</item>
<item>
  <title>Star City casting &lt;img src=x onerror=alert(4)&gt;</title>
  <link>https://wire.example/cast?a="&gt;&lt;script&gt;alert(5)&lt;/script&gt;</link>
  <description>Star City, the For All Mankind spinoff, has cast Mira Kolesnikova as
  Vera Lunina &lt;b onmouseover=alert(6)&gt;[x](javascript:alert(7))&lt;/b&gt;.</description>
</item>
</channel></rss>"""


def test_hostile_feed_through_poll_and_digest_stays_inert(
    tmp_path: Path, server: LoopbackServer
) -> None:
    title = "[t](javascript:alert(0)) &lt;script&gt;x&lt;/script&gt; Star City " + "T" * 1_000_000
    server.add("/wire.xml", HOSTILE_FEED.format(title=title), content_type="application/rss+xml")
    (tmp_path / "sources.yaml").write_text(
        "topic: {name: Star City, aliases: [Star City], context: [For All Mankind]}\n"
        f"sources:\n  - {{name: 'Wire [x](javascript:alert(8))', url: '{server.url('/wire.xml')}'}}\n"
        "storage: monitor.db\ndigests: digests\nfetch: {timeout: 5, retries: 0}\n"
    )
    config = load(tmp_path / "sources.yaml")
    [result] = poll(config)
    assert result.error is None and len(result.documents) == 2
    report = publish(config, now=NOW)
    assert report.path is not None
    text = report.path.read_text(encoding="utf-8")
    assert "Premiere: 29 May 2026" in text and "Mira Kolesnikova" in text  # the news got through
    assert "javascript" in text  # ... with its hostile text, shown as text
    assert_inert_markdown(text)
    with Store(config.storage) as store:
        [row] = store.digests()
    assert_inert_html(row.html)
    feed = feedparser.parse((config.digests / "feed.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) == 1
    assert_inert_html(f"<div>{feed.entries[0].content[0].value}</div>")
    calendar = icalendar.Calendar.from_ical((config.digests / "dates.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == date(2026, 5, 29)
    assert "<script>" not in str(event["SUMMARY"])
    assert not JUNK.search(str(event["DESCRIPTION"]))
