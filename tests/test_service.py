"""``monitor serve``: the scheduler's jobs, its jobs' error handling, and SIGTERM in a subprocess."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor import config as config_module
from monitor import schedule, service
from monitor.config import Config
from monitor.exceptions import ConfigError
from monitor.lock import held, store_lock
from monitor.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parents[1]

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Orbit Trade Wire</title><link>http://example.invalid/</link>
<description>Television business news</description>
<item>
<title>Star City sets its launch: eight episodes from 29 May</title>
<link>http://example.invalid/star-city-launch</link>
<guid>orbit-1</guid>
<pubDate>Thu, 26 Feb 2026 15:00:00 GMT</pubDate>
<description>Apple TV gave the For All Mankind spinoff Star City a date on Thursday.
The eight-episode drama opens on Friday, May 29, 2026, with two episodes, and
then runs weekly until its finale on July 10, 2026.</description>
</item>
<item>
<title>Cosmonaut drama adds a face</title>
<link>http://example.invalid/star-city-cast</link>
<guid>orbit-2</guid>
<pubDate>Fri, 14 Feb 2025 10:00:00 GMT</pubDate>
<description>Agnes O'Casey has joined the cast of Star City, the Apple TV spinoff of
For All Mankind, as Irina.</description>
</item>
</channel></rss>
"""

CONFIG = """
topic:
  name: Star City
  aliases: ["Star City"]
  context: ["Apple TV", "For All Mankind", "cosmonaut"]
  exclude: ["Arrow", "casino"]
  known_facts:
    - {{kind: episode_count, value: 10}}
sources:
  - name: Orbit Wire
    url: "{base}/orbit/feed.xml"
    every: 1s
    allow_private: true
  - name: Launch Pad
    url: "{base}/pad/feed.xml"
    every: 1s
    allow_private: true
storage: monitor.db
digests: digests
digest:
  schedule: "{schedule}"
"""


def write_config(tmp_path: Path, server: LoopbackServer, schedule: str = "* * * * *") -> Path:
    for route in ("/orbit/feed.xml", "/pad/feed.xml"):
        server.add(route, FEED, content_type="application/rss+xml")
    path = tmp_path / "sources.yaml"
    path.write_text(CONFIG.format(base=server.base_url, schedule=schedule), encoding="utf-8")
    return path


def polls_of(server: LoopbackServer, route: str) -> int:
    return sum(r.route == route for r in list(server.requests))


def wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        result: str = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return result


def test_the_scheduler_has_one_guarded_job_per_source_and_a_digest_job(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config = config_module.load(write_config(tmp_path, server, "0 7 * * 1"))
    jobs = {job.id: job for job in service.build_scheduler(config).get_jobs()}
    assert set(jobs) == {"poll:Orbit Wire", "poll:Launch Pad", "digest"}
    for job in jobs.values():
        assert job.max_instances == 1 and job.coalesce is True
    assert jobs["poll:Orbit Wire"].trigger.interval == timedelta(seconds=1)
    monday = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    assert jobs["digest"].trigger.get_next_fire_time(None, monday - timedelta(days=1)) == monday
    assert service.jitter(timedelta(minutes=30)) == 30.0
    assert service.jitter(timedelta(minutes=2)) == 12.0


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("*", "*"),
        ("0", "sun"),
        ("7", "sun"),
        ("1-5", "mon,tue,wed,thu,fri"),
        ("5-7", "sun,fri,sat"),
        ("*/2", "sun,tue,thu,sat"),
        ("1/3", "mon,thu"),
        ("sat,sun", "sun,sat"),
        ("mon-wed", "mon,tue,wed"),
    ],
)
def test_crontab_weekdays_keep_crontabs_meaning(field: str, names: str) -> None:
    assert schedule.crontab_weekdays(field) == names


@pytest.mark.parametrize("field", ["8", "5-1", "*/0", "funday", "1/x"])
def test_crontab_weekdays_reject_nonsense(field: str) -> None:
    with pytest.raises(ValueError):
        schedule.crontab_weekdays(field)


def test_a_schedule_apscheduler_rejects_is_a_config_error(
    tmp_path: Path, server: LoopbackServer
) -> None:
    with pytest.raises(ConfigError, match=r"^digest\.schedule: '61 \* \* \* \*'"):
        config_module.load(write_config(tmp_path, server, "61 * * * *"))


def test_jobs_skip_with_a_log_line_when_another_process_holds_the_store(
    tmp_path: Path, server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_module.load(write_config(tmp_path, server))
    caplog.set_level(logging.INFO, logger="monitor")
    source = next(s for s in config.sources if s.name == "Orbit Wire")
    with store_lock(config), held(config, source.url, 0):
        service.poll_job(config, "Orbit Wire", lock_timeout=0.1)
        service.digest_job(config, lock_timeout=0.1)
    assert "Orbit Wire: skipped, another monitor process is polling it" in caplog.text
    assert "digest skipped: another monitor process holds" in caplog.text
    assert polls_of(server, "/orbit/feed.xml") == 0


def test_jobs_poll_then_write_a_digest(
    tmp_path: Path, server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_module.load(write_config(tmp_path, server))
    caplog.set_level(logging.INFO, logger="monitor")
    service.poll_job(config, "Orbit Wire")
    service.digest_job(config)
    assert polls_of(server, "/orbit/feed.xml") == 1
    assert polls_of(server, "/pad/feed.xml") == 0
    written = list(config.digests.glob("*.md"))
    assert len(written) == 1
    assert "digest: wrote " in caplog.text
    assert integrity(config.storage) == "ok"


def test_serve_in_process_polls_every_source_until_stop_after(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config: Config = config_module.load(write_config(tmp_path, server, "0 7 * * *"))
    handler = signal.getsignal(signal.SIGTERM)
    assert service.serve(config, stop_after=2.5) == 0
    assert signal.getsignal(signal.SIGTERM) is handler
    assert polls_of(server, "/orbit/feed.xml") >= 2
    assert polls_of(server, "/pad/feed.xml") >= 2
    assert integrity(config.storage) == "ok"


def test_serve_stops_cleanly_on_sigterm(tmp_path: Path, server: LoopbackServer) -> None:
    path = write_config(tmp_path, server)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "monitor", "--config", str(path), "serve"]
    with subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            polled = wait_for(lambda: polls_of(server, "/orbit/feed.xml") >= 2, timeout=15)
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=15)
            assert out == ""  # the service prints nothing; logs go to stderr
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert polled, err
    assert process.returncode == 0, err
    assert "INFO monitor.poll: Orbit Wire: ok, " in err
    assert "new facts" in err and "Traceback" not in err
    assert integrity(tmp_path / "monitor.db") == "ok"
