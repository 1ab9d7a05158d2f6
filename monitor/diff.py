"""Known facts + sightings → what to tell the reader (pure: no I/O, no clock).

Each fact key gets a *belief*: the winning value, the independent sources behind
it, and a rival when sources disagree and neither clearly wins. Comparing the
belief with what the digests last reported gives the changes, each said once.

Support is explicit: the number of independent sources (distinct source names)
and the newest publication date among them. A value published later beats an
older one when it has at least as many sources, or two; an old article fetched
late never undoes a newer fact. The baseline (``known_facts``) has no sources
and no date: any sourced news beats it. A user's ``confirmed`` always wins and
``rejected`` values are never considered.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from monitor.models import Candidate, Change, ChangeKind, Fact, FactKind, Reported, Sighting, fold

Verdict = Literal["win", "lose", "conflict"]
OLDEST = datetime.min.replace(tzinfo=UTC)

WINDOW_MONTHS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "spring": (3, 5),
    "mid": (5, 8),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "late": (9, 12),
    "winter": (12, 12),
}


@dataclass(slots=True)
class Pool:
    """Candidates that say the same thing (a role and the roles it extends)."""

    head: Candidate
    members: list[Candidate] = field(default_factory=list)

    @property
    def sightings(self) -> list[Sighting]:
        return [s.sighting for m in self.members for s in m.sightings]

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(s.source for s in self.sightings)

    @property
    def latest(self) -> datetime:
        return max((s.published for s in self.sightings if s.published), default=OLDEST)

    @property
    def confirmed(self) -> bool:
        return any(m.judgement == "confirmed" for m in self.members)


@dataclass(frozen=True, slots=True)
class Belief:
    """What the store's evidence says about one fact key."""

    winner: Pool
    sources: frozenset[str]
    rival: Pool | None
    others: tuple[Pool, ...]


@dataclass(slots=True)
class Outcome:
    """The changes of one digest and the record that marks them reported."""

    changes: list[Change]
    reported: dict[str, Reported]
    sighting_ids: list[int]

    def record(self) -> dict[str, Any]:
        """JSON-able record for ``Store.commit_digest``."""
        return {
            "reported": {
                key: {
                    "fact": r.fact.to_json(),
                    "sources": r.sources,
                    "conflict": r.conflict,
                    "superseded": r.superseded,
                }
                for key, r in self.reported.items()
            },
            "sightings": self.sighting_ids,
        }


def window_range(window: str) -> tuple[date, date] | None:
    """First and last day a premiere window covers ("late 2026" → Sep 1 .. Dec 31)."""
    words = window.strip().lower().split()
    try:
        if len(words) == 1 and "-" in words[0]:
            year, month = (int(p) for p in words[0].split("-"))
            return date(year, month, 1), _month_end(year, month)
        year = int(words[-1])
    except ValueError:
        return None
    first, last = WINDOW_MONTHS.get(words[0], (1, 12)) if len(words) == 2 else (1, 12)
    return date(year, first, 1), _month_end(year, last)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def beats(challenger: Pool, incumbent: Pool) -> Verdict:
    """Whether a challenger's value replaces the incumbent's, by recency and sources."""
    if challenger.confirmed:
        return "win"
    if incumbent.confirmed:
        return "lose"
    new, old = challenger.latest, incumbent.latest
    ns, os = len(challenger.sources), len(incumbent.sources)
    if new > old:
        return "win" if ns >= os or ns >= 2 else "conflict"
    if new < old:
        return "conflict" if ns > 2 * os and ns >= 3 else "lose"
    if ns == os:
        return "conflict"
    return "win" if ns > os else "lose"


def _pools(candidates: list[Candidate]) -> tuple[list[Pool], list[Candidate]]:
    """Group a key's values; for cast, a role absorbs the shorter roles it extends."""
    valued = [c for c in candidates if c.fact.value_key or c.fact.kind != FactKind.CAST]
    bare = [c for c in candidates if c not in valued]
    pools: list[Pool] = []
    for cand in sorted(valued, key=lambda c: -len(c.fact.value_key)):
        host = next((p for p in pools if _extends(p.head.fact, cand.fact)), None)
        if host is None:
            pools.append(Pool(cand, [cand]))
        else:
            host.members.append(cand)
    return pools, bare


def _extends(longer: Fact, shorter: Fact) -> bool:
    """A cast role that names more of the same character ("Lyudmilla Raskova" ⊃ "Lyudmilla")."""
    if longer.kind != FactKind.CAST:
        return False
    return longer.value_key.startswith(shorter.value_key + " ")


def _contains(outer: Pool, inner: Pool) -> bool:
    """A premiere window that only widens another ("2026" ⊃ "late 2026") does not replace it."""
    if outer.head.fact.kind != FactKind.PREMIERE_WINDOW:
        return False
    a, b = window_range(str(outer.head.fact.value)), window_range(str(inner.head.fact.value))
    return bool(a and b and a != b and a[0] <= b[0] and b[1] <= a[1])


def believe(candidates: list[Candidate], incumbent: str | None) -> Belief | None:
    """The winning value of one key, its sources, and an unresolved rival if any."""
    live = [c for c in candidates if c.judgement != "rejected" and (c.baseline or c.sightings)]
    pools, bare = _pools(live)
    if not pools:
        if not bare:
            return None
        pools = [Pool(bare[0], [])]
    confirmed = [p for p in pools if p.confirmed]
    order = sorted(pools, key=lambda p: p.latest)
    winner = next(
        (p for p in pools if p.head.fact.value_key == incumbent),
        next((p for p in pools if any(m.baseline for m in p.members)), order[0]),
    )
    for challenger in order:
        if challenger is not winner and not _contains(challenger, winner):
            winner = challenger if beats(challenger, winner) == "win" else winner
    if confirmed:
        winner = confirmed[-1]
    winner.members.extend(bare)
    others = tuple(p for p in pools if p is not winner)
    rival = next(
        (p for p in others if not _contains(p, winner) and beats(p, winner) == "conflict"), None
    )
    return Belief(winner, winner.sources, None if confirmed else rival, others)


def decide(candidates: list[Candidate], reported: dict[str, Reported]) -> Outcome:
    """Every change since the last digest, and the state that marks them reported."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        by_key[cand.fact.key].append(cand)
    outcome = Outcome([], {}, [])
    for key, cands in by_key.items():
        outcome.sighting_ids.extend(s.id for c in cands for s in c.sightings if not s.reported)
        previous = reported.get(key)
        belief = believe(cands, previous.fact.value_key if previous else None)
        if belief is None or (previous and previous.superseded):
            continue
        change, state = _change(belief, previous)
        outcome.reported[key] = state
        outcome.changes.extend(change)
    _refine_premiere(outcome, reported)
    live = _live_facts(candidates)
    outcome.changes = [
        c
        for c in outcome.changes
        if c.kind != ChangeKind.NEW or not any(covers(f, c.fact) for f in live)
    ]
    outcome.changes.sort(key=_order)
    return outcome


def _parts(fact: Fact) -> list[str]:
    return [fold(part) for part in str(fact.value).split(",")]


def covers(better: Fact, vaguer: Fact) -> bool:
    """A value of a many-valued kind that says what another says, more precisely.

    A dated trailer covers "released"; "Vilnius, Lithuania" covers "Lithuania";
    "Tall Ship Productions" covers "Moore's Tall Ship Productions".
    """
    if better.kind != vaguer.kind or better.key == vaguer.key:
        return False
    if better.kind == FactKind.TRAILER:
        return fold(str(vaguer.value)) == "released"
    if better.kind == FactKind.FILMING_LOCATION:
        return len(_parts(better)) > len(_parts(vaguer)) and set(_parts(vaguer)) < set(
            _parts(better)
        )
    if better.kind == FactKind.PRODUCTION_COMPANY:
        return fold(str(vaguer.value)).endswith(" " + fold(str(better.value)))
    return False


def _live_facts(candidates: list[Candidate]) -> list[Fact]:
    """Every value not rejected by the user."""
    return [c.fact for c in candidates if c.judgement != "rejected" and (c.baseline or c.sightings)]


def _change(belief: Belief, previous: Reported | None) -> tuple[list[Change], Reported]:
    winner = belief.winner
    fact = _display_fact(winner)
    count = len(belief.sources)
    rival = belief.rival.head.fact.value_key if belief.rival else None
    state = Reported(fact, count, rival)
    sightings = tuple(winner.sightings)
    changes: list[Change] = []
    if previous is None:
        changes.append(Change(ChangeKind.NEW, fact, None, sightings, winner.head.id))
    elif fact.value_key != previous.fact.value_key:
        kind = ChangeKind.CHANGED
        if fact.kind == FactKind.CAST and (not previous.fact.role or _extends(fact, previous.fact)):
            kind = ChangeKind.UPDATED
        changes.append(Change(kind, fact, previous.fact, sightings, winner.head.id))
    elif count > previous.sources:
        fresh = (
            tuple(s.sighting for m in winner.members for s in m.sightings if not s.reported)
            or sightings
        )
        note = (
            f"{count - previous.sources} more source{'s' if count - previous.sources > 1 else ''}"
        )
        changes.append(Change(ChangeKind.CORROBORATED, fact, None, fresh, winner.head.id, note))
    if belief.rival and rival != (previous.conflict if previous else None):
        rivals = tuple(belief.rival.sightings)
        changes.append(
            Change(
                ChangeKind.CONFLICT,
                fact,
                belief.rival.head.fact,
                sightings,
                winner.head.id,
                rivals=rivals,
            )
        )
    return changes, state


def _display_fact(pool: Pool) -> Fact:
    """The winning value, with the person's name as the earliest source gave it."""
    fact = pool.head.fact
    names = [s.sighting.fact.person for m in pool.members for s in m.sightings]
    if fact.person and names and names[0] and fold(names[0]) == fold(fact.person):
        return Fact(fact.kind, names[0], fact.role, fact.value)
    return fact


def _refine_premiere(outcome: Outcome, reported: dict[str, Reported]) -> None:
    """A premiere date against a known window: refines it when inside, changes it when not."""
    window = reported.get(str(FactKind.PREMIERE_WINDOW))
    if window is None or window.superseded:
        return
    for i, change in enumerate(outcome.changes):
        if change.fact.kind != FactKind.PREMIERE_DATE or change.kind != ChangeKind.NEW:
            continue
        span = window_range(str(window.fact.value))
        day = date.fromisoformat(str(change.fact.value))
        if span and span[0] <= day <= span[1]:
            kind, note = ChangeKind.REFINED, "inside the known window"
        else:
            kind = ChangeKind.CHANGED
            note = "earlier than known" if span and day < span[0] else "later than known"
        outcome.changes[i] = Change(
            kind, change.fact, window.fact, change.sightings, change.fact_id, note
        )
        outcome.reported[str(FactKind.PREMIERE_WINDOW)] = Reported(
            window.fact, window.sources, None, superseded=True
        )
        outcome.changes = [c for c in outcome.changes if c.fact.kind != FactKind.PREMIERE_WINDOW]
        return


_ORDER = [
    ChangeKind.CHANGED,
    ChangeKind.REFINED,
    ChangeKind.UPDATED,
    ChangeKind.CONFLICT,
    ChangeKind.NEW,
    ChangeKind.CORROBORATED,
]


def _order(change: Change) -> tuple[int, int, str]:
    return (_ORDER.index(change.kind), list(FactKind).index(change.fact.kind), change.fact.key)


def statuses(candidates: list[Candidate], reported: dict[str, Reported]) -> dict[int, str]:
    """Each stored value's status: known, new, confirmed, rejected or superseded."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        by_key[cand.fact.key].append(cand)
    dated = any(
        c.fact.kind == FactKind.PREMIERE_DATE and c.judgement != "rejected" for c in candidates
    )
    live = _live_facts(candidates)
    result: dict[int, str] = {}
    for key, cands in by_key.items():
        previous = reported.get(key)
        belief = believe(cands, previous.fact.value_key if previous else None)
        winners = {belief.winner.head.id} if belief else set()
        rival = belief.rival.head.id if belief and belief.rival else None
        for cand in cands:
            if cand.judgement:
                result[cand.id] = cand.judgement
            elif (cand.fact.kind == FactKind.PREMIERE_WINDOW and dated) or any(
                covers(f, cand.fact) for f in live
            ):
                result[cand.id] = "superseded"
            elif (
                cand.id in winners
                or cand.id == rival
                or (belief and cand in belief.winner.members and not cand.fact.value_key)
            ):
                result[cand.id] = "known" if cand.baseline else "new"
            else:
                result[cand.id] = "superseded"
    return result
