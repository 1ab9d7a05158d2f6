"""One writer at a time: ``monitor run`` from cron beside ``monitor serve``.

File locks beside the SQLite file, released by the OS when the process dies (a
killed run never leaves a stale lock behind): one per source, so two processes
never poll the same source at once while polls of different sources overlap, and
one for digests, so no digest is written twice. SQLite itself serialises the short
write transactions.

On POSIX a lock is ``flock`` on an open file: three system calls, which matters at
a thousand sources a cycle (filelock takes ~0.5 ms a lock for its thread and fork
bookkeeping, half a second a cycle). Elsewhere filelock does the same portably.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from monitor.config import Config
from monitor.exceptions import LockedError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

POLL_INTERVAL = 0.05  # seconds between attempts while waiting for a lock


def lock_path(config: Config, what: str) -> Path:
    """monitor.db.lock for digests; monitor.db.locks/<hash>.lock per source."""
    if what == "digest":
        return config.storage.with_name(config.storage.name + ".lock")
    digest = hashlib.sha256(what.encode()).hexdigest()[:16]
    return config.storage.with_name(config.storage.name + ".locks") / f"{digest}.lock"


@contextmanager
def held(config: Config, what: str, timeout: float) -> Iterator[None]:
    """Hold a lock, waiting up to ``timeout`` seconds; LockedError when it stays taken."""
    path = lock_path(config, what)
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    hold = _flock if fcntl is not None else _filelock
    with hold(path, timeout):
        yield


@contextmanager
def store_lock(config: Config, timeout: float = 10.0) -> Iterator[None]:
    """The digest lock (also taken by fact judgements)."""
    with held(config, "digest", timeout):
        yield


def _taken(path: Path, timeout: float) -> LockedError:
    return LockedError(
        f"another monitor process holds {path} (waited {timeout:g} s); "
        "try again when it has finished"
    )


@contextmanager
def _flock(path: Path, timeout: float) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _taken(path, timeout) from None
                time.sleep(POLL_INTERVAL)
        yield  # closing the descriptor releases the lock
    finally:
        os.close(fd)


@contextmanager
def _filelock(path: Path, timeout: float) -> Iterator[None]:  # pragma: no cover - not POSIX
    from filelock import FileLock, Timeout

    lock = FileLock(path)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as e:
        raise _taken(path, timeout) from e
    try:
        yield
    finally:
        lock.release()
