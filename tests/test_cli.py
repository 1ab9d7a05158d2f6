"""The command line as a user meets it: subprocesses, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """\
<!doctype html><html><head><title>Star City casts Agnes O'Casey</title>
<meta property="article:published_time" content="2025-02-14T10:00:00Z"></head>
<body><nav>Home | TV | Film</nav><article>
<h1>Agnes O'Casey joins Apple TV+'s 'Star City'</h1>
<p>Agnes O'Casey has been cast as Irina in Star City, the For All Mankind spinoff from
Ben Nedivi and Matt Wolpert.</p>
<p>O'Casey joins Rhys Ifans, who plays the Chief Designer.</p>
</article></body></html>
"""


def monitor(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("MONITOR_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        check=False,
    )


def test_init_then_check(tmp_path: Path) -> None:
    done = monitor(tmp_path, "init", "shows/severance", "--show", "Severance")
    assert done.returncode == 0, done.stderr
    config = tmp_path / "shows" / "severance" / "sources.yaml"
    assert "Severance" in config.read_text()
    checked = monitor(tmp_path, "--config", str(config), "check")
    assert checked.returncode == 0, checked.stderr
    assert "'Severance'" in checked.stdout
    again = monitor(tmp_path, "init", "shows/severance", "--show", "Severance")
    assert again.returncode == 1 and "--force" in again.stderr


def test_init_with_quotes_in_the_name_still_checks(tmp_path: Path) -> None:
    assert monitor(tmp_path, "init", "--show", 'The "Office": US').returncode == 0
    assert monitor(tmp_path, "check").returncode == 0


def test_extract_json_has_the_facts_md_shape(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(ARTICLE)
    done = monitor(tmp_path, "extract", str(page), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"url", "relevant", "score", "reason", "facts"}
    assert result["relevant"] is True and result["url"].startswith("file://")
    cast = {(f["person"], f["role"]) for f in result["facts"] if f["kind"] == "cast"}
    assert ("Agnes O'Casey", "Irina") in cast
    assert all(f["evidence"] for f in result["facts"])


def test_extract_of_another_star_city_is_not_relevant(tmp_path: Path) -> None:
    text = tmp_path / "arrow.txt"
    text.write_text(
        "Arrow's final season sends Oliver Queen back to Star City for ten episodes.\n"
        "The season premieres on October 15 on The CW.\n"
    )
    done = monitor(tmp_path, "extract", str(text), "--json", "--published", "2019-07-20")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["relevant"] is False and result["facts"] == []
    assert "Arrow" in result["reason"] or "Oliver Queen" in result["reason"]


def test_extract_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    done = monitor(tmp_path, "extract", str(tmp_path / "nope.html"))
    assert done.returncode == 1 and "cannot read" in done.stderr


def test_help_explains_every_command_with_an_example(tmp_path: Path) -> None:
    top = monitor(tmp_path, "--help")
    assert top.returncode == 0
    for command in (
        "check",
        "run",
        "poll",
        "digest",
        "serve",
        "sources",
        "facts",
        "extract",
        "demo",
        "init",
    ):
        assert command in top.stdout
        sub = monitor(tmp_path, command, "--help")
        assert sub.returncode == 0 and "Example" in sub.stdout, command


def test_unknown_command_is_usage_error(tmp_path: Path) -> None:
    assert monitor(tmp_path, "frobnicate").returncode == 2


@pytest.fixture
def store_with_facts(tmp_path: Path) -> Path:
    from datetime import UTC, datetime

    from monitor.config import load
    from monitor.models import (
        Document,
        Fact,
        FactKind,
        PollResult,
        Relevance,
        SeenDocument,
        Sighting,
    )
    from monitor.store import Store

    assert monitor(tmp_path, "init", "--show", "Star City").returncode == 0
    config = load(tmp_path / "sources.yaml")
    now = datetime(2026, 2, 26, tzinfo=UTC)
    fact = Fact(FactKind.EPISODE_COUNT, value=8)
    doc = Document("https://t.example/1", "Deadline", "t", "x", now)
    seen = SeenDocument(
        doc,
        "fp",
        Relevance(True, 1, "r"),
        (Sighting(fact, "It runs eight episodes.", doc.url, "Deadline", now),),
    )
    with Store(config.storage) as store:
        store.sync_sources([("Deadline", "https://deadline.com/feed/")])
        store.record_poll(
            PollResult("Deadline", "https://deadline.com/feed/", now, documents=(seen,))
        )
    return tmp_path


def test_facts_show_confirm_reject(store_with_facts: Path) -> None:
    folder = store_with_facts
    rows = json.loads(monitor(folder, "facts", "--json").stdout)
    [row] = rows
    assert row["value"] == 8 and row["status"] == "new"
    assert row["sources"][0]["evidence"] == "It runs eight episodes."
    shown = monitor(folder, "facts", "show", str(row["id"]))
    assert shown.returncode == 0 and "It runs eight episodes." in shown.stdout
    assert monitor(folder, "facts", "reject", str(row["id"])).returncode == 0
    assert json.loads(monitor(folder, "facts", "--json").stdout)[0]["status"] == "rejected"
    assert monitor(folder, "facts", "confirm", str(row["id"])).returncode == 0
    assert json.loads(monitor(folder, "facts", "--json").stdout)[0]["status"] == "confirmed"
    missing = monitor(folder, "facts", "show", "999")
    assert missing.returncode == 2 and "no fact 999" in missing.stderr


def test_corrupt_store_exits_1_and_is_left_alone(store_with_facts: Path) -> None:
    db = store_with_facts / "monitor.db"
    for extra in ("monitor.db-wal", "monitor.db-shm"):
        (store_with_facts / extra).unlink(missing_ok=True)
    db.write_bytes(b"garbage" * 1000)
    done = monitor(store_with_facts, "facts")
    assert done.returncode == 1 and "cannot open the store" in done.stderr
    assert db.read_bytes() == b"garbage" * 1000


def test_extract_from_a_url(tmp_path: Path) -> None:
    from monitor.loopback import LoopbackServer

    with LoopbackServer() as server:
        server.add("/story.html", ARTICLE)
        done = monitor(tmp_path, "extract", server.url("/story.html"), "--json")
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        assert result["url"] == server.url("/story.html")
        assert any(f.get("person") == "Agnes O'Casey" for f in result["facts"])
        assert "monitor/" in server.requests[-1].headers["user-agent"]
        missing = monitor(tmp_path, "extract", server.url("/gone.html"))
        assert missing.returncode == 1 and "404" in missing.stderr
