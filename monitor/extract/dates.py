"""Date facts: premiere date, premiere window, finale date, trailer release.

Each date or window in a sentence belongs to the nearest cue (premiere, finale,
trailer, or something else such as filming or an announcement).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from monitor.extract import patterns as P
from monitor.extract.context import Context, Found
from monitor.extract.normalize import MONTH_RE, YEAR_RE, dates_in, window
from monitor.models import Fact, FactKind, fold


def _alt(items: tuple[str, ...]) -> str:
    return "|".join(f"(?:{i})" for i in items)


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("finale", re.compile(rf"\b(?:{_alt(P.FINALE_CUES)})\b", re.I)),
    ("premiere", re.compile(rf"\b(?:{_alt(P.PREMIERE_CUES)})\b", re.I)),
    ("other", re.compile(rf"\b(?:{_alt(P.OTHER_DATE_CUES)})\b", re.I)),
    ("range", re.compile(rf"(?:{_alt(P.RANGE_CUES)})\b", re.I)),
    # "May 29 - July 10, 2026": a dash between two dates
    ("range", re.compile(rf"(?<=\d)(?:,\s+20\d\d)?\s*-\s*(?=(?:{MONTH_RE})\s+\d)", re.I)),
)
# What makes a run of dates another thing's (filming, a festival); airing is the show's own.
_OTHER_RUN = re.compile(
    rf"\b(?:{_alt(tuple(c for c in P.OTHER_DATE_CUES if c != 'aired'))})\b", re.I
)
_TRAILER = re.compile(_alt(P.TRAILER_CUES), re.I)
_TRAILER_NOT = re.compile(rf"(?:{_alt(P.TRAILER_NOT_TRAILER)})", re.I)
_TRAILER_VERB = re.compile(rf"\b(?:{_alt(P.TRAILER_RELEASE_VERBS)})", re.I)
_TRAILER_LATER = re.compile(_alt(P.TRAILER_NOT_YET), re.I)
_TRAILER_AGAIN = re.compile(_alt(P.TRAILER_REWATCH), re.I)
_OTHER_RELEASE = re.compile(_alt(P.TRAILER_OTHER_OBJECTS), re.I)
MAX_VERB_GAP = 50
_VISUAL_BEFORE = re.compile(rf"(?:{_alt(P.VISUALS)})[^.;]{{0,20}}$", re.I)
_VISUAL_AFTER = re.compile(rf"[^.;,]{{0,20}}?(?:{_alt(P.VISUALS)})", re.I)
_RELEASE_WORD = re.compile(r"releas|drop|unveil|debut", re.I)
_SPECULATION = re.compile(_alt(P.SPECULATION_CUES), re.I)
_SEASONS = "|".join(P.SEASON_WORDS)
_WINDOW = re.compile(
    rf"\b(?:(?P<q>late|early|mid|end\s+of|beginning\s+of)[\s-]+)?(?:(?P<p>{_SEASONS}|{MONTH_RE})"
    rf"\s+(?:of\s+)?)?(?P<y>20\d\d)\b(?!\s*-\d)",
    re.I,
)
_RELATIVE = re.compile(
    rf"\b(?:(?P<q>late|early|later|mid)[\s-]+)?(?P<rel>this|next)\s+(?P<p>year|{_SEASONS})\b"
    rf"|\bin\s+(?P<m>{MONTH_RE})(?!\s*\d)",
    re.I,
)
_TODAY = re.compile(r"\b(?:today|this\s+morning|earlier\s+today)\b", re.I)
_WEEKDAY = re.compile(rf"\b(?:on\s+)?(?P<d>{'|'.join(P.WEEKDAYS)})\b(?!,?\s+{MONTH_RE})", re.I)
MAX_GAP = 70
_LISTING_PAREN = re.compile(r"\([^()]*$")
_LISTING_LEAD = re.compile(rf"^\W*(?:(?:{'|'.join(P.WEEKDAYS)}),?\s*)?$", re.I)
_LISTING_TRAIL = re.compile(r"(?:\s-|:|\s\|)\s*$")
_LISTING_AFTER = re.compile(r"^(?:\s*\([^()]*\))?[\s.]*$")
_LISTING_NOT = re.compile(r"\b(?:episodes?|season|series)\s+\d|\bepisode\b", re.I)


def _is_listing(text: str, start: int, end: int) -> bool:
    """A listing line dates a premiere: "Title (Network, May 29)" or "May 29 - Title"."""
    if len(text.split()) > 8 or _LISTING_NOT.search(text):
        return False
    in_paren = bool(_LISTING_PAREN.search(text[:start])) and text[end:].lstrip().startswith(")")
    leads = bool(_LISTING_LEAD.match(text[:start])) and text[end:].lstrip().startswith("-")
    trails = bool(_LISTING_TRAIL.search(text[:start]) and _LISTING_AFTER.match(text[end:]))
    return in_paren or leads or trails


_PAST = re.compile(rf"(?:{_alt(P.PAST_EVENT_CUES)})\b", re.I)
_PAST_BEFORE = re.compile(rf"(?:{_alt(P.PAST_EVENT_CUES)})\s+(?:\w+\s+){{0,2}}$", re.I)
MAX_PAST_DAYS = 300
_LATER_EPISODE = re.compile(
    r"\b(?:episode|ep\.?|chapter|part)\s*(?:[2-9]|\d\d|two|three|four|five|six|seven|eight|nine|ten)"
    r"\b[^,;.]{0,25}$",
    re.I,
)
# A premiere or finale verb whose subject is the production: "Filming on the show ends May 22".
_PRODUCTION_SUBJECT = re.compile(
    r"\b(?:filming|production|shooting|principal\s+photography|the\s+shoot|cameras)\b[^.;,]{0,40}$",
    re.I,
)
# A release verb whose subject is a trailer: "The trailer for the show will be released".
_TRAILER_OBJECT = re.compile(rf"\s+(?:[\w'\"]+\s+){{0,3}}?(?:{_alt(P.TRAILER_CUES)})", re.I)
_TRAILER_SUBJECT = re.compile(rf"(?:{_alt(P.TRAILER_CUES)})\s+(?:[\w'\"]+\s+){{0,3}}$", re.I)


def settled(text: str, start: int, end: int, when: date, cue: int, published: date | None) -> date:
    """A yearless date governed by a past-tense cue ("premiered May 29", "dropped the
    trailer on April 23") resolved into the past: the nearest such day on or before the
    publication, not the next one after it."""
    if published is None or when <= published or YEAR_RE.search(text[start:end]):
        return when
    past = _PAST.search(text, cue, start) if cue < start else _PAST.match(text, cue)
    if not (past or _PAST_BEFORE.search(text[max(0, cue - 40) : cue])):
        return when  # "dropped the trailer on April 23": the verb just before the cue
    try:
        weekday = _DAY_WORD.fullmatch(text, start, end)
        earlier = when - timedelta(days=7) if weekday else when.replace(year=when.year - 1)
    except ValueError:  # 29 February
        return when
    # Far back, the sentence more likely misdates than the article: keep the rule's date.
    return earlier if (published - earlier).days <= MAX_PAST_DAYS else when


_DAY_WORD = re.compile(
    rf"\b(?:(?P<rel>this|next|last)\s+)?(?P<d>{'|'.join(P.WEEKDAYS)})\b(?!,?\s+(?:{MONTH_RE}|\d))",
    re.I,
)
_EVERY = re.compile(r"\b(?:every|each|weekly|through|until|till|by)\s+$", re.I)
_TONIGHT = re.compile(r"\b(?:today|tonight)\b", re.I)
_YESTERDAY = re.compile(r"\b(?:yesterday|last\s+night)\b", re.I)


def relative_days(text: str, published: date | None) -> list[tuple[int, int, date]]:
    """ "this Friday", "on Friday", "tonight", "yesterday" as dates: the next such day from the
    publication (``settled`` moves it back a week under a past-tense cue)."""
    if published is None:
        return []
    out = []
    for m in _DAY_WORD.finditer(text):
        if _EVERY.search(text, max(0, m.start() - 12), m.start()):
            continue  # "new episodes every Friday": a schedule, not a day
        ahead = (P.WEEKDAYS.index(m.group("d").casefold()) - published.weekday()) % 7
        relation = (m.group("rel") or "").casefold()
        if relation == "next":
            continue  # this week's or the next? Readers disagree, so say nothing
        if relation == "last":
            ahead = ahead - 7 if ahead else -7
        out.append((m.start(), m.end(), published + timedelta(days=ahead)))
    out += [(m.start(), m.end(), published) for m in _TONIGHT.finditer(text)]
    out += [(m.start(), m.end(), published - timedelta(days=1)) for m in _YESTERDAY.finditer(text)]
    return sorted(out)


_MAYBE_DATE = re.compile(r"\d|this\s|next\s|\bin\s+[A-Z]|trailer|teaser|day\b|night", re.I)
_FORWARD_ONLY = re.compile(r"(?:through|until|till|to)$", re.I)
# Before a premiere verb, what makes it the finale's: "the finale / the last episode lands".
_FINALE_ONLY = re.compile(
    r"\bfinale\b|\b(?:final|last)\s+(?:episode|instal+ment|chapter|one)\b(?!'s)[^,;]*$"
    r"|\b(?:final|last)\s+of\s+(?:its|the)\s+(?:\w+\s+)?episodes\b[^,;]*$",
    re.I,
)


def _nearest_cue(text: str, start: int, end: int, trailer: bool) -> tuple[str, int] | None:
    """The kind and position of the cue nearest a date span, or None when none is close."""
    best: tuple[float, str, int] | None = None
    for kind, pattern in (*_CUES, *((("trailer", _TRAILER),) if trailer else ())):
        for m in pattern.finditer(text):
            if (
                kind == "premiere"
            ):  # a premiere verb is the trailer's only with it as subject or object
                is_release = bool(
                    _TRAILER_SUBJECT.search(text, max(0, m.start() - 60), m.start())
                    or _TRAILER_OBJECT.match(text, m.end())
                    # "Released Thursday, April 23, the first trailer …": an opening participle
                    or (m.start() <= 2 and _TRAILER.search(text, m.end(), m.end() + 80))
                )
            else:
                is_release = bool(
                    _TRAILER_VERB.match(text, m.start()) or _TRAILER.match(text, m.start())
                )
            kind_here = "trailer" if trailer and kind != "finale" and is_release else kind
            if kind_here == "premiere" and _releases_visuals(text, m):
                kind_here = "other"
            if m.end() <= start:
                gap: float = start - m.end()
            elif m.start() >= end and not _FORWARD_ONLY.search(m.group(0)):
                # "the May 29 premiere": a cue right after the date is the date's own
                own = kind != "range" and m.start() - end <= 1
                gap = 0 if own else (m.start() - end) * 2 + 15
            else:
                continue
            if gap <= MAX_GAP and (best is None or gap < best[0]):
                best = (gap, kind_here, m.start())
    return (best[1], best[2]) if best else None


def _releases_visuals(text: str, cue: re.Match[str]) -> bool:
    """Whether a release verb releases pictures ("First-look images were released")."""
    if not _RELEASE_WORD.match(cue.group(0)):
        return False
    before = text[max(0, cue.start() - 40) : cue.start()]
    return bool(_VISUAL_BEFORE.search(before) or _VISUAL_AFTER.match(text, cue.end()))


def find_dates(text: str, ctx: Context) -> Iterator[Found]:
    """Premiere, finale and trailer dates and premiere windows of one sentence."""
    if not _MAYBE_DATE.search(text):
        return
    trailer = bool(_TRAILER.search(text)) and not _TRAILER_NOT.search(text)
    speculative = bool(_SPECULATION.search(text))
    exact = dates_in(text, ctx.published)
    found = [
        f for f in _exact_dates(text, exact, trailer, ctx.published) if not _hedged(text, f.pos)
    ]
    if not exact:
        exact = relative_days(text, ctx.published)
        found = [
            f
            for f in _exact_dates(text, exact, trailer, ctx.published)
            if _own_day(text, f, ctx.aliases)
        ]
        found = [f for f in found if not _hedged(text, f.pos)]
    kinds = [k for k, _ in {(f.fact.kind, f.fact.value) for f in found}]
    # Two different dates for one single-valued kind in one sentence: ambiguous, say nothing.
    yield from (f for f in found if kinds.count(f.fact.kind) == 1)
    got_premiere = FactKind.PREMIERE_DATE in kinds
    if not got_premiere and not speculative and not trailer:
        yield from _windows(text, ctx, [(s, e) for s, e, _ in exact])
    if trailer:
        yield from _trailer(text, ctx, exact)


# Where one clause of a sentence ends and the next, with its own verb, begins.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|though|although|whereas|so)\s|\s+-\s|:\s")


def _hedged(text: str, pos: int) -> bool:
    """Whether the clause holding ``pos`` is speculation ("could", "rumoured", "expected").

    "The season wrapped up on July 10, and Apple typically takes weeks to renew": the hedge
    is the next clause's, not the date's.
    """
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)]
    stop = _CLAUSE_BREAK.search(text, pos)
    return bool(
        _SPECULATION.search(text, starts[-1] if starts else 0, stop.start() if stop else len(text))
    )


# Who a relative day's verb is about: the show, said by name or as "the series", "it".
_SHOW_SUBJECT = re.compile(
    r"(?:\b(?:the|its)\s+(?:[\w-]+\s+){0,2}?(?:show|series|drama|spinoff|season|episodes?)"
    r"|\bit|\b(?:the|its)\s+(?:[\w-]+\s+)?)[^,;.]{0,30}?$",
    re.I,
)
_DAY_CUE = re.compile(
    r"(?:premier\w*|debut\w*|launch\w*|arriv\w*|bow\w*|drop\w*|land\w*|stream\w*|air\w*"
    r"|finale|wrap\w*|end\w*|conclud\w*)(?:\s+[^\s,;.]+){0,4}?\s+$",
    re.I,
)


def _own_day(text: str, found: Found, aliases: frozenset[str]) -> bool:
    """A weekday or "tonight" dates a premiere or finale only right after the show's own verb
    ("Star City premieres this Friday", "the series ended Sunday"): news dates everything by
    weekday ("In a statement released on Tuesday, …")."""
    if found.fact.kind == FactKind.TRAILER:
        return True
    day = next((m for m in _DAY_WORDS.finditer(text) if m.start() >= found.pos), None)
    if day is None or not _DAY_CUE.search(text, max(0, day.start() - 40), day.start()):
        return False
    before = text[: found.pos]
    return any(a in fold(before) for a in aliases) or bool(_SHOW_SUBJECT.search(before))


_DAY_WORDS = re.compile(
    rf"\b(?:{'|'.join(P.WEEKDAYS)}|today|tonight|yesterday|last\s+night)\b", re.I
)


def _exact_dates(
    text: str, exact: list[tuple[int, int, date]], trailer: bool, published: date | None
) -> Iterator[Found]:
    """Each exact date with the premiere or finale cue it belongs to."""
    for start, end, when in exact:
        cue = _nearest_cue(text, start, end, trailer)
        if cue is None and _is_listing(text, start, end):
            cue = ("premiere", start)  # a listing line: "Title (Network, May 29)"
        if cue is None or cue[0] in ("other", "trailer"):
            continue
        kind, pos = cue
        if _PRODUCTION_SUBJECT.search(text, max(0, pos - 60), pos):
            continue
        if kind == "premiere" and _LATER_EPISODE.search(text, max(0, pos - 40), pos):
            continue  # "Episode 4 drops June 12": a later episode's day, not the premiere
        if kind == "range":  # a run's last day, unless the run is filming's or another's
            if _OTHER_RUN.search(text) or not any(-8 <= pos - e <= 7 for _, e, _ in exact):
                continue  # or the dash follows no date ("Episode 3 - June 5")
            kind = "finale"
        if kind == "premiere" and _FINALE_ONLY.search(text[max(0, pos - 50) : pos]):
            kind = "finale"
        fact_kind = FactKind.FINALE_DATE if kind == "finale" else FactKind.PREMIERE_DATE
        when = settled(text, start, end, when, pos, published)
        yield Found(Fact(fact_kind, value=when.isoformat()), pos)


def _windows(text: str, ctx: Context, taken: list[tuple[int, int]]) -> Iterator[Found]:
    for start, end, value in _window_spans(text, ctx):
        if any(not (end <= a or start >= b) for a, b in taken):
            continue
        cue = _nearest_cue(text, start, end, False)
        if cue is not None and cue[0] == "premiere":
            yield Found(Fact(FactKind.PREMIERE_WINDOW, value=value), cue[1])
            return


def _window_spans(text: str, ctx: Context) -> Iterator[tuple[int, int, str]]:
    for m in _WINDOW.finditer(text):
        yield m.start(), m.end(), window(m.group("q"), m.group("p"), int(m.group("y")))
    if ctx.published is None:
        return
    for m in _RELATIVE.finditer(text):
        if m.group("m"):
            month = m.group("m")
            year = ctx.published.year
            if P.MONTHS[month.casefold().rstrip(".")] < ctx.published.month:
                year += 1
            yield m.start(), m.end(), window(None, month, year)
            continue
        year = ctx.published.year + (1 if m.group("rel").casefold() == "next" else 0)
        period = m.group("p").casefold()
        qual = (m.group("q") or "").casefold()
        qual = "" if qual == "later" else qual
        yield m.start(), m.end(), window(qual, None if period == "year" else period, year)


def _released_trailer(text: str) -> re.Match[str] | None:
    """The trailer cue a release verb governs: the verb's nearest released thing is a
    trailer, not images or a poster, and it stands close ("First-look images were
    released ahead of a trailer" releases images)."""
    things = [(m, True) for m in _TRAILER.finditer(text)]
    things += [(m, False) for m in _OTHER_RELEASE.finditer(text)]
    for verb in _TRAILER_VERB.finditer(text):

        def gap(item: tuple[re.Match[str], bool], verb: re.Match[str] = verb) -> int:
            m = item[0]
            return max(0, m.start() - verb.end(), verb.start() - m.end())

        nearest = min(things, key=gap)
        if nearest[1] and gap(nearest) <= MAX_VERB_GAP:
            return nearest[0]
    return None


def _trailer(text: str, ctx: Context, exact: list[tuple[int, int, date]]) -> Iterator[Found]:
    if _TRAILER_LATER.search(text) or _TRAILER_AGAIN.search(text):
        return
    cue = _released_trailer(text)
    if cue is None:
        return
    value = "released"
    for start, end, when in exact:
        near = _nearest_cue(text, start, end, True)
        if near is not None and near[0] == "trailer":
            value = settled(text, start, end, when, near[1], ctx.published).isoformat()
            break
    else:
        relative = _relative_day(text, ctx.published)
        if relative is not None:
            value = relative.isoformat()
    yield Found(Fact(FactKind.TRAILER, value=value), cue.start())


def _relative_day(text: str, published: date | None) -> date | None:
    """ "today" or "on Thursday" as a date on or before the publication date."""
    if published is None:
        return None
    if _TODAY.search(text):
        return published
    m = _WEEKDAY.search(text)
    if m is None:
        return None
    wanted = P.WEEKDAYS.index(m.group("d").casefold())
    back = (published.weekday() - wanted) % 7
    return published - timedelta(days=back)
