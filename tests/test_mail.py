"""Mail against a real aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from smtp_server import SmtpServer, free_port

from monitor import mail
from monitor.config import MailOptions
from monitor.exceptions import NotifyError
from monitor.models import Change, ChangeKind, Digest, Fact, FactKind, Sighting
from monitor.render import html, plaintext, words

CREATED = datetime(2026, 2, 27, 7, 0, tzinfo=UTC)


def options(port: int, **overrides: Any) -> MailOptions:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "sender": "monitor@example.org",
        "recipients": ("reader@example.org", "second@example.net"),
        "security": "none",
    }
    return MailOptions(**{**values, **overrides})


def hostile_digest() -> Digest:
    fact = Fact(FactKind.CAST, person="Alice Englert", role="Anastasia <script>steal()</script>")
    seen = Sighting(
        fact,
        "Englert is cast as Anastasia [click](javascript:steal()) <img src=x onerror=steal()>",
        "javascript:steal()",
        "Fan Blog",
        datetime(2025, 2, 14, tzinfo=UTC),
    )
    return Digest("Star City", CREATED, (Change(ChangeKind.NEW, fact, sightings=(seen,)),))


def send_digest(opts: MailOptions, digest: Digest, subject: str | None = None) -> None:
    mail.send(
        opts,
        subject=subject if subject is not None else words.subject(digest),
        text=plaintext.render(digest),
        html=html.render(digest),
        created_at=digest.created_at,
        message_id="<digest-1.star-city@monitor>",
    )


def test_a_digest_arrives_as_text_and_html_alternatives(smtp: SmtpServer) -> None:
    send_digest(options(smtp.port), hostile_digest())
    sender, recipients, _ = smtp.inbox.messages[0]
    assert sender == "monitor@example.org"
    assert recipients == ["reader@example.org", "second@example.net"]
    message = smtp.inbox.parsed()
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Subject"] == "Star City: 1 new cast"
    assert message["Message-ID"] == "<digest-1.star-city@monitor>"
    assert parsedate_to_datetime(message["Date"]) == CREATED
    assert message["From"] == "monitor@example.org"
    assert message["To"] == "reader@example.org, second@example.net"
    assert message["X-Mailer"] == "monitor"
    assert message["List-Id"] == "monitor digests <monitor.example.org>"


def test_hostile_text_arrives_escaped_with_no_live_link(smtp: SmtpServer) -> None:
    send_digest(options(smtp.port), hostile_digest())
    text_part, html_part = smtp.inbox.parsed().iter_parts()
    body = html_part.get_content()
    assert "Anastasia &lt;script&gt;steal()&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=steal()&gt;" in body
    assert "<a " not in body and 'javascript:steal()"' not in body
    plain = text_part.get_content()
    assert "Alice Englert as Anastasia <script>steal()</script>" in plain
    assert "<javascript:" not in plain


def test_subject_cannot_inject_headers(smtp: SmtpServer) -> None:
    subject = "Star City: news\r\nBcc: victim@example.com\nX-Evil: 1"
    send_digest(options(smtp.port), hostile_digest(), subject)
    message = smtp.inbox.parsed()
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert message["Subject"] == "Star City: news Bcc: victim@example.com X-Evil: 1"
    assert smtp.inbox.messages[0][1] == ["reader@example.org", "second@example.net"]


def test_login_with_the_password_from_the_environment(
    smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_TEST_SMTP_PASSWORD", "s3cret")
    opts = options(smtp.port, user="monitor", password_env="MONITOR_TEST_SMTP_PASSWORD")
    send_digest(opts, hostile_digest())
    assert smtp.logins.attempts == [(b"monitor", b"s3cret")]
    assert len(smtp.inbox.messages) == 1


def test_a_refused_login_is_a_notify_error(
    smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_TEST_SMTP_PASSWORD", "wrong")
    opts = options(smtp.port, user="monitor", password_env="MONITOR_TEST_SMTP_PASSWORD")
    with pytest.raises(NotifyError, match=r"127\.0\.0\.1:\d+ rejected the login for monitor"):
        send_digest(opts, hostile_digest())
    assert smtp.inbox.messages == []


def test_a_missing_password_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONITOR_TEST_SMTP_PASSWORD", raising=False)
    opts = options(free_port(), user="monitor", password_env="MONITOR_TEST_SMTP_PASSWORD")
    with pytest.raises(NotifyError) as caught:
        send_digest(opts, hostile_digest())
    assert str(caught.value) == (
        "mail.password_env: environment variable MONITOR_TEST_SMTP_PASSWORD is not set"
    )


def test_a_server_that_is_down_is_a_notify_error() -> None:
    port = free_port()
    with pytest.raises(NotifyError) as caught:
        send_digest(options(port), hostile_digest())
    assert str(caught.value) == f"mail server 127.0.0.1:{port} refused the connection"
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)


def test_starttls_against_a_server_without_it_is_a_notify_error(smtp: SmtpServer) -> None:
    with pytest.raises(NotifyError, match=r"does not offer STARTTLS"):
        send_digest(options(smtp.port, security="starttls"), hostile_digest())
    assert smtp.inbox.messages == []
