"""The demo timeline: its data holds together and publishes as valid feeds and pages."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.error import HTTPError

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from monitor import config
from monitor.demo.timeline import FEED_SIZE, Article, Step, Timeline
from monitor.loopback import LoopbackServer

TIMELINE = Timeline.load()
LAST = len(TIMELINE.steps) - 1


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    """One server for the module: every test publishes the state it needs first."""
    with LoopbackServer() as running:
        yield running


def get(url: str) -> tuple[int, bytes]:
    """GET ``url``; the status and body, HTTP errors included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except HTTPError as e:
        with e:
            return e.code, e.read()


def step_index(day: str) -> int:
    return next(i for i, s in enumerate(TIMELINE.steps) if s.date.isoformat() == day)


# --- the data ------------------------------------------------------------------------


def test_steps_are_chronological_and_articles_fall_within_them() -> None:
    dates = [s.date for s in TIMELINE.steps]
    assert len(dates) >= 10
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    previous = None
    for step in TIMELINE.steps:
        noon = datetime.combine(step.date, datetime.min.time(), UTC) + timedelta(hours=12)
        assert 2 <= len(step.articles) <= 6, step.name
        for article in step.articles:
            assert abs(article.published - noon) < timedelta(days=2), article.slug
            assert previous is None or article.published > previous, article.slug
        previous = noon + timedelta(days=2)


def test_every_article_has_a_known_outlet_and_a_unique_slug() -> None:
    keys = {o.key for o in TIMELINE.outlets}
    articles = TIMELINE.articles_upto(LAST)
    assert {a.outlet for a in articles} == keys
    paths = [TIMELINE.outlet(a.outlet).article_path(a.slug) for a in articles]
    assert len(paths) == len(set(paths))
    assert all(a.title.strip() and a.paragraphs and all(a.paragraphs) for a in articles)


def test_the_fan_site_fails_for_a_while_then_recovers() -> None:
    broken, back = step_index("2026-02-26"), step_index("2026-04-23")
    assert TIMELINE.faults_at(broken - 1) == {}
    assert set(TIMELINE.faults_at(broken)) == {"fans"}
    assert set(TIMELINE.faults_at(back - 1)) == {"fans"}
    assert TIMELINE.faults_at(back) == {}


def test_the_key_facts_of_the_timeline_are_in_the_news() -> None:
    text = " ".join(" ".join((a.title, *a.paragraphs)) for a in TIMELINE.articles_upto(LAST))
    for phrase in (
        "eight-episode",
        "Friday, May 29, 2026",
        "July 10",
        "Lyudmilla Raskova",
        "Vilnius, Lithuania",
        "sixth and final season",
        "Priya Kansara",
        "Maril Davis",
        "Andrew Chambliss",
        "Sony Pictures Television",
    ):
        assert phrase in text, phrase


# --- publishing ----------------------------------------------------------------------


@pytest.mark.parametrize("key", ["trade", "fans", "search"])
def test_rss_feeds_parse_with_every_article_and_date(server: LoopbackServer, key: str) -> None:
    TIMELINE.publish(server, LAST)
    outlet = TIMELINE.outlet(key)
    status, body = get(server.url(outlet.path))
    assert status == 200
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    expected = sorted(
        (a for a in TIMELINE.articles_upto(LAST) if a.outlet == key),
        key=lambda a: a.published,
        reverse=True,
    )
    assert [e.link for e in parsed.entries] == [
        server.url(outlet.article_path(a.slug)) for a in expected
    ]
    for entry, article in zip(parsed.entries, expected, strict=True):
        assert parsedate_to_datetime(entry.published) == article.published
        assert article.paragraphs[-1] in BeautifulSoup(entry.content[0].value, "lxml").text


def test_atom_feed_parses_with_rfc3339_dates_and_html_content(server: LoopbackServer) -> None:
    TIMELINE.publish(server, 2)
    outlet = TIMELINE.outlet("screen")
    parsed = feedparser.parse(get(server.url(outlet.path))[1])
    assert not parsed.bozo and parsed.version == "atom10"
    expected = [a for a in TIMELINE.articles_upto(2) if a.outlet == "screen"][::-1]
    assert [e.title for e in parsed.entries] == [a.title for a in expected]
    for entry, article in zip(parsed.entries, expected, strict=True):
        assert entry.published.endswith("Z")
        assert datetime.fromisoformat(entry.published) == article.published
        assert entry.content[0].type == "text/html"


def test_hostile_titles_are_escaped_in_the_feed(server: LoopbackServer) -> None:
    TIMELINE.publish(server, LAST)
    body = get(server.url(TIMELINE.outlet("search").path))[1]
    assert b"<script>" not in body
    assert b"&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in body
    assert b"[here](javascript:alert(1))" in body


def test_listing_links_to_press_pages_with_their_text(server: LoopbackServer) -> None:
    TIMELINE.publish(server, LAST)
    outlet = TIMELINE.outlet("apple")
    listing = BeautifulSoup(get(server.url(outlet.path))[1], "lxml")
    links = [a["href"] for a in listing.select("a.article-link")]
    press = [a for a in TIMELINE.articles_upto(LAST) if a.outlet == "apple"][::-1]
    assert links == [f"/apple/press/{a.slug}.html" for a in press]
    status, page = get(server.url(str(links[0])))
    soup = BeautifulSoup(page, "lxml")
    assert status == 200
    assert soup.title is not None and press[0].title in soup.title.text
    meta = soup.find("meta", property="article:published_time")
    assert meta is not None and meta["content"] == "2026-04-23T15:00:00Z"
    body = soup.select_one("article.press-body")
    assert body is not None and press[0].paragraphs[1] in body.text
    assert "newsletter" not in body.text


def test_publishing_shows_only_the_news_so_far(server: LoopbackServer) -> None:
    trailer = TIMELINE.outlet("trade").article_path("star-city-trailer-ifans")
    TIMELINE.publish(server, LAST)
    assert get(server.url(trailer))[0] == 200
    TIMELINE.publish(server, 0)
    assert get(server.url(trailer))[0] == 404
    parsed = feedparser.parse(get(server.url("/trade/feed.xml"))[1])
    assert len(parsed.entries) == 1


def test_a_failing_outlet_answers_500_until_it_recovers(server: LoopbackServer) -> None:
    feed = server.url(TIMELINE.outlet("fans").path)
    TIMELINE.publish(server, step_index("2026-03-26"))
    assert get(feed)[0] == 500
    assert get(server.url(TIMELINE.outlet("trade").path))[0] == 200
    TIMELINE.publish(server, step_index("2026-04-23"))
    status, body = get(feed)
    assert status == 200 and b"trailer-is-here" in body


def test_feeds_keep_only_the_newest_articles(server: LoopbackServer) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    articles = tuple(
        Article("trade", f"story-{n}", start + timedelta(hours=n), f"Story {n}", ("Text.",))
        for n in range(FEED_SIZE + 5)
    )
    timeline = Timeline(TIMELINE.outlets, (Step("busy day", start.date(), articles),), "")
    timeline.publish(server, 0)
    parsed = feedparser.parse(get(server.url("/trade/feed.xml"))[1])
    assert len(parsed.entries) == FEED_SIZE
    assert parsed.entries[0].title == f"Story {FEED_SIZE + 4}"
    with pytest.raises(IndexError):
        timeline.publish(server, 1)


# --- the config ----------------------------------------------------------------------


def test_config_text_is_a_valid_config_for_the_server(tmp_path: Path) -> None:
    text = TIMELINE.config_text("http://127.0.0.1:8123/")
    data = yaml.safe_load(text)
    assert {"topic", "sources", "storage", "digests"} <= data.keys()
    assert (data["storage"], data["digests"]) == ("monitor.db", "digests")
    parsed = config.parse(data, tmp_path / "sources.yaml")
    urls = {s.url for s in parsed.sources}
    assert urls == {f"http://127.0.0.1:8123{o.path}" for o in TIMELINE.outlets}
    names = {s.name for s in parsed.sources}
    assert names == {o.name for o in TIMELINE.outlets}
    page = next(s for s in parsed.sources if s.kind == "page")
    assert (page.links, page.body) == ("a.article-link", "article.press-body")
    known = {f.key: f for f in parsed.topic.known_facts}
    assert known["episode_count"].value == 10
    assert known["cast:priya kansara"].role == "Lakshmi"
    assert "West Virginia" in parsed.topic.exclude and "Soviet" in parsed.topic.context


def test_markup_in_article_text_stays_text(server: LoopbackServer) -> None:
    tricky = "Q&A: is <Star City> 2 < 3? <script>alert(1)</script>"
    day = datetime(2026, 1, 1, tzinfo=UTC)
    article = Article("apple", "tricky", day, tricky, (tricky, "Plain."))
    Timeline(TIMELINE.outlets, (Step("odd", day.date(), (article,)),), "").publish(server, 0)
    page = BeautifulSoup(get(server.url("/apple/press/tricky.html"))[1], "lxml")
    body = page.select_one("article.press-body")
    assert body is not None and body.find("script") is None
    assert [p.text for p in body.find_all("p")] == [tricky, "Plain."]
    assert page.title is not None and page.title.text.startswith(tricky)
