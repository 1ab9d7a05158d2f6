"""Extraction on messy web-shaped articles: page furniture, Q&A headings, pronouns, lists.

Each article is written for this test (facts from the seed timeline); each case lists
facts that must come out and tempting ones that must not.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.extract import extract, headline
from monitor.models import Document, Fact, FactKind, Topic

TOPIC = Topic(
    name="Star City",
    aliases=("Star City",),
    context=("Apple TV", "For All Mankind", "cosmonaut", "Soviet", "Nedivi", "Wolpert"),
    exclude=("Arrow", "casino", "Star City Games", "Roanoke", "West Virginia"),
)

C, SR = FactKind.CAST, FactKind.SHOWRUNNER

# The seed article's shape: no title field, the headline as the first line (twice),
# emoji teaser links to other stories, pronoun sentences, a bullet list, a comparison.
SEO_EXPLAINER = """Star City on Apple TV: the For All Mankind spinoff explained

Star City on Apple TV: the For All Mankind spinoff explained

If you loved For All Mankind, you always wanted more of its Soviet side. Star City is that show.

Showrunners Ben Nedivi and Matt Wolpert say the ground is scarier than orbit here.

Who's in it

👉 Read more: Sam Carter and the Housewives of Dallas: The Full Story Behind Her Exit

Rhys Ifans, who fans know as Otto Hightower from House of the Dragon, heads the cast. \
He's playing the "Chief Designer." Ifans looks perfect for it.

Then there's Anna Maxwell Martin, a favourite from Line of Duty. She's playing Lyudmilla, \
who runs a KGB listening unit.

Also on board:

  • Solly McLeod as Sasha, a reckless young cosmonaut.
  • Adam Nagaitis (from Chernobyl) as Valya, a veteran flyer.
  • Priya Kansara as an engineer named Lakshmi.

⭐ You might also like: Who Is Really in the Enola Holmes 2 Cast? Meet the Faces

Cameras rolled mostly in Vilnius, Lithuania, during 2025.

📖 Related: Priyanka Chopra Upcoming Movies: Her Risky 2026 Plans

Insiders point toward a late 2026 release. It's said to run 10 episodes, matching the \
shape of For All Mankind.
"""

QA_EXPLAINER = """Star City: release date, cast, plot and everything we know

Where was Star City filmed?
Mostly in Vilnius, Lithuania.

How many episodes does Star City have?
Eight, dropping weekly.

When does Star City premiere?
May 29, with two episodes.

Where was For All Mankind filmed?
Los Angeles, for the most part.

Sign up for our newsletter to get Apple TV news first.
"""

TRADE_SCOOP = """EXCLUSIVE: Star City adds three

Apple TV's For All Mankind spinoff Star City has cast Solly McLeod (The Rising), \
Agnes O'Casey and Alice Englert (Bad Sisters). They join previously announced leads \
Rhys Ifans and Anna Maxwell Martin.

McLeod is repped by an agency in London. Englert recently starred in Bad Sisters for \
Apple TV, and in Top of the Lake.
"""

REVIEW = """Star City review: cold, quiet and gripping

The season's centre is the Chief Designer, played by Rhys Ifans, a man no one may name.

Anna Maxwell Martin, as KGB watcher Lyudmilla Raskova, gives it its chill.

The eight-episode run finishes on July 10. For All Mankind, by contrast, ran ten episodes \
a season.

Photo: Apple TV
"""

WIKI_STYLE = """Star City (TV series)

Star City is an upcoming American science fiction drama series created by Matt Wolpert, \
Ben Nedivi and Ronald D. Moore for Apple TV. It is a spinoff of For All Mankind. The \
series stars Rhys Ifans, Anna Maxwell Martin and Solly McLeod.

Filming took place in Vilnius, Lithuania.
"""


def _facts(text: str, title: str = "", published: str = "2026-01-15") -> set[Fact]:
    when = datetime.fromisoformat(published).replace(tzinfo=UTC)
    doc = Document("https://example.test/a", "web", title, text, when)
    return {s.fact for s in extract(doc, TOPIC)}


CASES = [
    (
        "seo-explainer",
        SEO_EXPLAINER,
        [
            Fact(SR, person="Ben Nedivi"),
            Fact(SR, person="Matt Wolpert"),
            Fact(C, person="Rhys Ifans", role="Chief Designer"),
            Fact(C, person="Anna Maxwell Martin", role="Lyudmilla"),
            Fact(C, person="Solly McLeod", role="Sasha"),
            Fact(C, person="Adam Nagaitis", role="Valya"),
            Fact(C, person="Priya Kansara", role="Lakshmi"),
            Fact(FactKind.FILMING_LOCATION, value="Vilnius, Lithuania"),
            Fact(FactKind.PREMIERE_WINDOW, value="late 2026"),
            Fact(FactKind.EPISODE_COUNT, value=10),
            Fact(FactKind.PLATFORM, value="Apple TV"),
        ],
        ["Otto Hightower", "Sam Carter", "Priyanka Chopra", "Enola", "Line of Duty"],
    ),
    (
        "qa-explainer",
        QA_EXPLAINER,
        [
            Fact(FactKind.FILMING_LOCATION, value="Vilnius, Lithuania"),
            Fact(FactKind.EPISODE_COUNT, value=8),
            Fact(FactKind.PREMIERE_DATE, value="2026-05-29"),
        ],
        ["Los Angeles"],
    ),
    (
        "trade-scoop",
        TRADE_SCOOP,
        [
            Fact(C, person="Solly McLeod"),
            Fact(C, person="Agnes O'Casey"),
            Fact(C, person="Alice Englert"),
            Fact(C, person="Rhys Ifans"),
            Fact(C, person="Anna Maxwell Martin"),
        ],
        ["Bad Sisters", "Top of the Lake", "The Rising"],
    ),
    (
        "review",
        REVIEW,
        [
            Fact(C, person="Rhys Ifans", role="Chief Designer"),
            Fact(C, person="Anna Maxwell Martin", role="Lyudmilla Raskova"),
            Fact(FactKind.EPISODE_COUNT, value=8),
            Fact(FactKind.FINALE_DATE, value="2026-07-10"),
        ],
        ["'value': 10"],
    ),
    (
        "wikipedia-style",
        WIKI_STYLE,
        [
            Fact(FactKind.CREATOR, person="Matt Wolpert"),
            Fact(FactKind.CREATOR, person="Ben Nedivi"),
            Fact(FactKind.CREATOR, person="Ronald D. Moore"),
            Fact(C, person="Rhys Ifans"),
            Fact(C, person="Solly McLeod"),
            Fact(FactKind.FILMING_LOCATION, value="Vilnius, Lithuania"),
        ],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_web_article(text: str, wanted: list[Fact], unwanted: list[str]) -> None:
    got = _facts(text)
    missing = [f for f in wanted if f not in got]
    assert missing == []
    shown = repr(sorted(got, key=repr))
    assert [word for word in unwanted if word in shown] == []


def test_seo_explainer_says_nothing_more() -> None:
    got = _facts(SEO_EXPLAINER)
    assert len(got) == len(CASES[0][2])
    assert all(f.kind != C or f.role for f in got)


def test_headline_comes_from_the_first_line_when_there_is_no_title() -> None:
    title, paras = headline(
        "", [["Star City: what we know"], ["Star City: what we know"], ["Body."]]
    )
    assert title == "Star City: what we know"
    assert paras == [["Body."]]


def test_a_sentence_is_not_taken_for_a_headline() -> None:
    title, paras = headline("", [["Star City premieres on May 29."], ["More."]])
    assert title == ""
    assert len(paras) == 2


def test_teaser_links_do_not_switch_the_subject() -> None:
    text = (
        "Star City on Apple TV: the cast\n\nRead more: Arrow season 8 finale recap\n\n"
        "Solly McLeod plays Sasha."
    )
    assert Fact(C, person="Solly McLeod", role="Sasha") in _facts(text)


def test_the_parent_series_before_the_fact_still_owns_it() -> None:
    text = "Star City on Apple TV\n\nFor All Mankind ran 10 episodes a season, like the spinoff."
    assert not any(f.kind == FactKind.EPISODE_COUNT for f in _facts(text))


# --- round 3: what unseen web pages got wrong, one general cause per case -----------------

R, T, EC, FL = FactKind.RENEWAL, FactKind.TRAILER, FactKind.EPISODE_COUNT, FactKind.FILMING_LOCATION
CR, EP = FactKind.CREATOR, FactKind.EXECUTIVE_PRODUCER

QUESTION_HEADINGS = """Star City: your questions answered

Is Star City renewed for season 2?

Apple has not announced anything, and the first run is still airing.

Is Star City cancelled too?

Nope. There is no word yet on a renewal either way, and the show hasn't been renewed.

Will Star City Get A Second Season

If the numbers hold up, Apple could renew it for season 2.
"""

RENEWAL_STATED = """Star City returns

Apple TV renewed Star City for season 2 on Tuesday, a week after the finale.
"""

CANCEL_AS_ADJECTIVE = """Star City digs into history

Star City follows the engineers of the cancelled Soviet lunar programme.
"""

TRAILER_WATCHING = """Star City: everything we know

Watch the trailer again below before the May 29 premiere.

In the trailer we see Rhys Ifans pacing a frozen launch pad.

First-look images were released last December, well ahead of any trailer.

Star City trailer: Apple unveils first teaser for the space drama
"""

TRAILER_RELEASED = """Star City gets a trailer

Apple TV dropped the first full trailer for Star City on Thursday.
"""

FILMING_GARBAGE = """Star City: behind the scenes

Star City is produced by Sony Pictures Television, with filming at Sony Pictures \
Television's own stages.

Where was Star City filmed?

Rhys Ifans said the crew spent months away from home.

The series was shot in English and Russian, and filmed in Vilnius.
"""

HEADLINE_PHRASE = """Star City on Apple TV: the Cast Is Getting Ridiculous

Alice Englert is repped by Gersh and Independent Talent Group.

Joel Fields, co-creator of The Americans, joins Star City as a consultant.

Alice Englert joined Star City. She also starred alongside Sarah Greene in Bad Sisters, \
whose cast also includes Anne-Marie Duff.
"""

CREDITS_BLOCK = """Star City: the essentials

Starring: Rhys Ifans, Anna Maxwell Martin, Solly McLeod

Cast: Agnes O'Casey (Irina), Alice Englert (Anastasia)

Genre

Drama

Created by Matt Wolpert and Ben Nedivi
"""

ROUNDUP_COUNTS = """This week on Apple TV

Star City premieres May 29 on Apple TV with the first of its eight episodes.

The drama is back for its third season of 10 episodes in June.

Elsewhere, Silo's 10 episodes drop weekly from July.
"""

CONFLICTING_COUNTS = """Star City: the numbers

Star City will run eight episodes.

Star City will run ten episodes, a source said.
"""

CREATOR_WORDS = """Star City: who makes it

Like For All Mankind co-creator Ronald D. Moore, executive producer Maril Davis returns.

Steve Oster, who co-created a different show with Andrew Chambliss, is an executive producer \
on Star City.

Showrunners Matt Wolpert and Ben Nedivi executive produce with co-creator Toni Graphia, \
Steve Oster and Andrew Chambliss.

Andrew Chambliss, who created the hit series Dead Ringers, also executive produces Star City.
"""

ROUND3 = [
    ("question-headings", QUESTION_HEADINGS, [], [R]),
    ("renewal-stated", RENEWAL_STATED, [Fact(R, value="season 2 renewed")], []),
    ("cancel-adjective", CANCEL_AS_ADJECTIVE, [], [R]),
    ("trailer-watching", TRAILER_WATCHING, [Fact(FactKind.PREMIERE_DATE, value="2026-05-29")], [T]),
    ("trailer-released", TRAILER_RELEASED, [Fact(T, value="2026-01-15")], []),
    ("filming-garbage", FILMING_GARBAGE, [Fact(FL, value="Vilnius")], []),
    ("cast-headline-phrase", HEADLINE_PHRASE, [Fact(C, person="Alice Englert")], []),
    (
        "credits-block",
        CREDITS_BLOCK,
        [
            Fact(C, person="Rhys Ifans"),
            Fact(C, person="Anna Maxwell Martin"),
            Fact(C, person="Solly McLeod"),
            Fact(C, person="Agnes O'Casey", role="Irina"),
            Fact(C, person="Alice Englert", role="Anastasia"),
            Fact(CR, person="Matt Wolpert"),
            Fact(CR, person="Ben Nedivi"),
        ],
        [],
    ),
    ("roundup-counts", ROUNDUP_COUNTS, [Fact(FactKind.PREMIERE_DATE, value="2026-05-29")], []),
    ("conflicting-counts", CONFLICTING_COUNTS, [], [EC]),
    (
        "creator-words",
        CREATOR_WORDS,
        [
            Fact(CR, person="Toni Graphia"),
            Fact(FactKind.SHOWRUNNER, person="Matt Wolpert"),
            Fact(EP, person="Steve Oster"),
        ],
        [],
    ),
]
# Facts that must not come out of the round-3 articles, whatever the kind.
WRONG = {
    "filming-garbage": [
        Fact(FL, value="Sony Pictures Television"),
        Fact(FL, value="English"),
        Fact(FL, value="Rhys Ifans"),
    ],
    "cast-headline-phrase": [
        Fact(C, person="Getting Ridiculous"),
        Fact(C, person="Alice Englert", role="Gersh"),
        Fact(C, person="Joel Fields", role="consultant"),
        Fact(C, person="Anne-Marie Duff"),
        Fact(C, person="Sarah Greene"),
    ],
    "roundup-counts": [Fact(EC, value=10)],
    "creator-words": [
        Fact(CR, person="Ronald D. Moore"),
        Fact(CR, person="Andrew Chambliss"),
        Fact(CR, person="Steve Oster"),
        Fact(EP, person="Ronald D. Moore"),
        Fact(EP, person="Dead Ringers"),
    ],
}


@pytest.mark.parametrize(
    ("case_id", "text", "wanted", "no_kinds"), ROUND3, ids=[c[0] for c in ROUND3]
)
def test_round3_web_article(
    case_id: str, text: str, wanted: list[Fact], no_kinds: list[FactKind]
) -> None:
    got = _facts(text)
    assert [f for f in wanted if f not in got] == []
    assert [f for f in got if f.kind in no_kinds] == []
    assert [f for f in WRONG.get(case_id, []) if f in got] == []


# --- round 4: cast lists, credit boxes, captions, listings, episode guides -------------
FD, PD = FactKind.FINALE_DATE, FactKind.PREMIERE_DATE

# One name per line under a heading (an HTML list or table after conversion), a
# "Character (Actor)" line that is left alone, and a later section about another show.
CAST_HEADING_LINES = """Star City cast guide: who plays whom

Apple TV's Star City arrives on May 29.

Cast

Rhys Ifans | Chief Designer

Anna Maxwell Martin - Lyudmilla Raskova

Solly McLeod (Sasha)

Priya Kansara

Sergei Korolev (Joel Kinnaman)

Release date

The first two episodes stream together.
"""

# Credit box lines ("Created by" over its names, "Starring:" with names below it).
CREDIT_BOX = """Star City at a glance

The For All Mankind spinoff starts on Apple TV on May 29.

Created by
Ronald D. Moore, Matt Wolpert and Ben Nedivi

Starring: Rhys Ifans
Alice Englert
Adam Nagaitis

Executive producers
Maril Davis
Steve Oster
"""

# A picture caption names the cast; a caption naming another show names nobody of it;
# a character played "in Star City" is no actor.
CAPTIONS = """Star City images: a first look at the Soviet space drama

Josef Davies and Ruby Ashbourne Serkis in 'Star City' (Apple TV)

Joel Kinnaman in 'For All Mankind' (Apple TV)

Anna Maxwell Martin, who plays Lyudmilla Raskova in Star City, says the KGB office set was cold.
"""

# An actor bio listing other roles, and a roundup whose other show has its own cast list.
BIO_AND_ROUNDUP = """Apple TV's summer: Star City and Slow Horses

Star City

Star City premieres on Apple TV on May 29. Co-creators and showrunners Matt Wolpert \
and Ben Nedivi say it is the story of the people who never flew.

Slow Horses

Cast

Gary Oldman

Jack Lowden

The thriller returns for its fifth season in the autumn.
"""

# A TV listing with the day over its entries, and a day label on the entry's line.
LISTINGS = """Streaming this week: new shows and finales

Wednesday May 27
Dept. Q (Netflix) - season 2 premiere

Friday May 29
Star City (Apple TV) - series premiere, two episodes
For All Mankind (Apple TV) - season 5 finale

Fri July 10: Star City (Apple TV) - season finale
Sat July 11: Foundation (Apple TV) - new episode
"""

# An episode guide: episode 1's date is the premiere; the last line is the finale only
# because it says so. Later weeks date nothing.
EPISODE_GUIDE = """Star City episode guide

Star City has eight episodes. Here is when each one arrives on Apple TV.

Episode 1: "Red Moon" - May 29
Episode 2 - May 29
Episode 3 - June 5
Episode 8 (season finale) - July 10
"""

# Ways of saying when the season ends, and a last episode that is not a premiere.
FINALE_WORDS = """Star City: the schedule

Star City premieres on Apple TV on May 29, and its last episode lands on July 10.

The first season runs from May 29 to July 10. Filming ran from March 2 to June 30.
"""

ROUND4 = [
    (
        "cast-heading-lines",
        CAST_HEADING_LINES,
        [
            Fact(C, person="Rhys Ifans", role="Chief Designer"),
            Fact(C, person="Solly McLeod", role="Sasha"),
            Fact(C, person="Priya Kansara"),
        ],
        [
            Fact(C, person="Sergei Korolev"),
            Fact(C, person="Joel Kinnaman"),
            Fact(C, person="Release Date"),
        ],
    ),
    (
        "credit-box",
        CREDIT_BOX,
        [
            Fact(CR, person="Ronald D. Moore"),
            Fact(CR, person="Matt Wolpert"),
            Fact(CR, person="Ben Nedivi"),
            Fact(C, person="Rhys Ifans"),
            Fact(C, person="Alice Englert"),
            Fact(C, person="Adam Nagaitis"),
            Fact(EP, person="Maril Davis"),
            Fact(EP, person="Steve Oster"),
        ],
        [Fact(C, person="Maril Davis"), Fact(CR, person="Alice Englert")],
    ),
    (
        "captions",
        CAPTIONS,
        [Fact(C, person="Josef Davies"), Fact(C, person="Ruby Ashbourne Serkis")],
        [Fact(C, person="Joel Kinnaman"), Fact(C, person="Lyudmilla Raskova")],
    ),
    (
        "bio-and-roundup",
        BIO_AND_ROUNDUP,
        [Fact(CR, person="Matt Wolpert"), Fact(SR, person="Ben Nedivi")],
        [Fact(C, person="Gary Oldman"), Fact(C, person="Jack Lowden")],
    ),
    (
        "listings",
        LISTINGS,
        [Fact(PD, value="2026-05-29"), Fact(FD, value="2026-07-10")],
        [Fact(PD, value="2026-05-27"), Fact(PD, value="2026-07-11"), Fact(FD, value="2026-05-29")],
    ),
    (
        "episode-guide",
        EPISODE_GUIDE,
        [Fact(PD, value="2026-05-29"), Fact(FD, value="2026-07-10"), Fact(EC, value=8)],
        [Fact(PD, value="2026-06-05"), Fact(FD, value="2026-06-05")],
    ),
    (
        "finale-words",
        FINALE_WORDS,
        [Fact(PD, value="2026-05-29"), Fact(FD, value="2026-07-10")],
        [Fact(PD, value="2026-07-10"), Fact(FD, value="2026-06-30")],
    ),
]


@pytest.mark.parametrize(("case_id", "text", "wanted", "wrong"), ROUND4, ids=[c[0] for c in ROUND4])
def test_round4_web_article(case_id: str, text: str, wanted: list[Fact], wrong: list[Fact]) -> None:
    got = _facts(text, published="2026-04-20")
    assert [f for f in wanted if f not in got] == []
    assert [f for f in wrong if f in got] == []


def test_a_credit_block_ends_at_a_line_naming_a_show() -> None:
    text = "Star City: cast\n\nCast\n\nRhys Ifans\n\nFor All Mankind\n\nJoel Kinnaman\n"
    got = _facts(text)
    assert Fact(C, person="Rhys Ifans") in got
    assert Fact(C, person="Joel Kinnaman") not in got


def test_credit_lines_are_read_only_in_an_article_about_the_show() -> None:
    text = "Apple TV this summer\n\nCast\n\nRhys Ifans\n\nGary Oldman\n"
    assert [f for f in _facts(text) if f.kind == C] == []


def test_an_html_cast_table_is_read_after_conversion() -> None:
    from monitor.pages import html_to_text

    html = (
        "<article><h1>Star City: the cast</h1><p>Star City premieres on Apple TV on May 29.</p>"
        "<h2>Cast</h2><table><tr><th>Actor</th><th>Role</th></tr>"
        "<tr><td>Rhys Ifans</td><td>Chief Designer</td></tr>"
        "<tr><td>Solly McLeod</td><td>Sasha</td></tr></table></article>"
    )
    got = _facts(html_to_text(html))
    assert Fact(C, person="Rhys Ifans", role="Chief Designer") in got
    assert Fact(C, person="Solly McLeod", role="Sasha") in got
    assert not any(f.kind == C and f.person in ("Actor", "Actor Role") for f in got)


# Characters with their actors in parentheses, both full names: taken when a plain role
# in the same sentence shows the shape; actors with their credits are not characters.
CHARACTER_PARENS = """Star City review: the first two episodes

In the opener the Chief Designer (Rhys Ifans) frets about the next launch while \
Lyudmilla Raskova (Anna Maxwell Martin) arrives from Moscow.

Alice Englert (Bad Sisters) and Priya Kansara (Polite Society) round out the cast.

The drama, created by Ronald D. Moore, Matt Wolpert and Ben Nedivi, stars Solly McLeod \
and Agnes O'Casey. Adam Nagaitis is the KGB's Valya Petrov.
"""


def test_characters_in_parentheses_and_other_cast_shapes() -> None:
    got = _facts(CHARACTER_PARENS)
    wanted = [
        Fact(C, person="Rhys Ifans", role="Chief Designer"),
        Fact(C, person="Anna Maxwell Martin", role="Lyudmilla Raskova"),
        Fact(C, person="Alice Englert"),
        Fact(C, person="Solly McLeod"),
        Fact(C, person="Agnes O'Casey"),
        Fact(C, person="Adam Nagaitis", role="Valya Petrov"),
    ]
    assert [f for f in wanted if f not in got] == []
    wrong = [
        Fact(C, person="Lyudmilla Raskova"),
        Fact(C, person="Alice Englert", role="Bad Sisters"),
        Fact(C, person="Bad Sisters"),
        Fact(C, person="Ronald D. Moore"),
    ]
    assert [f for f in wrong if f in got] == []


# Single-sentence shapes of round 4: (sentence, a fact it states, a fact it must not).
SHAPES = [
    ("Star City is out May 29.", Fact(PD, value="2026-05-29"), None),
    ("Star City closes out its season on July 10.", Fact(FD, value="2026-07-10"), None),
    (
        "The last of its eight episodes arrives July 10.",
        Fact(FD, value="2026-07-10"),
        Fact(PD, value="2026-07-10"),
    ),
    ("Watch the Star City trailer below.", Fact(T, value="released"), None),
    (
        "We can't wait to watch the Star City trailer when it arrives.",
        None,
        Fact(T, value="released"),
    ),
    (
        "Alice Englert takes the part of Anastasia in Star City.",
        Fact(C, person="Alice Englert", role="Anastasia"),
        None,
    ),
    (
        "Star City's Adam Nagaitis (who plays Valya) talks to us.",
        Fact(C, person="Adam Nagaitis", role="Valya"),
        None,
    ),
    (
        "In Star City, Rhys Ifans, who was announced in March as the Chief Designer, is superb.",
        Fact(C, person="Rhys Ifans", role="Chief Designer"),
        None,
    ),
    (
        "Star City co-creators and showrunners Matt Wolpert and Ben Nedivi spoke to us.",
        Fact(CR, person="Ben Nedivi"),
        None,
    ),
    (
        "Matt Wolpert and Ben Nedivi, the duo who created Star City, spoke to us.",
        Fact(CR, person="Matt Wolpert"),
        None,
    ),
    (
        "Matt Wolpert and Ben Nedivi, who created Star City with Ronald D. Moore and serve as "
        "its showrunners, spoke to us.",
        Fact(SR, person="Ben Nedivi"),
        Fact(SR, person="Ronald D. Moore"),
    ),
    (
        "Star City is the creation of Ronald D. Moore, Matt Wolpert and Ben Nedivi.",
        Fact(CR, person="Ronald D. Moore"),
        None,
    ),
    (
        "Star City showrunners Matt Wolpert and Ben Nedivi, and Maril Davis, spoke.",
        Fact(SR, person="Matt Wolpert"),
        Fact(SR, person="Maril Davis"),
    ),
]


@pytest.mark.parametrize(("sentence", "wanted", "wrong"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_round4_sentence_shape(sentence: str, wanted: Fact | None, wrong: Fact | None) -> None:
    got = _facts(sentence, title="Star City: the latest", published="2026-04-20")
    assert wanted is None or wanted in got
    assert wrong is None or wrong not in got
