"""`monitor run` as a subprocess against fixture outlets on a loopback server."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.loopback import LoopbackServer

SITE = Path(__file__).parent / "data" / "site"

CONFIG = """\
topic:
  name: Star City
  aliases: ["Star City"]
  context: ["Apple TV", "For All Mankind", "Soviet", "Nedivi", "Wolpert"]
  exclude: ["Arrow", "Oliver Queen", "casino"]
  known_facts:
    - {{kind: episode_count, value: 10}}
    - {{kind: premiere_window, value: late 2026}}
    - {{kind: cast, person: Rhys Ifans, role: Chief Designer}}
sources:
  - {{name: Trade Desk, url: "{base}/trade.xml", kind: feed, every: 30m}}
  - {{name: Search, url: "{base}/search.xml", kind: feed, every: 1h}}
  - name: Press
    url: "{base}/press/"
    kind: page
    links: a.article-link
    body: article.press-body
  - {{name: Broken Blog, url: "{base}/broken.xml", kind: feed}}
storage: state/monitor.db
digests: digests
fetch: {{timeout: 5, retries: 0}}
"""


def serve_site(server: LoopbackServer) -> None:
    server.add("/trade.xml", (SITE / "trade.xml").read_bytes(), content_type="application/rss+xml")
    server.add(
        "/search.xml", (SITE / "search.xml").read_bytes(), content_type="application/rss+xml"
    )
    server.add("/press/", (SITE / "press-listing.html").read_bytes())
    server.add("/press/star-city-cast-expands.html", (SITE / "press-article.html").read_bytes())
    server.add_fault("/broken.xml", "status", status=500)


def monitor(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("MONITOR_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(folder / "sources.yaml"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path, server: LoopbackServer) -> Path:
    serve_site(server)
    (tmp_path / "sources.yaml").write_text(CONFIG.format(base=server.base_url))
    return tmp_path


def digests(folder: Path) -> list[Path]:
    return sorted((folder / "digests").glob("*.md"))


def test_run_reports_new_cast_and_changed_count_with_evidence(site: Path) -> None:
    done = monitor(site, "run")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # no TTY: cron stays silent
    [path] = digests(site)
    text = path.read_text()
    assert (
        "Agnes O'Casey** as Irina" in text.replace("\\'", "'") or "Agnes O'Casey as Irina" in text
    )
    assert "Episode count: 10 → 8" in text
    assert "Premiere: late 2026 → 29 May 2026" in text
    assert "Finale: 10 July 2026" in text
    assert "The first season runs eight episodes" in text  # the evidence, quoted
    assert "(<http://127.0.0.1:" in text and "[Trade Desk]" in text  # linked to its source
    assert "Josef Davies as Sergei" in text  # followed from the listing page
    assert "Broken Blog is failing" in text and "HTTP 500" in text


def test_other_star_citys_and_hostile_text_stay_out(site: Path) -> None:
    assert monitor(site, "run").returncode == 0
    text = digests(site)[0].read_text()
    assert "June" not in text  # the casino's reopening
    assert "Oliver" not in text and "Arrow" not in text
    assert "<script>" not in text
    assert "](javascript:" not in text


def test_second_run_reports_nothing_and_uses_conditional_get(
    site: Path, server: LoopbackServer
) -> None:
    assert monitor(site, "run").returncode == 0
    first = len(server.requests)
    again = monitor(site, "run")
    assert again.returncode == 0, again.stderr
    assert len(digests(site)) == 1
    later = [r for r in server.requests[first:] if r.path == "/trade.xml"]
    assert later and all("if-none-match" in r.headers for r in later)
    assert "monitor/" in later[0].headers["user-agent"]
    # the article behind the listing is not fetched again
    assert not [r for r in server.requests[first:] if r.path.endswith("cast-expands.html")]


def test_always_writes_an_empty_digest_without_overwriting(site: Path) -> None:
    assert monitor(site, "run").returncode == 0
    assert monitor(site, "digest", "--always").returncode == 0
    files = digests(site)
    assert len(files) == 2
    assert "Nothing changed" in files[-1].read_text()


def test_sources_and_facts_commands(site: Path) -> None:
    assert monitor(site, "run").returncode == 0
    sources = monitor(site, "sources")
    assert sources.returncode == 0
    assert "failing" in sources.stdout and "Broken Blog" in sources.stdout
    facts = monitor(site, "facts", "--json")
    assert facts.returncode == 0
    import json

    rows = json.loads(facts.stdout)
    count = [r for r in rows if r["kind"] == "episode_count"]
    assert {(r["value"], r["status"]) for r in count} == {(10, "superseded"), (8, "new")}
    assert all({"id", "status", "first_seen", "last_seen", "sources"} <= set(r) for r in rows)


def test_store_is_consistent_after_a_run(site: Path) -> None:
    assert monitor(site, "run").returncode == 0
    db = sqlite3.connect(site / "state" / "monitor.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        relevant = db.execute("SELECT relevant, url FROM document ORDER BY url").fetchall()
        assert (0, "https://news.example/casino-reopens") in relevant
        assert all("utm_" not in url for _, url in relevant)
    finally:
        db.close()


def test_bad_config_exits_2_with_key_paths(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "topic: {name: X, colour: red}\nsources:\n  - {name: A, url: ftp://x, every: 5x}\n"
    )
    done = monitor(tmp_path, "run")
    assert done.returncode == 2
    assert "topic.colour: unknown key" in done.stderr
    assert 'sources[0].every: "5x" is not a duration' in done.stderr
    assert "sources[0].url" in done.stderr


def test_missing_config_says_what_to_do(tmp_path: Path) -> None:
    done = monitor(tmp_path / "nowhere", "check")
    assert done.returncode == 2
    assert "monitor init" in done.stderr
