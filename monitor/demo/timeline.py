"""The demo's news timeline: outlets, dated steps of articles, and how to publish them.

The data lives in ``monitor/demo/data`` (package data): ``outlets.yaml``, one YAML
file per step under ``steps/`` and ``sources.yaml.template``. :meth:`Timeline.publish`
renders the state of the news after a given step onto a loopback server: RSS 2.0 and
Atom feeds of each outlet's newest articles, one HTML page per article, the press
listing page, and the faults (a failing outlet) active at that step.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from importlib import resources
from typing import Any, Literal, Protocol

import yaml

FEED_SIZE = 20
RECOVER = "recover"
OutletKind = Literal["rss", "atom", "listing"]
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_ATOM_NS = "http://www.w3.org/2005/Atom"
_FAULT_PARAMS = ("status", "body", "retry_after", "location", "seconds")
_RSS_TYPE = "application/rss+xml; charset=utf-8"
_ATOM_TYPE = "application/atom+xml; charset=utf-8"


class Server(Protocol):
    """The part of :class:`monitor.loopback.LoopbackServer` the timeline uses."""

    def url(self, path: str) -> str: ...
    def add(
        self, path: str, body: bytes | str, *, content_type: str = ..., status: int = ...
    ) -> None: ...
    def remove(self, path: str) -> None: ...
    def add_fault(self, path: str, fault: str, **params: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet of the demo: one feed or listing page on the server."""

    key: str
    name: str
    kind: OutletKind
    path: str
    articles: str  # path prefix of its article pages

    def article_path(self, slug: str) -> str:
        return f"{self.articles}{slug}.html"


@dataclass(frozen=True, slots=True)
class Article:
    """One published article."""

    outlet: str
    slug: str
    published: datetime
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fault:
    """From its step on, ``outlet`` misbehaves as ``kind`` says, until a ``recover``."""

    outlet: str
    kind: str
    params: tuple[tuple[str, str | int | float], ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """What happened on one day of the timeline."""

    name: str
    date: date
    articles: tuple[Article, ...]
    faults: tuple[Fault, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """The whole scripted news history of the demo."""

    outlets: tuple[Outlet, ...]
    steps: tuple[Step, ...]
    template: str

    @classmethod
    def load(cls) -> Timeline:
        """Read the timeline from the package data."""
        data = resources.files("monitor.demo").joinpath("data")
        outlets = tuple(_outlet(o) for o in _yaml(data.joinpath("outlets.yaml").read_text("utf-8")))
        files = sorted(
            (f for f in data.joinpath("steps").iterdir() if f.name.endswith(".yaml")),
            key=lambda f: f.name,
        )
        steps = tuple(_step(f.name, _yaml(f.read_text("utf-8"))) for f in files)
        template = data.joinpath("sources.yaml.template").read_text("utf-8")
        keys = {o.key for o in outlets}
        for step in steps:
            used = {a.outlet for a in step.articles} | {f.outlet for f in step.faults}
            if used - keys:
                raise ValueError(f"{step.date}: unknown outlets {sorted(used - keys)}")
        return cls(outlets, steps, template)

    def outlet(self, key: str) -> Outlet:
        """The outlet with this key (KeyError if none)."""
        for outlet in self.outlets:
            if outlet.key == key:
                return outlet
        raise KeyError(key)

    def articles_upto(self, upto: int) -> tuple[Article, ...]:
        """Every article published in ``steps[0..upto]``, oldest first."""
        found = [a for step in self.steps[: upto + 1] for a in step.articles]
        return tuple(sorted(found, key=lambda a: a.published))

    def faults_at(self, upto: int) -> dict[str, Fault]:
        """The fault active for each failing outlet after ``steps[0..upto]``."""
        active: dict[str, Fault] = {}
        for step in self.steps[: upto + 1]:
            for fault in step.faults:
                if fault.kind == RECOVER:
                    active.pop(fault.outlet, None)
                else:
                    active[fault.outlet] = fault
        return active

    def publish(self, server: Server, upto: int) -> None:
        """Make ``server`` serve the news as it stood after ``steps[0..upto]``."""
        if not 0 <= upto < len(self.steps):
            raise IndexError(f"step {upto} not in 0..{len(self.steps) - 1}")
        shown = self.articles_upto(upto)
        for step in self.steps[upto + 1 :]:
            for article in step.articles:
                server.remove(self.outlet(article.outlet).article_path(article.slug))
        for article in shown:
            outlet = self.outlet(article.outlet)
            server.add(outlet.article_path(article.slug), article_page(outlet, article))
        faults = self.faults_at(upto)
        for outlet in self.outlets:
            own = [a for a in shown if a.outlet == outlet.key]
            newest = sorted(own, key=lambda a: a.published, reverse=True)[:FEED_SIZE]
            body, content_type = render_outlet(outlet, newest, server.url)
            server.add(outlet.path, body, content_type=content_type)
            if outlet.key in faults:
                fault = faults[outlet.key]
                server.add_fault(outlet.path, fault.kind, **dict(fault.params))

    def config_text(self, base_url: str) -> str:
        """The demo's ``sources.yaml``, pointing at ``base_url``."""
        return self.template.replace("{base_url}", base_url.rstrip("/"))


# --- loading -------------------------------------------------------------------------


def _yaml(text: str) -> Any:
    return yaml.safe_load(text)


def _fields(where: str, raw: Any, required: set[str], optional: Iterable[str] = ()) -> None:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: expected a mapping")
    missing = required - raw.keys()
    unknown = raw.keys() - required - set(optional)
    if missing or unknown:
        raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")


def _outlet(raw: Any) -> Outlet:
    _fields("outlets.yaml", raw, {"key", "name", "kind", "path", "articles"})
    if raw["kind"] not in ("rss", "atom", "listing"):
        raise ValueError(f"outlets.yaml: {raw['key']}: unknown kind {raw['kind']!r}")
    return Outlet(raw["key"], raw["name"], raw["kind"], raw["path"], raw["articles"])


def _when(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(f"published {value!r}: needs a timezone (Z)")
    return moment.astimezone(UTC)


def _article(where: str, raw: Any) -> Article:
    _fields(where, raw, {"outlet", "slug", "published", "title", "paragraphs"})
    paragraphs = tuple(str(p).strip() for p in raw["paragraphs"])
    return Article(raw["outlet"], raw["slug"], _when(raw["published"]), raw["title"], paragraphs)


def _fault(where: str, raw: Any) -> Fault:
    _fields(where, raw, {"outlet", "fault"}, _FAULT_PARAMS)
    params = tuple((k, v) for k, v in raw.items() if k not in ("outlet", "fault"))
    return Fault(raw["outlet"], raw["fault"], params)


def _step(filename: str, raw: Any) -> Step:
    _fields(filename, raw, {"name", "date", "articles"}, {"faults"})
    day = raw["date"] if isinstance(raw["date"], date) else date.fromisoformat(str(raw["date"]))
    if day.isoformat() not in filename:
        raise ValueError(f"{filename}: date {day} differs from the file name")
    articles = tuple(
        _article(f"{filename}: articles[{i}]", a) for i, a in enumerate(raw["articles"])
    )
    faults = tuple(
        _fault(f"{filename}: faults[{i}]", f) for i, f in enumerate(raw.get("faults") or ())
    )
    return Step(raw["name"], day, articles, faults)


# --- rendering -----------------------------------------------------------------------


def rfc3339(moment: datetime) -> str:
    """``2026-05-29T07:00:00Z``."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _paragraphs_html(article: Article) -> str:
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in article.paragraphs)


def render_outlet(
    outlet: Outlet, newest: Iterable[Article], url: Callable[[str], str]
) -> tuple[str | bytes, str]:
    """The body and content type of an outlet's feed or listing page."""
    items = list(newest)
    if outlet.kind == "rss":
        return rss_feed(outlet, items, url), _RSS_TYPE
    if outlet.kind == "atom":
        return atom_feed(outlet, items, url), _ATOM_TYPE
    return listing_page(outlet, items), "text/html; charset=utf-8"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def rss_feed(outlet: Outlet, articles: list[Article], url: Callable[[str], str]) -> bytes:
    """An RSS 2.0 feed with the full text in ``content:encoded``."""
    rss = ET.Element("rss", {"version": "2.0", "xmlns:content": _CONTENT_NS})
    channel = _sub(rss, "channel")
    _sub(channel, "title", outlet.name)
    _sub(channel, "link", url(outlet.path))
    _sub(channel, "description", f"Latest stories from {outlet.name}")
    if articles:
        _sub(channel, "lastBuildDate", format_datetime(articles[0].published, usegmt=True))
    for article in articles:
        item = _sub(channel, "item")
        link = url(outlet.article_path(article.slug))
        _sub(item, "title", article.title)
        _sub(item, "link", link)
        _sub(item, "guid", link, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(article.published, usegmt=True))
        _sub(item, "description", article.paragraphs[0] if article.paragraphs else "")
        _sub(item, "content:encoded", _paragraphs_html(article))
    data: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return data


def atom_feed(outlet: Outlet, articles: list[Article], url: Callable[[str], str]) -> bytes:
    """An Atom 1.0 feed with the full text as HTML ``content``."""
    feed = ET.Element("feed", {"xmlns": _ATOM_NS})
    _sub(feed, "title", outlet.name)
    _sub(feed, "id", url(outlet.path))
    _sub(feed, "link", href=url(outlet.path), rel="self")
    newest = articles[0].published if articles else datetime(2024, 1, 1, tzinfo=UTC)
    _sub(feed, "updated", rfc3339(newest))
    for article in articles:
        entry = _sub(feed, "entry")
        link = url(outlet.article_path(article.slug))
        _sub(entry, "title", article.title, type="text")
        _sub(entry, "id", link)
        _sub(entry, "link", href=link, rel="alternate")
        _sub(entry, "published", rfc3339(article.published))
        _sub(entry, "updated", rfc3339(article.published))
        _sub(_sub(entry, "author"), "name", f"{outlet.name} staff")
        _sub(entry, "content", _paragraphs_html(article), type="html")
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data


def _page(title: str, head: str, main: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{head}</head>\n<body>\n"
        '<nav class="site-nav"><a href="/">Home</a> | <a href="/about.html">About</a></nav>\n'
        f"{main}\n"
        '<footer class="site-footer"><p>Subscribe to our newsletter for more.</p></footer>\n'
        "</body>\n</html>\n"
    )


def article_page(outlet: Outlet, article: Article) -> str:
    """One article's HTML page; press releases put their text in ``article.press-body``."""
    css = "press-body" if outlet.kind == "listing" else "story-body"
    stamp = html.escape(rfc3339(article.published))
    head = f'<meta property="article:published_time" content="{stamp}">\n'
    main = (
        f'<article class="{css}">\n<h1>{html.escape(article.title)}</h1>\n'
        f'<time datetime="{stamp}">{article.published:%B} {article.published.day}, {article.published.year}</time>\n'
        f"{_paragraphs_html(article)}\n</article>\n"
        f'<aside class="related"><p>More from {html.escape(outlet.name)}</p></aside>'
    )
    return _page(f"{article.title} | {outlet.name}", head, main)


def listing_page(outlet: Outlet, articles: list[Article]) -> str:
    """The press listing: newest first, each a link ``a.article-link`` to its page."""
    rows = "\n".join(
        f'<li><a class="article-link" href="{html.escape(outlet.article_path(a.slug))}">'
        f'{html.escape(a.title)}</a> <span class="date">{a.published:%Y-%m-%d}</span></li>'
        for a in articles
    )
    main = f'<main>\n<h1>{html.escape(outlet.name)}</h1>\n<ul class="press-list">\n{rows}\n</ul>\n</main>'
    return _page(outlet.name, "", main)
