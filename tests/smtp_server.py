"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd), keeping what arrives."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    """A port nobody listens on right now (Controller cannot take port 0)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@dataclass
class Inbox:
    """An aiosmtpd handler keeping what arrives."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def parsed(self, index: int = 0) -> EmailMessage:
        message = message_from_bytes(self.messages[index][2], policy=policy.default)
        assert isinstance(message, EmailMessage)
        return message


@dataclass
class Logins:
    """An aiosmtpd authenticator that accepts one user and remembers attempts."""

    user: bytes = b"monitor"
    password: bytes = b"s3cret"
    attempts: list[tuple[bytes, bytes]] = field(default_factory=list)

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        assert isinstance(data, LoginPassword)
        self.attempts.append((data.login, data.password))
        ok = (data.login, data.password) == (self.user, self.password)
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    inbox: Inbox
    logins: Logins
    port: int
