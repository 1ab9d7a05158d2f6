"""Digests by mail: sent once, never lost, nothing sent when nothing changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from builders import NOW, make_config, store_news
from smtp_server import SmtpServer, free_port

from monitor.config import Config, MailOptions
from monitor.digest import publish
from monitor.exceptions import NotifyError
from monitor.store import Store


def with_mail(config: Config, port: int) -> Config:
    options = MailOptions("127.0.0.1", port, "monitor@example.org", ("fan@example.org",), "none")
    return replace(config, mail=options)


def test_each_digest_is_mailed_once(tmp_path: Path, smtp: SmtpServer) -> None:
    config = with_mail(make_config(tmp_path), smtp.port)
    store_news(config)
    report = publish(config, now=NOW)
    assert report.sent == 1 and report.path is not None
    message = smtp.inbox.parsed()
    assert message["Subject"] == "Star City: episode count 10 → 8"
    text = message.get_body(("plain",))
    assert text is not None and "Episode count: 10 → 8" in text.get_content()
    assert publish(config, now=NOW + timedelta(hours=1)).sent == 0
    assert publish(config, now=NOW + timedelta(hours=2), always=True).sent == 0  # empty: no mail
    assert len(smtp.inbox.messages) == 1


def test_a_failed_send_is_kept_for_the_next_run(tmp_path: Path, smtp: SmtpServer) -> None:
    config = with_mail(make_config(tmp_path), free_port())  # nobody listens there
    store_news(config)
    with pytest.raises(NotifyError, match="refused"):
        publish(config, now=NOW)
    [written] = sorted(config.digests.glob("*.md"))  # the file is written all the same
    assert "10 → 8" in written.read_text()
    config = with_mail(config, smtp.port)
    report = publish(config, now=NOW + timedelta(hours=1))
    assert report.path is None and report.sent == 1  # the old digest, not a new one
    assert "Episode count: 10 → 8" in smtp.inbox.parsed().get_body(("plain",)).get_content()
    assert publish(config, now=NOW + timedelta(hours=2)).sent == 0


def test_crash_between_accept_and_mark_resends_once(tmp_path: Path, smtp: SmtpServer) -> None:
    config = with_mail(make_config(tmp_path), smtp.port)
    store_news(config)
    publish(config, now=NOW)
    with Store(config.storage) as store:
        [row] = store.digests()
        store.set_mail_state(row.id, "sending")  # as if the process died after the accept
    assert publish(config, now=NOW + timedelta(hours=1)).sent == 1
    assert publish(config, now=NOW + timedelta(hours=2)).sent == 0
    first, second = smtp.inbox.parsed(0), smtp.inbox.parsed(1)
    assert first["Message-ID"] == second["Message-ID"]  # clients can drop the duplicate
