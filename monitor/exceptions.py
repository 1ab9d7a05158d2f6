"""The one exception tree of the monitor.

::

    MonitorError
    ├── ConfigError      .problems ["sources[2].url: not an http(s) URL", …]  → exit 2
    ├── SourceError      .source; recorded, never stops the other sources
    │   ├── FetchError   .status; from httpx errors, size cap, timeouts
    │   └── ParseError   broken feed, selector matched nothing
    ├── StoreError       from sqlite3 errors → exit 1
    ├── LockedError      another run holds the store's lock → exit 1
    └── NotifyError      mail failed; the file is written, changes stay unsent

Messages are plain words a user can act on ("timed out after 30 s").
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base of every error the monitor raises on purpose."""


class ConfigError(MonitorError):
    """The config is wrong; ``problems`` names each problem by key path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class SourceError(MonitorError):
    """A source could not be polled; recorded in its health, the others go on."""

    def __init__(self, message: str, *, source: str = "") -> None:
        self.source = source
        super().__init__(message)


class FetchError(SourceError):
    """An HTTP fetch failed: network, status, size cap or deadline."""

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(message, source=source)


class ParseError(SourceError):
    """A body could not be read as what the source promised (feed, page)."""


class StoreError(MonitorError):
    """The SQLite store failed or is not ours (corrupt, newer version)."""


class LockedError(MonitorError):
    """Another monitor process holds the store's lock."""


class NotifyError(MonitorError):
    """A digest could not be delivered (mail); it stays unsent for the next run."""
