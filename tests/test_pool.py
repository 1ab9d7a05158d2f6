"""The process pool: same results as the serial path, isolated failures, no stray workers."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor import pool
from monitor.config import Config
from monitor.loopback import LoopbackServer
from monitor.models import Source, Topic
from monitor.poll import poll
from monitor.pool import Work
from monitor.store import Store

TOPIC = Topic(
    "Star City",
    ("Star City",),
    context=("Apple TV", "For All Mankind", "Nedivi", "Wolpert"),
    exclude=("Arrow", "casino"),
)
ROLES = ["Irina", "Lyudmilla", "the Chief Designer", "a flight controller", "Sergei", "Anya"]
PEOPLE = ["Agnes O'Casey", "Anna Maxwell Martin", "Rhys Ifans", "Ava Tull", "Pel Rowe", "Io Vance"]


def feed(n: int) -> bytes:
    """Feed ``n``: a casting story about the show, another about Arrow, and filler."""
    person, role = PEOPLE[n % len(PEOPLE)], ROLES[n % len(ROLES)]
    stories = [
        (f"Star City casts {person}", f"{person} joins the cast of Star City, the Apple TV "
         f"spinoff of For All Mankind, as {role}. Filming starts in week {n}."),
        ("Arrow rewatch", f"Oliver Queen walks Star City again in Arrow, episode {n}."),
        (f"Ratings week {n}", f"Quiet Frequencies climbed for the {n}th week in a row."),
    ]  # fmt: skip
    items = "".join(
        f"<item><title>{title}</title><link>https://tv.example/{n}/{i}</link>"
        f"<description>{text}</description></item>"
        for i, (title, text) in enumerate(stories)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(lifetime=60) as srv:
        for n in range(10):
            srv.add(f"/feed/{n}", feed(n), content_type="application/rss+xml")
        srv.add("/broken", b"<html><body>not a feed</body></html>", content_type="text/html")
        yield srv


def config(folder: Path, server: LoopbackServer) -> Config:
    sources = [Source(f"feed {n}", server.url(f"/feed/{n}")) for n in range(10)]
    sources.append(Source("broken", server.url("/broken")))
    return Config(folder / "sources.yaml", TOPIC, tuple(sources), folder / "m.db", folder / "d")


def stored(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        documents = db.execute(
            "SELECT url, fingerprint, source, title, relevant, score, reason FROM document "
            "ORDER BY url"
        ).fetchall()
        sightings = db.execute(
            "SELECT f.key, f.value_key, s.source, s.url, s.evidence FROM sighting s "
            "JOIN fact f ON f.id = s.fact_id ORDER BY s.url, f.key"
        ).fetchall()
    db.close()
    return documents, sightings


def test_pool_and_serial_paths_store_the_same(
    tmp_path: Path,
    server: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(pool, "THRESHOLD", 2)  # most bodies go to the workers
    results = {}
    for workers in (0, 2):
        folder = tmp_path / str(workers)
        with caplog.at_level(logging.DEBUG, logger="monitor.pool"):
            caplog.clear()
            polled = poll(config(folder, server), workers=workers)
            started = "started 2 worker processes" in caplog.text
        assert started == (workers == 2)
        errors = {r.source: r.error for r in polled if r.error}
        assert errors == {"broken": "not a feed: HTML page"}  # isolated, in plain words
        results[workers] = stored(folder / "m.db")
    documents, sightings = results[0]
    assert len(documents) == 30 and sum(d[4] for d in documents) == 10
    assert len(sightings) >= 10
    assert results[2] == results[0]


def test_no_pool_for_a_handful_of_sources(
    tmp_path: Path, server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    cfg = config(tmp_path, server)
    few = Config(cfg.path, TOPIC, cfg.sources[:3], cfg.storage, cfg.digests)
    with caplog.at_level(logging.DEBUG, logger="monitor.pool"):
        results = poll(few, workers=2)
    assert [r.new_documents for r in results] == [3, 3, 3]
    assert "worker processes" not in caplog.text


def test_results_keep_no_bodies_texts_or_irrelevant_documents(
    tmp_path: Path, server: LoopbackServer
) -> None:
    cfg = config(tmp_path, server)
    result = poll(cfg, names=["feed 1"])[0]
    assert result.new_documents == 3 and result.fetches[0].status == 200
    assert result.fetches[0].body == b"" and {d.document.text for d in result.documents} == {""}
    assert [d.relevance.relevant for d in result.documents] == [True]
    assert result.irrelevant_dropped == 2
    with Store(cfg.storage) as store:  # the dropped ones were stored all the same
        assert len(store.known_documents([f"https://tv.example/1/{i}" for i in range(3)], ())) == 3


def test_a_killed_worker_is_replaced() -> None:
    async def run(work: Work) -> list[list[str]]:
        first = await work.run("listing", b"<a href='/a'>a</a>", "https://x.test/", "a")
        assert work._pool is not None
        for pid in list(work._pool._processes or {}):
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.2)
        second = await work.run("listing", b"<a href='/b'>b</a>", "https://x.test/", "a")
        return [first, second]

    work = Work(TOPIC, workers=1, threshold=0)
    try:
        assert asyncio.run(run(work)) == [["https://x.test/a"], ["https://x.test/b"]]
        assert work.started == 2
    finally:
        work.close()


CHILD = """
import asyncio, os, sys, time
from monitor.models import Topic
from monitor.pool import Work
if __name__ == "__main__":
    work = Work(Topic("Star City", ("Star City",)), workers=2, threshold=0)
    async def main():
        await asyncio.gather(*(work.run("extract", []) for _ in range(4)))
    asyncio.run(main())
    print(" ".join(str(p) for p in work._pool._processes), flush=True)
    time.sleep(60)
"""


def test_workers_leave_when_the_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=env)
    assert child.stdout is not None
    with child.stdout:
        pids = [int(p) for p in child.stdout.readline().split()]
    assert len(pids) == 2 and all(alive(p) for p in pids)
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(p) for p in pids)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status
