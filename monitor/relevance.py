"""Is a document about the monitored show? Judged mention by mention.

Each mention of an alias is read with its neighbourhood (its sentence and the
ones either side). A mention with an exclude word right beside it ("Arrow's Star
City", "Star City casino") is another Star City; one with show context nearby is
the show; general topical context ("cosmonaut", "Soviet") counts only next to
TV words, so the real training centre alone is not the show. An exclude word
elsewhere in a roundup does not outvote a genuine mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.models import Document, Relevance, Topic
from monitor.text import clean, paragraph_sentences

MAX_TEXT = 400_000
MAX_TITLE = 2_000
MAX_MENTIONS = 200  # mentions judged per document: enough to decide, bounded work
NEAR = 40
# Context terms too general to mark the show on their own.
GENERIC_CONTEXT = frozenset(
    "cosmonaut cosmonauts soviet soviets space russian russia moscow ussr kgb rocket".split()
)
# Words beside an alias that show it is used as the show's title.
SHOW_MARKERS = re.compile(
    r"\b(?:spin-?off|series|show|apple|episodes?|cast|casting|premieres?|premiering|trailer|teaser"
    r"|drama|thriller|streaming|streamer|showrunners?|stars?|starring|joins?|debuts?|finale"
    r"|renew(?:ed|al)?|executive\s+produc\w*|play(?:s|ing|ed)?|roles?|character|actor|actress)\b|'@'",
    re.IGNORECASE,
)
# Words beside an alias that show it is a place.
PLACE_MARKERS = re.compile(
    r"\b(?:town|complex|training|cent(?:re|er)|base|outside\s+moscow|of\s+moscow|closed|city\s+of"
    r"|residents?|museum|anniversary|founded|military|soyuz|iss|station)\b",
    re.IGNORECASE,
)
# A locative word right before the alias, not after a TV word: "hiding in Star City".
PLACE_PREFIX = re.compile(
    r"\b(?:(?:hiding|living|lives|lived|stuck|trapped|life|settled|based|located|exiled|held"
    r"|remains?|stays?|stayed|arrives?|arrived|arriving|years|born|grew\s+up)\s+(?:\w+\s+){0,3}?"
    r"(?:in|at)|leaves|left|leaving|escaped?\s+from|gates\s+of|town\s+of|return(?:s|ed)?\s+to"
    r"|back\s+to|outside|inside)\s+$",
    re.IGNORECASE,
)
# Words near an alias that make it the show even after a locative word.
TITLE_MARKERS = re.compile(r"spin-?off|\bapple|\bseries\b|\bshow\b|\bstreaming|'@'", re.IGNORECASE)
TV_WORDS = re.compile(
    r"\b(?:series|show|season|episodes?|cast|premieres?|streaming|streamer|spin-?off|drama"
    r"|trailer|showrunners?|tv|television|stars?|starring)\b",
    re.IGNORECASE,
)


def _terms(words: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, terms))})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Verdict:
    kind: str  # "show", "other" or "unknown"
    evidence: tuple[str, ...]


@lru_cache(maxsize=32)
def _judge(topic: Topic) -> _Judge:
    """The topic's compiled patterns, built once per topic."""
    return _Judge(topic)


class _Judge:
    def __init__(self, topic: Topic) -> None:
        self.alias = _terms(topic.aliases or (topic.name,))
        self.context = _terms(topic.context)
        self.exclude = _terms(topic.exclude)

    def found(self, pattern: re.Pattern[str] | None, text: str) -> list[str]:
        if pattern is None:
            return []
        seen: dict[str, None] = {}
        for m in pattern.finditer(text):
            seen.setdefault(m.group(0), None)
        return list(seen)

    def strong(self, terms: list[str], window: str) -> list[str]:
        strong = [t for t in terms if t.casefold() not in GENERIC_CONTEXT]
        if strong:
            return strong
        return terms if terms and TV_WORDS.search(window) else []

    def mention(self, window: str, near: str) -> _Verdict:
        excluded_near = self.found(self.exclude, near)
        if excluded_near:
            return _Verdict("other", tuple(excluded_near))
        context = self.strong(self.found(self.context, window), window)
        marked = SHOW_MARKERS.search(near)
        if context and marked:
            strong = TITLE_MARKERS.search(near) is not None
            return _Verdict("show" if strong else "weak", tuple(context))
        if not marked and PLACE_MARKERS.search(near):
            return _Verdict("other", ("a place: " + PLACE_MARKERS.findall(near)[0],))
        before = near.split("@", 1)[0]
        if PLACE_PREFIX.search(before) and not TITLE_MARKERS.search(near):
            return _Verdict("other", ("a place: " + before.split()[-1] + " Star City",))
        if context:
            return _Verdict("unknown", tuple(context))
        excluded = self.found(self.exclude, window)
        if excluded:
            return _Verdict("other", tuple(excluded))
        return _Verdict("marked" if marked else "unknown", ())


def _windows(title: str, text: str) -> list[str]:
    """Title, then each sentence with its neighbours in the same paragraph."""
    out = [title]
    for para in paragraph_sentences(text[:MAX_TEXT]):
        for i in range(len(para)):
            out.append(" ".join(para[max(0, i - 1) : i + 2]))
    return out


def _quote(terms: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{t}'" for t in list(dict.fromkeys(terms))[:4])


def assess(document: Document, topic: Topic) -> Relevance:
    """Whether the document refers to the topic's show, with a score in [0, 1] and a reason."""
    judge = _judge(topic)
    if judge.alias is None:
        return Relevance(False, 0.0, "the topic has no alias to look for")
    title = clean(document.title)
    verdicts: list[tuple[str, _Verdict]] = []
    for window in _windows(title[:MAX_TITLE], document.text):
        bare = ""
        for m in judge.alias.finditer(window):
            if len(verdicts) >= MAX_MENTIONS:
                break
            bare = bare or judge.alias.sub("@", window)  # once per window, not per mention
            near = (
                window[max(0, m.start() - NEAR) : m.start()]
                + ("'@'" if window[m.start() - 1 : m.start()] in "'\"" else "@")
                + window[m.end() : m.end() + NEAR]
            )
            verdicts.append((m.group(0), judge.mention(bare, near)))
    return _decide(judge, verdicts, title, document.text[:MAX_TEXT])


def _decide(
    judge: _Judge, verdicts: list[tuple[str, _Verdict]], title: str, text: str
) -> Relevance:
    if not verdicts:
        return Relevance(False, 0.0, "no mention of the show")
    alias = verdicts[0][0]
    other = [v for _, v in verdicts if v.kind == "other"]
    weak = [v for _, v in verdicts if v.kind == "weak"]
    show = [v for _, v in verdicts if v.kind == "show"] or (weak if len(weak) > len(other) else [])
    if show:
        context = [t for v in show for t in v.evidence]
        score = min(1.0, 0.6 + 0.1 * len(set(context)) + 0.05 * len(show))
        return Relevance(True, round(score, 2), f"alias '{alias}' with context {_quote(context)}")
    if other and not any(v.kind == "unknown" and v.evidence for _, v in verdicts):
        words = [t for v in other for t in v.evidence]
        return Relevance(False, 0.1, f"'{alias}' here is another one: {_quote(words)}")
    doc_context = judge.strong(judge.found(judge.context, f"{title} {text}"), text)
    bare_title = judge.alias.sub("@", title) if judge.alias else title
    marked = (
        SHOW_MARKERS.search(bare_title)
        or re.search(r"spin-?off", text, re.IGNORECASE)
        or any(v.kind == "marked" for _, v in verdicts)
    )
    if doc_context and marked and not judge.found(judge.exclude, f"{title} {text}"):
        return Relevance(True, 0.5, f"alias '{alias}'; context elsewhere: {_quote(doc_context)}")
    return Relevance(False, 0.2, f"alias '{alias}' without any show context")
