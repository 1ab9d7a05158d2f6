"""Digests: written atomically, never overwritten, each change told once, crash-safe."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from builders import NOW, make_config, store_news

from monitor.config import Config
from monitor.digest import gather, publish, recover
from monitor.exceptions import MonitorError
from monitor.models import (
    Fact,
    FactKind,
    PollResult,
)
from monitor.store import Store


def fail_source(config: Config, name: str, error: str | None, at: datetime = NOW) -> None:
    with Store(config.storage) as store:
        store.sync_sources((s.name, s.url) for s in config.sources)
        store.record_poll(PollResult(name, "u", at, error=error))


def test_changes_are_told_once(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store_news(config)
    report = publish(config, now=NOW)
    assert report.path is not None
    assert "Episode count: 10 → 8" in report.path.read_text()
    again = publish(config, now=NOW)
    assert again.path is None and again.digest is not None and again.digest.empty


def test_never_overwrites_a_digest(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store_news(config)
    config.digests.mkdir()
    taken = config.digests / "2026-02-26-2300.md"
    taken.write_text("mine")
    report = publish(config, now=NOW)
    assert taken.read_text() == "mine"
    assert report.path == config.digests / "2026-02-26-2300b.md"


def test_failed_write_leaves_changes_for_the_next_run(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store_news(config)
    blocker = tmp_path / "digests"
    blocker.write_text("a file where the digests folder should be")
    with pytest.raises(MonitorError, match="cannot write digests"):
        publish(config, now=NOW)
    blocker.unlink()
    report = publish(config, now=NOW)
    assert report.path is not None and "10 → 8" in report.path.read_text()


def test_crash_after_the_file_is_written_is_completed_not_repeated(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store_news(config)
    with Store(config.storage) as store:
        _, record = gather(config, store, NOW)
        path = config.digests / "crashed.md"
        config.digests.mkdir()
        store.begin_digest(NOW, str(path), record, ("x", "", "", ""))
        path.write_text("x")  # the file was written, then the process died
        recover(store)
        assert gather(config, store, NOW)[0].empty


def test_crash_before_the_file_is_written_reports_again(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store_news(config)
    with Store(config.storage) as store:
        _, record = gather(config, store, NOW)
        store.begin_digest(NOW, str(tmp_path / "never.md"), record, ("x", "", "", ""))
        recover(store)
        assert not gather(config, store, NOW)[0].empty


def test_source_health_is_told_when_it_changes_only(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    fail_source(config, "Fans", "timed out after 30 s")
    first = publish(config, now=NOW)
    assert (
        first.path
        and "Fans is failing since 26 February 2026: timed out after 30 s" in first.path.read_text()
    )
    fail_source(config, "Fans", "timed out after 30 s", NOW + timedelta(hours=1))
    assert publish(config, now=NOW + timedelta(hours=1)).path is None  # no repeated alert
    fail_source(config, "Fans", None, NOW + timedelta(hours=2))
    back = publish(config, now=NOW + timedelta(hours=2))
    assert back.path and "Fans is working again" in back.path.read_text()


def test_hostile_text_is_inert_in_markdown(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    evil = Fact(FactKind.CAST, person="[click](javascript:alert(1))", role="<script>x</script>")
    store_news(config, evil)
    report = publish(config, now=NOW)
    assert report.path is not None
    text = report.path.read_text()
    assert not re.search(r"(?<!\\)\]\(javascript:", text)
    assert "<script>" not in text
    assert "\\[click\\]" in text and "\\<script\\>" in text
