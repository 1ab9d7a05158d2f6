"""Shared fixtures: a real HTTP server on 127.0.0.1 (see monitor/loopback.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from monitor.loopback import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server, stopped (sockets closed) after the test."""
    with LoopbackServer() as srv:
        yield srv
