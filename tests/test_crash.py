"""Killed runs and broken machines: nothing lost, nothing told twice, clear errors.

``monitor run`` is killed with SIGKILL at many points of its poll and its digest
while the news grows step by step; a final clean run must leave a sound store and
digests that, together, tell every change of a reference run exactly once. Then
the failures a run cannot fix: digests folder unwritable or full, a corrupt or
newer database, no config: a clear error, the documented exit code, nothing
else changed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import pytest

from monitor.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parent.parent
CAST = [
    ("Mira Kolesnikova", "Vera Lunina"),
    ("Anton Belov", "Pavel Orlov"),
    ("Daria Sokolova", "Nina Morozova"),
    ("Ilya Fedorov", "Grigory Volkov"),
    ("Lena Markova", "Olga Zaitseva"),
    ("Boris Antonov", "Yuri Lebedev"),
    ("Katya Romanova", "Irina Popova"),
    ("Oleg Kuznetsov", "Sergei Vasiliev"),
    ("Sasha Egorova", "Tanya Pavlova"),
    ("Viktor Semenov", "Dmitri Golubev"),
    ("Alla Nikitina", "Zoya Frolova"),
    ("Roman Gusev", "Lev Kiselev"),
    ("Polina Orlova", "Rita Sorokina"),
    ("Gleb Titov", "Maxim Baranov"),
    ("Vera Kozlova", "Yana Belova"),
    ("Timur Zuev", "Arkady Komarov"),
    ("Inna Lapina", "Marina Osipova"),
    ("Fyodor Panin", "Nikolai Sharov"),
]
STEPS = len(CAST)
KILLS = 20  # SIGKILL points, spread over a run
DELAY = 0.15  # every response is slowed, so kills land in different stages

CONFIG = """\
topic: {{name: Star City, aliases: [Star City], context: [For All Mankind, Soviet]}}
sources:
  - {{name: Trade Wire, url: "{base}/wire.xml", kind: feed}}
  - {{name: Press Room, url: "{base}/press/", kind: page, links: a.story, body: article}}
storage: monitor.db
digests: digests
fetch: {{timeout: 5, retries: 0}}
"""


def sentence(person: str, role: str) -> str:
    return f"Star City, the For All Mankind spinoff, has cast {person} as {role}."


def publish_news(server: LoopbackServer, upto: int) -> None:
    """Steps 0..upto-1: even steps in the feed, odd steps as press-room articles."""
    items, links = [], []
    for n in range(upto):
        person, role = CAST[n]
        if n % 2 == 0:
            items.append(
                f"<item><title>Casting news {n}</title><link>https://wire.example/{n}</link>"
                f"<description>{sentence(person, role)}</description></item>"
            )
        else:
            path = f"/press/story-{n}.html"
            links.append(f'<a class="story" href="{path}">Story {n}</a>')
            server.add(
                path,
                f"<html><body><article><h1>Press note {n}</h1><p>{sentence(person, role)}</p>"
                "</article></body></html>",
                delay=DELAY,
            )
    feed = f'<rss version="2.0"><channel><title>Wire</title>{"".join(items)}</channel></rss>'
    server.add("/wire.xml", feed, content_type="application/rss+xml", delay=DELAY)
    listing = "".join(links) or '<a class="story" href="/press/none.html">soon</a>'
    server.add("/press/", f"<html><body>{listing}</body></html>", delay=DELAY)


def command(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "monitor", "--config", str(folder / "sources.yaml"), *args]


def environment() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("MONITOR_CONFIG", None)
    return env


def monitor(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(folder, *args),
        capture_output=True,
        text=True,
        timeout=60,
        env=environment(),
        check=False,
    )


def killed_after(folder: Path, seconds: float) -> None:
    """Start `monitor run`, SIGKILL it after ``seconds`` (if it is still running)."""
    with subprocess.Popen(
        command(folder, "run"),
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as process:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()


def headlines(folder: Path) -> Counter[str]:
    """Every change line of every digest written, counted."""
    found: Counter[str] = Counter()
    for path in sorted((folder / "digests").glob("*.md")):
        found.update(re.findall(r"^- \*\*(.+?)\*\*", path.read_text(), re.MULTILINE))
    return found


def new_site(folder: Path, server: LoopbackServer) -> Path:
    folder.mkdir()
    (folder / "sources.yaml").write_text(CONFIG.format(base=server.base_url))
    return folder


def crash_lane(folder: Path, server: LoopbackServer, kills: list[float]) -> Counter[str]:
    """Kill `monitor run` at each point while the news grows; finish with a clean run."""
    for n, seconds in enumerate(kills):
        publish_news(server, min(STEPS, (n + 1) * STEPS // len(kills)))
        killed_after(folder, seconds)
    publish_news(server, STEPS)
    final = monitor(folder, "run")
    assert final.returncode == 0, final.stderr
    assert_sound(folder)
    return headlines(folder)


def test_sigkill_at_many_points_loses_nothing_and_repeats_nothing(
    tmp_path: Path, server: LoopbackServer
) -> None:
    publish_news(server, STEPS)
    reference = new_site(tmp_path / "reference", server)
    started = time.monotonic()
    assert monitor(reference, "run").returncode == 0
    duration = time.monotonic() - started
    expected = headlines(reference)
    assert len(expected) >= STEPS // 2, expected  # the news is understood at all

    # KILLS points from 40% of a run (imports done) to a little past its end, in two lanes
    points = [duration * (0.4 + 0.7 * k / (KILLS - 1)) for k in range(KILLS)]
    with LoopbackServer() as other, ThreadPoolExecutor(2) as pool:
        lanes = [
            pool.submit(crash_lane, new_site(tmp_path / "lane-a", server), server, points[0::2]),
            pool.submit(crash_lane, new_site(tmp_path / "lane-b", other), other, points[1::2]),
        ]
        for lane in lanes:
            told = lane.result()
            assert [h for h, n in told.items() if n > 1] == []  # nothing told twice
            assert set(told) == set(expected)  # nothing lost, nothing invented


def assert_sound(folder: Path) -> None:
    """The store passes integrity_check; every written digest is whole, and only those exist."""
    db = sqlite3.connect(folder / "monitor.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT path, markdown FROM digest WHERE state = 'written'").fetchall()
        assert db.execute("SELECT COUNT(*) FROM digest WHERE state = 'pending'").fetchone()[0] == 0
    finally:
        db.close()
    digests = folder / "digests"
    assert sorted(Path(p).name for p, _ in rows) == sorted(p.name for p in digests.glob("*.md"))
    for path, markdown in rows:
        assert Path(path).read_text(encoding="utf-8") == markdown
    leftovers = [p.name for p in digests.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []
    feed = feedparser.parse(str((digests / "feed.atom").read_bytes(), "utf-8"))
    assert not feed.bozo and len(feed.entries) == len(rows)


KILLER = """
import os, signal, sys
from monitor import digest, store
from monitor.config import load

owner_name, when = sys.argv[2].split(":")
owner = {"begin_digest": store.Store, "commit_digest": store.Store}.get(owner_name, os)
real = getattr(owner, owner_name)

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def wrapper(*args, **kwargs):
    if when == "before":
        die()
    result = real(*args, **kwargs)
    die()
    return result

setattr(owner, owner_name, wrapper)
digest.publish(load(sys.argv[1]))
"""
DIGEST_POINTS = [
    "begin_digest:before",  # nothing journaled yet
    "begin_digest:after",  # journaled, no file
    "fsync:after",  # the temp file is whole, not yet linked
    "link:after",  # the digest file exists, its changes not marked told
    "commit_digest:after",  # told; feed and calendar not yet rewritten
    "replace:before",  # feed.atom's temp file written, not moved into place
    "replace:after",  # feed.atom replaced, dates.ics not yet
]


@pytest.mark.parametrize("point", DIGEST_POINTS)
def test_sigkill_at_each_step_of_a_digest(
    polled: Path, polled_template: tuple[Path, Counter[str]], point: str
) -> None:
    """Killed at a chosen step of `publish`, then run again: every change told exactly once."""
    folder, expected = polled, polled_template[1]
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(folder / "sources.yaml"), point],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = monitor(folder, "digest")
    assert again.returncode == 0, again.stderr
    told = headlines(folder)
    assert [h for h, n in told.items() if n > 1] == []
    assert set(told) == set(expected)
    assert_sound(folder)


# -- failures a run cannot repair -------------------------------------------------------


@pytest.fixture(scope="module")
def polled_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counter[str]]:
    """A site whose store holds news not yet told, and the changes its digest tells."""
    root = tmp_path_factory.mktemp("polled")
    with LoopbackServer() as server:
        publish_news(server, 6)
        folder = new_site(root / "site", server)
        assert monitor(folder, "poll").returncode == 0
    reference = root / "reference"
    shutil.copytree(folder, reference)
    assert monitor(reference, "digest").returncode == 0
    expected = headlines(reference)
    assert expected
    return folder, expected


@pytest.fixture
def polled(tmp_path: Path, polled_template: tuple[Path, Counter[str]]) -> Path:
    """A fresh copy of the polled site."""
    return Path(shutil.copytree(polled_template[0], tmp_path / "site"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Bytes of the store (checkpointed) and of every file under the folder."""
    db = sqlite3.connect(folder / "monitor.db")
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dump = "\n".join(db.iterdump()).encode()
    finally:
        db.close()
    files = {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith("monitor.db")
    }
    return {**files, "<store>": dump}


def retarget(folder: Path, digests: str) -> None:
    config = folder / "sources.yaml"
    text = re.sub(r"^digests: .*$", f"digests: {digests}", config.read_text(), flags=re.M)
    config.write_text(text)


def test_digests_folder_under_a_file_is_exit_1_and_keeps_the_news(polled: Path) -> None:
    (polled / "blocker").write_text("a file where a folder should be")
    retarget(polled, "blocker/digests")
    before = snapshot(polled)
    done = monitor(polled, "digest")
    assert done.returncode == 1
    assert "cannot write digests to" in done.stderr and "Not a directory" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(polled) == before
    retarget(polled, "digests")  # fixed: the news is told now
    assert monitor(polled, "digest").returncode == 0
    assert len(headlines(polled)) >= 1


@contextlib.contextmanager
def full_folder(path: Path) -> Iterator[bool]:
    """A tiny tmpfs at ``path``, filled up (True); False where mounting is not allowed."""
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        yield False
        return
    try:
        with contextlib.suppress(OSError), (path / "filler").open("wb") as f:
            while True:
                f.write(b"x" * 1024)
                f.flush()
        yield True
    finally:
        subprocess.run(["umount", str(path)], check=True)


def set_file_size_limit() -> None:  # pragma: no cover - runs in the child
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_full_digests_folder_is_exit_1_and_keeps_the_news(polled: Path) -> None:
    """ENOSPC from a full tmpfs where mount works; else EFBIG from a zero file-size limit."""
    with full_folder(polled / "full") as mounted:
        if mounted:
            retarget(polled, "full")
        before = snapshot(polled)
        done = subprocess.run(
            command(polled, "digest"),
            capture_output=True,
            text=True,
            timeout=60,
            env=environment(),
            check=False,
            preexec_fn=None if mounted else set_file_size_limit,
        )
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        if mounted:
            assert "cannot write the digest" in done.stderr
            assert "No space left on device" in done.stderr
            assert sorted(p.name for p in (polled / "full").iterdir()) == ["filler"]
        after = snapshot(polled)
    assert after == before
    retarget(polled, "digests")
    assert monitor(polled, "digest").returncode == 0
    assert len(headlines(polled)) >= 1


def test_corrupt_database_is_exit_1_and_left_alone(polled: Path) -> None:
    store = polled / "monitor.db"
    snapshot(polled)  # checkpointed: the file holds everything
    data = bytearray(store.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    store.write_bytes(bytes(data))
    shutil.rmtree(polled / "digests", ignore_errors=True)
    done = monitor(polled, "run")
    assert done.returncode == 1
    assert "monitor.db" in done.stderr and "Traceback" not in done.stderr
    assert store.read_bytes() == bytes(data)
    assert not (polled / "digests").exists()


def test_newer_database_is_exit_1_and_left_alone(polled: Path) -> None:
    db = sqlite3.connect(polled / "monitor.db")
    try:
        db.execute("PRAGMA user_version = 99")
    finally:
        db.close()
    before = snapshot(polled)
    done = monitor(polled, "run")
    assert done.returncode == 1
    assert "newer monitor" in done.stderr and "upgrade" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(polled) == before


@pytest.mark.parametrize("command_name", ["run", "poll", "digest", "sources", "serve"])
def test_missing_config_is_exit_2_and_creates_nothing(tmp_path: Path, command_name: str) -> None:
    done = monitor(tmp_path / "nowhere", command_name)
    assert done.returncode == 2
    assert "monitor init" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
