"""``monitor serve``: the long-running service, and the only :mod:`apscheduler` user (3.x).

One interval job per source (its ``every``, with a little jitter, first run soon
after start) and one cron job for the digest (``digest.schedule`` in
``digest.timezone``). A source's polls never overlap (``max_instances=1``,
``coalesce=True``); different sources run in a small thread pool. Each job opens
the store and takes its lock itself; when another process holds it, the job is
skipped with a log line. SIGTERM or SIGINT stops scheduling, lets running jobs
finish, and returns 0.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.config import Config
from monitor.digest import publish
from monitor.exceptions import ConfigError, LockedError, MonitorError
from monitor.models import Source
from monitor.poll import poll
from monitor.schedule import crontab_trigger

log = logging.getLogger(__name__)

WORKERS = 4  # polls of different sources that may run at once
LOCK_WAIT = 60.0  # seconds a job waits for the store lock before skipping
FIRST_RUN_WITHIN = 5.0  # seconds: the first poll of each source starts this soon
DIGEST_GRACE = 6 * 3600  # a digest missed (asleep, busy) still runs this late
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"  # journald adds the time


def jitter(every: timedelta) -> float:
    """Seconds of random spread per poll: 10% of the interval, at most 30 s."""
    return min(30.0, every.total_seconds() / 10)


def poll_job(config: Config, name: str, lock_timeout: float = LOCK_WAIT) -> None:
    """Poll one source; the poller logs the one line per poll. Never raises."""
    try:
        poll(config, names=[name], lock_timeout=lock_timeout)
    except LockedError as e:
        log.warning("%s: poll skipped: %s", name, e)
    except MonitorError as e:
        log.error("%s: poll failed: %s", name, e)
    except Exception:
        log.exception("%s: poll failed unexpectedly", name)


def digest_job(config: Config, lock_timeout: float = LOCK_WAIT) -> None:
    """Publish a digest (file, mail, feed, calendar). Never raises."""
    try:
        report = publish(config, lock_timeout=lock_timeout)
    except LockedError as e:
        log.warning("digest skipped: %s", e)
    except MonitorError as e:
        log.error("digest failed: %s", e)
    except Exception:
        log.exception("digest failed unexpectedly")
    else:
        written = f"wrote {report.path}" if report.path else "nothing new to write"
        log.info("digest: %s, %d mailed", written, report.sent)


def _add_poll(
    scheduler: BackgroundScheduler, config: Config, source: Source, now: datetime
) -> None:
    spread = jitter(source.every)
    scheduler.add_job(
        poll_job,
        IntervalTrigger(seconds=source.every.total_seconds(), jitter=spread or None, timezone=UTC),
        args=(config, source.name),
        id=f"poll:{source.name}",
        name=f"poll {source.name}",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=max(1, int(source.every.total_seconds())),
        next_run_time=now + timedelta(seconds=random.uniform(0, min(spread, FIRST_RUN_WITHIN))),
    )


def build_scheduler(config: Config, now: datetime | None = None) -> BackgroundScheduler:
    """A scheduler (not started) with a poll job per source and the digest job."""
    try:
        cron = crontab_trigger(config.digest.schedule, config.digest.timezone)
    except ValueError as e:
        raise ConfigError([f"digest.schedule: {config.digest.schedule!r}: {e}"]) from e
    scheduler = BackgroundScheduler(
        executors={
            "default": ThreadPoolExecutor(max(1, min(WORKERS, len(config.sources)))),
            "digest": ThreadPoolExecutor(1),
        },
        timezone=UTC,
    )
    start = now or datetime.now(UTC)
    for source in config.sources:
        _add_poll(scheduler, config, source, start)
    scheduler.add_job(
        digest_job,
        cron,
        args=(config,),
        id="digest",
        name="digest",
        executor="digest",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=DIGEST_GRACE,
    )
    return scheduler


def serve(config: Config, *, stop_after: float | None = None) -> int:
    """Poll and digest on schedule until SIGTERM/SIGINT (or ``stop_after`` seconds); exit code."""
    scheduler = build_scheduler(config)
    stop = threading.Event()
    with _service_logging(), _stop_on_signals(stop):
        scheduler.start()
        log.info(
            "serving %d sources; digest on %r (%s)",
            len(config.sources),
            config.digest.schedule,
            config.digest.timezone,
        )
        stop.wait(stop_after)
        log.info("stopping: letting running jobs finish")
        scheduler.shutdown(wait=True)
    log.info("stopped")
    return 0


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` (main thread only); old handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    previous: dict[signal.Signals, Callable[[int, FrameType | None], Any] | int | None] = {}
    for name in (signal.SIGTERM, signal.SIGINT):
        previous[name] = signal.signal(name, handler)
    try:
        yield
    finally:
        for name, old in previous.items():
            signal.signal(name, old)


@contextmanager
def _service_logging() -> Iterator[None]:
    """One line per poll on stderr by default; quieter only when asked (--quiet)."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    ours = logging.getLogger("monitor")
    before = ours.level
    if ours.getEffectiveLevel() == logging.WARNING:
        ours.setLevel(logging.INFO)
    try:
        yield
    finally:
        ours.setLevel(before)
