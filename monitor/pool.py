"""Parsing and extraction on every core: an ``Examiner`` inline or in a process pool.

A poll's CPU work (parse a body, fingerprint and judge its documents, extract the
facts of the new relevant ones) is pure, so it can run in other processes while the
main one fetches and stores. ``Work`` runs it inline until a cycle has had
``threshold`` bodies to parse, then starts a pool of spawned workers (a spawned
worker does not inherit the event loop, threads or the open store) and sends the
rest there with ``loop.run_in_executor``. A worker watches its parent and exits when
the parent dies, even by SIGKILL. A pool that breaks (a worker killed) is replaced
and the job tried once more; a job that breaks a second pool is that source's error.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any

from monitor.exceptions import SourceError
from monitor.models import Topic

log = logging.getLogger(__name__)

# Bodies in a cycle before a pool pays for itself: a spawned worker costs ~0.45 s CPU to
# start (imports), a feed body ~15 ms to read inline; two workers pay off past ~30-60.
THRESHOLD = 32
BODY_JOBS = frozenset({"feed", "listing", "articles"})


class Work:
    """Runs ``Examiner`` methods inline, or in a pool of ``workers`` processes once
    ``threshold`` bodies came in; ``workers=0`` never starts one. Close it after use."""

    def __init__(self, topic: Topic, *, workers: int = 2, threshold: int = THRESHOLD) -> None:
        self.topic = topic
        self.workers = workers
        self.threshold = threshold
        self.bodies = 0
        self._inline: Any = None
        self._pool: ProcessPoolExecutor | None = None
        self.started = 0  # pools started, for tests and logs

    async def run(self, job: str, *args: Any) -> Any:
        """``Examiner.<job>(*args)``, in the pool when there is one."""
        if job in BODY_JOBS:
            self.bodies += 1
        pool = self._pool_for_job()
        if pool is None:
            return getattr(self._examiner(), job)(*args)
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            try:
                return await loop.run_in_executor(pool, _call, job, args)
            except BrokenProcessPool as e:
                log.warning("a worker process died during %s (attempt %d)", job, attempt)
                if self._pool is pool:
                    self._drop(pool)
                if attempt == 2:
                    raise SourceError("the parser process died on this source") from e
                pool = self._pool_for_job() or self._start()
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Stop the pool's workers (waits for them)."""
        if self._pool is not None:
            self._drop(self._pool)

    def _examiner(self) -> Any:
        if self._inline is None:
            from monitor.examine import Examiner  # the parsers, only when needed

            self._inline = Examiner(self.topic)
        return self._inline

    def _pool_for_job(self) -> ProcessPoolExecutor | None:
        if self._pool is None and self.workers > 0 and self.bodies >= self.threshold:
            return self._start()
        return self._pool

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_init, initargs=(self.topic,)
        )
        self.started += 1
        log.debug("started %d worker processes", self.workers)
        return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        self._pool = None
        pool.shutdown(wait=True, cancel_futures=True)


# -- in the worker -----------------------------------------------------------------

_EXAMINER: Any = None


def _init(topic: Topic) -> None:
    """Worker start: build the examiner, and leave when the parent process is gone."""
    global _EXAMINER
    from monitor.examine import Examiner

    _EXAMINER = Examiner(topic)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    """Exit at once when the parent dies (its end of the sentinel pipe closes)."""
    wait([sentinel])
    os._exit(0)


def _call(job: str, args: tuple[Any, ...]) -> Any:
    return getattr(_EXAMINER, job)(*args)
