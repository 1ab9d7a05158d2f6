"""`monitor demo`: months of Star City news, replayed offline in a minute.

A loopback server publishes the built-in timeline step by step; after each
step the monitor polls it and writes a digest, dated as if that day had come.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path

from monitor.config import load
from monitor.demo.timeline import Timeline
from monitor.digest import publish
from monitor.loopback import LoopbackServer
from monitor.models import ChangeKind, Digest
from monitor.poll import poll
from monitor.render import words

Echo = Callable[[str], None]


def recap(digest: Digest) -> list[str]:
    """What a digest told, one short line per section, for the demo's running story."""
    changed = [c for c in digest.changes if c.kind not in (ChangeKind.NEW, ChangeKind.CORROBORATED)]
    new = [c for c in digest.changes if c.kind == ChangeKind.NEW]
    corroborated = sum(c.kind == ChangeKind.CORROBORATED for c in digest.changes)
    lines = []
    if changed:
        lines.append("changed: " + "; ".join(words.headline(c) for c in changed))
    if new:
        lines.append("new: " + "; ".join(words.fact_words(c.fact) for c in new))
    lines.extend(f"source: {words.health_words(e)}" for e in digest.health)
    if corroborated:
        lines.append(f"corroborated: {words.count(corroborated, 'known fact')}")
    return lines


def weight(digest: Digest) -> tuple[int, int, int]:
    """How much a digest tells: changes and conflicts first, then new facts, then health."""
    changed = sum(c.kind not in (ChangeKind.NEW, ChangeKind.CORROBORATED) for c in digest.changes)
    new = sum(c.kind == ChangeKind.NEW for c in digest.changes)
    return changed, new, len(digest.health)


def run_demo(
    out: Path | None = None, *, steps: int | None = None, echo: Echo | None = None
) -> Path:
    """Replay the timeline into ``out`` (default a new temp folder); return the folder."""
    say = echo or (lambda _text: None)
    folder = out or Path(tempfile.mkdtemp(prefix="monitor-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    timeline = Timeline.load()
    chosen = timeline.steps[: steps or len(timeline.steps)]
    best: tuple[tuple[int, int, int], Path] | None = None
    with LoopbackServer() as server:
        config_file = folder / "sources.yaml"
        config_file.write_text(timeline.config_text(server.base_url), encoding="utf-8")
        config = load(config_file)
        say(
            f"Replaying {len(chosen)} steps of Star City news, {chosen[0].date} to "
            f"{chosen[-1].date}, from a local server; digests go to {config.digests}\n"
        )
        for index, step in enumerate(chosen):
            timeline.publish(server, index)
            now = datetime.combine(step.date, time(23, 0), UTC)
            poll(config, now=now)
            report = publish(config, now=now)
            say(f"{step.date}  {step.name}")
            if report.path and report.digest:
                for line in recap(report.digest):
                    say(f"            {line}")
                told = weight(report.digest)
                if best is None or told > best[0]:  # the earliest of equals
                    best = (told, report.path)
            else:
                say("            nothing new: no digest")
    if best is not None:
        say(f"\nThe digest that changed the most ({best[1].name}):\n")
        say(best[1].read_text(encoding="utf-8"))
    say(f"All digests: {config.digests}  (feed: feed.atom, calendar: dates.ics)")
    say(f"Explore: monitor --config {config_file} facts")
    return folder
