"""Facts about the monitored show, from one document.

``extract(document, topic)`` reads the title and every sentence, keeps only the
stretches about the show (see ``scope``), and asks each kind family for facts.
Each fact comes once per document with the first sentence that states it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from monitor.extract.context import Context, Found
from monitor.extract.dates import find_dates
from monitor.extract.names import NameBook
from monitor.extract.people import find_people
from monitor.extract.production import find_production
from monitor.extract.scope import scoped
from monitor.models import Document, Fact, FactKind, Sighting, Topic, fold
from monitor.text import clean, paragraph_sentences

__all__ = ["extract"]

MAX_TEXT = 400_000
Family = Callable[[str, Context], Iterator[Found]]
FAMILIES: tuple[Family, ...] = (find_people, find_dates, find_production)


def extract(document: Document, topic: Topic) -> list[Sighting]:
    """The facts a document states about the topic's show, once each, with evidence."""
    title = clean(document.title)
    paras = paragraph_sentences(document.text[:MAX_TEXT])
    sentences = scoped(title, paras, topic)
    names = NameBook([title, *(s.text for s in sentences)])
    published = document.published.date() if document.published else None
    ctx = Context(published=published, names=names)
    found: list[tuple[Fact, str, bool]] = []
    for index, sent in enumerate(sentences):
        for family in FAMILIES:
            for item in family(sent.text, ctx):
                if sent.about_show(item.pos):
                    found.append((item.fact, sent.text, index == 0))
        people = ctx.sentence_people
        ctx.last_person = people[0] if people else ctx.last_person
    return [
        Sighting(fact, evidence, document.url, document.source, document.published)
        for fact, evidence in _dedupe(found)
    ]


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
            and (_better_role(old[0].role, fact.role) or (old[2] and fact.role and not headline))
        ):
            out[key] = (fact, evidence, headline)
    kept = [(fact, evidence) for fact, evidence, _ in out.values()]
    dates = [str(f.value) for f, _ in kept if f.kind == FactKind.PREMIERE_DATE]
    dated_trailer = any(f.kind == FactKind.TRAILER and f.value != "released" for f, _ in kept)
    return [
        (f, e)
        for f, e in kept
        if not _window_covers(f, dates)
        and not (dated_trailer and f.kind == FactKind.TRAILER and f.value == "released")
    ]


def _window_covers(fact: Fact, dates: list[str]) -> bool:
    """A premiere window the article's own exact premiere date falls in (the date says more)."""
    if fact.kind != FactKind.PREMIERE_WINDOW:
        return False
    value = str(fact.value)
    year = value[-4:] if not value[:4].isdigit() else value[:4]
    return any(d.startswith(value) or d.startswith(year) for d in dates)


def _better_role(old: str | None, new: str | None) -> bool:
    """Whether ``new`` names the role better: any role beats none, a full name beats a first."""
    if new is None:
        return False
    if old is None:
        return True
    return fold(new).startswith(fold(old) + " ")
