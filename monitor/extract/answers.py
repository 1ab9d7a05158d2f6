"""Question headings of explainers ("When does Star City premiere?") and their answers.

The first sentence under such a heading often says only "May 29." or "Vilnius,
Lithuania."; read after the question's lead ("It premieres May 29.") it states
the fact the question asks for. A question itself states nothing: "Is Star City
renewed for season 2?" is no renewal.
"""

from __future__ import annotations

import re

from monitor.extract import patterns as P

MAX_QUESTION = 120
_LEADS = [(re.compile(k, re.IGNORECASE), v) for k, v in P.QUESTION_LEADS.items()]
_OPENER = re.compile(rf"^{P.ANSWER_OPENERS}", re.IGNORECASE)
# A question without its mark (SEO headings): an inverted auxiliary opens it.
_INVERTED = re.compile(rf"^(?:{'|'.join(P.QUESTION_OPENERS)})")


def is_question(text: str) -> bool:
    """Whether a sentence asks rather than states ("Is Star City renewed for season 2?")."""
    stripped = text.rstrip(" \"')")
    return stripped.endswith("?") or bool(_INVERTED.match(text))


def question_lead(text: str) -> str | None:
    """The statement lead a question heading asks for, or None for other lines."""
    if not text.endswith("?") or len(text) > MAX_QUESTION:
        return None
    for pattern, lead in _LEADS:
        if pattern.search(text):
            return lead
    return None


def answered(lead: str, answer: str) -> tuple[str, int]:
    """The answer as a statement, and how far the answer's text is shifted in it."""
    opener = _OPENER.match(answer)
    body = answer[opener.end() :] if opener else answer
    if "{first}" in lead:
        first, _, rest = body.partition(" ")
        word = first.rstrip(",.;:")
        text = lead.format(first=word, rest=first[len(word) :] + (" " + rest if rest else ""))
    else:
        text = f"{lead} {body}"
    return text, max(0, len(text) - len(answer))
