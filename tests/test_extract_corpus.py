"""The extraction bench as a gate: figures on the labelled corpus stay above the floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
HELDOUT = ROOT / "tests" / "data" / "heldout"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_extraction", ROOT / "bench" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _bench()


def test_corpus_is_present() -> None:
    assert len(list(CORPUS.glob("*.yaml"))) >= 20


@pytest.mark.parametrize("corpus", [CORPUS, HELDOUT], ids=["corpus", "heldout"])
def test_figures_stay_above_floors(bench: ModuleType, corpus: Path) -> None:
    assert len(list(corpus.glob("*.yaml"))) >= 20
    report = bench.score_corpus(corpus)
    floors = bench.floors_for(corpus, json.loads((ROOT / "bench" / "floors.json").read_text()))
    floors.pop("articles_per_second", None)
    assert floors, "no floors pinned for this set"
    assert bench.below_floors(report.figures(), floors) == []


def test_heldout_floors_are_their_own_section(bench: ModuleType) -> None:
    floors = {"cast.recall": 0.9, "heldout": {"cast.recall": 0.6}}
    assert bench.floors_for(HELDOUT, floors) == {"cast.recall": 0.6}
    assert bench.floors_for(CORPUS, floors) == {"cast.recall": 0.9}


def test_identity_compares_places_before_the_comma(bench: ModuleType) -> None:
    from monitor.models import Fact, FactKind

    a = bench.identity(Fact(FactKind.FILMING_LOCATION, value="Vilnius, Lithuania"))
    assert a == bench.identity(Fact(FactKind.FILMING_LOCATION, value="Vilnius"))
    assert bench.identity(Fact(FactKind.CAST, person="Agnes O'Casey")) == ("cast", "agnes ocasey")


def test_floors_fail_when_a_figure_is_low(bench: ModuleType) -> None:
    assert bench.below_floors({"cast.recall": 0.5}, {"cast.recall": 0.9}) == [
        "cast.recall: 0.5 < 0.9"
    ]
