"""Sending a digest by email: the only :mod:`smtplib` user.

One multipart/alternative message (text, then HTML), UTF-8. Every failure
becomes a :class:`NotifyError` in plain words; the digest file is already
written and its changes stay unsent for the next run.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from monitor.config import MailOptions
from monitor.exceptions import NotifyError

TIMEOUT = 30.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def header_text(value: str) -> str:
    """A header value on one line: CR, LF and other control characters become spaces."""
    return " ".join(_CONTROL.sub(" ", value).split())


def build(
    options: MailOptions,
    *,
    subject: str,
    text: str,
    html: str,
    created_at: datetime,
    message_id: str,
) -> EmailMessage:
    """The message: text/plain and text/html alternatives with the monitor's headers."""
    message = EmailMessage()
    message["From"] = header_text(options.sender)
    message["To"] = ", ".join(header_text(r) for r in options.recipients)
    message["Subject"] = header_text(subject) or "monitor digest"
    message["Date"] = format_datetime(created_at)
    mid = header_text(message_id).strip("<>")
    message["Message-ID"] = f"<{mid}>"
    domain = options.sender.rpartition("@")[2] or "localhost"
    message["List-Id"] = f"monitor digests <monitor.{header_text(domain)}>"
    message["X-Mailer"] = "monitor"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message


def send(
    options: MailOptions,
    *,
    subject: str,
    text: str,
    html: str,
    created_at: datetime,
    message_id: str,
) -> None:
    """Deliver one digest to ``options.recipients``; raise NotifyError when it cannot."""
    password = _password(options)
    try:
        message = build(
            options,
            subject=subject,
            text=text,
            html=html,
            created_at=created_at,
            message_id=message_id,
        )
    except (ValueError, TypeError) as e:
        raise NotifyError(f"cannot build the digest email: {e}") from e
    try:
        with _connect(options) as smtp:
            if options.user:
                smtp.login(options.user, password or "")
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as e:
        raise NotifyError(_words(options, e)) from e


def _password(options: MailOptions) -> str | None:
    password = options.password()
    if options.user and password is None:
        if not options.password_env:
            raise NotifyError("mail.password_env: name the environment variable with the password")
        raise NotifyError(
            f"mail.password_env: environment variable {options.password_env} is not set"
        )
    return password


def _connect(options: MailOptions) -> smtplib.SMTP:
    """An open, greeted connection; STARTTLS done when the config asks for it."""
    if options.security == "tls":
        context = ssl.create_default_context()
        return smtplib.SMTP_SSL(options.host, options.port, timeout=TIMEOUT, context=context)
    smtp = smtplib.SMTP(options.host, options.port, timeout=TIMEOUT)
    try:
        if options.security == "starttls":
            smtp.ehlo()
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
    except BaseException:
        smtp.close()
        raise
    return smtp


def _words(options: MailOptions, error: BaseException) -> str:
    """What went wrong, in words a user can act on."""
    server = f"mail server {options.host}:{options.port}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"{server} rejected the login for {options.user} ({_reply(error)})"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        feature = "STARTTLS" if "STARTTLS" in str(error) else "login (SMTP AUTH)"
        return f"{server} does not offer {feature}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"{server} refused the recipients: {', '.join(error.recipients)}"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"{server} refused the sender {options.sender} ({_reply(error)})"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{server} said no: {_reply(error)}"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return f"{server} closed the connection"
    if isinstance(error, ConnectionRefusedError):
        return f"{server} refused the connection"
    if isinstance(error, TimeoutError):
        return f"{server} did not answer within {TIMEOUT:g} s"
    if isinstance(error, socket.gaierror):
        return f"cannot find mail server {options.host} ({error.strerror})"
    if isinstance(error, ssl.SSLError):
        return f"TLS with {server} failed ({error.reason or error})"
    if isinstance(error, OSError):
        return f"cannot reach {server} ({error.strerror or error})"
    return f"{server}: {error}"


def _reply(error: smtplib.SMTPResponseException) -> str:
    message = error.smtp_error
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{error.smtp_code} {header_text(text)}"
