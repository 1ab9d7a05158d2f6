"""English pattern tables of news events (renewals, trailers), page furniture, questions
and answers, and place words.

Split from ``patterns`` (which re-exports every name) to keep each table file short.
"""

from __future__ import annotations

# --- renewals and trailers ---------------------------------------------------------
RENEWAL_CUES = (
    r"renew(?:ed|s|al)?\s+(?:for|with)\s+(?:a\s+)?(\w+)\s+season",
    r"renew(?:ed|s|al)?\s+for\s+season\s+(\w+)",
    r"renew(?:ed|s)?\s+(?:it|the\s+(?:\w+\s+)?(?:series|show|spin-?off|drama)|star\s+city)"
    r"\s+for\s+(?:a\s+)?(\w+)\s+season",
    r"renew(?:ed|s)?\s+(?:it|the\s+(?:\w+\s+)?(?:series|show|spin-?off|drama)|star\s+city)"
    r"\s+for\s+season\s+(\w+)",
    r"picked\s+up\s+for\s+(?:a\s+)?(\w+)\s+season",
    r"(?:gets?|got|earns?|earned|lands?|landed)\s+(?:a\s+)?(\w+)[-\s]season\s+renewal",
    r"season\s+(\w+)\s+(?:renewal|pickup|order)",
)
# "cancelled" as what happened to a show, not as an adjective ("the cancelled moon programme").
CANCEL_CUES = (
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|got|gets|is\s+being|been|is)\s+"
    r"(?:now\s+|officially\s+|quietly\s+|abruptly\s+)?(?:cancell?ed|axed)\b",
    r"\b(?:cancell?ed|cancels|axed|axes|scrapped|scraps)\s+(?:star\s+city|it|the\s+(?:\w+\s+)?"
    r"(?:series|show|spin-?off|drama))\b",
    r"\b(?:star\s+city|series|show|spin-?off|drama)\s+(?:cancell?ed|axed)\b",
    r"\bcancell?ation\s+of\s+(?:star\s+city|the\s+(?:series|show|spin-?off|drama))\b",
    r"\b(?:star\s+city|series|show|spin-?off|drama|it)\s+(?:will\s+not|won'?t)\s+return\b",
)
# Words that leave a renewal or cancellation open: asked, hoped for, weighed, conditional.
RENEWAL_HEDGES = (
    r"\bwould\b", r"\bshould\b", r"\bunless\b", r"\bodds\b", r"\bchances?\b",
    r"\b(?:un)?likely\b", r"\bdeserves?\b", r"\bpetition", r"\bcampaign", r"\bfingers\s+crossed",
    r"\bpending\b", r"\bawait", r"\bwonder", r"\bdecid", r"\bdecision", r"\bfate\b",
    r"\bfuture\b", r"\bin\s+talks\b", r"\bconsider", r"\bfear", r"\bworr", r"\bquestion",
    r"\bask(?:s|ed|ing)?\b", r"\bhopeful", r"\bwhat\s+if\b", r"\bin\s+case\b", r"\bdoubt",
    r"\bstill\s+(?:waiting|no)\b", r"\bsilent\b", r"\bmum\b", r"\bteas(?:e|ed|ing)\b",
)  # fmt: skip
TRAILER_CUES = (
    r"\b(?:official\s+|full\s+|first\s+|new\s+|teaser\s+|final\s+)*trailer\b",
    r"\bteaser\b",
)
TRAILER_RELEASE_VERBS = (
    r"releas(?:ed|es|ing)", r"(?:drops?|dropped|dropping)", r"unveil(?:ed|s|ing)?",
    r"debut(?:ed|s|ing)?", r"(?:shared|share|shares)", r"(?:revealed|reveals?|reveal)",
    r"(?:out\s+now|now\s+out|(?:has\s+)?arrived|arrives|(?:came|comes)\s+out)",
    r"(?:is|are|was)\s+(?:finally\s+|now\s+|officially\s+)?(?:out|here|live)\b", r"(?:launched|launches)",
    r"(?:gave|gives|give)\s+(?:fans\s+)?(?:a|the|its)",
    r"(?:offers?|offered)", r"(?:premiered|premieres)", r"(?:got|gets|has)\s+(?:a|its)",
    r"(?:posted|posts)", r"(?:new|first|full|official)\s+(?:\w+\s+){0,2}?(?:trailer|teaser)\s+(?:for|shows|reveals|teases)",
    # an embed: "Watch the trailer below", "Here's the first teaser"
    r"(?:watch|check\s+out)\s+(?:the|this|our)\b(?=[^.;]{0,60}\b(?:below|above|here|now)\b)",
    r"here'?s\s+(?:the|a|our)\b",
    r"^(?:watch|video)\s*:",  # a page that shows the trailer: "Watch: the Star City trailer"
)  # fmt: skip
# Pictures a studio releases: "images were released in December" dates no premiere.
VISUALS = (
    r"\bimages?\b", r"\bphotos?\b", r"\bstills?\b", r"\bpictures?\b", r"\bpics?\b",
    r"\bposters?\b", r"\bfirst[\s-]look(?!\s+(?:trailer|teaser))", r"\bkey\s+art\b", r"\bclips?\b",
    r"\bfeaturettes?\b", r"\bfootage\b", r"\bartwork\b", r"\bsneak\s+peek\b",
)  # fmt: skip
# Other things a studio releases: the verb nearest one of them is not the trailer's.
TRAILER_OTHER_OBJECTS = (
    *VISUALS,
    r"\bsynopsis\b",
    r"\blogline\b",
    r"\bpremiere\s+date\b",
    r"\bdetails\b",
    r"\bepisodes?\b",
)
# Words of watching a trailer again, not of its release.
TRAILER_REWATCH = (
    r"\bagain\b", r"\bre-?watch", r"\bonce\s+more\b", r"\bone\s+more\s+time\b", r"\bre-?visit",
    r"\brecap\b", r"\bin\s+case\s+you\s+missed\b",
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

# --- credit blocks ---------------------------------------------------------------
# A heading over lines of names ("Cast", "Created by", "Executive Producers:") and the
# statement lead each line is read after ("The cast includes Rhys Ifans as Korolev.").
CAST_HEADING = (
    r"(?:the\s+|main\s+|full\s+|series\s+|star\s+city\s+)*(?:cast|starring|stars|cast\s+members)"
    r"(?:\s+(?:list|and\s+characters|&\s+characters))?|who'?s\s+in\s+(?:the\s+)?(?:cast|it|star\s+city)"
    r"|who\s+(?:is|are)\s+in\s+(?:the\s+)?cast|who\s+stars\s+in\s+(?:it|star\s+city)"
)
CREDIT_HEADINGS: dict[str, str] = {
    CAST_HEADING: "The cast includes",
    r"(?:co-?)?created\s+by|(?:co-?)?creators?|developed\s+by": "Created by",
    r"(?:co-?)?show\s*-?runners?": "The showrunners are",
    r"exec(?:utive)?\s+producers?|exec(?:utive)?\s+produced\s+by": "The executive producers are",
}

# --- questions and answers ---------------------------------------------------------
# A question heading ("Where was Star City filmed?") and the words put before the first
# sentence of its answer ("Vilnius, Lithuania.") so the answer reads as a statement;
# "{first}"/"{rest}" place the answer's first word and the rest ("Eight, weekly.").
FILMING_ANSWER = "Filming took place in"
# After an answer's place, what a place (not a sentence's subject) is followed by.
PLACE_ENDS = (
    r"\s*(?:[,.;:!?)]|$)",
    r"\s+(?:and|in|during|for|from|with|over|between|last|this|until|throughout|around|near"
    r"|outside|on|at|across|mostly|mainly|largely|\d)\b",
)
QUESTION_LEADS: dict[str, str] = {
    r"\bwhere\b.*\b(?:film|shoot|shot)": FILMING_ANSWER,
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
# Words that are never part of a place's name: companies, networks, kit, crew ("Cameras",
# "Sony Pictures Television"). Compared case-folded with every word of a location.
NOT_PLACE_TOKENS = frozenset(
    """television pictures productions production entertainment films media network networks
    group inc llc ltd company cameras camera crew crews cast actors actor actress
    director directors producers producer showrunner showrunners writers apple netflix hbo
    amazon hulu disney paramount peacock sony warner universal lionsgate bbc itv sky starz
    showtime amc fx tv plus episode episodes season seasons series show spinoff trailer teaser
    premiere finale footage scenes scene photography days weeks months week month year years
    time secret earnest full swing progress english russian french german spanish italian
    japanese korean mandarin lithuanian ukrainian polish hungarian czech imax dolby vision
    black white colour color chronological order sequence real""".split()
)
# Capitalised words that begin a sentence, never a place: "According to …", "Most of …".
NOT_PLACE_WORDS = frozenset(
    """According Most Much Some Parts Scenes Production Filming Cameras Principal Sources
    Reports We It They While Although Both Apple Several Many Various Multiple Locations
    Studio Studios Stages Sets Set Interiors Exteriors Unknown No Yes Not""".split()
)
# A sentence opening like this asks a question even without its mark ("Is Star City
# Renewed For Season 2"): an auxiliary (or a wh-word and an auxiliary) before a subject.
# "Will" asks only before a pronoun or the show ("Will Poulter Joins" is a name).
QUESTION_OPENERS = (
    r"(?:Is|Are|Was|Were|Has|Have|Had|Did|Does|Do|Can|Could|Should|Would|Isn't|Hasn't|Didn't"
    r"|Won't)\s+(?:[A-Z][\w'-]+\s+[A-Z][\w'-]+|Apple)",
    r"(?:Is|Are|Was|Were|Has|Have|Had|Did|Does|Do|Can|Could|Should|Would|Will|Isn't|Hasn't"
    r"|Didn't|Won't)\s+(?:it|there|the|this|that|they|we|you|Star\s+City)\b",
    r"(?:When|Why|How|Where|Who)'s\b|What's\s+(?!more|next|new|on\b)",
    r"(?:When|Why|How|What|Where|Who|Which)(?:\s+(?i:is|are|was|were|will|would|did|does|do"
    r"|has|have|can|could|should))\b",
)
# Kinds a question never states ("Is Star City renewed for season 2?").
NOT_FROM_QUESTIONS = frozenset(
    """renewal trailer episode_count premiere_date premiere_window finale_date filming_location
    cast creator showrunner executive_producer production_company""".split()
)
# Kinds a body line without a full stop (a heading, a link to another story) never states.
NOT_FROM_LINES = frozenset({"renewal", "trailer"})
