"""HTML, plain text, Atom and iCalendar renderings: same content, hostile text stays text."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import feedparser
import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.models import (
    Change,
    ChangeKind,
    Digest,
    DigestRow,
    Fact,
    FactKind,
    HealthEvent,
    Sighting,
    SourceHealth,
)
from monitor.render import atom, html, ics, markdown, plaintext
from monitor.render.ics import DatedFact

FEB = datetime(2026, 2, 26, 15, 0, tzinfo=UTC)
HOSTILE_ROLE = 'Irina <script>alert("x")</script>'
HOSTILE_QUOTE = "She plays <img src=x onerror=alert(1)> Irina, see [here](javascript:alert(2))."
BIDI = "Ev\u202eil\u200b Blog\x07"


def sighting(fact: Fact, evidence: str, url: str, source: str, when: datetime) -> Sighting:
    return Sighting(fact=fact, evidence=evidence, url=url, source=source, published=when)


def sample_digest() -> Digest:
    """A digest with every section: a change, a conflict, new facts, corroboration, health."""
    count = Fact(FactKind.EPISODE_COUNT, value=8)
    premiere = Fact(FactKind.PREMIERE_DATE, value="2026-05-29")
    irina = Fact(FactKind.CAST, person="Agnes O'Casey", role=HOSTILE_ROLE)
    ifans = Fact(FactKind.CAST, person="Rhys Ifans", role="Chief Designer")
    finale = Fact(FactKind.FINALE_DATE, value="2026-07-10")
    say = "The new drama runs for eight episodes, opening on 29 May with two of them."
    return Digest(
        topic="Star City",
        created_at=datetime(2026, 2, 27, 7, 0, tzinfo=UTC),
        changes=(
            Change(
                ChangeKind.CHANGED,
                count,
                previous=Fact(FactKind.EPISODE_COUNT, value=10),
                sightings=(
                    sighting(count, say, "https://example.org/sc?a=1&b=2", "Deadline", FEB),
                ),
            ),
            Change(
                ChangeKind.CONFLICT,
                finale,
                previous=Fact(FactKind.FINALE_DATE, value="2026-07-03"),
                sightings=(
                    sighting(finale, "It ends on 10 July.", "https://a.example/", "Variety", FEB),
                ),
                rivals=(sighting(finale, "It ends on 3 July.", "https://b.example/", "Blog", FEB),),
            ),
            Change(
                ChangeKind.NEW,
                irina,
                sightings=(sighting(irina, HOSTILE_QUOTE, "javascript:alert(3)", BIDI, FEB),),
            ),
            Change(
                ChangeKind.NEW,
                premiere,
                sightings=(sighting(premiere, say, "https://example.org/p", "Deadline", FEB),),
            ),
            Change(
                ChangeKind.CORROBORATED,
                ifans,
                note="now 3 sources",
                sightings=(sighting(ifans, "Ifans leads.", "https://c.example/", "TVLine", FEB),),
            ),
        ),
        health=(HealthEvent("Collider", "failing", "HTTP 503", FEB),),
        failing=(SourceHealth("Screen Rant", failing_since=FEB),),
        articles=4,
        sources=3,
    )


class _Elements(HTMLParser):
    """Collects the tags and attributes of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(document: str) -> _Elements:
    parser = _Elements()
    parser.feed(document)
    parser.close()
    return parser


ALLOWED = {"html", "head", "meta", "title", "body", "div", "h1", "h2", "h3", "p", "ul", "li"}
ALLOWED |= {"strong", "blockquote", "a"}


def sections(lines: list[str], pattern: str) -> list[str]:
    return [m.group(1) for line in lines if (m := re.match(pattern, line))]


# HTML ---------------------------------------------------------------------------


def test_html_is_a_complete_document_with_markdowns_sections_in_order() -> None:
    digest = sample_digest()
    page = html.render(digest)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    found = re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", page)
    expected = sections(markdown.render(digest).splitlines(), r"#{2,3} (.+)")
    assert (
        found
        == expected
        == [
            "What changed",
            "New facts",
            "Cast",
            "Dates",
            "Corroborated",
            "Sources",
        ]
    )
    assert "1 change, 2 new facts, 1 conflict, 1 corroboration" in page


def test_html_hostile_text_arrives_as_visible_inert_text() -> None:
    page = html.render(sample_digest())
    parsed = elements(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    text = "".join(parsed.text)
    assert 'Irina <script>alert("x")</script>' in text
    assert "[here](javascript:alert(2))" in text
    hrefs = [attrs["href"] or "" for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert "javascript:alert(3)" not in page


def test_html_links_are_escaped_and_junk_characters_removed() -> None:
    page = html.render(sample_digest())
    assert 'href="https://example.org/sc?a=1&amp;b=2"' in page
    assert "EvilBlog" not in page and "Evil Blog" in page
    assert not re.search("[\x00-\x08\u202e\u200b]", page)
    assert "src=" not in page.replace("&lt;img src=x", "")
    assert "<script" not in page and "<link" not in page and "<style" not in page


def test_html_of_an_empty_digest_says_nothing_changed() -> None:
    digest = Digest(topic="Star City", created_at=FEB, changes=())
    page = html.render(digest)
    assert "Nothing changed since the last digest." in page
    assert "<h2" not in page


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(), st.text())
def test_html_any_web_text_stays_text(evidence: str, source: str, role: str) -> None:
    fact = Fact(FactKind.CAST, person="Solly McLeod", role=role or None)
    change = Change(
        ChangeKind.NEW,
        fact,
        sightings=(sighting(fact, evidence, "http://x.example/", source, FEB),),
    )
    parsed = elements(html.render(Digest("Star City", FEB, (change,))))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED
    assert [a["href"] for t, a in parsed.tags if t == "a"] == ["http://x.example/"]


# plain text -----------------------------------------------------------------------


def test_plaintext_has_the_same_sections_and_urls_in_angle_brackets() -> None:
    digest = sample_digest()
    text = plaintext.render(digest)
    lines = text.splitlines()
    headings = [lines[i] for i in range(len(lines) - 1) if set(lines[i + 1]) == {"-"}]
    groups = sections(lines, r"^(\w+):$")
    assert headings + groups == [
        "What changed",
        "New facts",
        "Corroborated",
        "Sources",
        "Cast",
        "Dates",
    ]
    assert "Deadline <https://example.org/sc?a=1&b=2>, 26 February 2026" in text
    assert "Episode count: 10 → 8" in text
    assert "Finale: 10 July 2026 or 3 July 2026?" in text
    assert "Still failing: Screen Rant (since 26 February 2026)" in text


def test_plaintext_drops_unsafe_urls_and_junk_characters() -> None:
    text = plaintext.render(sample_digest())
    assert "javascript:alert(3)" not in text
    assert "— Evil Blog, 26 February 2026" in text
    assert not re.search("[\x00-\x08\x0b-\x1f\u202e\u200b]", text)
    assert "<a " not in text and "**" not in text


# Atom -----------------------------------------------------------------------------


def row(n: int, when: datetime, subject: str, body: str) -> DigestRow:
    return DigestRow(
        id=n,
        created_at=when,
        path=f"digests/{n}.md",
        state="written",
        record={},
        markdown="",
        html=body,
        text="",
        subject=subject,
        mail_state="sent",
    )


def test_atom_feed_parses_newest_first_with_stable_ids() -> None:
    rows = [
        row(1, datetime(2026, 2, 27, 7, tzinfo=UTC), "Star City: 8 episodes", "<p>one</p>"),
        row(2, datetime(2026, 3, 12, 7, tzinfo=UTC), "Star City: Lyudmilla Raskova", "<p>two</p>"),
    ]
    data = atom.render_feed(
        "Star City", rows, feed_id="tag:monitor,2026:star-city", self_url="https://h.example/a"
    )
    feed = feedparser.parse(data)
    assert feed.bozo == 0
    assert feed.feed.title == "Star City: what changed"
    assert [e.id for e in feed.entries] == [
        "tag:monitor,2026:star-city:digest:2",
        "tag:monitor,2026:star-city:digest:1",
    ]
    assert feed.entries[0].title == "Star City: Lyudmilla Raskova"
    assert feed.entries[0].updated == "2026-03-12T07:00:00Z"
    assert feed.entries[0].content[0].type == "text/html"
    assert feed.entries[0].content[0].value == "<p>two</p>"
    again = atom.render_feed("Star City", rows[::-1], feed_id="tag:monitor,2026:star-city")
    assert [e.id for e in feedparser.parse(again).entries] == [e.id for e in feed.entries]


def test_atom_escapes_hostile_html_and_drops_xml_forbidden_characters() -> None:
    body = html.render(sample_digest())
    hostile = row(3, FEB, 'Star City: <b>bold</b> & "x"\x01', body)
    data = atom.render_feed("Star City", [hostile], feed_id="urn:x")
    assert b"<script" not in data and b"<b>" not in data
    feed = feedparser.parse(data)
    assert feed.bozo == 0
    assert feed.entries[0].title == 'Star City: <b>bold</b> & "x"'
    content = feed.entries[0].content[0].value
    assert "&lt;script&gt;" in content
    assert "<h1" in content and "<title>" not in content and "<!DOCTYPE" not in content


def test_atom_limit_and_empty_feed() -> None:
    rows = [row(n, datetime(2026, 1, n, tzinfo=UTC), f"d{n}", "<p/>") for n in range(1, 8)]
    feed = feedparser.parse(atom.render_feed("Star City", rows, feed_id="urn:x", limit=3))
    assert [e.title for e in feed.entries] == ["d7", "d6", "d5"]
    empty = feedparser.parse(atom.render_feed("Star City", [], feed_id="urn:x"))
    assert empty.bozo == 0 and empty.entries == []


# iCalendar ------------------------------------------------------------------------

NOW = datetime(2026, 2, 27, 7, tzinfo=UTC)
LATER = datetime(2026, 3, 12, 7, tzinfo=UTC)


def dated(kind: str, day: date, summary: str = "Star City premieres") -> DatedFact:
    return DatedFact(kind, day, summary, "“Two episodes on 29 May.” — Deadline, 26 February 2026")


def events_of(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_ics_parses_with_one_all_day_event_per_fact() -> None:
    facts = [
        dated("premiere_date", date(2026, 5, 29)),
        dated("finale_date", date(2026, 7, 10), "Star City finale"),
        dated("trailer", date(2026, 4, 23), "Star City trailer"),
    ]
    data = ics.render_calendar("Star City", facts, now=NOW)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    events = events_of(data)
    assert set(events) == {
        "premiere_date.star-city@monitor",
        "finale_date.star-city@monitor",
        "trailer-20260423.star-city@monitor",
    }
    premiere = events["premiere_date.star-city@monitor"]
    assert premiere.decoded("DTSTART") == date(2026, 5, 29)
    assert str(premiere["SUMMARY"]) == "Star City premieres"
    assert "Deadline, 26 February 2026" in str(premiere["DESCRIPTION"])
    assert int(premiere["SEQUENCE"]) == 0


def test_ics_sequence_bumps_when_the_date_moves_and_stays_otherwise() -> None:
    first = ics.render_calendar("Star City", [dated("premiere_date", date(2026, 5, 22))], now=NOW)
    same = ics.render_calendar(
        "Star City", [dated("premiere_date", date(2026, 5, 22))], first, now=LATER
    )
    assert same == first  # nothing changed: same bytes, old DTSTAMP kept
    moved = ics.render_calendar(
        "Star City", [dated("premiere_date", date(2026, 5, 29))], same, now=LATER
    )
    event = events_of(moved)["premiere_date.star-city@monitor"]
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == date(2026, 5, 29)
    assert event.decoded("DTSTAMP") == LATER
    renamed = ics.render_calendar(
        "Star City",
        [dated("premiere_date", date(2026, 5, 29), "Star City opens")],
        moved,
        now=LATER,
    )
    assert int(events_of(renamed)["premiere_date.star-city@monitor"]["SEQUENCE"]) == 2


def test_ics_hostile_text_stays_text_and_lines_are_folded() -> None:
    hostile = "Star City\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil; x, y \\ z \u202e" + "é" * 80
    data = ics.render_calendar(
        "Star City", [DatedFact("finale_date", date(2026, 7, 10), hostile, hostile)], now=NOW
    )
    events = events_of(data)
    assert list(events) == ["finale_date.star-city@monitor"]
    summary = str(events["finale_date.star-city@monitor"]["SUMMARY"])
    assert summary.startswith("Star City\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil; x, y \\ z ")
    assert "\u202e" not in summary
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    data.decode("utf-8")  # folding never splits a character


def test_ics_tolerates_a_junk_previous_file() -> None:
    junk = b"\xff\xfeBEGIN:VEVENT\r\nUID:premiere_date.star-city@monitor\r\nSEQUENCE:x\r\n:::\r\n"
    data = ics.render_calendar(
        "Star City", [dated("premiere_date", date(2026, 5, 29))], junk, now=NOW
    )
    assert int(events_of(data)["premiere_date.star-city@monitor"]["SEQUENCE"]) == 0
    older = ics.render_calendar("Star City", [dated("premiere_date", date(2026, 5, 1))], now=NOW)
    folded = older.replace(b"SEQUENCE:0", b"SEQUENCE:4")
    moved = ics.render_calendar(
        "Star City", [dated("premiere_date", date(2026, 5, 29))], folded, now=NOW
    )
    assert int(events_of(moved)["premiere_date.star-city@monitor"]["SEQUENCE"]) == 5
