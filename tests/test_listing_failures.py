"""Articles behind a listing page that fail: tried again, or remembered as gone."""

from __future__ import annotations

from pathlib import Path

from monitor.config import load
from monitor.loopback import LoopbackServer
from monitor.poll import poll
from monitor.store import Store

ARTICLE = (
    "<html><body><article><h1>{t}</h1><p>Star City, the For All Mankind spinoff, "
    "has cast {p} as Vera Lunina.</p></article></body></html>"
)


def setup(tmp_path: Path, server: LoopbackServer) -> Path:
    server.add("/press/", '<a href="/press/one.html">1</a><a href="/press/two.html">2</a>')
    server.add("/press/one.html", ARTICLE.format(t="One", p="Mira Kolesnikova"))
    (tmp_path / "sources.yaml").write_text(
        "topic: {name: Star City, aliases: [Star City], context: [For All Mankind]}\n"
        f"sources:\n  - {{name: Press, url: '{server.url('/press/')}', kind: page, links: a}}\n"
        "storage: m.db\ndigests: d\nfetch: {timeout: 2, retries: 0}\n"
    )
    return tmp_path / "sources.yaml"


def test_an_article_that_failed_is_fetched_again_and_said(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config = load(setup(tmp_path, server))
    server.add_fault("/press/two.html", "status", status=503)
    [first] = poll(config)
    assert len(first.documents) == 1
    assert first.error == "1 of 2 articles failed: HTTP 503 Service Unavailable"
    server.add("/press/two.html", ARTICLE.format(t="Two", p="Anton Belov"))
    [second] = poll(config)
    assert [d.document.url for d in second.documents] == [server.url("/press/two.html")]
    assert second.error is None
    with Store(config.storage) as store:
        [health] = store.health()
        assert health.last_error is None


def test_an_article_that_is_gone_is_not_asked_for_again(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config = load(setup(tmp_path, server))
    server.add_fault("/press/two.html", "status", status=404)
    [first] = poll(config)
    assert first.error is None and first.new_documents == 2
    before = len([r for r in server.requests if r.route == "/press/two.html"])
    server.add("/press/", '<a href="/press/one.html">1</a><a href="/press/two.html">2</a> ')
    poll(config)  # the listing changed, but both links are known
    after = len([r for r in server.requests if r.route == "/press/two.html"])
    assert before == after == 1
