"""Which parts of an article are about the monitored show.

Each sentence gets the subject in force at each position: the show, another show
(strongly: a roundup heading or another title's season; weakly: the parent
series named in passing), or nobody. References switch the subject from where
they stand; paragraphs carry it on, headings reset it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from monitor.extract.credits import heading_lead, is_items, label_lead
from monitor.extract.normalize import MONTH_RE
from monitor.extract.patterns import (
    COMPARISON_WORDS,
    GENERIC_HEADING_WORDS,
    LABEL_WORDS,
    NEUTRAL_REFERENCES,
    ORDINAL_WORDS,
    OTHER_REFERENCES,
    SHOW_REFERENCES,
    TITLE_SWITCH_TAILS,
)
from monitor.models import Topic, fold

MAX_SENTENCE = 600


class Subject(Enum):
    """Whom a stretch of text is about."""

    NONE = 0
    SHOW = 1
    OTHER_WEAK = 2
    OTHER = 3


_PAREN = re.compile(r"\([^()]{0,120}\)")
_SHOW_RE = re.compile("|".join(SHOW_REFERENCES), re.IGNORECASE)
_NEUTRAL_RE = re.compile("|".join(NEUTRAL_REFERENCES), re.IGNORECASE)
_OTHER_RE = re.compile("|".join(OTHER_REFERENCES), re.IGNORECASE)
_OTHER_STRONG_RE = re.compile(
    rf"(?:{'|'.join(OTHER_REFERENCES)})(?:'s?)?\s+(?:(?:{'|'.join(ORDINAL_WORDS)}|final|new|latest"
    r"|upcoming|last|current)[\s-]+)?(?:season|finale|episodes?|premiere|run)\b",
    re.IGNORECASE,
)
_ORD = "|".join(ORDINAL_WORDS)
_TITLE = r"[A-Z][\w'&:-]*(?:\s+(?:[A-Z0-9][\w'&:-]*|of|the|and|in|for|a|to|on)){0,5}"
_TITLE_SEASON = re.compile(
    rf"(?<![\w'])(?P<t>{_TITLE})(?:'s|')?\s+(?i:season\s+(?:\d+|one|two|three|four|five|six)"
    rf"\b|(?:{_ORD}|final|new|latest|last)\s+season\b|{'|'.join(TITLE_SWITCH_TAILS)})"
)
_QUOTED = re.compile(r"(?<![\w])[\"'](?P<t>[A-Z][^\"]{0,60}?)[\"'](?![\w])(?P<tail>\S*\s*\S*)")
_QUOTED_TAIL = re.compile(
    r"^(?:'s\b|s\b|season\b|returns\b|premieres\b|debuts\b|,?\s*which\b)", re.I
)
_TERMINAL = re.compile(r"[.!?\"']$")
_LABEL = re.compile(
    r"^(?P<label>[^:.!?()]{2,70}?)(?P<paren>\s*\([^()]{1,40}\))?\s*(?P<sep>:|\s-\s)\s*"
)
# A roundup item's title line on its own: "Hollow Creek (Netflix).", "Untitled comedy (Hulu)."
_TITLE_LINE = re.compile(r"^(?P<label>[A-Z][^:.!?()]{1,60}?)\s*\([A-Z0-9][^()]{0,40}\)\.?$")
# Lowercase words a roundup item's title may hold ("Untitled Sarah Kim comedy").
_TITLE_LINE_WORDS = frozenset(
    """of the and a an in on for to comedy drama series thriller project miniseries
    docuseries limited pilot reboot remake adaptation spinoff""".split()
)
_DATE_LABEL = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?(?:{MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_RE}"
    r"|\d{1,2}(?::\d\d)?\s*(?:am|pm)(?:\s+[A-Z]{2,3})?)$",  # "May 29", "9pm ET"
    re.IGNORECASE,
)
_LABEL_TITLE = re.compile(r"[^,(;:]{1,50}?(?=\s*(?:,|\(|;|:|\s-\s|$))")
_CONTINUATION = re.compile(
    r"^(?:The\s+(?:series|show|drama|spin-?off|cast|ensemble|season|first\s+season|episodes?)|It|Its"
    r"|This|These|He|She|They|Both|Also|Plus|Filming|Production|Shooting|Each|All)\b"
)
_COMPARED = re.compile(
    rf"\b(?:{'|'.join(COMPARISON_WORDS)})\s+(?:[\w'-]+\s+){{0,4}}?(?:of\s+|to\s+|with\s+)?$", re.I
)
# A neutral reference names the parent series by one of these words (a cheap pre-check).
_NEUTRAL_WORDS = ("mankind", "mothership", "flagship", "parent", "original")
_TIME_ANCHOR = re.compile(
    r"\b(?:after|before|following|until|once|ahead\s+of)\s+(?:the\s+)?$", re.I
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s-\s")
_PARENT = re.compile("|".join(OTHER_REFERENCES), re.IGNORECASE)
_TITLE_PRONOUNS = frozenset("their his her its our that this my your on".split())
_TITLE_WORD_SKIP = frozenset(
    "the series show spinoff drama apple apples its their his her this our a an in".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with the subject switches inside it."""

    text: str
    para: int
    start: Subject
    switches: tuple[tuple[int, int, Subject], ...]
    lead: str | None = None  # a line under a credit heading: the heading's statement lead

    def about_show(self, pos: int) -> bool:
        """Whether the text at ``pos`` is about the show: the nearest reference decides.

        The parent series named in passing after the fact, past a clause break or as
        the thing compared with ("10 episodes, matching For All Mankind"), decides nothing.
        """
        refs = [r for r in self.switches if not self._passing(r, pos)]
        if not refs:
            return self.start is Subject.SHOW

        def distance(ref: tuple[int, int, Subject]) -> tuple[int, int]:
            start, end, _ = ref
            gap = 0 if start <= pos < end else min(abs(pos - start), abs(pos - end))
            return gap, 0 if start <= pos else 1

        return min(refs, key=distance)[2] is Subject.SHOW

    def _passing(self, ref: tuple[int, int, Subject], pos: int) -> bool:
        start, _, subject = ref
        if subject is not Subject.OTHER_WEAK:
            return False
        if start <= pos:
            return False
        compared = _COMPARED.search(self.text[max(pos, start - 40) : start])
        return bool(compared or _CLAUSE_BREAK.search(self.text, pos, start))

    @property
    def end(self) -> Subject:
        """The subject handed to the next sentence; a passing mention of another show is not."""
        for start, _, subject in reversed(self.switches):
            if subject is Subject.OTHER_WEAK or _TIME_ANCHOR.search(self.text, 0, start):
                continue  # "debuts after For All Mankind's fifth season": a time, not a topic
            return subject
        return self.start


class Scope:
    """Finds subject references for one topic."""

    def __init__(self, topic: Topic) -> None:
        aliases = [re.escape(a) for a in topic.aliases if a.strip()] or [re.escape(topic.name)]
        self._alias = re.compile(rf"(?<!\w)(?:{'|'.join(aliases)})(?!\w)", re.IGNORECASE)
        excl = [re.escape(e) for e in topic.exclude if e.strip()]
        self._exclude = (
            re.compile(rf"(?<!\w)(?:{'|'.join(excl)})(?!\w)", re.IGNORECASE) if excl else None
        )
        self._alias_folds = {fold(a) for a in topic.aliases}

    def references(self, text: str) -> list[tuple[int, int, Subject]]:
        """The subject references in a sentence, by position."""
        masked = _PAREN.sub(lambda m: " " * len(m.group(0)), text)
        found: list[tuple[int, int, Subject]] = []
        for m in self._alias.finditer(masked):
            found.append((m.start(), m.end(), Subject.SHOW))
        for m in _SHOW_RE.finditer(masked):
            found.append((m.start(), m.end(), Subject.SHOW))
        taken = [(a, b) for a, b, _ in found]
        low = masked.casefold()
        if any(word in low for word in _NEUTRAL_WORDS):
            taken += [(m.start(), m.end()) for m in _NEUTRAL_RE.finditer(masked)]

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        for m in _OTHER_RE.finditer(masked):
            if free(m.start(), m.end()):
                strong = _OTHER_STRONG_RE.match(masked, m.start())
                found.append((m.start(), m.end(), Subject.OTHER if strong else Subject.OTHER_WEAK))
                taken.append((max(0, m.start() - 1), strong.end() if strong else m.end()))
        if self._exclude is not None:
            for m in self._exclude.finditer(masked):
                found.append((m.start(), m.end(), Subject.OTHER))
        for start, end in self._other_titles(masked):
            if free(start, end):
                found.append((start, end, Subject.OTHER))
        return sorted(found, key=lambda r: (r[0], r[1]))

    def _other_titles(self, text: str) -> list[tuple[int, int]]:
        out = []
        for m in _TITLE_SEASON.finditer(text):
            if self._is_other_title(m.group("t")):
                out.append((m.start(), m.end()))
        for m in _QUOTED.finditer(text):
            if _QUOTED_TAIL.match(m.group("tail")) and self._is_other_title(m.group("t")):
                out.append((m.start(), m.end()))
        return out

    def _is_other_title(self, title: str) -> bool:
        key = fold(title)
        if any(a in key for a in self._alias_folds) or "for all mankind" in key:
            return False
        words = title.split()
        if any(w.casefold() in _TITLE_PRONOUNS for w in words):
            return False
        if len(words) > 1 and words[0] == "The":
            words = words[1:]
        return fold(words[0]) not in _TITLE_WORD_SKIP

    def heading(self, text: str) -> Subject | None:
        """The subject a heading line sets, or None when it is a generic heading."""
        refs = {s for _, _, s in self.references(text)}
        if Subject.SHOW in refs:
            return Subject.SHOW
        if refs:
            return Subject.OTHER
        words = re.findall(r"[\w']+", re.split(r"[,(:]|\s-\s", text)[0])
        titled = 0 < len(words) <= 6 and all(w[:1].isupper() or w.isdigit() for w in words)
        if titled and not any(w.casefold() in GENERIC_HEADING_WORDS for w in words):
            return Subject.OTHER
        return None

    def label(self, text: str) -> tuple[int, int, Subject] | None:
        """A roundup item label ("SLOW HORSES:", "Dept. Q (Netflix) - ") as a reference."""
        m = _LABEL.match(text)
        if m is None:
            return self._title_line(text)
        label = m.group("label")
        if any(s is not Subject.SHOW for _, _, s in self.references(label)):
            return 0, m.end(), Subject.OTHER
        if _DATE_LABEL.match(label):
            rest = text[m.end() :]
            title = _LABEL_TITLE.match(rest)
            if title is None:
                return None
            label = title.group(0)
            m_end = m.end() + title.end()
            if self.is_about(label):
                return 0, m_end, Subject.SHOW
            titled = all(w[:1].isupper() or w.isdigit() for w in re.findall(r"[\w']+", label))
            return (0, m_end, Subject.OTHER) if titled and label.strip() else None
        if self.is_about(label):
            return 0, m.end(), Subject.SHOW
        head = label.split(",")[0]  # "Stick, season 2 - June 5": the title comes first
        words = re.findall(r"[\w']+", head)
        if not words or len(words) > 8 or any(w.casefold() in LABEL_WORDS for w in words):
            return None
        titled = all(w[:1].isupper() or w.isdigit() for w in words)
        short = len(words) <= 4
        colon_only = m.group("sep") == ":" and not m.group("paren")
        greeting = colon_only and "," in label  # "Happy Valentine's Day, space fans:"
        if head.isupper() or (titled and not greeting and (not colon_only or short)):
            return 0, m.end(), Subject.OTHER
        return None

    def _title_line(self, text: str) -> tuple[int, int, Subject] | None:
        """A sentence that is only a title and its network ("Hollow Creek (Netflix).")."""
        m = _TITLE_LINE.match(text)
        if m is None:
            return None
        words = re.findall(r"[\w']+", m.group("label"))
        if not 0 < len(words) <= 8 or any(w.casefold() in LABEL_WORDS for w in words):
            return None
        if not all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_LINE_WORDS for w in words):
            return None
        return 0, len(text), Subject.SHOW if self.is_about(m.group("label")) else Subject.OTHER

    def is_about(self, text: str) -> bool:
        """Whether a text (a title) refers to the show."""
        return any(s is Subject.SHOW for _, _, s in self.references(text))


def _is_heading(para: list[str]) -> bool:
    return len(para) == 1 and len(para[0]) <= 80 and not _TERMINAL.search(para[0])


def _items(scope: Scope, para: list[str]) -> bool:
    """Whether a paragraph is lines of a credit block: short, no full stop, no show named."""
    return is_items(para) and not any(scope.references(t) for t in para)


def _credit_block(
    scope: Scope, para: list[str], index: int, carry: Subject, lead: str | None, own: bool
) -> tuple[list[Sentence], str | None]:
    """A paragraph of a credit block as sentences (empty when it is none), and the lead
    in force after it. Only in an article about the show (``own``); its lines are names,
    not headings or roundup labels; a line naming a show, or another label, ends it."""
    head = heading_lead(para[0]) or label_lead(para[0])
    if head is None and lead is not None and _items(scope, para):
        return [Sentence(t, index, carry, (), lead) for t in para], lead
    head = head if own and carry is Subject.SHOW else None
    if head is not None and len(para) > 1 and _items(scope, para[1:]):  # "Cast" over lines
        first = Sentence(para[0], index, carry, tuple(scope.references(para[0])))
        return [first, *(Sentence(t, index, carry, (), head) for t in para[1:])], head
    return [], head if len(para) == 1 else None


def scoped(title: str, paras: list[list[str]], topic: Topic) -> list[Sentence]:
    """Every sentence of an article (title first) with its subject switches."""
    scope = Scope(topic)
    # A headline naming other shows too (not just the parent series) heads a roundup:
    # nothing is about the show by default.
    title_refs = {s for a, b, s in scope.references(title) if not _PARENT.search(title[a:b])}
    default = Subject.SHOW if title_refs - {Subject.OTHER_WEAK} == {Subject.SHOW} else Subject.NONE
    out = [Sentence(title[:MAX_SENTENCE], 0, default, tuple(scope.references(title)))]
    carry = default
    lead: str | None = None
    for index, para in enumerate(paras, start=1):
        block, lead = _credit_block(scope, para, index, carry, lead, default is Subject.SHOW)
        if block:
            out += block
            continue
        if _is_heading(para):
            carry = scope.heading(para[0]) or carry
            out.append(Sentence(para[0], index, carry, ()))
            continue
        state = carry
        structural = False  # the subject came from a heading or a roundup label
        if len(para) > 1 and _is_heading(para[:1]):
            state = scope.heading(para[0]) or state
            structural = True
        for text in para:
            text = text[:MAX_SENTENCE]
            refs = scope.references(text)
            label = scope.label(text)
            if label is not None:
                refs = sorted([label, *refs], key=lambda r: (r[0], r[1]))
                structural = True
            sent = Sentence(text, index, state, tuple(refs))
            out.append(sent)
            state = sent.end
        following = paras[index] if index < len(paras) else None
        carry = _carry(state, default, following, structural)
    return out


def _carry(
    state: Subject, default: Subject, following: list[str] | None, structural: bool
) -> Subject:
    """The subject a paragraph hands to the next one.

    A roundup item (heading or label) carries on; in an article about the show a
    paragraph about another show does not. The show carries on in an article about
    it, and elsewhere only into a paragraph that opens as a continuation ("The series").
    """
    if state is Subject.OTHER:
        return state if structural or default is not Subject.SHOW else default
    if state is Subject.SHOW:
        if default is Subject.SHOW:
            return state
        if following and _CONTINUATION.match(following[0]):
            return state
    return default
