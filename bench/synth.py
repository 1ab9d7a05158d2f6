"""Synthetic news for the cycle benchmark: feeds, listing pages and articles.

Deterministic (seeded by feed number and version). Every feed has 25 items of
generated trade-press prose, 20–80 KB in all; one item in fifty is about "Star
City" the show (with facts), one in a hundred mentions Arrow's city, the rest are
other TV news. Feed ``i`` at version ``v`` holds items ``3v .. 3v+24``: a new
version adds three stories and drops the three oldest, as a real feed does.
"""

from __future__ import annotations

import html
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

ITEMS = 25
NEW_PER_VERSION = 3
EPOCH = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

_SHOWS = [
    "Harbour Lights", "The Cartographers", "Northern Static", "Glass Orchard",
    "Quiet Frequencies", "The Long Shift", "Copper Valley", "Saltwater Saints",
    "Midnight Ledger", "The Understudies", "Paper Lanterns", "Iron Meridian",
]  # fmt: skip
_PEOPLE = [
    "Mara Quill", "Tobias Renner", "Ines Valcourt", "Dev Arora", "Colm Brady",
    "Yuki Tanabe", "Leonie Marsh", "Ezra Holt", "Priscilla Odum", "Anton Bekker",
    "Sofia Lindqvist", "Rafael Ortega", "Hattie Crane", "Nikhil Sen",
]  # fmt: skip
_NETS = ["Netflix", "HBO", "Hulu", "Peacock", "Paramount+", "BBC One", "Channel 4", "Prime Video"]
_OPENERS = [
    "According to people close to the production,",
    "In a statement released on Tuesday,",
    "Speaking at a panel earlier this week,",
    "As first reported by several outlets,",
    "After months of speculation,",
    "In a move that surprised few observers,",
]  # fmt: skip
_CLAUSES = [
    "{p} has joined the cast of {s} in a recurring role",
    "{n} has ordered a second season of {s}",
    "the writers' room for {s} reconvened in the spring",
    "{s} will return to {n} with ten new episodes next year",
    "{p} is set to direct the first two episodes of {s}",
    "ratings for {s} climbed steadily through its first month",
    "{n} quietly cancelled {s} after a single season",
    "{p} signed an overall deal with {n} covering film and television",
    "production on {s} moved from Atlanta to Budapest",
    "{p} described the new season of {s} as darker and more personal",
    "the finale of {s} drew the largest audience in the history of {n}",
    "critics praised the score of {s} and the performance of {p}",
]  # fmt: skip
_TAILS = [
    "and more details are expected soon.",
    "though neither side would confirm the budget.",
    "with filming due to begin before the end of the year.",
    "a decision that delighted the fans of the original.",
    "according to a spokesperson for the studio.",
    "which marks a change of direction for the network.",
]  # fmt: skip
_STAR_CITY = [
    "Apple TV's Star City, the For All Mankind spinoff from Ben Nedivi and Matt Wolpert, "
    "has set its premiere for Friday, May 29, 2026.",
    "The first season of Star City will run eight episodes, with the finale on July 10.",
    "Rhys Ifans stars in Star City as the Chief Designer of the Soviet space programme.",
    "Anna Maxwell Martin joins the cast of Star City as Lyudmilla, a KGB officer.",
    "Star City filmed in Vilnius, Lithuania, for Sony Pictures Television and Apple TV.",
    "Agnes O'Casey plays Irina in Star City, the Apple TV drama about cosmonauts.",
]  # fmt: skip
_ARROW = [
    "Oliver Queen returns to Star City in a new Arrow comic from the original writers.",
    "Fans of Arrow still argue about the final season and the fate of Star City.",
]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    clause = rng.choice(_CLAUSES).format(
        p=rng.choice(_PEOPLE), s=rng.choice(_SHOWS), n=rng.choice(_NETS)
    )
    return f"{rng.choice(_OPENERS)} {clause}, {rng.choice(_TAILS)}"


def article(feed: int, item: int) -> tuple[str, list[str], datetime]:
    """Title, paragraphs and publication date of one story (stable per feed and item)."""
    rng = random.Random(feed * 100_003 + item)
    most = 2 + feed % 6  # feeds differ in story length: 20-80 KB per feed
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))
        for _ in range(rng.randint(max(2, most - 2), most))
    ]
    show = rng.choice(_SHOWS)
    title = f"{show}: {rng.choice(['casting news', 'renewal', 'first look', 'ratings', 'finale'])}"
    roll = rng.random()
    if roll < 0.02:
        picks = rng.sample(_STAR_CITY, 3)
        paragraphs[0] = f"{picks[0]} {paragraphs[0]}"
        paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(picks[1:]))
        title = "Star City: " + rng.choice(["new cast", "premiere date", "first look"])
    elif roll < 0.03:
        paragraphs.insert(1, rng.choice(_ARROW))
    published = EPOCH + timedelta(hours=item * 7 + feed % 7, minutes=feed % 60)
    return title, paragraphs, published


def _items(feed: int, version: int) -> list[int]:
    first = version * NEW_PER_VERSION
    return list(range(first + ITEMS - 1, first - 1, -1))


def _body(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)


def rss(feed: int, version: int, base: str) -> bytes:
    """An RSS 2.0 feed with content:encoded."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
        f"<title>Outlet {feed}</title><link>{base}/</link>"
        f"<description>TV news from outlet {feed}</description>\n"
    ]
    for item in _items(feed, version):
        title, paragraphs, published = article(feed, item)
        link = f"{base}/{feed}/story-{item}.html"
        out.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
            f"<description>{html.escape(paragraphs[0][:200])}</description>"
            f"<content:encoded><![CDATA[{_body(paragraphs)}]]></content:encoded></item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode()


def atom(feed: int, version: int, base: str) -> bytes:
    """An Atom 1.0 feed with HTML content."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>Outlet {feed}</title><id>{base}/</id>"
        f'<link rel="self" href="{base}/feed.atom"/><updated>2026-01-05T09:00:00Z</updated>\n'
    ]
    for item in _items(feed, version):
        title, paragraphs, published = article(feed, item)
        link = f"{base}/{feed}/story-{item}.html"
        stamp = published.isoformat().replace("+00:00", "Z")
        out.append(
            f'<entry><title type="text">{html.escape(title)}</title><id>{link}</id>'
            f'<link rel="alternate" href="{link}"/><published>{stamp}</published>'
            f"<updated>{stamp}</updated><author><name>Staff</name></author>"
            f'<content type="html">{html.escape(_body(paragraphs))}</content></entry>\n'
        )
    out.append("</feed>\n")
    return "".join(out).encode()


def feed(feed_no: int, version: int, base: str) -> tuple[bytes, str]:
    """Feed ``feed_no`` (every third one Atom) and its content type."""
    if feed_no % 3 == 2:
        return atom(feed_no, version, base), "application/atom+xml; charset=utf-8"
    return rss(feed_no, version, base), "application/rss+xml; charset=utf-8"


def listing(page: int, version: int, base: str, links: int = 10) -> tuple[bytes, list[str]]:
    """A listing page linking its newest ``links`` stories, and their paths."""
    paths = [f"/pages/{page}/story-{i}.html" for i in _items(page, version)[:links]]
    anchors = "".join(
        f'<li><a class="story" href="{p}">{html.escape(article(-page - 1, i)[0])}</a></li>'
        for p, i in zip(paths, _items(page, version), strict=False)
    )
    body = f"<html><head><title>Desk {page}</title></head><body><ul>{anchors}</ul></body></html>"
    return body.encode(), paths


def article_page(page: int, item: int) -> bytes:
    """One story of a listing page as an HTML article."""
    title, paragraphs, published = article(-page - 1, item)
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>"
        f"{_body(paragraphs)}</article><footer>Newsletter</footer></body></html>"
    ).encode()
