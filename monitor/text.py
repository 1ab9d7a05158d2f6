"""Plain-text helpers: cleaning, paragraphs and abbreviation-aware sentences.

Input is plain text whose paragraphs are separated by blank lines. Nothing here
raises on odd input: binary junk, empty strings and huge texts all give a result.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2026": "...",
        "\u00ad": "",
    }
)
# Control characters (except tab/newline), zero-width and bidi controls.
_JUNK = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]"
)
_SPACES = re.compile(r"[ \t\f\v]+")
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_LABEL = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}(?::\d\d)?\s*(?:am|pm)|[A-Z][a-z]{2}\s+[A-Z][a-z]{2,8}\s+\d{1,2})"
    r"\b\s*[-:]"
)
_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u2023\u2043*\-+>]|\d{1,2}[.)])\s+")

# Abbreviations after which a full stop does not end a sentence (case-folded, no dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr jr sr st prof gen col lt sgt capt rev hon vs etc inc ltd co corp no
    vol ep eps approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave blvd""".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u00c0-\u024f])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def clean(text: str) -> str:
    """Normalise quotes, dashes and spaces; drop control and bidi characters; collapse spaces.

    Paragraph breaks (blank lines) survive as ``"\\n\\n"``; other newlines become spaces.
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE).replace("\u2022", " ")
    text = _JUNK.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    paras = [_SPACES.sub(" ", p.replace("\n", " ")).strip() for p in _PARA_BREAK.split(text)]
    return "\n\n".join(p for p in paras if p)


def paragraphs(text: str) -> list[str]:
    """The cleaned paragraphs of a text (blank-line separated)."""
    cleaned = clean(text)
    return cleaned.split("\n\n") if cleaned else []


# A line opening with a day or date: consecutive ones are a schedule's entries.
_DAY_START = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s|\d{1,2}/\d{1,2}\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.I,
)

# A credits or infobox field line: "Studio: Sony Pictures Television".
_FIELD = re.compile(r"^[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}:\s")


def _hard_break(prev: str, line: str) -> bool:
    """Whether a single newline between two lines ends a sentence (lists, headings)."""
    if _BULLET.match(line) or _BULLET.match(prev):
        return True
    if _DAY_START.match(line) and _DAY_START.match(prev):
        return True
    if _FIELD.match(line) and _FIELD.match(prev):  # "Executive producers: …" / "Studio: …"
        return True
    if prev[-1:] in ".!?:\"'" or _LINE_LABEL.match(line):
        return True
    return len(prev) <= 60 and line[:1].isupper()


def _segments(para: str) -> list[str]:
    """A paragraph's lines joined into runs of running text; list items stay apart."""
    lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
    runs: list[list[str]] = []
    for line in lines:
        if runs and not _hard_break(runs[-1][-1], line):
            runs[-1].append(line)
        else:
            runs.append([line])
    out = []
    for run in runs:
        joined = _BULLET.sub("", " ".join(run), count=1)
        joined = _SPACES.sub(" ", joined).strip()
        if joined:
            out.append(joined)
    return out


def paragraph_sentences(text: str, drop: re.Pattern[str] | None = None) -> list[list[str]]:
    """Sentences grouped by paragraph; list items and heading lines are sentences of their own.

    Lines (list items, heading lines) that ``drop`` matches at their start are left out
    whole: links, teasers and credits around an article.
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _JUNK.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[list[str]] = []
    for para in _PARA_BREAK.split(text):
        segments = _segments(para)
        if drop is not None:
            segments = [seg for seg in segments if not drop.match(seg)]
        sents = [s for seg in segments for s in _split_paragraph(seg)]
        if sents:
            out.append(sents)
    return out


def _is_abbreviation(before: str) -> bool:
    """True when the text before a full stop ends with an abbreviation or an initial."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if "." in word:  # U.S., D.C., a.k.a.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Ronald D. Moore"
        return True
    return word.casefold() in ABBREVIATIONS


def _split_paragraph(para: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(para):
        if m.group(0).startswith(".") and _is_abbreviation(para[start : m.start()]):
            continue
        piece = para[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = para[start:].strip()
    if rest:
        out.append(rest)
    return out


def sentences(text: str) -> list[str]:
    """Split text into cleaned sentences; a paragraph never shares a sentence with another."""
    return [s for para in paragraph_sentences(text) for s in para]
