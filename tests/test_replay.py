"""Replay the news from the announcement to the finale; the digests must tell it right.

The baseline is the seed article's claims (10 episodes, late 2026, its cast).
After each step of the built-in timeline the monitor polls a loopback server
and writes a digest, as a daily cron job would.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime, time
from pathlib import Path

import feedparser
import pytest

from monitor.config import load
from monitor.demo.timeline import Timeline
from monitor.digest import publish
from monitor.loopback import LoopbackServer
from monitor.poll import poll


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(step date, digest text or "") for every step of the timeline."""
    folder = tmp_path_factory.mktemp("replay")
    timeline = Timeline.load()
    told: list[tuple[str, str]] = []
    with LoopbackServer() as server:
        (folder / "sources.yaml").write_text(timeline.config_text(server.base_url))
        config = load(folder / "sources.yaml")
        for index, step in enumerate(timeline.steps):
            timeline.publish(server, index)
            now = datetime.combine(step.date, time(23), UTC)
            poll(config, now=now)
            report = publish(config, now=now)
            told.append((step.date.isoformat(), report.path.read_text() if report.path else ""))
    return told


def first_step(replay: list[tuple[str, str]], pattern: str) -> str:
    """The date of the first digest that matches, or "never"."""
    return next((when for when, text in replay if re.search(pattern, text)), "never")


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_new_cast_members_are_reported_with_roles(replay: list[tuple[str, str]]) -> None:
    texts = [(w, plain(t)) for w, t in replay]
    assert first_step(texts, r"Agnes O'Casey\*\* as Irina|Agnes O'Casey as Irina") < "2026-03-12"
    assert first_step(texts, r"Josef Davies.{0,10} as Sergei") != "never"
    assert first_step(texts, r"Ruby Ashbourne Serkis.{0,10} as Tanya") != "never"


def test_the_story_is_told_in_order(replay: list[tuple[str, str]]) -> None:
    texts = [(w, plain(t)) for w, t in replay]
    count = first_step(texts, r"Episode count: 10 → 8")
    premiere = first_step(texts, r"Premiere: late 2026 → 29 May 2026")
    finale = first_step(texts, r"Finale: 10 July 2026")
    assert count == premiere == finale == "2026-02-26"
    assert first_step(texts, r"role Lyudmilla → Lyudmilla Raskova") == "2026-03-11"
    assert first_step(texts, r"Trailer released 23 April 2026") == "2026-04-23"
    assert first_step(texts, r"Mankind Fans is failing") == "2026-02-26"
    assert first_step(texts, r"Mankind Fans is working again") == "2026-04-23"


def test_each_change_is_told_once(replay: list[tuple[str, str]]) -> None:
    everything = "\n".join(plain(t) for _, t in replay)
    assert everything.count("Episode count: 10 → 8") == 1
    assert everything.count("Mankind Fans is failing") == 1
    assert len(re.findall(r"^- \*\*Agnes O'Casey", everything, re.M)) == 1


def test_nothing_from_other_shows_or_other_star_citys(replay: list[tuple[str, str]]) -> None:
    everything = plain("\n".join(t for _, t in replay))
    for wrong in (
        "Oliver Queen",
        "casino",
        "Star City Games",
        "Roanoke",
        "season 2 renewed",
        "Renewal:",
        "Episode count: 8 → 10",
        "Finale: 29 May",
    ):
        assert wrong not in everything, wrong


def test_demo_command_writes_digests_feed_and_calendar(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "The digest that changed the most" in done.stdout and str(out) in done.stdout
    assert "Episode count: 10 → 8" in done.stdout.split("changed the most")[1]
    digests = sorted((out / "digests").glob("*.md"))
    assert len(digests) >= 8
    feed = feedparser.parse((out / "digests" / "feed.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) == len(digests)
    calendar = (out / "digests" / "dates.ics").read_text()
    assert "20260529" in calendar and "20260710" in calendar
