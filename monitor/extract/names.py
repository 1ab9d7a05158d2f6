"""Person names: how they look, lists of them, and surname-to-full-name resolution."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from monitor.extract.normalize import person
from monitor.models import fold as _fold_uncached

fold = lru_cache(maxsize=65536)(_fold_uncached)

UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_TOKEN = rf"[{UP}](?:[{LOW}]+(?:[-'][{UP}]?[{LOW}]+)*|'[{UP}][{LOW}]+|[{LOW}]*[{UP}][{LOW}]+)"
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|le|la|du|dos|bin|al)"
_INITIAL = rf"[{UP}]\."
# A full name: 2-4 capitalised tokens, initials and particles inside.
NAME = (
    rf"(?:{_TOKEN}|{_INITIAL})(?:\s+(?:{_INITIAL}|{_PARTICLE}(?=\s+[{UP}])|{_TOKEN})){{1,3}}"
    rf"(?:\s+(?:Jr\.|Sr\.|II|III))?"
)
# A name or a single surname (resolved against the article's full names).
NAME_OR_SURNAME = rf"(?:{NAME}|{_TOKEN})"
NAME_RE = re.compile(rf"(?<![\w'])({NAME})(?![\w])")

# Capitalised words that are never part of a person's name.
NOT_NAME_WORDS = frozenset(
    fold(w)
    for w in """The A An And Apple TV Star City Season Series Show Spinoff Spin-Off Episode
    Episodes For All Mankind Netflix HBO Max Hulu Amazon Prime Video Disney Paramount Peacock
    Soviet KGB NASA Russian American British Chief Designer Cast Casting Exclusive Joins Join
    Lead Leads Star Stars Trailer Teaser First Look Premiere Date Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Deadline Variety Hollywood Reporter Sony Pictures
    Television Productions Studios Entertainment Ship Tall Comic Con In On At Of To With
    Also Plus Breaking News Update Watch Here's Here What Who When Where Why How New Official
    Drama Thriller Comedy Moon Mars Space Cosmonaut Cosmonauts Lithuania Vilnius Moscow
    Russia Union Apple's Original Originals Finale Full Details Photos Images Review Recap
    This That These Those It Its He She They We You I Our Their His Her Meanwhile However
    Then Now Previously Later Earlier Created Executive Producer Producers Showrunner
    Showrunners Director Writer Writers Actor Actress Actors Is Are Was Were Will Has Have
    Had Be But As By From Read More Related Sign Up Get Set Cosmonaut Training Center
    Universe Franchise Parent Flagship Original BBC ITV Channel Sky Starz Showtime FX AMC
    Happy Merry Day Adds Casts Taps Sets Lands Books Enlists Recruits Reveals Unveils Drops Debuts Premieres
    Renews Cancels Board Boards Eyes Nabs Gets Says Talks Teases Confirms Announces Exits
    Starring Featuring Including Joining Led Veteran Newcomer Fellow Emmy Oscar BAFTA Winner
    Nominee Alum Both Only Sources Source Exclusive EXCLUSIVE Plus
    First-Look Set Like Unlike After Before Since Meet Cast Ensemble
    Getting Gets Got Goes Going Gone Makes Making Takes Taking Looks Looking Comes Coming
    Keeps Becomes Becoming Feels Said Shows Showing Revealed Confirmed Announced Officially
    Expands Expanding Grows Growing Adding Continues Returns Returning Heading Explains
    Explained Ranked Teased Wants Needs Ridiculous Huge Bigger Biggest Massive Stacked
    Incredible Amazing Perfect Great Greatest Better Insane Crazy Stellar Impressive Epic
    Stunning Brilliant Complete Entire Whole Every Exciting Surprising Shocking Latest Upcoming
    Already Finally Still Just Really Very Even Absolutely Seriously Totally Everything Nothing
    Something Anything Everyone Nobody Fans Story Stories Guide List Ranking Things Know Need
    Inside Behind Why Which Whose Would Could Should Can May Might Must Not No Yes Than Into
    Over Under About Around Through Ahead Soon Today Tonight Tomorrow Yesterday Week Month Year
    Star's Spinoff's Series' Show's Designer's
    Tapped Tap Boarded Joined Signs Signed Inks Inked Circles Circling Added Named Hired
    Landed Nabbed Booked Enlisted Recruited Snags Snagged Scores Scored Picks Picked Rounds
    Rounded Departs Replaces Replaced Recast Recasts Toplines Topline Headline Headlines
    Headlining Fronts Play Plays Playing Played Portray Portrays""".split()
)


def after_possessive(text: str) -> str:
    """The person in a possessive: "Polite Society's Priya Kansara" → "Priya Kansara",
    "Nia Okafor's Vera" → "Nia Okafor" (a full name follows, or a role does)."""
    tokens = text.split()
    owner = [i for i, tok in enumerate(tokens[:-1]) if tok.endswith(("'s", "s'"))]
    if not owner:
        return text
    after = tokens[owner[-1] + 1 :]
    if len(after) >= 2:
        return " ".join(after)
    return person(" ".join(tokens[: owner[-1] + 1]))


def before_label(name: str, following: str) -> str:
    """A name without the credit label run into it ("Andrew Chambliss Studio:" on joined
    credit lines): a last word right before a colon opens the next line's label."""
    if following == ":" and name.count(" ") >= 2:
        return name.rsplit(" ", 1)[0]
    return name


def looks_like_name(text: str) -> bool:
    """A plausible person name: two or more tokens, none a known non-name word."""
    tokens = [t for t in text.split() if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|II|III", t)]
    if len(tokens) < 2:
        return False
    return not any(fold(t) in NOT_NAME_WORDS for t in tokens)


_QUOTES = "'\"\u2018\u2019\u201c\u201d"


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Whether the words at start:end stand alone inside quotation marks."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


class NameBook:
    """The full names an article gives, to resolve later surname-only mentions."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.full: list[str] = []
        self._by_surname: dict[str, set[str]] = {}
        for text in texts:
            for m in NAME_RE.finditer(text):
                if _in_quotes(text, m.start(1), m.end(1)):
                    continue  # "Cold Light" picks up …: an episode's title, not a person
                self.add(before_label(m.group(1), text[m.end() : m.end() + 1]))

    def add(self, name: str) -> None:
        """Record a full name (ignored unless it looks like a person's)."""
        name = after_possessive(person(name))
        if not looks_like_name(name):
            return
        if any(fold(known).endswith(" " + fold(name)) for known in self.full):
            return
        if all(fold(name) != fold(known) for known in self.full):
            self.full.append(name)
        surname = fold(name.split()[-1])
        self._by_surname.setdefault(surname, set()).add(fold(name))

    def resolve(self, text: str) -> str | None:
        """A full name for ``text``: itself if full, the one full name with that surname, or None."""
        name = person(text)
        if not name:
            return None
        if looks_like_name(name):
            return self._first_spelling(name)
        if " " in name or fold(name) in NOT_NAME_WORDS:
            return None
        matches = self._by_surname.get(fold(name), set())
        if len(matches) != 1:
            return None
        return self._first_spelling(next(iter(matches)))

    def is_name(self, text: str) -> bool:
        """Whether a whole text is a person's name (a full name, or a known surname)."""
        name = person(text)
        return bool(name) and fold(name) == fold(text) and self.resolve(text) is not None

    def _first_spelling(self, name: str) -> str:
        key = fold(name)
        longer = [k for k in self.full if fold(k).endswith(" " + key)]
        if len(longer) == 1:
            return longer[0]
        for known in self.full:
            if fold(known) == key:
                return known
        return name
