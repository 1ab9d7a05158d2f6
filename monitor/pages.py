"""HTML → article links and article text (bs4 on lxml).

Pure: bytes in, records out. Tree walks are iterative, so 5,000-deep nesting is
fine. ``html_to_text`` is the one HTML-to-plain-text conversion of the monitor.
"""

from __future__ import annotations

import codecs
import json
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from typing import Any
from urllib.parse import urljoin

from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    UnicodeDammit,
    XMLParsedAsHTMLWarning,
)
from bs4.element import NavigableString, PageElement, PreformattedString, Tag
from lxml import etree
from soupsieve import SelectorSyntaxError

from monitor.exceptions import ParseError
from monitor.models import Document
from monitor.urls import canonical_url

_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details div dl dt
    fieldset figcaption figure h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p pre
    section summary table tbody tfoot thead tr ul""".split()
)
_DROP = frozenset(
    """script style noscript template svg iframe nav footer aside form head title button
    select textarea object embed canvas video audio map dialog""".split()
)
_CELL = frozenset({"td", "th"})
_PARA, _LINE = "\x00", "\x01"
# A table cell's end and a definition term's end: rows read "A | B", terms "Term: text".
_CELL_END, _TERM_END, _HEAD_END = "\x02", "\x03", "\x04"  # a header cell's end: th
_TERM_JOIN = re.compile(r"\s*:?\s*\x03[\s\x00\x01\x03]*")
_BOILERPLATE = re.compile(
    r"(?:^|[-_ ])(share|sharing|social|related|newsletter|comments?|advert\w*|ads?|promo\w*"
    r"|subscribe|subscription|cookie\w*|banner|breadcrumbs?|sidebar|popup|modal|paywall"
    r"|recommended|read-?more|more-stories|outbrain|taboola)(?:$|[-_ ])",
    re.IGNORECASE,
)
Skip = Callable[[Tag], bool]


def _soup(markup: str | bytes) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


def _pieces(root: Tag, skip: Skip | None) -> Iterator[str]:
    """Text pieces of ``root`` in order, with paragraph and line markers; iterative."""
    stack: list[tuple[bool, PageElement]] = [(False, root)]
    cells = 0  # open table cells: a line break inside one separates items of a list
    while stack:
        closing, node = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, CDATA, doctype…
                yield str(node)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if closing:
            cells -= name in _CELL
            yield _closing(name)
            continue
        if node is not root and (name in _DROP or (skip is not None and skip(node))):
            continue
        if name == "br":
            yield ", " if cells else _LINE
            continue
        if name in _BLOCK or name in _CELL:
            cells += name in _CELL
            yield _PARA if name in _BLOCK else " "
            stack.append((True, node))
        stack.extend((False, child) for child in reversed(node.contents))


def _closing(name: str) -> str:
    """The marker a closing tag leaves: a paragraph, a cell's or a term's end, or a space."""
    if name == "dt":
        return _TERM_END
    if name in _BLOCK:
        return _PARA
    if name in _CELL:
        return _HEAD_END if name == "th" else _CELL_END
    return " "


def _line(line: str) -> str:
    """One line with collapsed whitespace; table cells joined by " | ", empty ones dropped;
    a header cell and one data cell read as a label and its value ("Created by: A, B", as
    an infobox's rows)."""
    if _CELL_END not in line and _HEAD_END not in line:
        return " ".join(line.split())
    parts = _CELL_SPLIT.split(line + _CELL_END)
    cells = [
        (" ".join(text.split()), end) for text, end in zip(parts[::2], parts[1::2], strict=False)
    ]
    cells = [(text, end) for text, end in cells if text]
    if [end for _, end in cells] == [_HEAD_END, _CELL_END] and not cells[0][0].endswith(":"):
        return f"{cells[0][0]}: {cells[1][0]}"
    return " | ".join(text for text, _ in cells)


_CELL_SPLIT = re.compile(f"([{_CELL_END}{_HEAD_END}])")


def _assemble(raw: str) -> str:
    """Collapse whitespace and turn markers into blank-line paragraphs and newlines.

    A definition term runs into its description ("Created by: A, B").
    """
    if _TERM_END in raw:
        raw = _TERM_JOIN.sub(": ", raw)
    paragraphs = []
    for block in raw.split(_PARA):
        lines = [_line(line) for line in block.split(_LINE)]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def element_text(root: Tag, skip: Skip | None = None) -> str:
    """Paragraph-preserving plain text of a parsed element."""
    return _assemble("".join(_pieces(root, skip)))


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment or page: paragraphs split by blank lines.

    Block elements become paragraphs, ``<br>`` a newline; scripts, styles, navigation,
    footers, asides and forms are dropped; entities decoded, whitespace collapsed.
    A fragment (no html/head/body tags, no doctype: what feeds hold) is parsed by
    lxml directly, the tree bs4 would build from lxml's events, walked the same
    way and several times faster; a whole page goes through bs4.
    """
    for marker in (_PARA, _LINE, _CELL_END, _TERM_END, _HEAD_END):
        html = html.replace(marker, " ")
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    simple = _simple_fragment(html)
    if simple is not None:
        return simple
    root = None if _PAGE_TAGS.search(html) else _lxml_fragment(html)
    if root is None:
        return element_text(_soup(html))
    return _assemble("".join(_lxml_pieces(root)))


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
# Tags a feed's HTML mostly holds, and what they leave in the text: paragraphs, line
# breaks, and inline markup that leaves nothing (its text runs on, as in the tree walk).
_SIMPLE_TAGS = {"p": _PARA, "br": _LINE} | dict.fromkeys(
    "a b i u s em strong span small sup sub abbr cite q code mark time img wbr font".split(), ""
)

_VOID = frozenset({"br", "img", "wbr"})


def _simple_fragment(html: str) -> str | None:
    """``html_to_text`` of a fragment holding only simple tags, without building a tree.

    Anything else (another tag, a comment, CDATA, a stray ``<`` or ``>``, a paragraph the
    parser would repair) returns None and takes the lxml path: the result is the same
    either way (a property test holds them equal), this one several times faster.
    """
    pieces: list[str] = []
    at, in_paragraph = 0, False
    inline: list[str] = []  # open inline tags: the parser repairs paragraphs crossing them
    for m in _TAG.finditer(html):
        name, closing = m.group(2).lower(), bool(m.group(1))
        if name not in _SIMPLE_TAGS:
            return None
        if name == "p":
            if inline or (closing and not in_paragraph):
                return None  # repaired by the parser's rules, not ours
            in_paragraph = not closing
        elif name not in _VOID and not closing:
            inline.append(name)
        elif name in inline:  # a stray closing tag closes nothing
            del inline[len(inline) - 1 - inline[::-1].index(name) :]
        pieces += [html[at : m.start()], _SIMPLE_TAGS[name]]
        at = m.end()
    pieces.append(html[at:])
    text = pieces[::2]
    if any("<" in t or ">" in t or "&#0" in t or "&#x0" in t.lower() for t in text):
        return None
    pieces[::2] = [unescape(t) if "&" in t else t for t in text]  # each text node by itself
    return _assemble("".join(pieces))


# Outside a fragment, bs4 and a bare lxml tree part ways (text after </html>…).
_PAGE_TAGS = re.compile(r"<\s*/?\s*(?:html|body|head)\b|<!doctype", re.IGNORECASE)


def _lxml_fragment(html: str) -> etree._Element | None:
    """lxml's tree of a fragment; None when it is empty or too deep for libxml2's tree."""
    parser = etree.HTMLParser(recover=True, no_network=True)
    try:
        root = etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):
        return None
    if any("depth" in error.message.lower() for error in parser.error_log):
        return None  # libxml2 stops building at 256 levels; bs4's event stream goes on
    return root


def _lxml_pieces(root: etree._Element) -> Iterator[str]:
    """``_pieces`` over an lxml tree (text, children, then the tail); iterative."""
    stack: list[tuple[bool, etree._Element]] = [(False, root)]
    cells = 0
    while stack:
        closing, node = stack.pop()
        name = node.tag
        if closing:
            if name in _BLOCK or name in _CELL:
                cells -= name in _CELL
                yield _closing(name)
        elif name == "br":
            yield ", " if cells else _LINE
        elif isinstance(name, str) and name not in _DROP:  # not a comment, PI, dropped
            if name in _BLOCK:
                yield _PARA
            elif name in _CELL:
                cells += 1
                yield " "
            if node.text:
                yield node.text
            stack.append((True, node))
            stack.extend((False, child) for child in reversed(node))
            continue
        if node.tail and node is not root:
            yield node.tail


def _boilerplate(tag: Tag) -> bool:
    """Share bars, related links, newsletters…: named so, and not holding the story."""
    classes = tag.get("class")
    names = " ".join([*(classes if isinstance(classes, list) else []), str(tag.get("id") or "")])
    if not names.strip() or _BOILERPLATE.search(names) is None:
        return False
    return len(tag.find_all("p", limit=4)) < 4


def _select(soup: BeautifulSoup, selector: str, what: str) -> list[Tag]:
    try:
        return list(soup.select(selector))
    except (SelectorSyntaxError, ValueError, NotImplementedError) as e:
        raise ParseError(f"{what} selector {selector!r} is not valid CSS: {e}") from e


def _parse(body: bytes, content_type: str | None) -> BeautifulSoup:
    """Decode (header charset if the bytes agree, BOM, meta, then cp1252) and parse."""
    if not body.strip():
        raise ParseError("empty body")
    charset = _charset(content_type)
    dammit = UnicodeDammit(
        body, known_definite_encodings=[charset] if charset else [], is_html=True
    )
    markup = dammit.unicode_markup
    return _soup(markup if markup is not None else body.decode("utf-8", "replace"))


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def _base(soup: BeautifulSoup, url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(url, str(base["href"])) if isinstance(base, Tag) else url


def parse_listing(body: bytes, *, base_url: str, selector: str) -> list[str]:
    """Absolute article URLs matched by ``selector``, in page order, deduplicated."""
    soup = _parse(body, None)
    matches = _select(soup, selector, "links")
    if not matches:
        raise ParseError(f"links selector {selector!r} matched nothing")
    base, seen, links = _base(soup, base_url), {canonical_url(base_url)}, []
    for tag in matches:
        anchor = tag if tag.get("href") else tag.find("a", href=True)
        if not isinstance(anchor, Tag):
            continue
        url = canonical_url(urljoin(base, str(anchor["href"]).strip()))
        if url.startswith(("http://", "https://")) and url not in seen:
            seen.add(url)
            links.append(url)
    if not links:
        raise ParseError(f"links selector {selector!r} matched {len(matches)} elements, no links")
    return links


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attr: name, "content": True})
            if isinstance(tag, Tag) and str(tag["content"]).strip():
                return str(tag["content"]).strip()
    return None


def _title(soup: BeautifulSoup) -> str:
    found = _meta(soup, "og:title", "twitter:title")
    if found:
        return " ".join(found.split())
    for name in ("h1", "title"):
        tag = soup.find(name)
        if isinstance(tag, Tag) and (text := " ".join(tag.get_text(" ").split())):
            return text
    return ""


def parse_date(value: str) -> datetime | None:
    """An ISO 8601 or RFC 2822 date as aware UTC (naive taken as UTC); None if unreadable."""
    value = value.strip()
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _json_ld_dates(soup: BeautifulSoup) -> Iterator[str]:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data: Any = json.loads(script.get_text())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    yield item["datePublished"]
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))


def _published(soup: BeautifulSoup, content: Tag | None) -> datetime | None:
    candidates: list[str | None] = [
        _meta(soup, "article:published_time", "og:published_time", "datePublished"),
        *_json_ld_dates(soup),
        _meta(soup, "parsely-pub-date", "pubdate", "publish-date", "date", "dc.date"),
    ]
    item = soup.select_one("[itemprop=datePublished]")
    if isinstance(item, Tag):
        candidates.append(str(item.get("datetime") or item.get("content") or item.get_text()))
    for scope in (content, soup):
        time_tag = scope.find("time", datetime=True) if scope is not None else None
        if isinstance(time_tag, Tag):
            candidates.append(str(time_tag["datetime"]))
    for value in candidates:
        if value and (when := parse_date(value)) is not None:
            return when
    return None


def _p_text(tag: Tag) -> int:
    return len(tag.get_text(" ", strip=True))


def _main_content(soup: BeautifulSoup) -> Tag:
    """The element most likely to hold the article text."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: sum(_p_text(p) for p in a.find_all("p")))
    for selector in ("main", "[itemprop=articleBody]", "[role=main]"):
        found = soup.select_one(selector)
        if found is not None:
            return found
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            score = scores.get(id(parent), (0, parent))[0] + _p_text(p)
            scores[id(parent)] = (score, parent)
    if scores:
        return max(scores.values(), key=lambda pair: pair[0])[1]
    body = soup.find("body")
    return body if isinstance(body, Tag) else soup


def _outermost(tags: list[Tag]) -> list[Tag]:
    chosen = {id(t) for t in tags}
    return [t for t in tags if not any(id(p) in chosen for p in t.parents)]


def parse_article(
    body: bytes,
    *,
    url: str,
    source: str,
    selector: str | None = None,
    content_type: str | None = None,
) -> Document:
    """One article page as a Document: title, publication date, main text."""
    soup = _parse(body, content_type)
    if selector is not None:
        parts = _select(soup, selector, "body")
        if not parts:
            raise ParseError(f"body selector {selector!r} matched nothing")
        parts = _outermost(parts)
    else:
        parts = [_main_content(soup)]
    text = "\n\n".join(t for t in (element_text(p, _boilerplate) for p in parts) if t)
    published = _published(soup, parts[0])
    return Document(url=url, source=source, title=_title(soup), text=text, published=published)
