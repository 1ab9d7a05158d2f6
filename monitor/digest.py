"""The second half of a run: gather what changed, write it, send it, mark it told.

A digest is journaled in the store before its file is written and marked
written after, so a failed write leaves its changes for the next run and a
crash between the two is completed (not repeated) by the next run. Mail is
sent after the file; a digest is marked sent only once the server accepted it
(a crash between accept and mark resends it once: at least once, never lost).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from monitor.config import Config
from monitor.diff import decide
from monitor.exceptions import MonitorError, NotifyError
from monitor.lock import store_lock
from monitor.models import Digest, HealthEvent, SourceHealth
from monitor.render import markdown, words
from monitor.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DigestReport:
    """What ``publish`` did: the file written (if any), its digest, mails sent."""

    path: Path | None
    digest: Digest | None
    sent: int = 0


def health_events(
    health: list[SourceHealth], told: dict[str, bool], names: set[str]
) -> tuple[list[HealthEvent], dict[str, bool]]:
    """Sources that started failing or recovered since the last digest (told once)."""
    events: list[HealthEvent] = []
    record: dict[str, bool] = {}
    for h in health:
        if h.source not in names:
            continue
        failing = h.last_error is not None
        if failing and not told.get(h.source):
            events.append(
                HealthEvent(
                    h.source, "gone" if h.gone else "failing", h.last_error or "", h.failing_since
                )
            )
        elif not failing and told.get(h.source):
            events.append(HealthEvent(h.source, "recovered", "", None))
        record[h.source] = failing
    return events, record


def gather(config: Config, store: Store, now: datetime) -> tuple[Digest, dict[str, object]]:
    """The digest of everything not yet told, and the record that marks it told."""
    outcome = decide(store.candidates(), store.reported())
    names = {s.name for s in config.sources}
    health = store.health()
    events, told = health_events(health, store.told_failing(), names)
    articles, sources = store.activity_since(store.last_digest_at())
    digest = Digest(
        topic=config.topic.name,
        created_at=now,
        changes=tuple(outcome.changes),
        health=tuple(events),
        articles=articles,
        sources=sources,
        failing=tuple(h for h in health if h.last_error and h.source in names),
    )
    return digest, {**outcome.record(), "health": told}


def publish(
    config: Config,
    *,
    now: datetime | None = None,
    always: bool | None = None,
    email: bool | None = None,
    lock_timeout: float = 30.0,
) -> DigestReport:
    """Write (and mail) a digest of what changed since the last one."""
    now = now or datetime.now(UTC)
    always = config.digest.always if always is None else always
    mail = config.mail is not None and (config.mail.send if email is None else email)
    if email and config.mail is None:
        raise NotifyError("--email needs a mail: section in the config (see the README)")
    with store_lock(config, lock_timeout), Store(config.storage) as store:
        store.sync_sources((s.name, s.url) for s in config.sources)
        store.sync_baseline(config.topic.known_facts, now)
        recover(store)
        sweep(config.digests)
        digest, record = gather(config, store, now)
        path = None
        if not digest.empty or always:
            path = _write(config, store, digest, record, mail and not digest.empty)
        _outputs(config, store, now)
        sent = _send_pending(config, store) if mail else 0
    return DigestReport(path, digest, sent)


def recover(store: Store) -> None:
    """Finish digests a crash interrupted: written files are marked, unwritten ones dropped."""
    for row in store.pending_digests():
        if row.path and Path(row.path).exists():
            store.commit_digest(row.id, mail=row.record.get("mail", False))
        else:
            store.drop_digest(row.id)


def sweep(folder: Path) -> None:
    """Delete temp files a killed run left in the digests folder (we hold the lock: none is live)."""
    for pattern in (".digest-*.tmp", ".feed.atom-*.tmp", ".dates.ics-*.tmp"):
        for leftover in folder.glob(pattern):
            try:
                leftover.unlink(missing_ok=True)
            except OSError as e:
                log.warning("could not delete %s: %s", leftover, e)


def _write(
    config: Config, store: Store, digest: Digest, record: dict[str, object], mail: bool
) -> Path:
    from monitor.render import html, plaintext

    text = markdown.render(digest)
    folder = config.digests
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _free_name(folder, digest.created_at)
    except OSError as e:
        raise MonitorError(f"cannot write digests to {folder}: {e.strerror or e}") from e
    rendered = (text, html.render(digest), plaintext.render(digest), words.subject(digest))
    digest_id = store.begin_digest(digest.created_at, str(path), {**record, "mail": mail}, rendered)
    try:
        write_new(path, text)
    except OSError as e:
        store.drop_digest(digest_id)
        raise MonitorError(f"cannot write the digest {path}: {e.strerror or e}") from e
    store.commit_digest(digest_id, mail=mail)
    return path


def _free_name(folder: Path, created: datetime) -> Path:
    """2026-05-29-0700.md, then 2026-05-29-0700b.md …: names sort in writing order."""
    stem = created.strftime("%Y-%m-%d-%H%M")
    for suffix in ["", *"bcdefghijklmnopqrstuvwxyz"]:
        path = folder / f"{stem}{suffix}.md"
        if not path.exists():
            return path
    raise OSError(17, f"too many digests named {stem}")


def write_new(path: Path, text: str) -> None:
    """Write a file atomically without ever replacing an existing one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".digest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _send_pending(config: Config, store: Store) -> int:
    """Mail every written digest the server has not yet accepted."""
    from monitor import mail as mailer

    assert config.mail is not None
    sent = 0
    for row in store.unsent_digests():
        store.set_mail_state(row.id, "sending")
        try:
            mailer.send(
                config.mail,
                subject=row.subject,
                text=row.text,
                html=row.html,
                created_at=row.created_at,
                message_id=f"<digest-{row.id}-{row.created_at:%Y%m%d%H%M%S}@monitor>",
            )
        except NotifyError:
            store.set_mail_state(row.id, "unsent")
            raise
        store.set_mail_state(row.id, "sent")
        sent += 1
    return sent


def _outputs(config: Config, store: Store, now: datetime) -> None:
    """The Atom feed of digests and the calendar of dated facts, beside the digests."""
    from monitor.outputs import write_outputs

    try:
        write_outputs(config, store, now)
    except OSError as e:
        log.warning("could not update the feed or calendar in %s: %s", config.digests, e)
