"""Shared fixtures: a real HTTP server on 127.0.0.1 (see monitor/loopback.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from smtp_server import Inbox, Logins, SmtpServer, free_port

from monitor.loopback import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server, stopped (sockets closed) after the test."""
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    inbox, logins, port = Inbox(), Logins(), free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, auth_require_tls=False, authenticator=logins
    )
    controller.start()
    try:
        yield SmtpServer(inbox, logins, port)
    finally:
        controller.stop()
