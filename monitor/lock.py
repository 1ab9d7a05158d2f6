"""One writer at a time per store: ``monitor run`` from cron and ``monitor serve``.

A file lock beside the SQLite file (filelock: portable, released by the OS when
the process dies, so a killed run never leaves a stale lock behind).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from monitor.config import Config
from monitor.exceptions import LockedError


@contextmanager
def store_lock(config: Config, timeout: float = 10.0) -> Iterator[None]:
    """Hold the store's lock, waiting up to ``timeout`` seconds for another run."""
    path = config.storage.with_name(config.storage.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as e:
        raise LockedError(
            f"another monitor process holds {path} (waited {timeout:g} s); "
            "try again when it has finished"
        ) from e
    try:
        yield
    finally:
        lock.release()
