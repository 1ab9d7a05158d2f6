"""The English pattern tables of the extractor: words, not code.

Another language is another table of the same shape. Every entry is a plain
regex fragment (no capturing groups) or a word; the family modules compile them
once at import.
"""

from __future__ import annotations

# Tables kept in their own file, re-exported here: one place to read every pattern.
from monitor.extract.patterns_dates import *  # noqa: F403  (dates, numbers, production)
from monitor.extract.patterns_web import (
    ANSWER_OPENERS as ANSWER_OPENERS,
)
from monitor.extract.patterns_web import (
    BOILERPLATE_LABELS as BOILERPLATE_LABELS,
)
from monitor.extract.patterns_web import (
    BOILERPLATE_LINES as BOILERPLATE_LINES,
)
from monitor.extract.patterns_web import (
    CANCEL_CUES as CANCEL_CUES,
)
from monitor.extract.patterns_web import (
    CAST_HEADING as CAST_HEADING,
)
from monitor.extract.patterns_web import (
    CREDIT_HEADINGS as CREDIT_HEADINGS,
)
from monitor.extract.patterns_web import (
    FILMING_ANSWER as FILMING_ANSWER,
)
from monitor.extract.patterns_web import (
    NOT_FROM_LINES as NOT_FROM_LINES,
)
from monitor.extract.patterns_web import (
    NOT_FROM_QUESTIONS as NOT_FROM_QUESTIONS,
)
from monitor.extract.patterns_web import (
    NOT_PLACE_TOKENS as NOT_PLACE_TOKENS,
)
from monitor.extract.patterns_web import (
    NOT_PLACE_WORDS as NOT_PLACE_WORDS,
)
from monitor.extract.patterns_web import (
    PLACE_ENDS as PLACE_ENDS,
)
from monitor.extract.patterns_web import (
    QUESTION_LEADS as QUESTION_LEADS,
)
from monitor.extract.patterns_web import (
    QUESTION_OPENERS as QUESTION_OPENERS,
)
from monitor.extract.patterns_web import (
    RENEWAL_CUES as RENEWAL_CUES,
)
from monitor.extract.patterns_web import (
    RENEWAL_HEDGES as RENEWAL_HEDGES,
)
from monitor.extract.patterns_web import (
    TRAILER_CUES as TRAILER_CUES,
)
from monitor.extract.patterns_web import (
    TRAILER_NOT_TRAILER as TRAILER_NOT_TRAILER,
)
from monitor.extract.patterns_web import (
    TRAILER_NOT_YET as TRAILER_NOT_YET,
)
from monitor.extract.patterns_web import (
    TRAILER_OTHER_OBJECTS as TRAILER_OTHER_OBJECTS,
)
from monitor.extract.patterns_web import (
    TRAILER_RELEASE_VERBS as TRAILER_RELEASE_VERBS,
)
from monitor.extract.patterns_web import (
    TRAILER_REWATCH as TRAILER_REWATCH,
)
from monitor.extract.patterns_web import (
    VISUALS as VISUALS,
)

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
    sources ps p s when where what who why how the bottom line"""
    # credit and infobox labels ("Starring:", "Cast:", "Photograph:", "Created by")
    """ cast starring stars featuring created creator creators developed showrunner showrunners
    executive producer producers producing genre network platform premiere premieres release
    released episodes episode runtime running time filming location locations studio
    writer writers director directors written directed music composer based country language
    photograph photography credit credits caption image images courtesy by interview words
    words""".split()
)
# Words in a heading that make it a generic section heading, not another show's title.
GENERIC_HEADING_WORDS = frozenset(
    """what who when where why how is are was were we you know cast release date
    premiere trailer plot story about details news more everything need
    it its this season episodes filming production first look update updates latest
    read also like related you might will be there here creators crew behind scenes
    watch stream streaming ending recap review"""
    # credit and infobox labels
    """ starring stars featuring created creator developed showrunner showrunners executive
    producer producers genre network platform released episode runtime running time location
    locations camera setup writer writers director directors written directed music composer
    based country language original no of photograph photography credit credits by drama
    thriller comedy science fiction sci-fi historical period documentary horror spy""".split()
)

# --- people -----------------------------------------------------------------------
# Text right after a name that puts the person into a named role: "X <verb> ROLE".
CAST_ROLE_VERBS = (
    r"(?:has|have|had)\s+been\s+cast\s+as", r"(?:was|were|is|are|been|being)\s+cast\s+as",
    r"cast\s+as", r"(?:will|would|to|is\s+set\s+to|are\s+set\s+to|is\s+going\s+to"
    r"|is\s+slated\s+to|has\s+been\s+tapped\s+to|was\s+tapped\s+to|is\s+tapped\s+to)\s+"
    r"(?:play|portray|star\s+as|take\s+on\s+the\s+role\s+of|voice|lead\s+as)",
    r"(?:joins?|joined|has\s+joined|have\s+joined|will\s+join|is\s+joining|to\s+join)\s+"
    r"(?:the\s+(?:cast|ensemble)\s+(?:of\s+[^,.;]{1,60}?\s+)?|[^,.;]{1,60}?\s+)?"
    r"(?:as|in\s+the\s+(?:role|part)\s+of)",
    r"(?:stars?|co-?stars?|is\s+starring|will\s+star|leads?|will\s+lead|appears?)\s+as",
    r"(?:leads?|led|heads?|headlines?|fronts?|will\s+(?:lead|headline|front))\s+(?:the\s+)?"
    r"(?:cast|ensemble|series|show|drama|spin-?off|star\s+city)(?:\s+of\s+[^,.;]{1,40}?)?"
    r"\s+(?:as|in\s+the\s+(?:role|part)\s+of)",
    r"(?:plays|playing|portrays|portraying|is\s+playing|is\s+portraying|are\s+playing|play|portray)\b",
    r"(?:takes?|taking|will\s+take|took)\s+on\s+the\s+(?:role|part)\s+of",
    r"(?:will\s+|to\s+|(?:is|are)\s+set\s+to\s+)?(?:recurs?|guest[\s-]stars?)\s+as",
    r"(?:boards?|boarded)\s+[^,.;]{1,40}?\s+(?:as|in\s+the\s+(?:role|part)\s+of)",
    r"(?:was|were|has\s+been|have\s+been)\s+tapped\s+as",
    r"(?:(?:has|gets|got|landed|lands|won|wins|plays)\s+|in\s+)the\s+(?:title\s+)?(?:role|part)\s+of",
    r"(?:takes?|took|taking)\s+the\s+(?:role|part)\s+of", r"returns?\s+as(?=\s+(?:the\s+)?[A-Z])",
    r"(?:rounds?|rounding|rounded|completes?|completing|completed)\s+out\s+the\s+(?:[\w']+\s+){0,3}?"
    r"(?:cast|ensemble)\s+as",
    r"(?:completes?|completing|completed)\s+the\s+(?:[\w']+\s+){0,3}?(?:cast|ensemble)\s+as",
    r"(?:was|were|has\s+been|is)\s+(?:announced|confirmed|revealed|unveiled)\s+(?:\w+\s+){0,3}?as"
    r"(?=\s+(?:the\s+)?(?:[\w-]+'s\s+)?[A-Z])",
)  # fmt: skip
# Words that make casting a wish or a guess, not news ("maybe X as Y", "we'd love to see").
CAST_HEDGES = (
    r"\bmaybe\b", r"\bperhaps\b", r"\bhopefully\b", r"\bwish\s*-?lists?\b",
    r"\bdream\s+(?:cast|casting|pick)", r"\bfan-?cast", r"\bwould\s+(?:love|like)\s+to\s+see\b",
    r"\b(?:we|i)'?d\s+love\b", r"\b(?:we|i)\s+(?:hope|wish|want)\b", r"\bwho\s+knows\b",
    r"\bcould\s+(?:play|be\s+cast|cameo|show\s+up|return)\b", r"\bif\s+only\b",
    r"\bfingers\s+crossed\b", r"\bpetition\b", r"\bwhat\s+if\b", r"\bimagine\b",
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
    r"round(?:s|ing)?\s+out\s+the\s+(?:(?:main|principal|core|central|series|regular|supporting"
    r"|starry|young|lead)\s+)?(?:cast|ensemble)",
    r"(?:have|has|also|will|are\s+set\s+to|is\s+set\s+to|to)?\s*(?:joined|joins?|join|boarded|boards?"
    r"|board)\s+(?:the\s+)?(?:cast|ensemble|star city|series|show|drama|spin-?off|apple|for all)",
    r"(?:has|have|was|were)\s+(?:been\s+)?(?:cast|tapped)\s+(?:in|for)\b",
    r"(?:to|will|is\s+set\s+to|set\s+to)\s+(?:star|lead|headline|front)\s+(?:in\s+)?"
    r"(?:the\s+|apple|star city|for all|opposite\b|alongside\b)",
    r"(?:is\s+)?(?:taking|takes|will\s+take)\s+the\s+lead",
    r"(?:leads?|heads?|headlines?|fronts?)\s+(?:the\s+)?(?:cast|ensemble|star city|series|apple)",
    r"(?:are|is)\s+(?:also\s+)?(?:in|among)\s+(?:the\s+cast|star\s+city|the\s+(?:series|show|spin-?off))",
    r"round(?:s|ing)?\s+(?:things|it|the\s+(?:cast|ensemble))\s+out",
    r"(?:lead|leads|leading|co-?lead|co-?leads|headline|front)\b(?!\s+(?:to|the\s+way|writer))",
    r"(?:has|have)\s+been\s+playing",
    r"(?:will|to|(?:is|are)\s+set\s+to)\s+(?:recur|guest[\s-]star)\b",
)
# After the names a sentence opens with: a picture caption ("Rhys Ifans in 'Star City'
# (Apple TV)", "Anna Maxwell Martin in Apple TV's Star City").
CAST_CAPTION_TAIL = (
    r"in\s+(?:apple(?:\s+tv\+?)?'s\s+)?[\"']?star\s+city\b[\"']?(?!\s*(?:games|casino|,\s+west))"
)
# Text right before a list of names that puts them in the cast.
CAST_LEADS = (
    r"(?:cast|ensemble|line-?up)\s+(?:also\s+)?(?:includes?|including|features?|comprises|are)\s*:?",
    r"(?:series\s+|main\s+|principal\s+)?regulars\s+(?:also\s+)?(?:includes?|including|are)\s*:?",
    r"(?:is|are)\s+rounded\s+out\s+by", r"rounding\s+out\s+the\s+(?:cast|ensemble)\s+(?:are|is)",
    r"(?:series|show|drama|spin-?off|star city|it)\s+(?:also\s+)?stars", r"(?:also\s+)?starring",
    r"(?:co-?stars?|joined\s+by|star(?:s|ring)?,?\s+alongside|opposite)", r"(?:cast|ensemble)\s*:",
    r"(?:joining|alongside|with)\s+[^,.;]{1,40}?\s+(?:are|is)", r"(?:also\s+)?(?:joining|in)\s+the\s+cast\s+(?:are|is)",
    r"(?:also\s+)?cast\s+(?:are|is|were|was)", r"stars\s+include", r"new\s+cast\s+members?",
    r"(?:led|fronted|headlined)\s+by", r"(?:has|have|had)\s+(?:also\s+)?cast", r"cast\s+members?", r"\bjoin(?:s|ing)?",
    r"(?:which|that|it)\s+(?:also\s+)?stars", r",\s+(?:also\s+)?stars", r"(?:previously\s+announced|fellow|announced|series)"
    r"\s+(?:leads|stars|co-?stars|cast\s+members|castmates)",
)  # fmt: skip
CREATOR_LEADS = (
    r"(?:co-?)?created\s+(?:for\s+[^,.;]{1,30}?\s+)?by",
    r"(?:from|by)\s+(?:co-?)?creators?",
    r"(?:co-?)?creators?",
    r"(?:the\s+)?brainchild\s+of",
    r"(?:co-?)?created\s+(?:(?:it|the\s+(?:\w+\s+)?(?:series|show|spin-?off|drama)|star\s+city)\s+)?"
    r"(?:with|alongside|together\s+with)",
    r"developed\s+by",
    r"(?:the\s+)?(?:creation|invention)\s+of",
)
# What follows a creator word when it is the show's: "creators of the series", not
# "creators of Outlander" (the lookaheads are case-sensitive inside case-blind patterns).
_OF_THE_SHOW = (
    r"(?!\s+(?:of|behind|on)\s+(?!(?:the\s+(?:series|show|spin-?off|drama)|star\s+city|it)\b))"
)
_NO_TITLE_AFTER = r"(?!\s+(?!(?i:star\s+city))(?-i:[\"'A-Z]))"
CREATOR_TAILS = (
    r"(?:who\s+)?(?:also\s+|both\s+|jointly\s+)?(?:co-?)?created\s+(?:it\b|star\s+city|(?:apple'?s\s+)?"
    rf"(?:the\s+)?(?:new\s+|upcoming\s+)?(?:series|show|spin-?off|drama)\b{_NO_TITLE_AFTER})",
    r"(?:are|were|is|was)\s+(?:the\s+)?(?:series'?\s+|show'?s\s+|its\s+)?(?:co-?)?creators?\b"
    + _OF_THE_SHOW,
    r"(?:the\s+)?(?:co-?)?creators?\s+of\s+(?:the\s+(?:series|show|spin-?off)"
    rf"{_NO_TITLE_AFTER}|star\s+city|it)\b",
    r"(?:the\s+)?(?:duo|pair|trio|team|writers|writing\s+(?:duo|team|partners))\s+(?:who|that)\s+"
    r"(?:co-?)?created\s+(?:it\b|star\s+city|the\s+(?:series|show|spin-?off|drama)\b)",
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
    r"(?:who\s+)?(?:co-?)?created\s+[^,;]{1,60}?\s+and\s+(?:also\s+)?(?:serve|serves|act|acts)"
    r"\s+as\s+(?:its|the)\s+(?:co-?)?show\s*-?runners?",
)
EP_LEADS = (
    r"executive\s+producers?(?:\s+(?:are|include|also\s+include|including|is))?",
    r"exec(?:utive)?\s*-?\s*produced\s+by",
    r"(?:also\s+)?executive\s+producing\s+(?:are|is)",
    r"\beps?\s+(?:are|include)",
    r"(?:\bep|executive\s+producer|exec(?:utive)?\s+producing|producing)\s+(?:roster|team|ranks|lineup)"
    r"\s+(?:that\s+|which\s+)?(?:already\s+|also\s+|now\s+)?(?:includes?|including|features?)",
    r"exec(?:utive)?\s*-?\s*produc(?:e|es|ing)\s+(?:\w+\s+)?(?:alongside|with)",
)
EP_TAILS = (
    r"(?:who\s+)?(?:will\s+|also\s+|both\s+|all\s+|are\s+set\s+to\s+|to\s+)*(?:executive|exec)"
    r"\s*-?\s*produc(?:e|es|ing)\b",
    r"(?:will\s+|also\s+)*serve\s+as\s+(?:an?\s+)?executive\s+producers?",
    r"(?:are|is|will\s+be|were|was)\s+(?:also\s+|now\s+)*(?:an?\s+)?executive\s+producers?",
    r"(?:were|was|have\s+been|has\s+been)\s+(?:also\s+)?(?:added|named|tapped|brought\s+on"
    r"|announced|set|hired)\s+as\s+(?:an?\s+)?(?:executive\s+producers?|EPs?)\b",
    r"an?\s+executive\s+producer\s+(?:on|of|for)\b",
    r"(?:have\s+|has\s+)?(?:also\s+)?(?:join|joins|joined|come\s+aboard|came\s+aboard|board|boards|boarded|signed"
    r"\s+on)\s+(?:\w+\s+){0,4}?as\s+(?:an?\s+)?(?:executive\s+producers?|EPs?)\b",
    r"(?:also\s+)?eps?\b",
)
# Capitalised words before "creator" that name no other show ("The creators", "Meet the").
NOT_OWNER_WORDS = frozenset(
    """the a an its their his her our series show spinoff drama apple apples both two three
    fellow original and meet with from by as also plus exclusive""".split()
)
# Roles that are crew titles: "with Moore as executive producer" is not a cast fact.
CREW_ROLES: dict[str, str] = {
    r"(?:co-?)?showrunners?": "showrunner", r"(?:executive|exec)\s+producers?|eps?": "executive_producer",
    r"(?:co-?)?creators?": "creator",
}  # fmt: skip
# Roles that are jobs behind the camera: "joins as a consultant" casts no one.
NOT_CAST_ROLES = (
    r"(?:co-?|consulting\s+|supervising\s+|associate\s+|line\s+)?producers?",
    r"(?:a\s+)?(?:consultant|adviser|advisor|technical\s+adviser|writer|staff\s+writer"
    r"|director|composer|editor|cinematographer|designer\s+of|stunt\s+coordinator"
    r"|costume\s+designer|production\s+designer|dialect\s+coach|consultants|writers|directors)",
    r"(?:writer|director|creator)[\s/-]+\w+",
    # "created by A, B and C as a spin-off of For All Mankind": what the show is, not a role
    r"(?:spin-?off|sequel|prequel|companion|follow-?up|adaptation|series|show|drama|co-?production)"
    r"(?:\s+(?:of|to|from)\b.*)?",
)
# Roles that name no role at all.
EMPTY_ROLES = (
    r"(?:the\s+)?(?:lead|leading\s+role|lead\s+role|series\s+regular|regular|star|title\s+role)",
    r".*\b(?:role|part|character|regulars?|lead)s?",
    r"(?:him|her|them|it|himself|herself|one)",
    r"(?:guest|recurring)\b.*",
    r"(?:well|part)\b.*",
)
# Last words of a capitalised post that is a role ("Chief Designer", "KGB Officer").
ROLE_TITLE_WORDS = frozenset(
    """designer officer engineer director minister general colonel major captain commander
    agent cosmonaut pilot doctor chief secretary premier chairman leader""".split()
)
# Words that end a role phrase.
ROLE_STOPS = (
    r"\s+(?:in|on|for|opposite|alongside|with|who|which|that|from|at|and|when|while|after|before"
    r"|to|into|as\s+well|already|now|still|both|too|,|;|:)\s",
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

# Rarer cues of other works and of people around an actor (agents, photographers,
# interviewers): only tried on sentences holding one of OTHER_WORK_WORDS.
OTHER_WORK_RARE_CUES = (
    r"(?:co-?)?created\s+(?:the\s+)?(?:\w+\s+)?(?:series|show|drama|comedy|film|sitcom|miniseries)"
    r"(?=\s+(?!(?i:star\s+city))(?-i:[A-Z\"']))",
    r"(?:co-?)?creators?\s+of", r"showrunners?\s+(?:of|on)", r"(?:repped|represented|managed)\s+by",
    r"signed\s+(?:with|to)", r"(?:agency|agencies|agents?|managers?|management|publicists?)\b",
    r"(?:photographed|interview|interviewed|words|photography|photos?|images?)\s+by",
    r"(?:starred|appeared|played)\s[^.;]{0,80}?whose\s+(?:\w+\s+)?cast\s+(?:also\s+)?(?:includes?"
    r"|including|features?)",
)  # fmt: skip
OTHER_WORK_WORDS = (
    "creat", "showrun", "repped", "represent", "managed", "signed", "agen", "manage",
    "publicist", " by", "whose",
)  # fmt: skip
