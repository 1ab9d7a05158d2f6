"""Polling at scale: unchanged bodies are not parsed, shortcuts agree with the long way."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from monitor import examine as examine_module
from monitor.config import Config
from monitor.examine import QuickRelevance, _fold, fingerprint
from monitor.loopback import LoopbackServer
from monitor.models import Document, Source, Topic, fold
from monitor.pages import _soup, element_text, html_to_text
from monitor.poll import poll
from monitor.relevance import assess
from monitor.store import Store

NOW = datetime(2026, 2, 26, 23, tzinfo=UTC)
CORPUS = Path(__file__).parent / "data" / "corpus"
TOPIC = Topic(
    "Star City",
    ("Star City",),
    context=("Apple TV", "For All Mankind", "Nedivi", "Wolpert"),
    exclude=("Arrow", "casino"),
)


def feed(*titles: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://tv.example/{i}</link>"
        f"<description>Star City, the Apple TV spinoff, casts {t}.</description></item>"
        for i, t in enumerate(titles)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(lifetime=60) as srv:
        yield srv


def config(tmp_path: Path, url: str) -> Config:
    return Config(
        tmp_path / "sources.yaml",
        TOPIC,
        (Source("Trade", url),),
        tmp_path / "m.db",
        tmp_path / "digests",
    )


def test_unchanged_body_without_conditional_get_is_not_parsed(
    tmp_path: Path, server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    real = examine_module.parse_feed

    def counting(body: bytes, **kw: object) -> list[Document]:
        parsed.append(str(kw["url"]))
        return real(body, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(examine_module, "parse_feed", counting)
    # The "status" fault answers 200 with no ETag or Last-Modified: no 304 possible.
    server.add_fault("/feed", "status", status=200, body=feed("Ann", "Bob"))
    cfg = config(tmp_path, server.url("/feed"))
    first = poll(cfg, now=NOW)[0]
    second = poll(cfg, now=NOW)[0]
    assert len(first.documents) == 2 and second.documents == () and second.error is None
    assert len(parsed) == 1
    server.add_fault("/feed", "status", status=200, body=feed("Ann", "Bob", "Cy"))
    third = poll(cfg, now=NOW)[0]
    assert [d.document.url for d in third.documents] == ["https://tv.example/2"]
    assert len(parsed) == 2
    with Store(cfg.storage) as store:
        assert store.body_hash(server.url("/feed")) is not None


def test_failed_parse_keeps_no_hash(tmp_path: Path, server: LoopbackServer) -> None:
    server.add_fault("/feed", "status", status=200, body=b"<html><body>no</body></html>")
    cfg = config(tmp_path, server.url("/feed"))
    assert poll(cfg, now=NOW)[0].error == "not a feed: HTML page"
    assert poll(cfg, now=NOW)[0].error == "not a feed: HTML page"  # parsed again, failed again
    with Store(cfg.storage) as store:
        assert store.body_hash(server.url("/feed")) is None


def corpus_documents() -> list[Document]:
    docs = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = data.get("text") or data.get("body") or ""
        docs.append(Document(path.name, "corpus", str(data.get("title") or ""), str(text)))
    return docs


def variants() -> list[Document]:
    rng = random.Random(5)
    words = "Star City star-city STARCITY Star\nCity Apple TV series Arrow casino the of".split(" ")
    return [
        Document("u", "s", rng.choice(words), " ".join(rng.choice(words) for _ in range(12)))
        for _ in range(300)
    ]


def test_quick_relevance_agrees_with_assess() -> None:
    quick = QuickRelevance(TOPIC)
    corpus = corpus_documents()
    renamed = [
        Document(d.url, d.source, d.title.replace("Star City", "Moon Town"),
                 d.text.replace("Star City", "Moon Town").replace("Star\nCity", "Moon Town"))
        for d in corpus
    ]  # fmt: skip
    docs = corpus + renamed + variants()
    assert len(docs) > 300
    shortcut = 0
    for doc in docs:
        assert quick(doc) == assess(doc, TOPIC), doc
        shortcut += "star" not in doc.text.lower() and "star" not in doc.title.lower()
    assert shortcut > 10


def test_fast_fold_is_fold() -> None:
    rng = random.Random(3)
    pieces = ["Star", "City", "’s", "O'Casey", "e.g.", "naïve", "—", "  ", "\n", "A_b", "x`y"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _fold(text) == fold(text)


def test_fingerprint_is_the_hash_of_the_folded_text() -> None:
    rng = random.Random(4)
    alphabet = [chr(c) for c in range(128)] + ["é", "’", "ß"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        doc = Document("u", "s", text[:4], text[4:])
        folded = fold(f"{doc.title} {doc.text}")
        assert fingerprint(doc) == hashlib.sha256(folded.encode()).hexdigest()[:32], text


FRAGMENTS = [
    "<p>", "</p>", "<b>", "</b>", "text ", " more\n", "<br>", "<div>", "</div>", "&amp;",
    "&nbsp;", "&lt;", "<!-- c -->", "<script>x</script>", "<td>a</td>", "<tr>", "<table>",
    "<li>", "<ul>", "</ul>", "<style>s</style>", "<nav>n</nav>", "tail", "<?pi x?>",
    "<h1>", "</h1>", "<pre>  a\n b</pre>", "<footer>f</footer>x", "&bogus;", "<", ">", "&",
    "<svg><p>in</p></svg>", "é", "<![CDATA[c]]>", "<o:p>w</o:p>",
]  # fmt: skip


def test_lxml_html_to_text_matches_the_bs4_walk() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        html = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 14)))
        plain = "<" not in html and "&" not in html
        expected = " ".join(html.split()) if plain else element_text(_soup(html))
        assert html_to_text(html) == expected, html
