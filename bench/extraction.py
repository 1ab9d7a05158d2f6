"""Measure relevance and extraction on the labelled corpus; fail below the pinned floors.

    python bench/extraction.py [CORPUS_DIR] [--verbose] [--floors FILE] [--no-speed]

``CORPUS_DIR`` defaults to tests/data/corpus. For tests/data/heldout (kept for checking
that changes generalise, never for tuning) only aggregate figures are printed, even with
``--verbose``, and the ``heldout`` section of the floors applies.

Each relevant document's predicted facts are compared with its labelled ``facts``
(kind + identity); a fact listed in ``must_not`` or any fact from a document
labelled not relevant is a false positive. Extraction runs only when ``assess``
says relevant, as in the pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.extract import extract
from monitor.models import PERSON_KINDS, Document, Fact, FactKind, Topic, fold
from monitor.relevance import assess

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "data" / "corpus"
HELDOUT = HERE.parent / "tests" / "data" / "heldout"
FLOORS = HERE / "floors.json"
GATED = ("cast", "premiere_date", "finale_date", "episode_count", "creator", "showrunner")
TOPIC = Topic(
    name="Star City",
    aliases=("Star City",),
    context=(
        "Apple TV", "Apple TV+", "For All Mankind", "cosmonaut", "Soviet", "Nedivi", "Wolpert",
        "Ronald D. Moore", "Rhys Ifans",
    ),
    exclude=("Arrow", "Oliver Queen", "casino", "Star City Games", "Roanoke", "West Virginia"),
)  # fmt: skip


def html_text(html: str) -> str:
    """HTML to plain text with paragraph breaks (the pipeline's converter when available)."""
    try:
        from monitor.pages import html_to_text  # type: ignore[attr-defined]

        return str(html_to_text(html))
    except ImportError:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "nav", "footer"]):
            tag.decompose()
        return soup.get_text("\n\n", strip=True)


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def document(case: dict[str, Any]) -> Document:
    body = str(case.get("body") or "")
    if case.get("format") == "html":
        body = html_text(body)
    pub = case.get("published")
    published = (
        datetime(pub.year, pub.month, pub.day, tzinfo=UTC) if isinstance(pub, date) else None
    )
    return Document(f"corpus:{case['id']}", "corpus", str(case.get("title") or ""), body, published)


def identity(fact: Fact) -> tuple[str, str]:
    """What makes a predicted fact match a labelled one."""
    if fact.kind in PERSON_KINDS:
        return str(fact.kind), fold(fact.person or "")
    value = str(fact.value)
    if fact.kind == FactKind.FILMING_LOCATION:
        value = value.split(",")[0]
    return str(fact.kind), fold(value)


@dataclass
class Report:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    roles_total: int = 0
    roles_right: int = 0
    docs: int = 0
    relevance_right: int = 0
    errors: list[str] = field(default_factory=list)

    def precision(self, kind: str) -> float:
        got = self.tp[kind] + self.fp[kind]
        return self.tp[kind] / got if got else 1.0

    def recall(self, kind: str) -> float:
        want = self.tp[kind] + self.fn[kind]
        return self.tp[kind] / want if want else 1.0

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for kind in GATED:
            out[f"{kind}.precision"] = round(self.precision(kind), 3)
            out[f"{kind}.recall"] = round(self.recall(kind), 3)
        out["cast.role_accuracy"] = (
            round(self.roles_right / self.roles_total, 3) if self.roles_total else 1.0
        )
        out["relevance.accuracy"] = round(self.relevance_right / self.docs, 3) if self.docs else 1.0
        return out


def score_case(case: dict[str, Any], report: Report) -> None:
    doc = document(case)
    verdict = assess(doc, TOPIC)
    report.docs += 1
    expected_relevant = bool(case.get("relevant"))
    if verdict.relevant == expected_relevant:
        report.relevance_right += 1
    else:
        report.errors.append(f"{case['id']}: relevance {verdict.relevant} ({verdict.reason})")
    predicted = extract(doc, TOPIC) if verdict.relevant else []
    wanted = [Fact.from_json(f) for f in (case.get("facts") or [])] if expected_relevant else []
    want = {identity(f): f for f in wanted}
    for sighting in predicted:
        key = identity(sighting.fact)
        if key in want:
            report.tp[key[0]] += 1
            _role(case["id"], want.pop(key), sighting.fact, report)
        else:
            report.fp[key[0]] += 1
            report.errors.append(f"{case['id']}: spurious {key} <- {sighting.evidence[:120]}")
    for key in want:
        report.fn[key[0]] += 1
        report.errors.append(f"{case['id']}: missed {key}")


def _role(case_id: str, want: Fact, got: Fact, report: Report) -> None:
    if want.kind != FactKind.CAST or not want.role:
        return
    report.roles_total += 1
    if fold(want.role) == fold(got.role or ""):
        report.roles_right += 1
    else:
        report.errors.append(f"{case_id}: role of {want.person}: {got.role!r} != {want.role!r}")


def score_corpus(corpus: Path = CORPUS) -> Report:
    report = Report()
    for path in sorted(corpus.glob("*.yaml")):
        score_case(load(path), report)
    return report


def speed(corpus: Path = CORPUS, seconds: float = 1.0, rounds: int = 3) -> float:
    """Articles per CPU second (one process, one core) through assess + extract: the best
    of ``rounds`` (as ``timeit`` does: a shared machine only ever makes a round slower)."""
    docs = [document(load(p)) for p in sorted(corpus.glob("*.yaml"))]
    if not docs:
        return 0.0
    best = 0.0
    for _ in range(rounds):
        count, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            for doc in docs:
                if assess(doc, TOPIC).relevant:
                    extract(doc, TOPIC)
                count += 1
        best = max(best, count / (time.process_time() - start))
    return best


def below_floors(figures: dict[str, float], floors: dict[str, Any]) -> list[str]:
    return [
        f"{k}: {figures.get(k, 0.0)} < {v}"
        for k, v in floors.items()
        if isinstance(v, int | float) and figures.get(k, 0.0) < v
    ]


def floors_for(corpus: Path, floors: dict[str, Any]) -> dict[str, Any]:
    """The floors of a corpus: the ``heldout`` section for the held-out set, else the top level."""
    if corpus.resolve().name == HELDOUT.name:
        return dict(floors.get("heldout", {}))
    return {k: v for k, v in floors.items() if not isinstance(v, dict)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("corpus_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    corpus = args.corpus_dir or args.corpus
    heldout = corpus.resolve().name == HELDOUT.name
    report = score_corpus(corpus)
    kinds = sorted(set(report.tp) | set(report.fp) | set(report.fn))
    print(f"{'kind':20} {'support':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6}")
    for kind in kinds:
        support = report.tp[kind] + report.fn[kind]
        print(
            f"{kind:20} {support:7} {report.tp[kind]:4} {report.fp[kind]:4} {report.fn[kind]:4}"
            f" {report.precision(kind):6.3f} {report.recall(kind):6.3f}"
        )
    figures = report.figures()
    print(f"cast role accuracy  {figures['cast.role_accuracy']:.3f} ({report.roles_total} roles)")
    print(f"relevance accuracy  {figures['relevance.accuracy']:.3f} ({report.docs} docs)")
    if not args.no_speed:
        figures["articles_per_second"] = round(speed(corpus), 1)
        print(f"speed               {figures['articles_per_second']:.0f} articles/s (one core)")
    if args.verbose and heldout:
        print("(held-out set: aggregate figures only, no per-document errors)")
    elif args.verbose:
        print("\n".join(["", *report.errors]))
    floors = json.loads(args.floors.read_text()) if args.floors.exists() else {}
    floors = floors_for(corpus, floors)
    if args.no_speed:
        floors.pop("articles_per_second", None)
    failed = below_floors(figures, floors)
    for line in failed:
        print(f"BELOW FLOOR {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
