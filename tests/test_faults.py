"""The hostile web, fault by fault, against the real loopback fault server.

Each fault is served beside a good feed; one poll and one digest run with
``fetch: {timeout: 2, retries: 0}``. The cycle must end within its deadline with
bounded memory, the good source must be processed, and the failure must be told
in plain words in ``monitor sources`` and in the digest. The table lives in
bench/faults.py (which prints it for the README); here each row is a test.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from monitor import poll as poll_module
from monitor.cli import main
from monitor.config import load
from monitor.exceptions import FetchError
from monitor.fetch import Fetcher
from monitor.loopback import LoopbackServer
from monitor.models import FetchResult
from monitor.poll import poll
from monitor.render.markdown import escape
from monitor.urls import may_follow

ROOT = Path(__file__).resolve().parent.parent
MAX_PEAK = 64 * 1024 * 1024  # bytes traced by tracemalloc during one cycle


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_faults", ROOT / "bench" / "faults.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()


def sources_json(folder: Path) -> dict[str, dict[str, Any]]:
    done = CliRunner().invoke(main, ["--config", str(folder / "sources.yaml"), "sources", "--json"])
    assert done.exit_code == 0, done.output
    return {row["name"]: row for row in json.loads(done.output)}


@pytest.fixture(scope="module", autouse=True)
def _warm_imports(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Run one cycle untraced first: lazy imports under tracemalloc would eat the deadline."""
    fault = next(f for f in bench.FAULTS if f.id == "404")
    folder = tmp_path_factory.mktemp("warm")
    with LoopbackServer() as server:
        urls = bench.serve_all(bench.Site(server, folder), (fault,))
        bench.run_case(fault, folder, server.url("/good.xml"), urls[fault.id])


@pytest.mark.parametrize("fault", bench.FAULTS, ids=[f.id for f in bench.FAULTS])
def test_fault_is_survived_and_explained(
    fault: Any, server: LoopbackServer, tmp_path: Path
) -> None:
    site = bench.Site(server, tmp_path)
    urls = bench.serve_all(site, (fault,))
    tracemalloc.start()
    try:
        outcome = bench.run_case(fault, tmp_path, server.url("/good.xml"), urls[fault.id])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    requested = [r.route for r in server.requests]
    assert bench.verdict(fault, outcome, set(requested)) == []
    assert peak < MAX_PEAK, f"{peak / 1e6:.0f} MB traced"
    row = sources_json(tmp_path)[bench.BAD]
    assert row["last_error"] == outcome.error
    if outcome.error is None:
        assert row["status"] == "ok"
        return
    assert row["status"] == ("gone" if fault.gone else "failing")
    if fault.gone:
        assert f"{bench.BAD} is gone (HTTP 410): no longer polled" in outcome.digest_line
    else:
        assert f"{bench.BAD} is failing since" in outcome.digest_line
        assert outcome.digest_line.endswith(": " + escape(outcome.error))
    if fault.gone or fault.waits:  # asked once, then left alone
        assert requested.count(bench.slug(fault.id)) == 1


def test_waiting_source_is_polled_again_once_the_wait_is_over(
    server: LoopbackServer, tmp_path: Path
) -> None:
    fault = bench.BY_ID["429 Retry-After seconds"]
    site = bench.Site(server, tmp_path)
    url = bench.serve_all(site, (fault,))[fault.id]
    config = bench.config_for(tmp_path, server.url("/good.xml"), url)
    first = poll(config)
    assert {r.source for r in first} == {bench.GOOD, bench.BAD}
    server.add(bench.slug(fault.id), bench.GOOD_FEED, content_type="application/rss+xml")
    assert {r.source for r in poll(config)} == {bench.GOOD}
    again = {r.source: r for r in poll(config, now=first[0].at + timedelta(minutes=3))}
    assert again[bench.BAD].error is None


def test_gone_source_comes_back_when_its_url_changes(
    server: LoopbackServer, tmp_path: Path
) -> None:
    fault = bench.BY_ID["410"]
    url = bench.serve_all(bench.Site(server, tmp_path), (fault,))[fault.id]
    config = bench.config_for(tmp_path, server.url("/good.xml"), url)
    poll(config)
    assert {r.source for r in poll(config)} == {bench.GOOD}
    server.add("/moved.xml", bench.GOOD_FEED, content_type="application/rss+xml")
    moved = bench.config_for(tmp_path, server.url("/good.xml"), server.url("/moved.xml"))
    assert {r.source: r.error for r in poll(moved)} == {bench.GOOD: None, bench.BAD: None}


# -- the same faults through the real command line --------------------------------


def monitor(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("MONITOR_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(folder / "sources.yaml"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_monitor_run_with_a_hang_a_gzip_bomb_and_a_410_beside_a_good_feed(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.add("/good.xml", bench.GOOD_FEED, content_type="application/rss+xml")
    server.add_fault("/hang", "hang")
    server.add_fault("/bomb", "gzip_bomb", gb=10)
    server.add_fault("/gone", "status", status=410)
    (tmp_path / "sources.yaml").write_text(
        "topic: {name: Star City, aliases: [Star City], context: [For All Mankind, Soviet]}\n"
        "sources:\n"
        f"  - {{name: Good Wire, url: '{server.url('/good.xml')}'}}\n"
        f"  - {{name: Hanging Blog, url: '{server.url('/hang')}'}}\n"
        f"  - {{name: Bomb Site, url: '{server.url('/bomb')}'}}\n"
        f"  - {{name: Old Wire, url: '{server.url('/gone')}'}}\n"
        "storage: monitor.db\ndigests: digests\nfetch: {timeout: 2, retries: 0}\n"
    )
    started = time.monotonic()
    done = monitor(tmp_path, "run")
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 10
    assert done.stdout == "" and "Traceback" not in done.stderr
    [digest] = (tmp_path / "digests").glob("*.md")
    text = digest.read_text()
    assert "Mira Kolesnikova" in text
    assert "Hanging Blog is failing since" in text
    assert "Bomb Site is failing since" in text and "body over 5 MB" in text
    assert "Old Wire is gone" in text and "no longer polled" in text
    shown = monitor(tmp_path, "sources")
    assert shown.returncode == 0, shown.stderr
    assert "body over 5 MB" in shown.stdout
    assert "gone" in shown.stdout and "HTTP 410" in shown.stdout
    assert "timed out after 2 s" in shown.stdout or "no data for 2 s" in shown.stdout
    assert monitor(tmp_path, "run").returncode == 0
    assert [r.route for r in server.requests].count("/gone") == 1


# -- links followed from a listing page ----------------------------------------------

PUBLIC_PAGE = "https://press.example.com/news/"


@pytest.mark.parametrize(
    ("link", "offsite", "private", "followed"),
    [
        ("https://press.example.com/news/a", False, False, True),
        ("https://www.example.com/news/a", False, False, True),
        ("javascript:alert(1)", True, True, False),
        ("data:text/html,<script>alert(1)</script>", True, True, False),
        ("file:///etc/passwd", True, True, False),
        ("ftp://press.example.com/a", True, True, False),
        ("mailto:press@example.com", True, True, False),
        ("https://other.example.org/a", False, False, False),
        ("https://other.example.org/a", True, False, True),
        ("http://127.0.0.1:8080/admin", True, False, False),
        ("http://localhost/admin", True, False, False),
        ("http://[::1]/admin", True, False, False),
        ("http://10.1.2.3/", True, False, False),
        ("http://192.168.0.1/", True, False, False),
        ("http://169.254.169.254/latest/meta-data/", True, False, False),
        ("http://0x7f.1/", True, False, False),
        ("http://2130706433/", True, False, False),
        ("http://[::ffff:127.0.0.1]/", True, False, False),
        ("http://printer.local/", True, False, False),
        ("http://127.0.0.1:8080/admin", True, True, True),
    ],
)  # fmt: skip
def test_link_policy_from_a_public_page(
    link: str, offsite: bool, private: bool, followed: bool
) -> None:
    ok, reason = may_follow(link, PUBLIC_PAGE, follow_offsite=offsite, allow_private=private)
    assert ok is followed, reason
    assert reason


ARTICLE = (
    "<html><body><article><h1>Star City casting</h1><p>Star City, the For All Mankind "
    "spinoff, has cast {name} as Vera Lunina.</p></article></body></html>"
)


@pytest.fixture
def guarded_fetches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every URL the poller asks for; anything not on 127.0.0.1 is refused unsent."""
    asked: list[str] = []
    real = Fetcher.fetch

    async def fetch(self: Fetcher, url: str, **kwargs: Any) -> FetchResult:
        asked.append(url)
        if not url.startswith("http://127.0.0.1:"):
            raise FetchError("test guard: only 127.0.0.1 may be contacted")
        return await real(self, url, **kwargs)

    monkeypatch.setattr(Fetcher, "fetch", fetch)
    yield asked


def listing_config(folder: Path, server: LoopbackServer, allow_private: bool) -> Path:
    path = folder / "sources.yaml"
    path.write_text(
        "topic: {name: Star City, aliases: [Star City], context: [For All Mankind]}\n"
        "sources:\n"
        f"  - {{name: Press, url: '{server.url('/press/')}', kind: page, links: a,"
        f" allow_private: {str(allow_private).lower()}}}\n"
        "storage: monitor.db\ndigests: digests\nfetch: {timeout: 2, retries: 0}\n"
    )
    return path


def serve_listing(server: LoopbackServer) -> None:
    links = [
        "/press/one.html",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "http://news.example.invalid/story",
        "http://10.1.2.3/internal",
        "http://169.254.169.254/latest/meta-data/",
    ]
    anchors = "".join(f'<a href="{link}">story {i}</a>' for i, link in enumerate(links))
    server.add("/press/", f"<html><body>{anchors}</body></html>")
    server.add("/press/one.html", ARTICLE.format(name="Mira Kolesnikova"))


def test_listing_follows_only_same_site_http_links(
    server: LoopbackServer,
    tmp_path: Path,
    guarded_fetches: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    serve_listing(server)
    caplog.set_level(logging.INFO, logger="monitor")
    config = load(listing_config(tmp_path, server, allow_private=False))
    [result] = poll(config)
    assert result.error is None and len(result.documents) == 1
    assert guarded_fetches == [server.url("/press/"), server.url("/press/one.html")]
    assert [r.route for r in server.requests] == ["/press/", "/press/one.html"]
    # javascript:, file: and data: links never leave parse_listing; the rest are refused
    assert "off-site link to news.example.invalid" in caplog.text
    assert "off-site link to 10.1.2.3" in caplog.text


@pytest.mark.parametrize("allow_private", [False, True])
def test_listing_on_a_public_page_may_not_reach_loopback(
    server: LoopbackServer,
    tmp_path: Path,
    guarded_fetches: list[str],
    monkeypatch: pytest.MonkeyPatch,
    allow_private: bool,
) -> None:
    """The poller asks may_follow with the listing's URL; seen as public, 127.0.0.1 is refused."""
    server.add("/press/", '<html><body><a href="/press/one.html">one</a></body></html>')
    server.add("/press/one.html", ARTICLE.format(name="Mira Kolesnikova"))
    seen_from: list[str] = []

    def as_if_public(link: str, page_url: str, **kwargs: bool) -> tuple[bool, str]:
        seen_from.append(page_url)
        return may_follow(
            link, "http://www.example.com/press/", **{**kwargs, "follow_offsite": True}
        )

    monkeypatch.setattr(poll_module, "may_follow", as_if_public)
    config = load(listing_config(tmp_path, server, allow_private=allow_private))
    [result] = poll(config)
    assert seen_from == [server.url("/press/")]
    followed = [r.route for r in server.requests if r.route != "/press/"]
    assert followed == (["/press/one.html"] if allow_private else [])
    assert len(result.documents) == (1 if allow_private else 0)
