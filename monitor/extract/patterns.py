"""The English pattern tables of the extractor: words, not code.

Another language is another table of the same shape. Every entry is a plain
regex fragment (no capturing groups) or a word; the family modules compile them
once at import.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Season words of a premiere window; "fall" and "autumn" are one season.
SEASON_WORDS: dict[str, str] = {
    "spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall",
    "winter": "winter",
}  # fmt: skip
WINDOW_QUALIFIERS: dict[str, str] = {
    "late": "late", "early": "early", "mid": "mid", "end of": "late",
    "beginning of": "early", "later in": "late", "the end of": "late",
}  # fmt: skip
RELATIVE_YEARS: dict[str, int] = {"this year": 0, "next year": 1, "later this year": 0}

PLATFORM_ALIASES: dict[str, str] = {
    r"apple\s*tv\s*\+|apple\s*tv\s*plus|apple\s*tv|apple'?s streamer|apple'?s streaming service": (
        "Apple TV"
    ),
}

# --- subject of a sentence -------------------------------------------------------
# References that point at the monitored show besides its aliases.
SHOW_REFERENCES = (
    r"spin-?off\s+(?:of|to|from)\s+(?:apple'?s\s+)?(?:the\s+)?(?:\w+\s+)?(?:series\s+)?\"?for all"
    r" mankind\"?",
    r"(?:the|this|apple'?s|an?|upcoming|new)\s+(?:upcoming\s+|new\s+|\w+\s+)?spin-?offs?\b",
    r"spin-?off\s+(?:series|show|drama)",
    r"for all mankind\s+spin-?off",
    r"for all mankind'?s?\s+(?:spin-?off|companion)",
)
# Phrases naming another show (the parent series and its seasons).
OTHER_REFERENCES = (
    r"for all mankind(?!\s+(?:spin-?off|companion|universe|franchise|creators?|co-?creators?"
    r"|showrunners?|team|fans?|alums?|star|veterans?|producers?|world|timeline|'s\s+spin))",
    r"the\s+(?:parent|original|flagship|mother(?:ship)?)\s+(?:series|show|drama)",
    r"the\s+flagship\b",
    r"the\s+mothership\b",
)
# Words that make a passing mention of the parent series the thing compared with.
COMPARISON_WORDS = (
    r"like",
    r"unlike",
    r"matching",
    r"mirroring",
    r"echoing",
    r"than",
    r"as\s+with",
    r"same\s+as",
    r"similar\s+to",
    r"compared\s+(?:to|with)",
    r"just\s+as",
    r"as\s+in",
)
# Mentions of the parent series that only describe (its makers, its world): no switch.
NEUTRAL_REFERENCES = (
    r"(?:behind|creators?\s+of|makers?\s+of|producers?\s+of|showrunners?\s+of|world\s+of"
    r"|spun\s+(?:off\s+)?(?:from|out\s+of)|spin-?off\s+(?:of|to|from)|offshoot\s+of|companion\s+to"
    r"|based\s+on|extension\s+of|expands?\s+(?:on\s+)?"
    r"|universe\s+of|timeline\s+of|fans\s+of|set\s+in|alums?\s+of|star\s+of|team\s+of)"
    r"\s+(?:apple'?s\s+)?(?:the\s+)?(?:\w+\s+)?(?:series\s+)?\"?for all mankind\"?",
    r"(?:behind|creators?\s+of|makers?\s+of|producers?\s+of)\s+the\s+(?:mothership|flagship"
    r"|parent\s+(?:series|show)|original\s+(?:series|show))",
)
# What follows another show's title when a roundup turns to it.
TITLE_SWITCH_TAILS = (
    r"(?:was|has\s+been|have\s+been|got|gets|is\s+being)\s+(?:renewed|cancell?ed|picked\s+up)",
    r"returns\s+(?:for|with|on)\b",
    r"is\s+back\s+for\b",
    r"comes\s+back\s+for\b",
)
# Words of a paragraph label that make it a generic one ("EXCLUSIVE:", "Update:").
LABEL_WORDS = frozenset(
    """exclusive breaking update updated watch report news video photos photo note editor
    editors spoilers spoiler warning read more related also recap review verdict source
    sources ps p s when where what who why how the bottom line""".split()
)
# Words in a heading that make it a generic section heading, not another show's title.
GENERIC_HEADING_WORDS = frozenset(
    """what who when where why how is are was were we you know cast release date
    premiere trailer plot story about details news more everything need
    it its this season episodes filming production first look update updates latest
    read also like related you might will be there here creators crew behind scenes
    watch stream streaming ending recap review""".split()
)

# --- people -----------------------------------------------------------------------
# Text right after a name that puts the person into a named role: "X <verb> ROLE".
CAST_ROLE_VERBS = (
    r"(?:has|have|had)\s+been\s+cast\s+as", r"(?:was|were|is|are|been|being)\s+cast\s+as",
    r"cast\s+as", r"(?:will|would|to|is\s+set\s+to|are\s+set\s+to|is\s+going\s+to"
    r"|is\s+slated\s+to|has\s+been\s+tapped\s+to|was\s+tapped\s+to|is\s+tapped\s+to)\s+"
    r"(?:play|portray|star\s+as|take\s+on\s+the\s+role\s+of|voice|lead\s+as)",
    r"(?:joins?|joined|has\s+joined|have\s+joined|will\s+join|is\s+joining|to\s+join)\s+"
    r"(?:the\s+(?:cast|ensemble)\s+(?:of\s+[^,.;]{1,60}?\s+)?|[^,.;]{1,60}?\s+)?as",
    r"(?:stars?|co-?stars?|is\s+starring|will\s+star|leads?|will\s+lead|appears?)\s+as",
    r"(?:plays|playing|portrays|portraying|is\s+playing|is\s+portraying)",
    r"(?:takes?|taking|will\s+take)\s+on\s+the\s+role\s+of", r"(?:boards?|boarded)\s+[^,.;]{1,40}?\s+as",
    r"(?:was|were|has\s+been|have\s+been)\s+tapped\s+as",
)  # fmt: skip
# Text between a role and the name after it: "the Chief Designer, played by Rhys Ifans".
ROLE_BEFORE_NAME = (
    r"(?:is\s+|was\s+|will\s+be\s+)?(?:played|portrayed)\s+by",
    r"brought\s+to\s+life\s+by",
)
# Text right after a name (or list of names) that puts them in the cast, role unknown.
CAST_TAILS = (
    r"(?:also\s+)?(?:co-?)?star(?:s|ring)?\b(?!\s+(?:as|in\s+(?:the\s+)?(?:hit|acclaimed|film)))"
    r"(?!\s+[A-Z])",
    r"round(?:s|ing)?\s+out\s+the\s+(?:cast|ensemble)",
    r"(?:have|has|also|will|are\s+set\s+to|is\s+set\s+to|to)?\s*(?:joined|joins?|join|boarded|boards?"
    r"|board)\s+(?:the\s+)?(?:cast|ensemble|star city|series|show|drama|spin-?off|apple|for all)",
    r"(?:has|have|was|were)\s+(?:been\s+)?(?:cast|tapped)\s+(?:in|for)\b",
    r"(?:to|will|is\s+set\s+to|set\s+to)\s+(?:star|lead|headline|front)\s+(?:in\s+)?"
    r"(?:the\s+|apple|star city|for all)",
    r"(?:is\s+)?(?:taking|takes|will\s+take)\s+the\s+lead",
    r"(?:leads?|heads?|headlines?|fronts?)\s+(?:the\s+)?(?:cast|ensemble|star city|series|apple)",
    r"(?:are|is)\s+(?:also\s+)?(?:in|among)\s+(?:the\s+cast|star\s+city|the\s+(?:series|show|spin-?off))",
    r"round(?:s|ing)?\s+(?:things|it|the\s+(?:cast|ensemble))\s+out",
    r"(?:lead|leads|leading|co-?lead|co-?leads|headline|front)\b(?!\s+(?:to|the\s+way|writer))",
    r"(?:has|have)\s+been\s+playing",
)
# Text right before a list of names that puts them in the cast.
CAST_LEADS = (
    r"(?:cast|ensemble|line-?up)\s+(?:also\s+)?(?:includes?|including|features?|comprises|are)\s*:?",
    r"(?:is|are)\s+rounded\s+out\s+by", r"rounding\s+out\s+the\s+(?:cast|ensemble)\s+(?:are|is)",
    r"(?:series|show|drama|spin-?off|star city|it)\s+(?:also\s+)?stars", r"(?:also\s+)?starring",
    r"(?:co-?stars?|joined\s+by|star(?:s|ring)?,?\s+alongside|opposite)", r"(?:cast|ensemble)\s*:",
    r"joining\s+[^,.;]{1,40}?\s+(?:are|is)", r"(?:also\s+)?(?:joining|in)\s+the\s+cast\s+(?:are|is)",
    r"(?:also\s+)?cast\s+(?:are|is|were|was)", r"stars\s+include", r"new\s+cast\s+members?",
    r"(?:led|fronted|headlined)\s+by", r"(?:has|have|had)\s+(?:also\s+)?cast", r"cast\s+members?", r"\bjoin(?:s|ing)?",
    r"(?:which|that|it)\s+(?:also\s+)?stars", r"(?:previously\s+announced|fellow|announced|series)"
    r"\s+(?:leads|stars|co-?stars|cast\s+members|castmates)",
)  # fmt: skip
CREATOR_LEADS = (
    r"(?:co-?)?created\s+by",
    r"(?:from|by)\s+(?:co-?)?creators?",
    r"(?:co-?)?creators?",
    r"(?:the\s+)?brainchild\s+of",
    r"(?:co-?)?created\s+(?:[\w']+\s+){0,3}?with",
    r"developed\s+by",
)
CREATOR_TAILS = (
    r"(?:who\s+)?(?:also\s+|both\s+|jointly\s+)?(?:co-?)?created\s+(?:the\s+|it\b|star\s+city|apple)",
    r"(?:are|were|is|was)\s+(?:the\s+)?(?:series'?\s+|show'?s\s+|its\s+)?(?:co-?)?creators?",
    r"(?:the\s+)?(?:co-?)?creators?\s+of\s+(?:the\s+(?:series|show|spin-?off)|star\s+city|it)\b",
)
SHOWRUNNER_LEADS = (
    r"(?:co-?)?show\s*-?runners?(?:\s+(?:are|is|include))?",
    r"(?:is|are|was|will\s+be)\s+show\s*-?run\s+by",
)
SHOWRUNNER_TAILS = (
    r"(?:who\s+)?(?:will\s+|also\s+|both\s+|are\s+set\s+to\s+|to\s+)*(?:serve|serves|serving"
    r"|act|acts)\s+as\s+(?:the\s+)?(?:co-?)?show\s*-?runners?",
    r"(?:are|is|will\s+be|were|was)\s+(?:the\s+|its\s+|also\s+)?(?:co-?)?show\s*-?runners?",
    r"(?:will\s+|also\s+|to\s+)?(?:co-?)?showrun\b",
    r"(?:are|is|will\s+be)?\s*(?:also\s+)?run(?:s|ning)?\s+the\s+(?:show|series)",
    r"(?:the\s+)?(?:co-?)?show\s*-?runners?\s+(?:on|of)\b",
)
EP_LEADS = (
    r"executive\s+producers?(?:\s+(?:are|include|also\s+include|including|is))?",
    r"exec(?:utive)?\s*-?\s*produced\s+by",
    r"(?:also\s+)?executive\s+producing\s+(?:are|is)",
    r"\beps?\s+(?:are|include)",
    r"exec(?:utive)?\s*-?\s*produc(?:e|es|ing)\s+(?:\w+\s+)?(?:alongside|with)",
)
EP_TAILS = (
    r"(?:who\s+)?(?:will\s+|also\s+|both\s+|all\s+|are\s+set\s+to\s+|to\s+)*(?:executive|exec)"
    r"\s*-?\s*produc(?:e|es|ing)",
    r"(?:will\s+|also\s+)*serve\s+as\s+(?:an?\s+)?executive\s+producers?",
    r"(?:are|is|will\s+be|were|was)\s+(?:also\s+|now\s+)*(?:an?\s+)?executive\s+producers?",
    r"(?:were|was|have\s+been|has\s+been)\s+(?:also\s+)?(?:added|named|tapped|brought\s+on"
    r"|announced|set|hired)\s+as\s+(?:an?\s+)?(?:executive\s+producers?|EPs?)\b",
    r"an?\s+executive\s+producer\s+(?:on|of|for)\b",
    r"(?:have\s+|has\s+)?(?:join|joins|joined|come\s+aboard|came\s+aboard|board|boards|boarded|signed"
    r"\s+on)\s+(?:\w+\s+){0,4}?as\s+(?:an?\s+)?(?:executive\s+producers?|EPs?)\b",
    r"(?:also\s+)?eps?\b",
)
# Roles that are crew titles: "with Moore as executive producer" is not a cast fact.
CREW_ROLES: dict[str, str] = {
    r"(?:co-?)?showrunners?": "showrunner", r"executive\s+producers?": "executive_producer",
    r"(?:co-?)?creators?": "creator",
}  # fmt: skip
# Roles that name no role at all.
EMPTY_ROLES = (
    r"(?:the\s+)?(?:lead|leading\s+role|lead\s+role|series\s+regular|regular|star|title\s+role)",
    r".*\b(?:role|part|character|regulars?|lead)s?",
    r"(?:him|her|them|it|himself|herself|one)",
    r"(?:guest|recurring)\b.*",
    r"(?:well|part)\b.*",
)
# Words that end a role phrase.
ROLE_STOPS = (
    r"\s+(?:in|on|for|opposite|alongside|with|who|which|that|from|at|and|when|while|after|before"
    r"|to|into|as\s+well|,|;|:)\s",
    r"\s+-\s",
    r"[,;:.!?()]",
)
# Phrases that put an actor's role into another production ("best known as Y").
OTHER_ROLE_CUES = (
    r"known\s+(?:for\s+playing|as|for)",
    r"(?:starred|played|appeared|voiced)\s*$",
    r"\bturn\s+as\s*$",
    r"\brole\s+as\s*$",
)

# Words before an actor's other works: the titles after them name no person of the show.
OTHER_WORK_CUES = (
    r"known\s+(?:\w+\s+)?(?:for|as)", r"starred\s+in", r"appeared\s+in", r"turned\s+up\s+in",
    r"stole", r"credits?\s+(?:include|including|span|range\s+from)", r"roles?\s+in",
    r"recently\s+(?:seen|starred)\s+in", r"seen\s+in", r"breakout\s+in", r"fame\s+(?:in|for)",
)  # fmt: skip

# --- dates and numbers -----------------------------------------------------------
PREMIERE_CUES = (
    r"premier(?:e|es|ed|ing)",
    r"debut(?:s|ed|ing)?",
    r"launch(?:es|ed|ing)?",
    r"arriv(?:e|es|ed|ing)",
    r"(?:will\s+)?(?:be\s+)?(?:released|releasing|streaming|stream|drops?|bow(?:s)?|hits?)",
    r"release(?:\s+(?:date|window))?",
    r"(?:come|coming)\s+to",
    r"(?:lands?|landing)",
    r"(?:set|slated|scheduled|dated)\s+for",
    r"(?:blast(?:s|ing)?\s+off)",
)
FINALE_CUES = (
    r"(?:final|last)\s+episode",
    r"(?:season|series)\s+finale",
    r"finale",
    r"(?:weekly|every\s+\w+day|\w+days)\s+(?:through|until|till|to)",
    r"(?:concludes?|concluding|wraps?\s+up|ends?|ending|finish(?:es|ing)?|runs?\s+(?:through|until))",
)
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
    r"\bwhether\b", r"\breportedly\b", r"\busually\b", r"\btypically\b", r"\bnormally\b", r"\bexpects?\b", r"\bexpected\b",
)  # fmt: skip
EPISODE_UNITS = (
    r"episodes?\b",
    r"parts?\b(?!\s+of)",
    r"installments?",
    r"instalments?",
    r"chapters?",
)
EPISODE_TOTALS = (
    r"\bepisode\s+(?:NUM)\s+of\s+(?P<n>NUM)\b",
    r"\b(?P<n>\w+?(?:th|nd|rd|st))\s+and\s+(?:final|last)\s+episode\b",
    r"\b(?:season|series)\s+finale\W{1,3}\(?episode\s+(?P<n>NUM)\b",
)
# Cheap pre-filters: a sentence without any of these words cannot state the fact.
EPISODE_WORDS = ("episode", "part", "install", "instal", "chapter")
FILMING_WORDS = (
    "film", "shoot", "shot", "lensed", "production", "photography", "wrap", "location", "camera",
)  # fmt: skip
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
    r"(?:one|two|three|four|[1-4])\s+episodes[^.;]{0,15}?(?:then|followed)",
    r"\w+\s+episodes\s+(?:made\s+)?(?:available|sent|screened|provided)\b",
)
RENEWAL_CUES = (
    r"renew(?:ed|s|al)?\s+(?:for|with)\s+(?:a\s+)?(\w+)\s+season",
    r"renew(?:ed|s|al)?\s+for\s+season\s+(\w+)",
    r"picked\s+up\s+for\s+(?:a\s+)?(\w+)\s+season",
    r"(?:gets?|got|earns?|earned|lands?|landed)\s+(?:a\s+)?(\w+)[-\s]season\s+renewal",
    r"season\s+(\w+)\s+(?:renewal|pickup|order)",
)
CANCEL_CUES = (
    r"\bcancel(?:l?ed|s|lation)\b",
    r"\baxed\b",
    r"will\s+not\s+return",
    r"won'?t\s+return",
)
TRAILER_CUES = (
    r"\b(?:official\s+|full\s+|first\s+|new\s+|teaser\s+|final\s+)*trailer\b",
    r"\bteaser\b",
)
TRAILER_RELEASE_VERBS = (
    r"releas(?:ed|es|ing)", r"(?:drops?|dropped|dropping)", r"unveil(?:ed|s|ing)?",
    r"debut(?:ed|s|ing)?", r"(?:shared|share|shares)", r"(?:revealed|reveals?|reveal)",
    r"(?:out\s+now|now\s+out|has\s+arrived|arrives|(?:came|comes)\s+out)",
    r"(?:is|are|was)\s+(?:finally\s+|now\s+|officially\s+)?(?:out|here|live)\b", r"(?:launched|launches)",
    r"(?:watch|check\s+out|see)\s+the", r"(?:gave|gives|give)\s+(?:fans\s+)?(?:a|the|its)",
    r"(?:offers?|offered)", r"(?:premiered|premieres)", r"(?:got|gets|has)\s+(?:a|its)",
    r"(?:posted|posts)", r"(?:new|first|full|official)\s+(?:\w+\s+)?(?:trailer|teaser)\s+(?:for|shows)",
)  # fmt: skip
TRAILER_NOT_TRAILER = (
    r"trailer\s+park",
    r"(?:trailer|teaser)\s+(?:poster|image|art|photo)s?",
)
TRAILER_NOT_YET = (
    r"\bwill\s+be\s+(?:released|out|shared|unveiled|revealed)",
    r"\bcoming\s+soon\b", r"\bwill\s+(?:release|drop|debut|share|unveil|arrive)", r"\bexpect",
    r"\byet\s+to\b", r"\bno\s+trailer\b", r"\bawait", r"\bupcoming\s+trailer", r"\bwhen\b",
    r"\bsoon\b", r"\bplans?\s+to\b", r"\bis\s+coming\b", r"\bhasn'?t\b", r"\bnot\s+yet\b",
)  # fmt: skip
FILMING_CUES = (
    r"(?:filming|shooting|production|principal\s+photography|cameras\s+(?:rolled|roll|rolling))"
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
    r"produced\s+by", r"produc(?:es|ing)", r"production\s+compan(?:y|ies)", r"\bstudio\b",
    r"hails\s+from", r"comes\s+from", r"banner", r"co-?produc", r"for\s+[A-Z]", r"\bvia\b",
    r"\bwith\b", r"\bfrom\b", r"\bbehind\b",
)  # fmt: skip

# --- page furniture ----------------------------------------------------------------
# A line starting like this is a link, a teaser or a credit, not article text: it is
# dropped before reading (with any emoji or arrow in front of it).
BOILERPLATE_LABELS = (
    r"read\s+(?:more|also|next|this)", r"also\s+read", r"more\s+reading", r"related(?:\s+\w+)?",
    r"you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy)", r"see\s+also", r"don'?t\s+miss",
    r"recommended(?:\s+for\s+you)?", r"trending(?:\s+now)?", r"popular(?:\s+now)?",
    r"must\s+read", r"more\s+(?:from|on|news|stories)[^:|]{0,40}", r"up\s+next", r"keep\s+reading",
    r"(?:photo|image|picture|header\s+image|featured\s+image)s?(?:\s+credits?)?",
    r"source", r"via",
)  # fmt: skip
# Whole lines of page furniture (no separator needed).
BOILERPLATE_LINES = (
    r"advertisement", r"sponsored(?:\s+content)?", r"sign\s+up\b", r"subscribe\b",
    r"follow\s+us\b", r"share\s+(?:this|on|via)\b", r"click\s+here\b", r"tap\s+here\b",
    r"getty\s+images", r"courtesy\s+of\b", r"scroll\s+(?:down|to)\b", r"join\s+our\b",
    r"get\s+the\s+latest\b", r"(?:photo|image)\s+by\b", r"story\s+continues\b",
)  # fmt: skip

# --- questions and answers ---------------------------------------------------------
# A question heading ("Where was Star City filmed?") and the words put before the first
# sentence of its answer ("Vilnius, Lithuania.") so the answer reads as a statement;
# "{first}"/"{rest}" place the answer's first word and the rest ("Eight, weekly.").
QUESTION_LEADS: dict[str, str] = {
    r"\bwhere\b.*\b(?:film|shoot|shot)": "Filming took place in",
    r"\bwhen\b.*\b(?:premiere|release|come\s+out|debut|air|arrive|start|stream|out)"
    r"|\brelease\s+date": "It premieres",
    r"\bhow\s+many\s+episodes|\bepisode\s+count": "{first} episodes{rest}",
    r"\bwho\b.*\b(?:cast|stars?|starring|in\s+it|in\s+the\s+show|in\s+the\s+series|plays?)"
    r"|\bcast\s+list": "The cast includes",
    r"\bwho\b.*\b(?:created|creators?)": "Created by",
    r"\bwhere\b.*\b(?:watch|stream)": "It streams on",
}  # fmt: skip
# What is left out of an answer's start before the lead is put in front of it.
ANSWER_OPENERS = (
    r"(?:(?:yes|no|so|well|mostly|largely|mainly|primarily|partly|chiefly|principally|entirely"
    r"|all|almost\s+entirely|in|on|at|it's|its)\b[,:]?\s*)+"
)
# Capitalised words that begin a sentence, never a place: "According to …", "Most of …".
NOT_PLACE_WORDS = frozenset(
    """According Most Much Some Parts Scenes Production Filming Cameras Principal Sources
    Reports We It They While Although Both Apple Several Many Various Multiple Locations
    Studio Studios Stages Sets Set Interiors Exteriors Unknown No Yes Not""".split()
)
