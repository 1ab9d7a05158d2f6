"""Credit blocks: a heading ("Cast", "Created by", "Executive producers:") over lines of names.

A page's cast list or credit box puts one name (or one "Name - Role") on each line
under its label. Each line, read after the label's statement lead ("The cast includes
Rhys Ifans as the Chief Designer."), states what the label says of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from monitor.extract import patterns as P

MAX_ITEM = 90
CAST_LEAD = P.CREDIT_HEADINGS[P.CAST_HEADING]
_HEADINGS = [
    (re.compile(rf"^(?:{k})\s*[:?]?$", re.IGNORECASE), v) for k, v in P.CREDIT_HEADINGS.items()
]
_LABELLED = [
    (re.compile(rf"^(?:{k})\s*:\s*\S", re.IGNORECASE), v) for k, v in P.CREDIT_HEADINGS.items()
]
# "Name | Role", "Name - Role", "Name: Role", "Name (Role)" in a cast list: the role after.
_ITEM = re.compile(
    r"^(?P<left>[^|:()]{3,60}?)(?:\s+\|\s+|\s+-\s+|:\s+|\s*\()(?P<right>[^|:()]{2,60}?)\)?$"
)


def heading_lead(line: str) -> str | None:
    """The statement lead of a credit heading line ("Cast", "Created By:"), or None."""
    for pattern, lead in _HEADINGS:
        if pattern.match(line):
            return lead
    return None


def label_lead(line: str) -> str | None:
    """The lead of a credit label opening a line with its first item ("Cast: A"), or None."""
    for pattern, lead in _LABELLED:
        if pattern.match(line):
            return lead
    return None


def is_items(para: list[str]) -> bool:
    """Whether a paragraph's sentences are list lines: short and without a full stop."""
    return all(len(s) <= MAX_ITEM and not s.endswith(".") for s in para)


def item_statement(lead: str, line: str, is_name: Callable[[str], bool]) -> tuple[str, int] | None:
    """A credit line as a statement after its heading's lead, and how far the line shifts.

    In a cast list, a line pairing two names ("Lyudmilla Raskova (Anna Maxwell Martin)",
    "Alice Englert (Bad Sisters)") does not say which is the actor: None.
    """
    line = line.rstrip(" ;,")
    if lead == CAST_LEAD:
        pair = _ITEM.match(line)
        if pair is not None:
            left, right = pair.group("left").strip(), pair.group("right").strip()
            if is_name(right) or not is_name(left):
                return None
            line = f"{left} as {right}"
        elif " as " not in line and not is_name(line):
            return None
    return f"{lead} {line}.", len(lead) + 1
