"""English pattern tables of dates, numbers and production: premiere and finale cues,
episode counts, filming places, production companies.

Split from ``patterns`` (which re-exports every name) to keep each table file short.
"""

from __future__ import annotations

__all__ = [
    "EPISODE_TOTALS",
    "EPISODE_UNITS",
    "EPISODE_WORDS",
    "FILMING_CUES",
    "FILMING_WORDS",
    "FINALE_CUES",
    "LISTING_FINALE",
    "LISTING_PREMIERE",
    "NOT_EPISODE_COUNT",
    "NOT_TITLE_WORDS",
    "OTHER_DATE_CUES",
    "OTHER_SEASON",
    "PAST_EVENT_CUES",
    "PREMIERE_CUES",
    "PRODUCTION_COMPANY_SUFFIXES",
    "PRODUCTION_CUES",
    "RANGE_CUES",
    "RENEWAL_WORDS",
    "SPECULATION_CUES",
]

# --- dates and numbers -----------------------------------------------------------
PREMIERE_CUES = (
    # an infobox's or a history's run: "First aired: May 29", "aired from May 29 to July 10"
    r"first\s+(?:aired|air\s+date|broadcast|released)",
    r"(?:aired|ran|streamed|released|broadcast)\s+(?:from|between)",
    r"original\s+(?:release|run|air\s+date)",
    r"premier(?:e|es|ed|ing)",
    r"debut(?:s|ed|ing)?",
    r"launch(?:es|ed|ing)?",
    r"arriv(?:e|es|ed|ing)",
    r"(?:will\s+)?(?:be\s+)?(?:released|releasing|streaming|stream|drops?|bow(?:s)?|hits?)",
    r"release(?:\s+(?:date|window))?",
    r"(?:come|coming)\s+to",
    r"(?:comes|coming)\b(?!\s+(?:weeks|months|days|years|up\s+short))",
    r"(?:lands?|landing)",
    r"(?:set|slated|scheduled|dated)\s+for",
    r"(?:blast(?:s|ing)?\s+off)",
    r"(?:is|are)\s+out",
)
FINALE_CUES = (
    r"(?:last|final)\s+(?:aired|air\s+date|broadcast)",
    # "the season finale aired May 22": the verb would otherwise claim the date for itself
    r"(?:(?:season|series)\s+)?finale\s+(?:aired|airs|streamed|streams|dropped|drops|arrived"
    r"|arrives|landed|lands|debuted|debuts|premiered|premieres|hit|hits|is\s+set\s+for)",
    r"(?:final|last)\s+(?:episode|instal+ment|chapter)",
    r"(?:final|last)\s+of\s+(?:its|the)\s+(?:\w+\s+)?episodes",
    r"closes?\s+out\s+(?:its|the)\s+(?:first\s+)?season",
    r"culminat(?:es|ing)",
    r"(?:season|series)\s+finale",
    r"finale",
    r"(?:weekly|every\s+\w+day|\w+days)\s+(?:through|until|till|to)",
    r"(?:airs?|airing|streams?|streaming|continues?|continuing|rolls?\s+out)\s+(?:weekly\s+)?"
    r"(?:through|until|till)",
    r"(?:conclud(?:es?|ed|ing)|wrap(?:s|ped)?\s+up|ends?|ended|ending|finish(?:es|ed|ing)?"
    r"|runs?\s+(?:through|until))",
    r"(?:season|series|show|run)\s+wrap(?:s|ped)?\b",
    r"wrap(?:s|ped)?\s+(?:its|the)\s+(?:first\s+|debut\s+|freshman\s+|inaugural\s+)?(?:season|run)",
    r"conclud(?:es?|ed|ing)\s+(?:its|the)\s+(?:first\s+|debut\s+|freshman\s+|inaugural\s+)?(?:season|run)",
)
# A premiere, finale or release cue in the past tense: the date it governs, when the
# text gives no year, is the nearest one on or before the publication ("premiered
# May 29" in a June review is this year's May 29, not next year's).
PAST_EVENT_CUES = (
    r"premiered", r"debuted", r"launched", r"arrived", r"dropped", r"bowed", r"aired",
    r"landed", r"concluded", r"ended", r"wrapped", r"finished", r"culminated",
    r"closed\s+out", r"came\s+out", r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)released",
    r"hit", r"kicked\s+off", r"streamed", r"unveiled", r"had", r"(?:was|were)\s+(?:released|out)",
)  # fmt: skip
# Between the two dates of a run ("from May 29 through July 10"): the second is the finale's.
RANGE_CUES = (r"(?<=\d)(?:,\s+20\d\d)?\s+(?:through|until|till|to)",)
# Cues that claim a date for something else (filming, announcements, other events).
OTHER_DATE_CUES = (
    r"film(?:ing|ed)?", r"shoot(?:ing)?", r"shot", r"announc(?:ed|ement|es)", r"aired",
    r"wrapp?(?:ed)?", r"began", r"begins", r"started", r"starts\s+(?:filming|shooting|production)",
    r"renew(?:ed|al)", r"published", r"panel", r"comic-?con", r"born", r"revealed", r"unveiled",
    r"images?", r"photos?", r"first[\s-]look", r"posters?", r"updated", r"interview", r"festival",
    r"screen(?:ed|ing)", r"ceremony", r"awards?", r"deadline",
)  # fmt: skip
# Words that make a premiere statement hypothetical or past-of-another-thing.
SPECULATION_CUES = (
    r"\bcould\b", r"\bmight\b", r"\bmay\s+(?:be|return|come|premiere|get)\b", r"\bhopes?\b",
    r"\bhoping\b", r"\brumou?r", r"\bspeculat", r"\bif\s+", r"\bwould\s+like\b", r"\bwants?\s+to\b",
    r"\bpossible\b", r"\bpossibly\b", r"\bpotential\b", r"\bunconfirmed\b", r"\bhasn'?t\s+been\b",
    r"\bnot\s+yet\b", r"\byet\s+to\b", r"\bno\s+word\b", r"\bpitch", r"\bplanned\b",
    r"\bmis(?:stated|reported|printed|identified)\b", r"\b(?:incorrectly|erroneously|wrongly)\b",
    r"\bwhether\b", r"\breportedly\b", r"\busually\b", r"\btypically\b", r"\bnormally\b", r"\bexpects?\b", r"\bexpected\b",
)  # fmt: skip
EPISODE_UNITS = (
    r"episodes?\b",
    r"eps\b",
    r"parts?\b(?!\s+of)",
    r"installments?",
    r"instalments?",
    r"chapters?",
)
EPISODE_TOTALS = (
    r"\b(?:episode|ep\.?)\s*(?:NUM)\s+of\s+(?P<n>NUM)\b",
    r"\bof\s+(?:the\s+(?:season|show|series)'s?\s+|its\s+)(?P<n>NUM)\s+episodes\b",
    r"\b(?P<n>NUM)\s+(?:episodes\s+)?in\s+total\b",
    r"\b(?P<n>\w+?(?:th|nd|rd|st))\s+and\s+(?:final|last)\s+episode\b",
    r"\b(?:season|series)\s+finale\W{1,3}\(?episode\s+(?P<n>NUM)\b",
    r"\bepisodes\s+\(of\s+(?:the\s+)?(?P<n>NUM)\)",
    r"\b(?:no\.|number)\s+of\s+episodes\s*:?\s*(?P<n>NUM)\b",  # an infobox row
)
# What a listing entry under a day heading says the day is ("series premiere", "finale").
LISTING_FINALE = (r"(?:season|series)\s+finale", r"finale", r"(?:final|last)\s+episode")
LISTING_PREMIERE = (
    r"(?:series|season|world)\s+premiere", r"premieres?", r"debuts?", r"new\s+(?:series|show|drama)",
    r"launch(?:es)?", r"first\s+(?:two|three|\d)\s+episodes", r"episodes?\s+1\b",
)  # fmt: skip
# Cheap pre-filters: a sentence without any of these words cannot state the fact.
EPISODE_WORDS = ("episode", "part", "install", "instal", "chapter", "eps", "ep.")
FILMING_WORDS = (
    "film", "shoot", "shot", "lensed", "production", "photography", "wrap", "location", "camera",
)  # fmt: skip
# A season other than the first near an episode count: another show's (or a later) season.
OTHER_SEASON = (
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|latest|next"
    r"|new|another|previous|upcoming|sophomore|2nd|3rd|\d+th)\s+(?:and\s+final\s+)?(?:season|run"
    r"|outing|instal+ment|volume|cycle|series\b(?!\s+(?:of|with|order)))",
    r"\bS(?:[2-9]|\d\d)\b",
    r"\bseason\s+(?:[2-9]|\d\d|two|three|four|five|six|seven|eight|nine|ten)\b",
    r"\bseasons\b",
    r"\b(?:a|per|each|every)\s+season\b",
    r"\bseries\s+(?:[2-9]|two|three|four|five)\b",
)
# Capitalised words next to an episode count that are no other show's title.
NOT_TITLE_WORDS = frozenset(
    """apple apple's apple tv its the this that that's there there's here here's what what's it
    it's let's he she they we you who a an netflix hbo max prime video hulu disney paramount
    peacock friday fridays total""".split()
)
RENEWAL_WORDS = ("renew", "cancel", "axed", "return", "picked up", "season")
NOT_EPISODE_COUNT = (
    r"(?:one|two|three|four|[1-4])[-\s]episode\s+(?:premiere|debut|launch|drop)",
    r"(?:premiere|debut|launch)s?\s+with\s+(?:one|two|three|four|[1-4])\s+episodes",
    r"(?:first|opening)\s+(?:one|two|three|four|[1-4])\s+episodes",
    r"episodes?\s+(?:one|two|three|\d)",
    r"\b(?:one|two|three|four|[1-4])\s+episodes\s+(?:in|into)\b",
    r"(?:one|two|three|four|[1-4])[-\s]part\s+(?:finale|premiere|story|episode|opener|special)",
    r"(?:one|two|three|four|[1-4])[-\s]episode\s+(?:finale|arc|special|block|run\s+of)",
    r"(?:one|two|three|four|[1-4])\s+new\s+episodes",
    r"with\s+(?:one|two|three|four|[1-4])\s+episodes",
    r"(?:one|two|three|four|[1-4])\s+episodes\s+(?:will|on|at|each|a|per|every|weekly|followed)",
    r"premiere[^.;]{0,20}?(?:one|two|three|four|[1-4])\s+episodes",
    r"(?:one|two|three|four|[1-4])\s+(?:episodes|eps)\b[^.;]{0,15}?(?:then|followed)",
    r"\d\s+episodes\s+[\u00b7\u2022|]",  # a contents line: "2 Cast · 3 Episodes · 4 Production"
    r"give\s+it\s+\w+\s+episodes",
    r"\w+\s+episodes\s+(?:\([^()]{0,20}\)\s+)?(?:made\s+)?(?:available|sent|screened|provided)\b",
    r"(?:one|two|three|four|[1-4])\s+episodes\s+(?:of\s+[^,.;]{1,40}?\s+)?"
    r"(?:land|drop|arrive|debut|premiere|bow|hit|stream)",
    r"(?<!'s\s)(?<!'\s)(?<!\bits\s)\b\w+\s+episodes\s+(?:still\s+)?(?:to\s+come|remain|left\b|to\s+go)",
)
FILMING_CUES = (
    r"(?:filming|shooting|production|principal\s+photography"
    r"|cameras\s+(?:(?:have|had)\s+been\s+|are\s+|were\s+)?(?:rolled|roll|rolling))"
    r"\s+(?:\w+\s+){0,4}?(?:in|at)",
    r"(?:filmed|shot|lensed|shooting|filming)\s+(?:\w+\s+){0,3}?(?:in|at)",
    r"(?:film|shoot)\s+(?:\w+\s+){0,2}?in",
    r"(?:wrapped(?:\s+(?:filming|shooting|production))?|on\s+location)\s+(?:\w+\s+){0,2}?in",
)
PRODUCTION_COMPANY_SUFFIXES = (
    "Television", "Productions", "Production", "Studios", "Studio", "Pictures", "Entertainment",
    "Films",
)  # fmt: skip
PRODUCTION_CUES = (
    r"produced\s+by", r"produc(?:es?|ing)\b", r"production\s+compan(?:y|ies)", r"\bstudio\b",
    r"hails\s+from", r"comes\s+from", r"banner", r"co-?produc", r"for\s+(?-i:[A-Z])", r"\bvia\b",
    r"\bwith\b", r"\bfrom\b", r"\bbehind\b",
)  # fmt: skip
