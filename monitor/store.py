"""The SQLite store: the only module that talks to sqlite3.

Schema as SQL text (``monitor/schema.py``), versioned with ``PRAGMA user_version``; every write is one
transaction (one per source poll, one per digest step). Queries return records.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from monitor.exceptions import StoreError
from monitor.models import (
    Candidate,
    DigestRow,
    Fact,
    FactKind,
    PollResult,
    Reported,
    SeenDocument,
    Sighting,
    SourceHealth,
    StoredSighting,
)
from monitor.schema import MIGRATIONS, SCHEMA_VERSION


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_INSERT_DOCUMENT = (
    "INSERT INTO document (url, fingerprint, source, title, published, seen_at, "
    "relevant, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING"
)


def _document_row(seen: SeenDocument, at: datetime) -> tuple[Any, ...]:
    doc = seen.document
    return (
        doc.url,
        seen.fingerprint,
        doc.source,
        doc.title[:1000],
        _ts(doc.published),
        _ts(at),
        seen.relevance.relevant,
        seen.relevance.score,
        seen.relevance.reason,
    )


BUSY_TIMEOUT = 30.0  # seconds a writer waits for another process's transaction


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error)
    return "locked" in message or "busy" in message


def _fact_value(fact: Fact) -> str | None:
    return None if fact.value is None else json.dumps(fact.value)


class Store:
    """A monitor's SQLite file. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._open()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the store {path}: {e}") from e
        except OSError as e:
            raise StoreError(f"cannot create the store {path}: {e}") from e

    def _open(self) -> sqlite3.Connection:
        """Connect, switch to WAL and migrate, retrying while another process does the same.

        Switching a new file to WAL and WAL recovery answer "database is locked" at once, without
        SQLite's busy handler, so two processes opening a new store together need this retry.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT
        pause = 0.01
        while True:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("PRAGMA synchronous = NORMAL")
                self.db = db
                self._migrate()
                return db
            except sqlite3.OperationalError as e:
                db.close()
                if not _is_busy(e) or time.monotonic() > deadline:
                    raise
            except BaseException:
                db.close()
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        if self._version() == SCHEMA_VERSION:
            return
        with self.transaction():  # re-read under the write lock: two processes may race here
            for step in range(self._version() + 1, SCHEMA_VERSION + 1):
                self._apply(step)

    def _version(self) -> int:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer monitor (schema {version}, "
                f"this one knows {SCHEMA_VERSION}): upgrade the monitor"
            )
        return version

    def _apply(self, step: int) -> None:
        for statement in MIGRATIONS[step].split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version = {step}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back whole on any error."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"cannot write the store {self.path}: {e}") from e
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            self.db.execute("ROLLBACK")
            raise StoreError(f"cannot write the store {self.path}: {e}") from e

    def integrity_ok(self) -> bool:
        """PRAGMA integrity_check says ok."""
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # -- sources and fetch state ------------------------------------------------

    def sync_sources(self, sources: Iterable[tuple[str, str]]) -> None:
        """Make sure every configured (name, url) has a health row."""
        with self.transaction() as db:
            for name, url in sources:
                db.execute(
                    "INSERT INTO source (name, url) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET url = excluded.url, "
                    "gone = CASE WHEN source.url = excluded.url THEN source.gone ELSE 0 END",
                    (name, url),
                )

    def http_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified last seen for a URL."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def body_hash(self, url: str) -> str | None:
        """The hash of the body last stored from a URL (set by ``record_poll``)."""
        row = self.db.execute("SELECT body_hash FROM http_cache WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def health(self) -> list[SourceHealth]:
        """Every source's health, by name."""
        rows = self.db.execute(
            "SELECT name, url, last_success, last_error, failing_since, last_attempt, gone "
            "FROM source ORDER BY name"
        ).fetchall()
        return [
            SourceHealth(r[0], r[1], _dt(r[2]), r[3], _dt(r[4]), _dt(r[5]), bool(r[6]))
            for r in rows
        ]

    def waiting(self, now: datetime) -> dict[str, datetime]:
        """Sources asked to wait (Retry-After) past ``now``, or gone for good (410)."""
        rows = self.db.execute("SELECT name, not_before, gone FROM source").fetchall()
        waits = {n: now.replace(year=9999) for n, _, gone in rows if gone}
        waits.update({n: t for n, nb, gone in rows if not gone and (t := _dt(nb)) and t > now})
        return waits

    def known_documents(self, urls: Iterable[str], fingerprints: Iterable[str]) -> set[str]:
        """Which of these canonical URLs or fingerprints the store has seen."""
        seen: set[str] = set()
        for column, values in (("url", list(urls)), ("fingerprint", list(fingerprints))):
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT {column} FROM document WHERE {column} IN ({marks})"
                seen.update(r[0] for r in self.db.execute(query, chunk))
        return seen

    def record_poll(self, result: PollResult, body_hash: str | None = None) -> None:
        """Store one poll of one source in one transaction (with its body's hash, if given)."""
        with self.transaction() as db:
            for fetch in result.fetches:
                db.execute(
                    "INSERT INTO http_cache (url, etag, last_modified, checked_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                    "etag = COALESCE(excluded.etag, CASE WHEN ? THEN etag END), "
                    "last_modified = COALESCE(excluded.last_modified, "
                    "CASE WHEN ? THEN last_modified END), checked_at = excluded.checked_at",
                    (
                        fetch.url,
                        fetch.etag,
                        fetch.last_modified,
                        _ts(fetch.fetched_at),
                        fetch.not_modified,
                        fetch.not_modified,
                    ),
                )
            if body_hash is not None:
                db.execute(
                    "UPDATE http_cache SET body_hash = ? WHERE url = ?", (body_hash, result.url)
                )
            plain: list[tuple[Any, ...]] = []  # runs without sightings: one executemany
            for seen in result.documents:
                if not seen.sightings:
                    plain.append(_document_row(seen, result.at))
                    continue
                db.executemany(_INSERT_DOCUMENT, plain)
                plain = []
                self._insert_document(db, seen, result.at)
            db.executemany(_INSERT_DOCUMENT, plain)
            self._record_health(db, result)

    def _insert_document(self, db: sqlite3.Connection, seen: SeenDocument, at: datetime) -> None:
        cursor = db.execute(_INSERT_DOCUMENT, _document_row(seen, at))
        if not cursor.rowcount:
            return
        document_id = cursor.lastrowid
        for sighting in seen.sightings:
            fact_id = self._upsert_fact(db, sighting.fact, at)
            db.execute(
                "INSERT INTO sighting (fact_id, document_id, source, url, published, evidence, "
                "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    fact_id,
                    document_id,
                    sighting.source,
                    sighting.url,
                    _ts(sighting.published),
                    sighting.evidence[:2000],
                    _ts(at),
                ),
            )

    def _upsert_fact(
        self, db: sqlite3.Connection, fact: Fact, at: datetime, *, baseline: bool = False
    ) -> int:
        db.execute(
            "INSERT INTO fact (key, value_key, kind, person, role, value, baseline, first_seen, "
            "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key, value_key) DO "
            "UPDATE SET baseline = MAX(baseline, excluded.baseline), last_seen = CASE "
            "WHEN excluded.baseline THEN last_seen ELSE excluded.last_seen END",
            (
                fact.key,
                fact.value_key,
                str(fact.kind),
                fact.person,
                fact.role,
                _fact_value(fact),
                baseline,
                _ts(at),
                _ts(at),
            ),
        )
        row = db.execute(
            "SELECT id FROM fact WHERE key = ? AND value_key = ?", (fact.key, fact.value_key)
        ).fetchone()
        return int(row[0])

    def _record_health(self, db: sqlite3.Connection, result: PollResult) -> None:
        if result.error is None:
            db.execute(
                "UPDATE source SET last_attempt = ?, last_success = ?, last_error = NULL, "
                "failing_since = NULL, not_before = NULL WHERE name = ?",
                (_ts(result.at), _ts(result.at), result.source),
            )
            return
        db.execute(
            "UPDATE source SET last_attempt = ?, last_error = ?, "
            "failing_since = COALESCE(failing_since, ?), not_before = ?, gone = ? WHERE name = ?",
            (
                _ts(result.at),
                result.error,
                _ts(result.at),
                _ts(result.retry_after),
                result.gone,
                result.source,
            ),
        )

    # -- facts ----------------------------------------------------------------

    def sync_baseline(self, facts: Iterable[Fact], at: datetime) -> None:
        """Add the config's known facts; a key first met here is reported as known."""
        with self.transaction() as db:
            for fact in facts:
                self._upsert_fact(db, fact, at, baseline=True)
                db.execute(
                    "INSERT INTO reported (key, fact, sources) VALUES (?, ?, 0) "
                    "ON CONFLICT (key) DO NOTHING",
                    (fact.key, json.dumps(fact.to_json())),
                )

    def candidates(self) -> list[Candidate]:
        """Every stored fact value with its sightings."""
        sightings: dict[int, list[StoredSighting]] = {}
        for row in self.db.execute(
            "SELECT s.id, s.fact_id, s.source, s.url, s.published, s.evidence, s.digest_id, "
            "f.kind, f.person, f.role, f.value FROM sighting s JOIN fact f ON f.id = s.fact_id "
            "ORDER BY s.published, s.id"
        ):
            fact = Fact(FactKind(row[7]), row[8], row[9], json.loads(row[10]) if row[10] else None)
            sighting = Sighting(fact, row[5], row[3], row[2], _dt(row[4]))
            sightings.setdefault(row[1], []).append(
                StoredSighting(row[0], sighting, row[6] is not None)
            )
        return [
            Candidate(
                id=r[0],
                fact=Fact(FactKind(r[1]), r[2], r[3], json.loads(r[4]) if r[4] else None),
                baseline=bool(r[5]),
                judgement=r[6],
                first_seen=datetime.fromisoformat(r[7]),
                last_seen=datetime.fromisoformat(r[8]),
                sightings=tuple(sightings.get(r[0], ())),
            )
            for r in self.db.execute(
                "SELECT id, kind, person, role, value, baseline, judgement, first_seen, "
                "last_seen FROM fact ORDER BY id"
            )
        ]

    def reported(self) -> dict[str, Reported]:
        """What the digests last said about each fact key."""
        return {
            r[0]: Reported(Fact.from_json(json.loads(r[1])), r[2], r[3], bool(r[4]))
            for r in self.db.execute(
                "SELECT key, fact, sources, conflict, superseded FROM reported"
            )
        }

    def judge(self, fact_id: int, judgement: str | None) -> Candidate | None:
        """Record the user's judgement (confirmed, rejected, or None to clear) on a fact."""
        with self.transaction() as db:
            cursor = db.execute("UPDATE fact SET judgement = ? WHERE id = ?", (judgement, fact_id))
        if not cursor.rowcount:
            return None
        return next(c for c in self.candidates() if c.id == fact_id)

    # -- digests --------------------------------------------------------------

    def last_digest_at(self) -> datetime | None:
        row = self.db.execute("SELECT MAX(created_at) FROM digest WHERE state = 'written'")
        return _dt(row.fetchone()[0])

    def activity_since(self, since: datetime | None) -> tuple[int, int]:
        """Documents seen and distinct sources they came from since a time."""
        row = self.db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT source) FROM document WHERE seen_at > ?",
            (_ts(since) or "",),
        ).fetchone()
        return int(row[0]), int(row[1])

    def begin_digest(
        self,
        created_at: datetime,
        path: str,
        record: dict[str, Any],
        rendered: tuple[str, str, str, str],
    ) -> int:
        """Journal a digest (markdown, html, text, subject) before its file is written."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO digest (created_at, path, state, record, markdown, html, text, "
                "subject) VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)",
                (_ts(created_at), path, json.dumps(record), *rendered),
            )
        return int(cursor.lastrowid or 0)

    def pending_digests(self) -> list[DigestRow]:
        return self._digests("state = 'pending'")

    def unsent_digests(self) -> list[DigestRow]:
        return self._digests("state = 'written' AND mail_state IN ('unsent', 'sending')")

    def digests(self) -> list[DigestRow]:
        return self._digests("state = 'written'")

    def _digests(self, where: str) -> list[DigestRow]:
        rows = self.db.execute(
            "SELECT id, created_at, path, state, record, markdown, html, text, subject, mail_state "
            f"FROM digest WHERE {where} ORDER BY id"
        )
        return [
            DigestRow(r[0], datetime.fromisoformat(r[1]), r[2], r[3], json.loads(r[4]), *r[5:])
            for r in rows
        ]

    def drop_digest(self, digest_id: int) -> None:
        """Forget a pending digest whose file was never written: its changes stay unreported."""
        with self.transaction() as db:
            db.execute("DELETE FROM digest WHERE id = ? AND state = 'pending'", (digest_id,))

    def commit_digest(self, digest_id: int, *, mail: bool) -> None:
        """Apply a written digest's record: mark its changes and health events as told."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT record FROM digest WHERE id = ? AND state = 'pending'", (digest_id,)
            ).fetchone()
            if row is None:
                return
            record = json.loads(row[0])
            for key, state in record["reported"].items():
                db.execute(
                    "INSERT INTO reported (key, fact, sources, conflict, superseded) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET fact = excluded.fact, "
                    "sources = excluded.sources, conflict = excluded.conflict, "
                    "superseded = excluded.superseded",
                    (
                        key,
                        json.dumps(state["fact"]),
                        state["sources"],
                        state["conflict"],
                        state["superseded"],
                    ),
                )
            for start in range(0, len(record["sightings"]), 500):
                ids = record["sightings"][start : start + 500]
                db.execute(
                    f"UPDATE sighting SET digest_id = ? WHERE id IN ({','.join('?' * len(ids))})",
                    (digest_id, *ids),
                )
            for name, failing in record["health"].items():
                db.execute("UPDATE source SET told_failing = ? WHERE name = ?", (failing, name))
            db.execute(
                "UPDATE digest SET state = 'written', mail_state = ? WHERE id = ?",
                ("unsent" if mail else None, digest_id),
            )

    def told_failing(self) -> dict[str, bool]:
        """Per source: whether the last digest told the reader it was failing."""
        rows = self.db.execute("SELECT name, told_failing FROM source")
        return {r[0]: bool(r[1]) for r in rows}

    def set_mail_state(self, digest_id: int, state: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE digest SET mail_state = ? WHERE id = ?", (state, digest_id))
