"""Any bytes in, no exception out but our own: the parsing and extraction entry points.

Hypothesis feeds random bytes and random mixtures of feed/HTML fragments to
``parse_feed``, ``parse_article``, ``parse_listing``, ``extract`` and ``assess``;
the only exceptions allowed are ``MonitorError`` subclasses (a ParseError with a
reason). Example counts are modest so the suite stays fast.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.exceptions import MonitorError
from monitor.extract import extract
from monitor.feeds import parse_feed
from monitor.knowledge import default_topic
from monitor.models import Document
from monitor.pages import parse_article, parse_listing
from monitor.relevance import assess

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOPIC = default_topic()
URL = "https://news.example/path/page"

PIECES = [
    '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-16"?>',
    '<rss version="2.0">', "</rss>", "<channel>", "</channel>", "<item>", "</item>",
    '<feed xmlns="http://www.w3.org/2005/Atom">', "<entry>", "</entry>", "<title>",
    "</title>", "<link>", "</link>", '<link href="javascript:alert(1)"/>', "<description>",
    "</description>", "<content:encoded>", "<![CDATA[", "]]>", "<pubDate>", "</pubDate>",
    "Thu, 26 Feb 2026 14:00:00 +0000", "2026-13-45T99:99:99Z", "&amp;", "&bogus;", "&#0;",
    "&#xD800;", '<!DOCTYPE rss [<!ENTITY x "xx">]>', "&x;", '<!ENTITY y SYSTEM "file:///etc/passwd">',
    "<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<a href='/a'>", "</a>",
    '<a href="//x">', '<base href="javascript:x">', '<meta charset="utf-16">',
    '<meta property="og:title" content="', '<time datetime="', '">',
    '<script type="application/ld+json">{"datePublished": [', "</script>", "<br>",
    "Star City", " premieres on May 29, 2026 ", " has cast Mira Kolesnikova as Vera Lunina. ",
    " For All Mankind ", " eight episodes ", " Arrow ", "\u202e", "\x00", "\ufeff", "\r\n",
    "é", "—", "�", " ", "<", ">", "\"", "'", "=",
]  # fmt: skip
CONTENT_TYPES = st.sampled_from(
    [
        None,
        "text/html",
        "text/html; charset=utf-8",
        "application/rss+xml; charset=iso-8859-1",
        "text/xml; charset=utf-16",
        "application/json",
        "text/plain; charset=bogus-charset",
        "application/atom+xml; charset=",
    ]
)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-32"])


@st.composite
def markup(draw: st.DrawFn) -> bytes:
    """A jumble of feed and HTML fragments with some text, in some encoding."""
    parts = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40))
    return "".join(parts).encode(draw(ENCODINGS), errors="ignore")


DOCUMENTS = st.binary(max_size=3000) | markup()


def ours_only(call: object) -> None:
    try:
        assert callable(call)
        call()
    except MonitorError:
        pass


@FUZZ
@given(body=DOCUMENTS, content_type=CONTENT_TYPES)
def test_parse_feed_raises_only_our_errors(body: bytes, content_type: str | None) -> None:
    def call() -> None:
        for doc in parse_feed(body, url=URL, source="Fuzz", content_type=content_type):
            assert isinstance(doc.title, str) and isinstance(doc.text, str)

    ours_only(call)


@FUZZ
@given(body=DOCUMENTS, content_type=CONTENT_TYPES, selector=st.sampled_from([None, "article", "p"]))
def test_parse_article_raises_only_our_errors(
    body: bytes, content_type: str | None, selector: str | None
) -> None:
    def call() -> None:
        doc = parse_article(
            body, url=URL, source="Fuzz", selector=selector, content_type=content_type
        )
        assert doc.url == URL

    ours_only(call)


@FUZZ
@given(body=DOCUMENTS, selector=st.sampled_from(["a", "a.story", "article a", "[href]"]))
def test_parse_listing_raises_only_our_errors(body: bytes, selector: str) -> None:
    def call() -> None:
        links = parse_listing(body, base_url=URL, selector=selector)
        assert all(link.startswith(("http://", "https://")) for link in links)

    ours_only(call)


TEXT = st.lists(
    st.sampled_from(PIECES[PIECES.index("Star City") :]) | st.text(max_size=30), max_size=30
).map("".join)


@FUZZ
@given(title=TEXT, text=TEXT, published=st.none() | st.just(datetime(2026, 2, 26, tzinfo=UTC)))
def test_assess_and_extract_raise_only_our_errors(
    title: str, text: str, published: datetime | None
) -> None:
    document = Document(url=URL, source="Fuzz", title=title, text=text, published=published)

    def call() -> None:
        relevance = assess(document, TOPIC)
        assert 0.0 <= relevance.score <= 1.0 and relevance.reason
        for sighting in extract(document, TOPIC):
            assert sighting.url == URL and sighting.evidence

    ours_only(call)


@FUZZ
@given(body=markup())
def test_parsed_article_text_goes_through_extraction(body: bytes) -> None:
    def call() -> None:
        doc = parse_article(body, url=URL, source="Fuzz")
        if assess(doc, TOPIC).relevant:
            list(extract(doc, TOPIC))

    ours_only(call)
