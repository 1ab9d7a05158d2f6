"""One writer at a time: ``monitor run`` from cron beside ``monitor serve``.

File locks beside the SQLite file (filelock: portable, released by the OS when
the process dies, so a killed run never leaves a stale lock behind): one per
source, so two processes never poll the same source at once while polls of
different sources overlap, and one for digests, so no digest is written twice.
SQLite itself serialises the short write transactions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from monitor.config import Config
from monitor.exceptions import LockedError


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


@contextmanager
def store_lock(config: Config, timeout: float = 10.0) -> Iterator[None]:
    """The digest lock (also taken by fact judgements)."""
    with held(config, "digest", timeout):
        yield
