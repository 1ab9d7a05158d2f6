"""TV listings that date a day once, in a heading line, over the day's entries.

"Friday May 29" above "Star City (Apple TV) - series premiere, two episodes" dates the
premiere; above "Star City (Apple TV) - season finale" it dates the finale. An entry
that says neither (a new episode, another season) is dated by nothing.
"""

from __future__ import annotations

import re

from monitor.extract import patterns as P
from monitor.extract.normalize import DATE_RE, MONTH_RE
from monitor.models import fold

_WEEKDAY = "(?:" + "|".join(d[:3] + r"\w*\.?" for d in P.WEEKDAYS) + ")"
_TITLE_END = re.compile(r"\s+[-\u2013\u2014]\s+|:\s+|,\s+")
_FINALE = re.compile(rf"\b(?:{'|'.join(P.LISTING_FINALE)})\b", re.IGNORECASE)
_PREMIERE = re.compile(rf"\b(?:{'|'.join(P.LISTING_PREMIERE)})\b", re.IGNORECASE)
_LATER = re.compile(
    r"\b(?:season|series)\s+(?:[2-9]|\d\d|two|three|four|five|six)\b|\bS(?:[2-9]|\d\d)\b"
    r"|\b(?:second|third|fourth|fifth|sixth|final|new)\s+season\b|\bepisode\s+(?:[2-7]|\d\d)\b",
    re.IGNORECASE,
)
# A day label opening an entry: "Fri July 10: Star City (Apple TV) - season finale".
_DAY_LABEL = re.compile(r"^(?P<day>[^:]{3,30}?)(?::\s+|\s+[-\u2013\u2014|]\s+)(?P<rest>.+)$")
MAX_HEADING = 40


def day_heading(text: str) -> str | None:
    """The date of a line that is only a day ("Friday May 29", "FRIDAY 29 MAY"), or None."""
    if len(text) > MAX_HEADING:
        return None
    m = DATE_RE.search(text)
    if m is None:
        return None
    before, after = text[: m.start()], text[m.end() :]
    if re.fullmatch(rf"\W*(?:{_WEEKDAY},?\s*)?", before, re.IGNORECASE) and not after.strip(" .:"):
        return m.group(0)
    return None


def entry_statement(text: str, day: str, aliases: frozenset[str]) -> str | None:
    """A listing entry of the show under a day heading as a dated statement, or None."""
    key = fold(text)
    alias = next((a for a in aliases if key.startswith(a)), None)
    if alias is None:
        return None
    split = _TITLE_END.search(text, len(alias))
    title, rest = (text[: split.start()], text[split.end() :]) if split else (text, "")
    if _LATER.search(rest) or DATE_RE.search(rest):  # another season; dated by itself
        return None
    if _FINALE.search(rest):
        return f"{title} has its season finale on {day}."
    if _PREMIERE.search(rest):
        return f"{title} premieres on {day}."
    return None


def dated_entry(text: str) -> tuple[str, str] | None:
    """The day and the entry of a line opening with its day ("Fri July 10: Star City …")."""
    m = _DAY_LABEL.match(text)
    if m is None:
        return None
    day = day_heading(m.group("day"))
    return (day, m.group("rest")) if day else None


# A schedule line's leading day without a separator: "THU 6/4  The Night Shift (Netflix)".
_DAY_LEAD = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}/\d{{1,2}}|(?:{MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r",?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def other_entry(text: str, aliases: frozenset[str]) -> bool:
    """Whether a line is a dated listing entry of another title ("Fri July 3 - Silo, finale")."""
    dated = dated_entry(text)
    lead = _DAY_LEAD.match(text)
    rest = dated[1] if dated else lead.group("rest") if lead else None
    return rest is not None and not any(fold(rest).startswith(a) for a in aliases)


_FIRST_EPISODE = re.compile(r"^(?:episode|ep\.?)\s*(?:1|one|01)\b(?![\d.:]\d)", re.IGNORECASE)
MAX_GUIDE_LINE = 12


def guide_statement(text: str) -> str | None:
    """An episode guide's first line ("Episode 1: 'Title' - May 29") as a premiere statement."""
    if not _FIRST_EPISODE.match(text) or len(text.split()) > MAX_GUIDE_LINE or _LATER.search(text):
        return None
    days = list(DATE_RE.finditer(text))
    return f"It premieres on {days[0].group(0)}." if len(days) == 1 else None
