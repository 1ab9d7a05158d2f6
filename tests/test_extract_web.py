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
