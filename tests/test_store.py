"""The SQLite store: schema versions, transactions, a real file reopened."""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.exceptions import StoreError
from monitor.models import (
    Document,
    Fact,
    FactKind,
    FetchResult,
    PollResult,
    Relevance,
    SeenDocument,
    Sighting,
)
from monitor.schema import SCHEMA_VERSION
from monitor.store import Store

NOW = datetime(2026, 2, 26, 12, tzinfo=UTC)


def poll_result(n: int = 1, error: str | None = None) -> PollResult:
    fact = Fact(FactKind.CAST, person="Agnes O'Casey", role="Irina")
    url = f"https://trade.example/{n}"
    doc = Document(url, "Trade", "title", "text", NOW)
    seen = SeenDocument(
        doc, f"fp{n}", Relevance(True, 0.9, "alias"), (Sighting(fact, "e", url, "Trade", NOW),)
    )
    fetch = FetchResult(
        "https://trade.example/feed", "https://trade.example/feed", 200, b"", '"v1"', None, NOW
    )
    if error:
        return PollResult("Trade", "https://trade.example/feed", NOW, error=error)
    return PollResult("Trade", "https://trade.example/feed", NOW, (fetch,), (seen,))


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.sync_sources([("Trade", "https://trade.example/feed")])
        store.record_poll(poll_result())
    with Store(path) as store:
        assert store.http_state("https://trade.example/feed") == ('"v1"', None)
        [cand] = store.candidates()
        assert cand.fact.person == "Agnes O'Casey" and len(cand.sightings) == 1
        assert store.known_documents(["https://trade.example/1"], []) == {"https://trade.example/1"}
        assert store.known_documents([], ["fp1"]) == {"fp1"}
        assert store.integrity_ok()


def test_failure_keeps_since_and_success_clears_it(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        store.sync_sources([("Trade", "https://trade.example/feed")])
        store.record_poll(poll_result(error="HTTP 500 Internal Server Error"))
        [h] = store.health()
        assert h.last_error == "HTTP 500 Internal Server Error" and h.failing_since == NOW
        store.record_poll(poll_result())
        [h] = store.health()
        assert h.last_error is None and h.failing_since is None and h.last_success == NOW


def test_a_failing_transaction_leaves_no_partial_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        store.sync_sources([("Trade", "https://trade.example/feed")])
        with pytest.raises(RuntimeError), store.transaction() as db:
            db.execute(
                "INSERT INTO document (url, fingerprint, source, title, seen_at, relevant, "
                "score, reason) VALUES ('u', 'f', 's', 't', 'now', 1, 1, 'r')"
            )
            raise RuntimeError("crash mid-way")
        assert store.known_documents(["u"], []) == set()


def test_a_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer monitor"):
        Store(path)


def test_a_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)
    assert path.read_bytes().startswith(b"this is not a database")


def test_migrates_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    sqlite3.connect(path).close()
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _open_and_write(path: str) -> str:
    """Open a store and write to it; the error's text if that fails (run in a child process)."""
    try:
        for _ in range(5):
            with Store(Path(path)) as store, store.transaction() as db:
                db.execute("SELECT count(*) FROM fact").fetchone()
    except StoreError as e:
        return str(e)
    return "ok"


def test_processes_opening_a_new_store_together_all_succeed(tmp_path: Path) -> None:
    """Switching a new file to WAL answers 'locked' without SQLite's busy wait; the store retries."""
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with context.Pool(6) as pool:
        for attempt in range(24):
            path = str(tmp_path / f"race-{attempt}.db")
            assert pool.map(_open_and_write, [path] * 6) == ["ok"] * 6
