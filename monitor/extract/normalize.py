"""Normal forms of facts.md: numbers, dates, windows and names.

Every function is pure and idempotent on its own output.
"""

from __future__ import annotations

import re
from datetime import date

from monitor.extract.patterns import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SEASON_WORDS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
MONTH_RE = rf"(?:{_MONTH_ALT})\.?"
# "May 29", "May 29th, 2026", "29 May 2026", "Friday, May 29".
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_ALT})\.?"
    rf"(?:,?\s+(?P<y2>(?:19|20)\d\d))?)\b",
    re.IGNORECASE,
)
ISO_DATE_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
# "5/29" (US) or "29/5" (UK, AU), read only when one order is impossible: "10/7" says nothing.
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>20\d\d))?(?![\d/])"
)
NUMBER_RE = rf"(?:\d{{1,3}}|(?:{_NUM_WORD_ALT})(?:-(?:{_NUM_WORD_ALT}))?)"
_NAME_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|actor|actress|star|director"
    r"|writer|producer|creator|showrunner|co-?star|newcomer)\.?\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:'s|')$")


def number(text: str) -> int | None:
    """``"8"``, ``"eight"``, ``"twenty-two"``, ``"Ten"`` → int; anything else → None."""
    word = text.strip().casefold().replace("\u2010", "-")
    if word.isdigit():
        return int(word) if len(word) <= 4 else None
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, sep, unit = word.partition("-")
    if sep and NUMBER_WORDS.get(tens, 0) >= 20 and 0 < NUMBER_WORDS.get(unit, 99) < 10:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None


def ordinal(text: str) -> int | None:
    """``"second"``, ``"2nd"``, ``"2"``, ``"two"`` → 2; anything else → None."""
    word = text.strip().casefold()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
    if m:
        return int(m.group(1))
    return number(word)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(month: int, day: int, year: int | None, published: date | None) -> date | None:
    """The date; a date without year takes the year that puts it nearest on/after ``published``."""
    if year is not None:
        return _valid(year, month, day)
    if published is None:
        return None
    found = _valid(published.year, month, day)
    if found is not None and found >= published:
        return found
    return _valid(published.year + 1, month, day)


def parse_date(match: re.Match[str], published: date | None) -> date | None:
    """A ``DATE_RE`` match as a date, resolved against the publication date."""
    month_word = (match.group("m1") or match.group("m2") or "").casefold()
    day = int(match.group("d1") or match.group("d2"))
    year_text = match.group("y1") or match.group("y2")
    return resolve(MONTHS[month_word], day, int(year_text) if year_text else None, published)


def dates_in(text: str, published: date | None) -> list[tuple[int, int, date]]:
    """Every resolvable date in a text as ``(start, end, date)``."""
    out: list[tuple[int, int, date]] = []
    for m in DATE_RE.finditer(text):
        found = parse_date(m, published)
        if found is not None:
            out.append((m.start(), m.end(), found))
    for m in ISO_DATE_RE.finditer(text):
        iso = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if iso is not None:
            out.append((m.start(), m.end(), iso))
    for m in NUMERIC_DATE_RE.finditer(text):
        found = _numeric(int(m.group("a")), int(m.group("b")), m.group("y"), published)
        if found is not None:
            out.append((m.start(), m.end(), found))
    return _ranged(text, sorted(out))


def _numeric(a: int, b: int, year: str | None, published: date | None) -> date | None:
    """A numeric day and month in whichever order is the only possible one."""
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a <= 12 and b <= 12) or (a > 12 and b > 12):
        return None
    month, day = (a, b) if a <= 12 else (b, a)
    return resolve(month, day, int(year) if year else None, published)


_RANGE_GAP = re.compile(r"\s*(?:-|to|through|until|till)\s*", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _ranged(text: str, dates: list[tuple[int, int, date]]) -> list[tuple[int, int, date]]:
    """ "May 29 - July 10, 2026": a run's first date without a year takes the year of its end."""
    out = list(dates)
    for i in range(len(out) - 1):
        (s1, e1, first), (s2, e2, last) = out[i], out[i + 1]
        if (
            _RANGE_GAP.fullmatch(text, e1, s2)
            and not YEAR_RE.search(text, s1, e1)
            and YEAR_RE.search(text, s2, e2)
        ):
            year = (
                last.year if (first.month, first.day) <= (last.month, last.day) else last.year - 1
            )
            moved = _valid(year, first.month, first.day)
            out[i] = (s1, e1, moved or first)
    return out


def window(qualifier: str | None, period: str | None, year: int) -> str:
    """A premiere window in normal form: ``"2026"``, ``"late 2026"``, ``"spring 2026"``, ``"2026-05"``."""
    if period:
        p = period.casefold()
        if p in SEASON_WORDS:
            return f"{SEASON_WORDS[p]} {year}"
        if p.rstrip(".") in MONTHS:
            return f"{year}-{MONTHS[p.rstrip('.')]:02d}"
    if qualifier:
        q = qualifier.casefold()
        if q in ("late", "early"):
            return f"{q} {year}"
    return str(year)


def person(name: str) -> str:
    """A person's name in normal form: no titles, no possessive, single spaces."""
    cleaned = " ".join(name.replace("\u2019", "'").split())
    for _ in range(8):
        before = cleaned
        cleaned = _POSSESSIVE.sub("", _NAME_TITLES.sub("", cleaned.strip(" ,;:-\"'"))).strip()
        if cleaned == before:
            break
    return cleaned


def role(text: str) -> str:
    """A role in normal form: no leading article or quotes, single spaces."""
    cleaned = " ".join(text.split()).strip(" ,;:.\"'")
    cleaned = re.sub(r"^(?:the|a|an)\s+", "", cleaned, flags=re.IGNORECASE)
    return cleaned.strip(" \"'")
