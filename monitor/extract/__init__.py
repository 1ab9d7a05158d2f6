"""Facts about the monitored show, from one document.

``extract(document, topic)`` reads the title and every sentence, keeps only the
stretches about the show (see ``scope``), and asks each kind family for facts.
Each fact comes once per document with the first sentence that states it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from monitor.extract import patterns as P
from monitor.extract.answers import answered, is_question, question_lead
from monitor.extract.context import Context, Found
from monitor.extract.credits import item_statement
from monitor.extract.dates import find_dates
from monitor.extract.listing import (
    dated_entry,
    day_heading,
    entry_statement,
    guide_statement,
    other_entry,
)
from monitor.extract.names import NameBook
from monitor.extract.people import find_people
from monitor.extract.production import find_production
from monitor.extract.scope import Sentence, Subject, scoped
from monitor.models import Document, Fact, FactKind, Sighting, Topic, fold
from monitor.text import clean, paragraph_sentences

__all__ = ["extract"]

MAX_TEXT = 400_000
Family = Callable[[str, Context], Iterator[Found]]
FAMILIES: tuple[Family, ...] = (find_people, find_dates, find_production)
# Page furniture: "🔗 Read more: …", "Related: …", "Sign up for …", photo credits.
FURNITURE = re.compile(
    rf"^[^\w\s\"'(]{{0,4}}\s*(?:(?:{'|'.join(P.BOILERPLATE_LABELS)})\s*(?:[:|»>]|--?\s)"
    rf"|(?:{'|'.join(P.BOILERPLATE_LINES)}))",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!][\"')\]]*$")
MAX_HEADLINE = 160
UNAMBIGUOUS = frozenset({FactKind.EPISODE_COUNT})
HEAD_LINES = 4


def extract(document: Document, topic: Topic) -> list[Sighting]:
    """The facts a document states about the topic's show, once each, with evidence."""
    title, paras = headline(
        clean(document.title), paragraph_sentences(document.text[:MAX_TEXT], FURNITURE)
    )
    sentences = scoped(title, paras, topic)
    names = NameBook([title, *(s.text for s in sentences)])
    published = document.published.date() if document.published else None
    aliases = frozenset(fold(a) for a in (topic.name, *topic.aliases) if a.strip())
    ctx = Context(published=published, names=names, aliases=aliases)
    found: list[tuple[Fact, str, bool]] = []
    lead: str | None = None
    day: str | None = None  # the day heading of a listing
    for index, sent in enumerate(sentences):
        found += _read(sent, sent.text, 0, ctx, index == 0)
        item = item_statement(sent.lead, sent.text, ctx.names.is_name) if sent.lead else None
        if item is not None:
            found += _read(sent, item[0], item[1], ctx, False)
        day = day_heading(sent.text) or day
        found += _listing(sent, day if index else None, ctx)
        if lead is not None:
            text, shift = answered(lead, sent.text)
            found += _read(sent, text, shift, ctx, False)
        opens = index > 0 and sentences[index - 1].para != sent.para
        own = all(subject is Subject.SHOW for _, _, subject in sent.switches)
        lead = question_lead(sent.text) if opens and own else None
    return [
        Sighting(fact, evidence, document.url, document.source, document.published)
        for fact, evidence in _dedupe(found)
    ]


def _read(
    sent: Sentence, text: str, shift: int, ctx: Context, headline: bool
) -> list[tuple[Fact, str, bool]]:
    """The facts one sentence states (``text`` is the sentence, perhaps after a lead)."""
    out = []
    asks = shift == 0 and is_question(text)
    # A body line without a full stop (a heading, a link to another story) is no news.
    bare = not headline and shift == 0 and not _TERMINAL.search(text)
    if bare and other_entry(text, ctx.aliases):
        return []  # a listing's line for another title: its dates are that title's
    for family in FAMILIES:
        for item in family(text, ctx):
            kind = item.fact.kind
            if (asks and kind in P.NOT_FROM_QUESTIONS) or (bare and kind in P.NOT_FROM_LINES):
                continue
            if sent.about_show(max(0, item.pos - shift)):
                out.append((item.fact, sent.text, headline))
    people = ctx.sentence_people
    ctx.last_person = people[0] if people else ctx.last_person
    return out


def _listing(sent: Sentence, day: str | None, ctx: Context) -> list[tuple[Fact, str, bool]]:
    """The facts of a listing entry of the show dated by its day heading or label."""
    dated = dated_entry(sent.text)
    day, text = dated if dated else (day, sent.text)
    entry = (entry_statement(text, day, ctx.aliases) if day else None) or guide_statement(text)
    return _read(sent, entry, 0, ctx, False) if entry else []


def headline(title: str, paras: list[list[str]]) -> tuple[str, list[list[str]]]:
    """The headline and the body: a text without a title starts with its headline line.

    A body that repeats the headline in its first lines (after a site name) loses the copy.
    """
    if not title and paras:
        first = paras[0]
        if len(first) == 1 and len(first[0]) <= MAX_HEADLINE and not first[0].endswith("."):
            title, paras = first[0], paras[1:]
    key = fold(title)
    copies = [i for i, p in enumerate(paras[:HEAD_LINES]) if len(p) == 1 and fold(p[0]) == key]
    return title, [p for i, p in enumerate(paras) if i not in copies] if key else paras


def _dedupe(found: list[tuple[Fact, str, bool]]) -> list[tuple[Fact, str]]:
    """One fact per key and value; a cast member keeps the most specific role given.

    A role from a (Title Case) headline gives way to one the body states.
    """
    out: dict[str, tuple[Fact, str, bool]] = {}
    for fact, evidence, headline in found:
        key = fact.key if fact.kind == FactKind.CAST else f"{fact.key}|{fact.value_key}"
        old = out.get(key)
        if old is None or (
            fact.kind == FactKind.CAST
            and (
                _better_role(old[0].role, fact.role)
                or (old[2] and fact.role and not headline)
                or (_credit_role(old[0], old[1]) and fact.role and not _credit_role(fact, evidence))
            )
        ):
            out[key] = (fact, evidence, headline)
    kept = _agreeing([(fact, evidence) for fact, evidence, _ in out.values()])
    dates = [str(f.value) for f, _ in kept if f.kind == FactKind.PREMIERE_DATE]
    dated_trailer = any(f.kind == FactKind.TRAILER and f.value != "released" for f, _ in kept)
    places = [str(f.value) for f, _ in kept if f.kind == FactKind.FILMING_LOCATION]
    return [
        (f, e)
        for f, e in kept
        if not _window_covers(f, dates)
        and not (dated_trailer and f.kind == FactKind.TRAILER and f.value == "released")
        and not (f.kind == FactKind.FILMING_LOCATION and _place_covered(str(f.value), places))
    ]


def _place_covered(place: str, places: list[str]) -> bool:
    """ "Vilnius" beside "Vilnius, Lithuania" in one article: the fuller name says it."""
    return any(other != place and other.startswith(place + ",") for other in places)


def _agreeing(kept: list[tuple[Fact, str]]) -> list[tuple[Fact, str]]:
    """Drop what the article itself contradicts or names as something else.

    Two different episode counts in one article: one is another show's (a roundup, a
    later season), and which is unsure, so neither. A location that names one of the
    article's production companies is the company, not a place.
    """
    values: dict[FactKind, set[str]] = {}
    for fact, _ in kept:
        if fact.kind in UNAMBIGUOUS:
            values.setdefault(fact.kind, set()).add(str(fact.value))
    places = any(f.kind == FactKind.FILMING_LOCATION for f, _ in kept)
    companies = [
        fold(str(f.value)) for f, _ in kept if places and f.kind == FactKind.PRODUCTION_COMPANY
    ]
    out = []
    for fact, evidence in kept:
        if fact.kind in UNAMBIGUOUS and len(values[fact.kind]) > 1:
            continue
        if companies and fact.kind == FactKind.FILMING_LOCATION:
            place = fold(str(fact.value))
            if any(c in place for c in companies):
                continue
        out.append((fact, evidence))
    return out


def _window_covers(fact: Fact, dates: list[str]) -> bool:
    """A premiere window the article's own exact premiere date falls in (the date says more)."""
    if fact.kind != FactKind.PREMIERE_WINDOW:
        return False
    value = str(fact.value)
    year = value[-4:] if not value[:4].isdigit() else value[:4]
    return any(d.startswith(value) or d.startswith(year) for d in dates)


def _credit_role(fact: Fact, evidence: str) -> bool:
    """Whether a role comes from a parenthesis after the name ("Adam Nagaitis (Chernobyl)"):
    perhaps a credit, so a role the article states in words is better."""
    return bool(fact.role) and f"{fact.person} ({fact.role})" in evidence


def _better_role(old: str | None, new: str | None) -> bool:
    """Whether ``new`` names the role better: any role beats none, a full name beats a first."""
    if new is None:
        return False
    if old is None:
        return True
    return fold(new).startswith(fold(old) + " ")
