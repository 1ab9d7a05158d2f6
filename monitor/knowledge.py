"""What the store knows, for `monitor facts` and `monitor extract` (facts.md JSON)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from monitor.config import Config
from monitor.diff import statuses
from monitor.lock import store_lock
from monitor.models import Candidate, Document, FactKind, Topic
from monitor.store import Store


def _row(cand: Candidate, status: str) -> dict[str, Any]:
    return {
        "id": cand.id,
        **cand.fact.to_json(),
        "status": status,
        "baseline": cand.baseline,
        "first_seen": cand.first_seen.isoformat(timespec="seconds"),
        "last_seen": cand.last_seen.isoformat(timespec="seconds"),
        "sources": [
            {
                "url": s.sighting.url,
                "source": s.sighting.source,
                "published": s.sighting.published.isoformat() if s.sighting.published else None,
                "evidence": s.sighting.evidence,
            }
            for s in cand.sightings
        ],
    }


def fact_rows(config: Config) -> list[dict[str, Any]]:
    """Every stored fact value in facts.md JSON, with id, status and sources.

    A cast member mentioned without a role is one fact with the role the
    sources give: such mentions are listed as sources of that fact.
    """
    with Store(config.storage) as store:
        candidates = store.candidates()
        status = statuses(candidates, store.reported())
    rows = {c.id: _row(c, status[c.id]) for c in candidates}
    for bare in candidates:
        if bare.fact.kind != FactKind.CAST or bare.fact.role or bare.judgement:
            continue
        host = next(
            (
                c
                for c in candidates
                if c.fact.key == bare.fact.key
                and c.fact.role
                and status[c.id] not in ("superseded", "rejected")
            ),
            None,
        )
        if host is not None:
            rows[host.id]["sources"].extend(rows.pop(bare.id)["sources"])
    return list(rows.values())


def judge(config: Config, fact_id: int, judgement: str | None) -> dict[str, Any] | None:
    """Record confirmed / rejected (or clear it) on a fact; None when there is no such fact."""
    with store_lock(config), Store(config.storage) as store:
        cand = store.judge(fact_id, judgement)
    return None if cand is None else _row(cand, judgement or "new")


def default_topic() -> Topic:
    """Star City's topic, from the demo's config, for `monitor extract` without a config."""
    from monitor.config import parse, read_yaml
    from monitor.demo.timeline import Timeline

    text = Timeline.load().config_text("http://127.0.0.1")
    return parse(read_yaml(text), Path("sources.yaml")).topic


def read_document(target: str, published: datetime | None) -> Document:
    """A file or URL as a Document; HTML is reduced to its article text."""
    from monitor.pages import parse_article

    if target.startswith(("http://", "https://")):
        from monitor.fetch import fetch_one

        result = fetch_one(target)
        body, url, kind = result.body, result.final_url, result.content_type
    else:
        path = Path(target)
        body, url, kind = path.read_bytes(), path.resolve().as_uri(), None
    head = body[:2048].lstrip().lower()
    if (kind and "html" in kind) or head.startswith((b"<!doctype", b"<html", b"<")):
        doc = parse_article(body, url=url, source=url, content_type=kind)
    else:
        doc = Document(url=url, source=url, title="", text=body.decode("utf-8", "replace"))
    if published or doc.published is None:
        from dataclasses import replace

        doc = replace(doc, published=published)
    return doc


def extract_one(target: str, topic: Topic, published: datetime | None) -> dict[str, Any]:
    """Relevance and facts of one document, in the facts.md JSON shape."""
    from monitor.extract import extract
    from monitor.relevance import assess

    try:
        document = read_document(target, published.astimezone(UTC) if published else None)
    except OSError as e:
        from monitor.exceptions import MonitorError

        raise MonitorError(f"cannot read {target}: {e.strerror or e}") from e
    relevance = assess(document, topic)
    sightings = extract(document, topic) if relevance.relevant else []
    return {
        "url": document.url,
        "relevant": relevance.relevant,
        "score": round(relevance.score, 2),
        "reason": relevance.reason,
        "facts": [{**s.fact.to_json(), "evidence": s.evidence} for s in sightings],
    }
