"""HTML → text, article links and articles (fixture text written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor import pages
from monitor.exceptions import ParseError
from monitor.pages import html_to_text, parse_article, parse_listing

ARTICLE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Star City: first look | Example News</title>
<meta property="og:title" content="Star City sets a May premiere">
<meta property="article:published_time" content="2026-02-26T09:30:00-05:00">
<script>var tracking = "Star City finale in 2030";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<header><p>Example News &mdash; television desk</p></header>
<article>
  <h1>Star City sets a May premiere</h1>
  <div class="share-bar"><a href="#">Share on social</a></div>
  <p>Apple TV revealed the first images of <em>Star City</em> on Thursday.</p>
  <p>The eight-episode season opens on May 29, 2026,<br>with two episodes.</p>
  <aside class="related"><p>Read also: an unrelated casino story.</p></aside>
  <p>Rhys Ifans plays the Chief Designer &amp; leads the cast.</p>
</article>
<footer><p>Copyright Example News</p></footer>
</body></html>"""


def test_html_to_text_keeps_paragraphs_and_lines() -> None:
    html = (
        "<div><p>First  paragraph\n with   spaces.</p>Tail text<p>Line one<br>line two</p>"
        "<ul><li>Item A</li><li>Item B</li></ul></div>"
    )
    assert html_to_text(html) == (
        "First paragraph with spaces.\n\nTail text\n\nLine one\nline two\n\nItem A\n\nItem B"
    )


def test_html_to_text_drops_non_content_and_decodes_entities() -> None:
    html = (
        "<p>Caf&eacute; &amp; &#8220;quotes&#8221;</p><script>alert(1)</script>"
        "<style>.x{}</style><noscript>enable js</noscript><template>t</template>"
        "<svg><text>chart</text></svg><iframe>frame</iframe><nav>menu</nav>"
        "<footer>foot</footer><aside>side</aside><form>Sign up</form><!-- note -->"
    )
    assert html_to_text(html) == "Café & “quotes”"


def test_html_to_text_inline_elements_join_and_plain_text_passes() -> None:
    assert html_to_text("<p>Star <b>City</b>, <i>Apple</i> TV</p>") == "Star City, Apple TV"
    assert html_to_text("  just   text  ") == "just text"
    assert html_to_text("http://example.com/not-a-locator") == "http://example.com/not-a-locator"
    assert html_to_text("") == ""


def test_html_to_text_survives_deep_nesting() -> None:
    html = "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000
    assert html_to_text(html) == "deep"


def test_parse_article_metadata_and_text() -> None:
    doc = parse_article(ARTICLE.encode(), url="https://news.example/a", source="Example")
    assert doc.title == "Star City sets a May premiere"
    assert doc.published == datetime(2026, 2, 26, 14, 30, tzinfo=UTC)
    assert doc.url == "https://news.example/a" and doc.source == "Example"
    assert doc.text.split("\n\n") == [
        "Star City sets a May premiere",
        "Apple TV revealed the first images of Star City on Thursday.",
        "The eight-episode season opens on May 29, 2026,\nwith two episodes.",
        "Rhys Ifans plays the Chief Designer & leads the cast.",
    ]
    for noise in ("Share", "casino", "Copyright", "Home", "2030", "television desk"):
        assert noise not in doc.text


def test_parse_article_with_selector() -> None:
    doc = parse_article(ARTICLE.encode(), url="u", source="s", selector="article p")
    assert doc.text.startswith("Apple TV revealed")
    assert "Chief Designer" in doc.text


def test_selector_that_matches_nothing() -> None:
    with pytest.raises(ParseError, match=r"body selector 'div\.story' matched nothing"):
        parse_article(ARTICLE.encode(), url="u", source="s", selector="div.story")


def test_invalid_selector_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not valid CSS"):
        parse_article(ARTICLE.encode(), url="u", source="s", selector="p[")


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
            ' {"@type": "NewsArticle", "datePublished": "2025-02-06T12:00:00Z"}]}</script>',
            "",
            datetime(2025, 2, 6, 12, tzinfo=UTC),
        ),
        ('<meta itemprop="datePublished" content="2025-02-14">', "", datetime(2025, 2, 14, tzinfo=UTC)),
        ("", '<time datetime="2025-04-02T08:00:00+02:00">2 April</time>', datetime(2025, 4, 2, 6, tzinfo=UTC)),
        ('<meta name="date" content="Mon, 03 Feb 2025 10:00:00 GMT">', "", datetime(2025, 2, 3, 10, tzinfo=UTC)),
        ('<meta property="article:published_time" content="soon">', "", None),
    ],
)  # fmt: skip
def test_published_date_sources(head: str, body: str, expected: datetime | None) -> None:
    html = f"<html><head>{head}</head><body><article>{body}<p>Text.</p></article></body></html>"
    doc = parse_article(html.encode(), url="u", source="s")
    assert doc.published == expected


def test_title_falls_back_to_h1_then_title() -> None:
    with_h1 = b"<html><head><title>Site | Page</title></head><body><h1>The Headline</h1></body>"
    only_title = b"<html><head><title>Site | Page</title></head><body><p>x</p></body>"
    assert parse_article(with_h1, url="u", source="s").title == "The Headline"
    assert parse_article(only_title, url="u", source="s").title == "Site | Page"


def test_main_content_heuristic_without_article_element() -> None:
    html = (
        "<html><body><div id='menu'><p>Menu</p></div>"
        "<div id='story'><p>Anna Maxwell Martin joins the cast as Lyudmilla.</p>"
        "<p>She heads the surveillance department of the KGB in the series.</p></div>"
        "<div><p>Short note</p></div></body></html>"
    )
    doc = parse_article(html.encode(), url="u", source="s")
    assert doc.text == (
        "Anna Maxwell Martin joins the cast as Lyudmilla.\n\n"
        "She heads the surveillance department of the KGB in the series."
    )


def test_main_element_is_used() -> None:
    html = b"<body><div><p>Side</p></div><main><p>Filming is under way in Vilnius.</p></main>"
    assert parse_article(html, url="u", source="s").text == "Filming is under way in Vilnius."


def test_charset_from_header_and_meta() -> None:
    text = "<html><body><article><p>Première à Vilnius — «Star City»</p></article></body></html>"
    from_header = parse_article(
        text.encode("cp1252"), url="u", source="s", content_type="text/html; charset=windows-1252"
    )
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    from_meta = parse_article(
        text.replace("<html>", f"<html><head>{meta}</head>").replace("—", "-").encode("latin-1"),
        url="u",
        source="s",
    )
    assert from_header.text == "Première à Vilnius — «Star City»"
    assert from_meta.text == "Première à Vilnius - «Star City»"


def test_cp1252_page_mislabelled_as_utf8_still_decodes() -> None:
    body = "<html><body><p>Caf\u00e9 \u201cStar City\u201d</p></body></html>".encode("cp1252")
    doc = parse_article(body, url="u", source="s", content_type="text/html; charset=utf-8")
    assert doc.text == "Café “Star City”"


def test_broken_and_deeply_nested_html() -> None:
    broken = b"<html><body><article><p>Unclosed <b>bold <p>Next para</article><div></span>"
    assert parse_article(broken, url="u", source="s").text == "Unclosed bold\n\nNext para"
    deep = b"<html><body>" + b"<div>" * 5000 + b"<p>Deep text</p>" + b"</div>" * 5000
    doc = parse_article(deep, url="u", source="s")
    assert doc.text == "Deep text"
    assert parse_article(deep, url="u", source="s", selector="p").text == "Deep text"


def test_empty_body_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="empty body"):
        parse_article(b"  \n", url="u", source="s")


LISTING = b"""<html><head><base href="https://tv.example/press/"></head><body>
<a class="story" href="star-city-first-look?utm_source=home#top">First look</a>
<div class="story"><a href="/press/cast-news">Cast</a></div>
<a class="story" href="https://tv.example/press/star-city-first-look">Again</a>
<a class="story" href="javascript:void(0)">Menu</a>
<a class="story" href="mailto:press@tv.example">Mail</a>
<a class="other" href="/press/other">Other</a>
<a class="story" href="https://other.example/x?id=2&amp;fbclid=9">Off</a>
</body></html>"""


def test_parse_listing_absolute_ordered_deduplicated() -> None:
    links = parse_listing(LISTING, base_url="https://tv.example/press", selector=".story")
    assert links == [
        "https://tv.example/press/star-city-first-look",
        "https://tv.example/press/cast-news",
        "https://other.example/x?id=2",
    ]


def test_parse_listing_relative_to_page_url() -> None:
    body = b"<ul><li><a class=x href='../a'>A</a></li><li><a class=x href='b'>B</a></li></ul>"
    links = parse_listing(body, base_url="https://s.example/news/list/", selector="a.x")
    assert links == ["https://s.example/news/a", "https://s.example/news/list/b"]


def test_listing_selector_that_matches_nothing() -> None:
    with pytest.raises(ParseError, match=r"links selector 'a\.x' matched nothing"):
        parse_listing(LISTING, base_url="https://tv.example/", selector="a.x")


def test_listing_selector_without_links() -> None:
    with pytest.raises(ParseError, match="matched 1 elements, no links"):
        parse_listing(b"<p class=x>no link</p>", base_url="https://tv.example/", selector=".x")


def test_html_to_text_table_rows_are_lines_with_cells_apart() -> None:
    html = (
        "<h2>Cast</h2><table><tr><th>Actor</th><th>Role</th></tr>"
        "<tr><td>Solly McLeod</td><td> Sasha </td><td></td></tr></table><p>After.</p>"
    )
    assert html_to_text(html) == "Cast\n\nActor | Role\n\nSolly McLeod | Sasha\n\nAfter."
    page = f"<html><body>{html}</body></html>"
    assert html_to_text(page) == html_to_text(html)  # the bs4 walk agrees with lxml's


def test_html_to_text_definition_terms_run_into_descriptions() -> None:
    html = (
        "<dl><dt>Created by</dt><dd>Ronald D. Moore, Matt Wolpert</dd>"
        "<dt>Episodes:</dt><dd>8</dd></dl>"
    )
    assert html_to_text(html) == "Created by: Ronald D. Moore, Matt Wolpert\n\nEpisodes: 8"
    assert html_to_text(f"<html><body>{html}</body></html>") == html_to_text(html)


def test_html_to_text_marker_characters_in_the_input_are_plain_spaces() -> None:
    assert html_to_text("<p>a\x02b\x03c</p>") == "a b c"


_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<br>", "<br/>", "<b>", "</b>", "<em>", "</em>", '<a href="/x?a=1&amp;b=2">',
        "</a>", "<span class='c'>", "</span>", "<img src='i.png' alt='A'>", "&amp;", "&lt;", "&gt;",
        "&quot;", "&#x27;", "&#233;", "&nbsp;", "&eacute;", "&foo;", "&amp", " ", "\n", "\t",
        "Star City", "premieres", "May 29.", "Ifans'", "café", "\u2019", "&", ";", "#",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_simple_fragments_read_as_the_tree_walk_reads_them(pieces: list[str]) -> None:
    """The fast path for feed HTML gives exactly what the lxml tree walk gives."""
    html = "".join(pieces)
    fast = pages._simple_fragment(html)
    root = pages._lxml_fragment(html)
    if fast is not None and root is not None:
        assert fast == pages._assemble("".join(pages._lxml_pieces(root)))


def test_an_infobox_row_reads_as_a_label_and_its_list() -> None:
    html = (
        "<table class='infobox'><tr><th>Executive producers</th>"
        "<td>Ben Nedivi<br>Matt Wolpert<br/>Maril Davis</td></tr>"
        "<tr><th>No.</th><th>Title</th></tr><tr><td>1</td><td>Pilot</td></tr></table>"
    )
    expected = (
        "Executive producers: Ben Nedivi, Matt Wolpert, Maril Davis\n\nNo. | Title\n\n1 | Pilot"
    )
    assert html_to_text(html) == expected
    assert html_to_text(f"<html><body>{html}</body></html>") == expected  # bs4 walk agrees
