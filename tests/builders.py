"""Small builders of configs and stored news for the digest tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from monitor.config import Config
from monitor.models import (
    Document,
    Fact,
    FactKind,
    PollResult,
    Relevance,
    SeenDocument,
    Sighting,
    Source,
    Topic,
)
from monitor.store import Store

NOW = datetime(2026, 2, 26, 23, tzinfo=UTC)
EIGHT = Fact(FactKind.EPISODE_COUNT, value=8)


def make_config(tmp_path: Path) -> Config:
    topic = Topic(
        "Star City", ("Star City",), known_facts=(Fact(FactKind.EPISODE_COUNT, value=10),)
    )
    sources = (
        Source("Trade", "https://trade.example/feed"),
        Source("Fans", "https://fans.example/rss"),
    )
    return Config(
        tmp_path / "sources.yaml", topic, sources, tmp_path / "m.db", tmp_path / "digests"
    )


def store_news(config: Config, fact: Fact = EIGHT, n: int = 1) -> None:
    url = f"https://trade.example/{n}"
    doc = Document(url, "Trade", "Star City news", "text", NOW)
    sighting = Sighting(fact, "The first season runs eight episodes.", url, "Trade", NOW)
    seen = SeenDocument(doc, f"fp{n}", Relevance(True, 1, "alias"), (sighting,))
    with Store(config.storage) as store:
        store.sync_sources((s.name, s.url) for s in config.sources)
        store.sync_baseline(config.topic.known_facts, NOW)
        store.record_poll(PollResult("Trade", "https://trade.example/feed", NOW, documents=(seen,)))
