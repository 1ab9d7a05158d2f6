"""The decider: sightings against what was reported → changes, each said once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.diff import beats, decide, statuses, window_range
from monitor.models import (
    ChangeKind,
    Document,
    Fact,
    FactKind,
    PollResult,
    Relevance,
    SeenDocument,
    Sighting,
)
from monitor.store import Store

NOW = datetime(2026, 3, 1, tzinfo=UTC)
COUNT_10 = Fact(FactKind.EPISODE_COUNT, value=10)
COUNT_8 = Fact(FactKind.EPISODE_COUNT, value=8)
LATE_2026 = Fact(FactKind.PREMIERE_WINDOW, value="late 2026")


def day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Newsroom:
    """A real store fed with articles, and digests 'written' by committing the outcome."""

    def __init__(self, path: Path, baseline: tuple[Fact, ...] = ()) -> None:
        self.store = Store(path)
        self.store.sync_sources([("A", "http://a"), ("B", "http://b"), ("C", "http://c")])
        self.store.sync_baseline(baseline, NOW)
        self.n = 0

    def says(self, fact: Fact, source: str, published: str) -> None:
        self.n += 1
        url = f"http://{source.lower()}/{self.n}"
        doc = Document(url, source, f"story {self.n}", "text", day(published))
        sighting = Sighting(fact, f"evidence {self.n}", url, source, day(published))
        seen = SeenDocument(doc, f"fp{self.n}", Relevance(True, 1.0, "test"), (sighting,))
        self.store.record_poll(PollResult(source, f"http://{source}", NOW, documents=(seen,)))

    def digest(self) -> list[tuple[ChangeKind, Fact, Fact | None]]:
        outcome = decide(self.store.candidates(), self.store.reported())
        record = {**outcome.record(), "health": {}}
        digest_id = self.store.begin_digest(NOW, "x.md", record, ("", "", "", ""))
        self.store.commit_digest(digest_id, mail=False)
        return [(c.kind, c.fact, c.previous) for c in outcome.changes]


@pytest.fixture
def news(tmp_path: Path) -> Newsroom:
    room = Newsroom(tmp_path / "m.db", (COUNT_10, LATE_2026))
    yield room
    room.store.close()


def test_sourced_news_changes_the_baseline_once(news: Newsroom) -> None:
    news.says(COUNT_8, "A", "2026-02-26")
    assert news.digest() == [(ChangeKind.CHANGED, COUNT_8, COUNT_10)]
    assert news.digest() == []


def test_old_article_fetched_late_does_not_undo_newer_fact(news: Newsroom) -> None:
    news.says(COUNT_8, "A", "2026-02-26")
    news.digest()
    news.says(COUNT_10, "B", "2025-03-01")
    assert news.digest() == []
    candidates = news.store.candidates()
    status = statuses(candidates, news.store.reported())
    counts = {c.fact.value: status[c.id] for c in candidates if c.fact.kind == COUNT_8.kind}
    assert counts == {8: "new", 10: "superseded"}


def test_newer_lone_source_against_several_is_a_conflict(news: Newsroom) -> None:
    for source in "ABC":
        news.says(COUNT_8, source, "2026-02-26")
    news.digest()
    news.says(Fact(FactKind.EPISODE_COUNT, value=9), "A", "2026-03-01")
    changes = news.digest()
    assert changes == [(ChangeKind.CONFLICT, COUNT_8, Fact(FactKind.EPISODE_COUNT, value=9))]
    assert news.digest() == []  # said once


def test_corroboration_counts_new_independent_sources(news: Newsroom) -> None:
    news.says(COUNT_8, "A", "2026-02-26")
    news.digest()
    news.says(COUNT_8, "A", "2026-02-27")  # same source again: not independent
    assert news.digest() == []
    news.says(COUNT_8, "B", "2026-02-27")
    [(kind, fact, _)] = news.digest()
    assert (kind, fact) == (ChangeKind.CORROBORATED, COUNT_8)


def test_premiere_date_inside_window_refines_outside_changes(tmp_path: Path) -> None:
    inside = Newsroom(tmp_path / "a.db", (Fact(FactKind.PREMIERE_WINDOW, value="2026"),))
    inside.says(Fact(FactKind.PREMIERE_DATE, value="2026-05-29"), "A", "2026-02-26")
    [(kind, _, previous)] = inside.digest()
    assert kind == ChangeKind.REFINED and previous == Fact(FactKind.PREMIERE_WINDOW, value="2026")
    outside = Newsroom(tmp_path / "b.db", (LATE_2026,))
    outside.says(Fact(FactKind.PREMIERE_DATE, value="2026-05-29"), "A", "2026-02-26")
    outcome = decide(outside.store.candidates(), outside.store.reported())
    [change] = outcome.changes
    assert change.kind == ChangeKind.CHANGED and change.note == "earlier than known"
    inside.store.close()
    outside.store.close()


def test_role_learned_is_an_update_not_a_new_person(tmp_path: Path) -> None:
    room = Newsroom(tmp_path / "m.db", (Fact(FactKind.CAST, person="Anna Maxwell Martin"),))
    room.says(
        Fact(FactKind.CAST, person="Anna Maxwell Martin", role="Lyudmilla"), "A", "2025-02-06"
    )
    [(kind, fact, _)] = room.digest()
    assert kind == ChangeKind.UPDATED and fact.role == "Lyudmilla"
    room.says(
        Fact(FactKind.CAST, person="Anna Maxwell Martin", role="Lyudmilla Raskova"),
        "B",
        "2026-03-11",
    )
    [(kind, fact, previous)] = room.digest()
    assert (kind, fact.role, previous and previous.role) == (
        ChangeKind.UPDATED,
        "Lyudmilla Raskova",
        "Lyudmilla",
    )
    # a later article with the short name does not take it back
    room.says(
        Fact(FactKind.CAST, person="Anna Maxwell Martin", role="Lyudmilla"), "C", "2026-04-01"
    )
    assert [k for k, _, _ in room.digest()] == [ChangeKind.CORROBORATED]
    room.store.close()


def test_new_person_and_mention_without_role(news: Newsroom) -> None:
    news.says(Fact(FactKind.CAST, person="Agnes O'Casey", role="Irina"), "A", "2025-02-14")
    news.says(Fact(FactKind.CAST, person="Agnes O’Casey"), "B", "2025-02-15")
    [(kind, fact, _)] = news.digest()
    assert kind == ChangeKind.NEW and fact.role == "Irina" and fact.person == "Agnes O'Casey"


def test_rejected_is_never_reported_and_confirmed_wins(news: Newsroom) -> None:
    news.says(Fact(FactKind.CAST, person="Wrong Person", role="X"), "A", "2026-01-01")
    [cand] = [c for c in news.store.candidates() if c.fact.person == "Wrong Person"]
    news.store.judge(cand.id, "rejected")
    for source in "ABC":
        news.says(Fact(FactKind.CAST, person="Wrong Person", role="X"), source, "2026-01-02")
    assert news.digest() == []
    news.says(COUNT_8, "A", "2026-02-26")
    news.says(COUNT_8, "B", "2026-02-26")
    news.digest()
    [ten] = [c for c in news.store.candidates() if c.fact == COUNT_10]
    news.store.judge(ten.id, "confirmed")
    assert news.digest() == [(ChangeKind.CHANGED, COUNT_10, COUNT_8)]


def test_window_that_only_widens_does_not_replace(news: Newsroom) -> None:
    news.says(Fact(FactKind.PREMIERE_WINDOW, value="2026"), "A", "2026-01-10")
    changes = news.digest()
    assert [k for k, _, _ in changes] == []


def test_window_range() -> None:
    assert window_range("late 2026") == (datetime(2026, 9, 1).date(), datetime(2026, 12, 31).date())
    assert window_range("2026-02") == (datetime(2026, 2, 1).date(), datetime(2026, 2, 28).date())
    assert window_range("2026") == (datetime(2026, 1, 1).date(), datetime(2026, 12, 31).date())
    assert window_range("someday") is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([8, 9, 10]),
            st.sampled_from("ABC"),
            st.dates(min_value=datetime(2025, 1, 1).date(), max_value=datetime(2026, 6, 1).date()),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_digest_is_idempotent(tmp_path_factory: pytest.TempPathFactory, said: list) -> None:
    room = Newsroom(tmp_path_factory.mktemp("h") / "m.db", (COUNT_10,))
    try:
        for value, source, when in said:
            room.says(Fact(FactKind.EPISODE_COUNT, value=value), source, when.isoformat())
        room.digest()
        assert room.digest() == []
    finally:
        room.store.close()


def test_beats_prefers_recency_with_support() -> None:
    from monitor.diff import Pool
    from monitor.models import Candidate, StoredSighting

    def pool(value: int, *dated: tuple[str, str]) -> Pool:
        fact = Fact(FactKind.EPISODE_COUNT, value=value)
        sightings = tuple(
            StoredSighting(i, Sighting(fact, "e", "u", s, day(d)), False)
            for i, (s, d) in enumerate(dated)
        )
        cand = Candidate(value, fact, False, None, NOW, NOW, sightings)
        return Pool(cand, [cand])

    assert beats(pool(8, ("A", "2026-02-01")), pool(10)) == "win"
    assert beats(pool(8, ("A", "2025-01-01")), pool(10, ("B", "2026-01-01"))) == "lose"
    assert beats(pool(8, ("A", "2026-01-01")), pool(10, ("B", "2026-01-01"))) == "conflict"


@pytest.mark.parametrize(
    ("better", "vaguer"),
    [
        (Fact(FactKind.TRAILER, value="2026-04-23"), Fact(FactKind.TRAILER, value="released")),
        (
            Fact(FactKind.FILMING_LOCATION, value="Vilnius, Lithuania"),
            Fact(FactKind.FILMING_LOCATION, value="Lithuania"),
        ),
        (
            Fact(FactKind.PRODUCTION_COMPANY, value="Tall Ship Productions"),
            Fact(FactKind.PRODUCTION_COMPANY, value="Moore's Tall Ship Productions"),
        ),
    ],
)
def test_vaguer_values_are_not_new_facts(tmp_path: Path, better: Fact, vaguer: Fact) -> None:
    from monitor.diff import covers

    assert covers(better, vaguer) and not covers(vaguer, better)
    room = Newsroom(tmp_path / "m.db")
    room.says(better, "A", "2026-04-23")
    room.says(vaguer, "B", "2026-04-24")
    assert room.digest() == [(ChangeKind.NEW, better, None)]
    candidates = room.store.candidates()
    status = statuses(candidates, room.store.reported())
    assert {c.fact: status[c.id] for c in candidates} == {better: "new", vaguer: "superseded"}
    room.store.close()


def test_different_places_and_companies_stay_apart() -> None:
    from monitor.diff import covers

    riga = Fact(FactKind.FILMING_LOCATION, value="Riga, Latvia")
    assert not covers(riga, Fact(FactKind.FILMING_LOCATION, value="Lithuania"))
    sony = Fact(FactKind.PRODUCTION_COMPANY, value="Sony Pictures Television")
    assert not covers(sony, Fact(FactKind.PRODUCTION_COMPANY, value="Tall Ship Productions"))
