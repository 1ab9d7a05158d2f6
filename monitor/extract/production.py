"""Production facts: episode count, filming location, company, platform, renewal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from monitor.extract import patterns as P
from monitor.extract.context import Context, Found
from monitor.extract.normalize import MONTH_RE, NUMBER_RE, number, ordinal
from monitor.models import Fact, FactKind, fold


def _alt(items: tuple[str, ...]) -> str:
    return "|".join(f"(?:{i})" for i in items)


_EPISODES = re.compile(
    rf"\b(?P<n>{NUMBER_RE})(?:[\s-]+|-)(?:(?:hour|hour-long|half-hour|part)[\s-]+)?"
    rf"(?:{_alt(P.EPISODE_UNITS)})",
    re.I,
)
# Totals said another way: "episode eight of eight", "its eighth and final episode".
_EPISODE_TOTALS = [re.compile(p.replace("NUM", NUMBER_RE), re.I) for p in P.EPISODE_TOTALS]
_NOT_EPISODES = re.compile(_alt(P.NOT_EPISODE_COUNT), re.I)
_EPISODE_BEFORE_BAD = re.compile(
    r"(?:first|last|final|remaining|next|other|opening|new|all\s+but|of\s+the|"
    r"previous|past|earlier|its\s+(?:first|last)|season|series)\s*$",
    re.I,
)
_SPECULATION = re.compile(_alt(P.SPECULATION_CUES), re.I)
_OTHER_SEASON = re.compile(_alt(P.OTHER_SEASON), re.I)
_CLAUSE_END = re.compile(r"[,;:()]|\s-\s|\s+(?:and|but|while|whereas|like|unlike)\s")
_TITLE = r"[A-Z][\w'&-]*(?:\s+(?:[A-Z0-9][\w'&-]*|of|the|and)){0,4}"
_TITLE_BEFORE = re.compile(rf"(?P<t>{_TITLE})(?:'s|')\s+(?:\w+\s+)?$")
_TITLE_AFTER = re.compile(rf"^\s+(?:of|for|in)\s+(?P<t>{_TITLE})")
_PLACE_END = re.compile(_alt(P.PLACE_ENDS))
_PLATFORMS = [(re.compile(rf"\b(?:{k})", re.I), v) for k, v in P.PLATFORM_ALIASES.items()]
_PLACE_TOKEN = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
_PLACE_SHOOT = re.compile(
    rf"\b(?:The|the|A|a)\s+(?P<place>{_PLACE_TOKEN})\s+(?i:shoot|filming|production|set)\b"
)
_FILMING = re.compile(
    rf"(?i:{_alt(P.FILMING_CUES)})\s+(?i:(?:{MONTH_RE})(?:\s+20\d\d)?,?\s+(?:in|at)\s+)?"
    rf"(?:(?:and\s+)?(?:around|the\s+city\s+of|and)\s+)?"
    rf"(?P<place>{_PLACE_TOKEN}(?:,\s+{_PLACE_TOKEN})?)"
)
# "in the Lithuanian capital, Vilnius" / "based in the capital, Vilnius", in a filming sentence.
_CAPITAL = re.compile(rf"\bcapital(?:\s+city)?,\s+(?P<place>{_PLACE_TOKEN})")
_FILMING_VERB = re.compile(r"\b(?:film(?:ing|ed)?|shoot(?:ing)?|shot|lensed|cameras)\b", re.I)
_COMPANY = re.compile(
    rf"(?P<c>(?:[A-Z][\w&'.-]*\s+){{1,3}}(?:{_alt(P.PRODUCTION_COMPANY_SUFFIXES)}))\b"
)
_OWNER = re.compile(r"^(?:\S+\s+)*?\S+(?:'s|s')\s+")
_COMPANY_CUE = re.compile(_alt(P.PRODUCTION_CUES), re.I)
_RENEW = [re.compile(p, re.I) for p in P.RENEWAL_CUES]
_CANCEL = re.compile(_alt(P.CANCEL_CUES), re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|yet\s+to|without|nor)\b|n't\b", re.I)
_HEDGE = re.compile(_alt(P.RENEWAL_HEDGES), re.I)
_NOT_PLACE = frozenset(
    {"The", "A", "An", "Apple", "Season", "Spring", "Summer", "Fall", "Winter", *P.WEEKDAYS}
    | {m.capitalize() for m in P.MONTHS}
    | {d.capitalize() for d in P.WEEKDAYS}
    | P.NOT_PLACE_WORDS
)


def find_production(text: str, ctx: Context) -> Iterator[Found]:
    """Every production fact one sentence states (each family only past a cheap word check)."""
    low = text.casefold()
    if _has(low, P.EPISODE_WORDS):
        yield from _episodes(text, ctx)
    if _has(low, P.FILMING_WORDS):
        yield from _filming(text)
    if _has(text, P.PRODUCTION_COMPANY_SUFFIXES):
        yield from _companies(text)
    if "apple" in low:
        yield from _platform(text)
    if _has(low, P.RENEWAL_WORDS):
        yield from _renewal(text)


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _episodes(text: str, ctx: Context) -> Iterator[Found]:
    bad = [(m.start(), m.end()) for m in _NOT_EPISODES.finditer(text)]
    for m in _EPISODES.finditer(text):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in bad):
            continue
        if _EPISODE_BEFORE_BAD.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        count = number(m.group("n"))
        near = text[max(0, m.start() - 40) : m.end() + 25]
        if _other_season(text, m.start(), m.end()) or _other_title(text, m, ctx):
            continue
        if count is not None and 2 <= count <= 40 and not _SPECULATION.search(near):
            yield Found(Fact(FactKind.EPISODE_COUNT, value=count), m.start())
            return
    for pattern in _EPISODE_TOTALS:
        total = pattern.search(text)
        count = ordinal(total.group("n")) if total else None
        if total and count is not None and 2 <= count <= 40:
            yield Found(Fact(FactKind.EPISODE_COUNT, value=count), total.start())
            return


def _other_title(text: str, m: re.Match[str], ctx: Context) -> bool:
    """Whether the count is another show's: "Silo's 10 episodes", "10 episodes of Silo"."""
    before = _TITLE_BEFORE.search(text, max(0, m.start() - 60), m.start())
    after = _TITLE_AFTER.match(text[m.end() : m.end() + 60])
    for found in (before, after):
        if found is None:
            continue
        title = fold(found.group("t"))
        first = found.group("t").split()[0].casefold()
        if first not in P.NOT_TITLE_WORDS and not any(a in title for a in ctx.aliases):
            return True
    return False


def _other_season(text: str, start: int, end: int) -> bool:
    """Whether a season other than the first is named by the count: before it in the
    sentence (up to 60 characters) or after it in its clause ("a third season of 10 episodes")."""
    before = text[max(0, start - 60) : start]
    stop = _CLAUSE_END.search(text, end)
    after = text[end : stop.start() if stop else len(text)]
    return bool(_OTHER_SEASON.search(before) or _OTHER_SEASON.search(after))


def _filming(text: str) -> Iterator[Found]:
    answer = text.startswith(P.FILMING_ANSWER)
    if _SPECULATION.search(text):
        return
    capital = _CAPITAL.search(text) if _FILMING_VERB.search(text) else None
    city = capital.group("place") if capital and looks_like_place(capital.group("place")) else None
    for m in [*_FILMING.finditer(text), *_PLACE_SHOOT.finditer(text)]:
        place = re.sub(r"'s$", "", m.group("place").strip())
        if not looks_like_place(place):
            continue
        if m.start() == 0 and answer and not _PLACE_END.match(text, m.end("place")):
            continue  # "Where was it filmed? Rhys Ifans said…" answers with a sentence
        if city and len(place.split()) == 1 and place != city:
            place, city = f"{city}, {place}", None  # "in Lithuania … the capital, Vilnius"
        yield Found(Fact(FactKind.FILMING_LOCATION, value=place), m.start())
    if city and capital:
        yield Found(Fact(FactKind.FILMING_LOCATION, value=city), capital.start())


def looks_like_place(place: str) -> bool:
    """A place name: not a company ("Sony Pictures Television"), kit ("Cameras") or a month."""
    words = place.replace(",", " ").split()
    if not words or words[0] in _NOT_PLACE:
        return False
    return not any(w.casefold().strip(".'") in P.NOT_PLACE_TOKENS for w in words)


def _companies(text: str) -> Iterator[Found]:
    if not _COMPANY_CUE.search(text):
        return
    for m in _COMPANY.finditer(text):
        name = re.sub(r"^(?:The|And|With|From|Via|By|For|Of)\s+", "", m.group("c"))
        name = _OWNER.sub("", name)  # "Moore's Tall Ship Productions": the company's name
        if name.startswith("Apple TV") or len(name.split()) < 2:
            continue
        yield Found(Fact(FactKind.PRODUCTION_COMPANY, value=name), m.start())


def _platform(text: str) -> Iterator[Found]:
    for pattern, value in _PLATFORMS:
        m = pattern.search(text)
        if m:
            yield Found(Fact(FactKind.PLATFORM, value=value), m.start())
            return


def _renewal(text: str) -> Iterator[Found]:
    if _SPECULATION.search(text) or _NEGATION.search(text) or _HEDGE.search(text):
        return
    for pattern in _RENEW:
        m = pattern.search(text)
        if m:
            season = ordinal(m.group(1))
            if season is not None and 2 <= season <= 20:
                yield Found(Fact(FactKind.RENEWAL, value=f"season {season} renewed"), m.start())
                return
    m = _CANCEL.search(text)
    if m:
        yield Found(Fact(FactKind.RENEWAL, value="cancelled"), m.start())
