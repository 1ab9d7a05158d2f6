"""Fact extraction on small articles written for these tests."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract import extract
from monitor.models import Document, FactKind, Topic

TOPIC = Topic(
    name="Star City",
    aliases=("Star City",),
    context=("Apple TV", "For All Mankind", "Nedivi", "Wolpert"),
    exclude=("Arrow", "casino"),
)
PUB = datetime(2026, 2, 26, tzinfo=UTC)


def facts(text: str, title: str = "Star City news", published: datetime | None = PUB) -> set[tuple]:
    doc = Document("https://example.test/a", "Test", title, text, published)
    out = set()
    for s in extract(doc, TOPIC):
        f = s.fact
        out.add((str(f.kind), f.person, f.role) if f.person else (str(f.kind), f.value))
    return out


def test_cast_with_role_and_surname_resolution() -> None:
    got = facts(
        "Apple TV+ has cast Nia Okafor in Star City, its For All Mankind spinoff.\n\n"
        "Okafor will play Vera, a flight controller."
    )
    assert ("cast", "Nia Okafor", "Vera") in got


def test_cast_list_and_title_case_headline() -> None:
    got = facts(
        "The cast also includes Piet Varga, Lena Holm and Tomas Reyes.",
        title="Mira Castell Joins Apple's 'Star City' as Olga",
    )
    assert {("cast", "Mira Castell", "Olga"), ("cast", "Piet Varga", None)} <= got
    assert ("cast", "Lena Holm", None) in got and ("cast", "Tomas Reyes", None) in got


def test_earlier_roles_are_not_cast_in_this_show() -> None:
    got = facts(
        "Star City adds Owen Price, best known as Captain Hale in Harbour Lights, who will play "
        "the Chief Engineer."
    )
    assert ("cast", "Owen Price", "Chief Engineer") in got
    assert not any(f[0] == "cast" and f[2] == "Captain Hale" for f in got)


def test_crew_lists() -> None:
    got = facts(
        "Star City was created by Dana Roe, Ike Moss and Lu Chen. Roe and Moss serve as "
        "showrunners. Executive producers include Kim Lark and Ada Wynn."
    )
    assert {("creator", "Dana Roe"), ("creator", "Ike Moss"), ("creator", "Lu Chen")} <= {
        (k, p) for k, p, *_ in got
    }
    assert ("showrunner", "Dana Roe", None) in got and ("showrunner", "Ike Moss", None) in got
    assert ("executive_producer", "Kim Lark", None) in got


def test_dates_count_and_finale() -> None:
    got = facts(
        "The eight-episode Star City debuts with two episodes on Friday, May 29, followed by "
        "new episodes weekly through July 10."
    )
    assert {
        ("premiere_date", "2026-05-29"),
        ("finale_date", "2026-07-10"),
        ("episode_count", 8),
    } <= got
    assert ("episode_count", 2) not in got


def test_parent_series_facts_are_out_of_scope() -> None:
    got = facts(
        "Star City premieres May 29 on Apple TV.\n\n"
        "For All Mankind's fifth season has ten episodes and its finale airs May 29. "
        "It was renewed for a sixth season."
    )
    assert ("premiere_date", "2026-05-29") in got
    assert ("episode_count", 10) not in got
    assert not any(f[0] in ("finale_date", "renewal") for f in got)


def test_roundup_other_show_paragraph_is_out_of_scope() -> None:
    got = facts(
        "STAR CITY: Apple's spinoff has cast Nia Okafor as Vera.\n\n"
        "HARBOUR LIGHTS: The ten-episode drama premieres June 3 and stars Piet Varga.",
        title="This week in casting",
    )
    assert ("cast", "Nia Okafor", "Vera") in got
    assert ("episode_count", 10) not in got and ("cast", "Piet Varga", None) not in got


def test_windows_renewal_trailer_platform_location_company() -> None:
    got = facts(
        "Star City will premiere in late 2026 on Apple TV+. The series was filmed in Vilnius, "
        "Lithuania, and is produced by Sony Pictures Television. Apple released the first "
        "trailer for Star City today. Star City has been renewed for a second season."
    )
    assert {
        ("premiere_window", "late 2026"),
        ("platform", "Apple TV"),
        ("filming_location", "Vilnius, Lithuania"),
        ("production_company", "Sony Pictures Television"),
        ("trailer", "2026-02-26"),
        ("renewal", "season 2 renewed"),
    } <= got


def test_speculation_and_future_trailers_yield_nothing() -> None:
    got = facts(
        "A trailer for Star City is coming soon. Fans hope Star City could return for a second "
        "season, and a multi-season arc is planned."
    )
    assert not any(f[0] in ("trailer", "renewal") for f in got)


def test_yearless_date_without_publication_is_skipped() -> None:
    assert not any(
        f[0] == "premiere_date" for f in facts("Star City premieres May 29.", published=None)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Star City premiered on May 29 with two episodes on Apple TV.",
            ("premiere_date", "2026-05-29"),
        ),
        ("Star City's season ended on May 22 with a cliffhanger.", ("finale_date", "2026-05-22")),
        (
            "Apple dropped the official trailer for Star City on April 23.",
            ("trailer", "2026-04-23"),
        ),
        ("Star City will premiere on June 19, Apple TV said.", ("premiere_date", "2026-06-19")),
        ("Star City, which premiered June 12, is a hit.", ("premiere_date", "2026-06-12")),
    ],
)
def test_a_yearless_date_takes_the_year_its_tense_says(text: str, expected: tuple) -> None:
    """Past tense: the nearest such day before publication; else the next one after it."""
    got = facts(text, published=datetime(2026, 6, 2, tzinfo=UTC))
    assert expected in got
    assert not {f for f in got if f[0] == expected[0] and f != expected}


@pytest.mark.parametrize(
    "text",
    [
        "The Star City season finale aired on May 22.",
        "Star City concluded its first season on May 22.",
        "Star City wrapped up its run on May 22 with a cliffhanger.",
    ],
)
def test_past_finales(text: str) -> None:
    assert ("finale_date", "2026-05-22") in facts(text, published=datetime(2026, 6, 2, tzinfo=UTC))


@pytest.mark.parametrize(
    "text", ["Filming on Star City ends May 22.", "Production on Star City wrapped up on May 22."]
)
def test_the_end_of_filming_is_no_finale(text: str) -> None:
    assert not facts(text, published=datetime(2026, 2, 2, tzinfo=UTC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Star City premieres this Friday on Apple TV.", {("premiere_date", "2026-05-29")}),
        ("Star City premiered Friday on Apple TV.", {("premiere_date", "2026-05-22")}),
        ("Star City premieres tonight.", {("premiere_date", "2026-05-26")}),
        ("Star City debuts next Friday.", set()),  # this week's Friday or the next?
        ("New Star City episodes arrive every Friday.", set()),
        ("In a statement released on Tuesday, the Star City team thanked fans.", set()),
        ("Star City was discussed on Friday, and it premieres in the fall.", set()),
    ],
)
def test_weekdays_date_a_premiere_from_the_publication(text: str, expected: set) -> None:
    got = facts(text, published=datetime(2026, 5, 26, tzinfo=UTC))  # a Tuesday
    assert {f for f in got if f[0] == "premiere_date"} == expected


def test_a_listing_line_of_another_title_dates_nothing_of_the_show() -> None:
    got = facts(
        "Coming up on Apple TV.\n\nFri July 3rd \u2014 Lunch Box, season 2 finale\n\n"
        "Fri July 10th \u2014 Star City, season finale",
        published=datetime(2026, 6, 28, tzinfo=UTC),
    )
    assert {f for f in got if f[0].endswith("_date")} == {("finale_date", "2026-07-10")}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Two episodes of Star City land at launch, and the season wraps July 10.", None),
        ("Critics saw six Star City episodes (of eight) ahead of the premiere.", 8),
        ("With two episodes still to come, Star City has earned its place.", None),
    ],
)
def test_episodes_that_are_not_the_total(text: str, count: int | None) -> None:
    got = {f[1] for f in facts(text) if f[0] == "episode_count"}
    assert got == ({count} if count else set())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Star City filming began in March in Latvia, mostly in the capital, Riga.",
            "Riga, Latvia",
        ),
        ("Star City was shot in the Latvian capital, Riga, last winter.", "Riga"),
        ("Cameras have been rolling since March in Riga for Star City.", "Riga"),
    ],
)
def test_filming_places_as_news_words_them(text: str, place: str) -> None:
    assert {f[1] for f in facts(text) if f[0] == "filming_location"} == {place}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Star City comes via Moore's Tall Ship Productions.", "Tall Ship Productions"),
        ("For Star City, Sony Pictures Television and Tall Ship Productions produce.", None),
    ],
)
def test_production_companies(text: str, company: str | None) -> None:
    got = {f[1] for f in facts(text) if f[0] == "production_company"}
    assert (
        company in got if company else got == {"Sony Pictures Television", "Tall Ship Productions"}
    )


def test_schedule_and_credit_lines_are_sentences_of_their_own() -> None:
    got = facts(
        "This week on Apple TV.\n\n"
        "WED 6/3  Star City Games Open, day 1 (Twitch), 10am, a long line of text\n"
        "THU 6/4  The Night Shift (Netflix), limited series, 10 eps, another long line\n"
        "FRI 6/5  Star City (Apple TV), ep. 3 of 8, a title of the episode here\n\n"
        "Executive producers: Ben Nedivi, Matt Wolpert\nStudio: Sony Pictures Television",
        published=datetime(2026, 6, 1, tzinfo=UTC),
    )
    assert {f[1] for f in got if f[0] == "episode_count"} == {8}
    assert ("executive_producer", "Matt Wolpert", None) in got
    assert not any("Studio" in str(f[1]) for f in got)


def test_a_trailers_release_date_is_not_the_premiere() -> None:
    got = facts(
        "The first trailer for Star City arrived on April 23, a month before the premiere.\n\n"
        "The Star City trailer will be released on June 1, Apple TV says.",
        published=datetime(2026, 4, 24, tzinfo=UTC),
    )
    assert not {f for f in got if f[0] == "premiere_date"}
    assert ("trailer", "2026-04-23") in got


def test_each_fact_once_with_first_evidence() -> None:
    doc = Document(
        "u", "s", "Star City", "Star City premieres May 29. Star City premieres May 29 again.", PUB
    )
    sightings = [s for s in extract(doc, TOPIC) if s.fact.kind == FactKind.PREMIERE_DATE]
    assert len(sightings) == 1 and sightings[0].evidence == "Star City premieres May 29."
    assert sightings[0].url == "u" and sightings[0].published == PUB


@pytest.mark.parametrize("text", ["", "\x00\x01\xff" * 1000, "a" * 100_000, "Star City " * 5000])
def test_junk_is_fast_and_harmless(text: str) -> None:
    start = time.perf_counter()
    extract(Document("u", "s", "", text, PUB), TOPIC)
    assert time.perf_counter() - start < 5


def test_five_megabytes_in_bounded_time() -> None:
    text = ("Star City premieres May 29 on Apple TV with Nia Okafor as Vera.\n\n" * 80_000)[
        :5_000_000
    ]
    start = time.perf_counter()
    extract(Document("u", "s", "Star City", text, PUB), TOPIC)
    assert time.perf_counter() - start < 20


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60))
def test_extract_never_crashes(text: str, title: str) -> None:
    for s in extract(Document("u", "s", title, text, PUB), TOPIC):
        assert s.evidence


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Nia Okafor has been cast as Vera in Star City.", "Nia Okafor", "Vera"),
        ("Nia Okafor joins the cast of Star City as Vera.", "Nia Okafor", "Vera"),
        ("Nia Okafor (The Long Shift) stars as Vera in Star City.", "Nia Okafor", "Vera"),
        ("In Star City, Nia Okafor, who plays Vera, steals every scene.", "Nia Okafor", "Vera"),
        ("Nia Okafor is set to star as Vera in Star City.", "Nia Okafor", "Vera"),
        ("Nia Okafor to Play Vera in Apple's Star City", "Nia Okafor", "Vera"),
        ("Star City recap: Vera (Nia Okafor) finds the files.", "Nia Okafor", "Vera"),
        ("In Star City, Nia Okafor's Vera finds the files.", "Nia Okafor", "Vera"),
        ("Star City casts Nia Okafor as the Flight Director.", "Nia Okafor", "Flight Director"),
        ("Nia Okafor rounds out the main Star City cast as Vera.", "Nia Okafor", "Vera"),
        ("Nia Okafor completes the Star City ensemble as Vera.", "Nia Okafor", "Vera"),
        (
            "Star City adds Nia Okafor as Vera Sokolova, a radio operator.",
            "Nia Okafor",
            "Vera Sokolova",
        ),
    ],
)
def test_ways_news_names_a_role(text: str, person: str, role: str) -> None:
    assert ("cast", person, role) in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "In Star City, Piet Varga, Lena Holm and Tomas Reyes also star.",
        "Rounding out the Star City cast are Piet Varga, Lena Holm and Tomas Reyes.",
        "Star City also stars Piet Varga, Lena Holm and Tomas Reyes.",
        "Star City stars Mara Quill. Alongside Quill are Piet Varga, Lena Holm and Tomas Reyes.",
    ],
)
def test_cast_lists(text: str) -> None:
    got = facts(text)
    assert {("cast", n, None) for n in ("Piet Varga", "Lena Holm", "Tomas Reyes")} <= got


def test_listing_lines_and_dated_trailer() -> None:
    got = facts(
        "Star City (Apple TV, May 29)\n\nThe first trailer for Star City was released on "
        "Thursday, and the eight-part season follows.",
        title="Coming up",
    )
    assert ("premiere_date", "2026-05-29") in got and ("episode_count", 8) in got
    assert ("trailer", "2026-02-26") in got  # 2026-02-26 is a Thursday


def test_parent_series_in_headline_keeps_focus_but_other_titles_make_a_roundup() -> None:
    roundup = facts(
        "Star City premieres May 29.\n\nThe ten-episode season also stars Piet Varga.",
        title="'Star City' Dated, 'Harbour Lights' Season 2 Gets June Return",
    )
    assert ("premiere_date", "2026-05-29") in roundup and ("episode_count", 10) not in roundup


def test_two_dates_for_one_kind_in_a_sentence_say_nothing() -> None:
    got = facts(
        "The Star City finale airs Thursday, July 9 in the US, which is Friday, July 10 abroad."
    )
    assert not any(f[0] == "finale_date" for f in got)
    again = facts("Star City premieres May 29; yes, May 29.")
    assert ("premiere_date", "2026-05-29") in again


def test_episode_totals_said_another_way() -> None:
    assert ("episode_count", 8) in facts("Star City recap: this is episode eight of eight.")
    assert ("episode_count", 8) in facts("Star City's eighth and final episode aired tonight.")


def test_pronoun_takes_the_person_of_the_previous_sentence() -> None:
    got = facts(
        "Star City has a lead: Nia Okafor, best known for Harbour Lights.\n\n"
        'She\'s playing the "Flight Director."'
    )
    assert ("cast", "Nia Okafor", "Flight Director") in got


def test_showrunners_list_ends_at_its_and() -> None:
    got = facts(
        "Behind the camera, Dana Volk and Ira Penn have joined as executive producers, "
        "alongside showrunners Lev Moran and Suri Tal, Ada Quill and Bo Reyes."
    )
    showrunners = {f[1] for f in got if f[0] == "showrunner"}
    assert showrunners == {"Lev Moran", "Suri Tal"}


def test_roundup_item_title_lines_switch_the_subject() -> None:
    got = facts(
        "Star City (Apple TV+). Nia Okafor is set to star opposite Piet Varga in the spinoff. "
        "Her character, Vera, runs the radio room. Lena Holm also came aboard as an executive "
        "producer.\n\n"
        "Marsh Lights (Peacock). Tomas Reyes and Ada Finch have joined the thriller. "
        "Reyes plays Deputy Carl Stone.\n\n"
        "Untitled Ben Ash comedy (Hulu). Mara Quill has been tapped to play Ash's sister.",
        title="Casting Roundup: Nia Okafor Lands 'Star City' and More",
    )
    assert {("cast", "Nia Okafor", "Vera"), ("cast", "Piet Varga", None)} <= got
    assert ("executive_producer", "Lena Holm", None) in got
    assert not any(f[1] in ("Tomas Reyes", "Ada Finch", "Mara Quill", "Marsh Lights") for f in got)


@pytest.mark.parametrize("verb", ["Tapped to Play", "Boards", "Signs On to Play", "Nabbed to Play"])
def test_title_case_headline_verbs_are_not_part_of_a_name(verb: str) -> None:
    got = facts(
        "Star City news follows.", title=f"Nia Okafor {verb} the Flight Director in 'Star City'"
    )
    assert not any(f[1] and f[1] != "Nia Okafor" and "Okafor" in f[1] for f in got)


def test_joining_as_eps_is_crew_and_an_ep_roster_lists_producers() -> None:
    got = facts(
        "Star City adds Nia Okafor.\n\nThey join an EP roster that already includes Lena Holm "
        "of Harbour Films. Piet Varga, who was confirmed last month as the agency's Station "
        "Chief, stars opposite her.",
        title="Nia Okafor Boards 'Star City'; Tomas Reyes, Ada Finch Join as EPs",
    )
    assert ("executive_producer", "Ada Finch", None) in got
    assert ("executive_producer", "Tomas Reyes", None) in got
    assert not any(f[0] == "cast" and f[1] in ("Ada Finch", "Tomas Reyes") for f in got)
    assert ("executive_producer", "Lena Holm", None) in got
    assert ("cast", "Piet Varga", "Station Chief") in got


def test_a_credit_label_on_the_next_line_ends_the_list() -> None:
    got = facts(
        "Star City credits\n\nExecutive producers: Lena Holm, Tomas Reyes\nNetwork: Apple TV+",
        title="Star City: full credits",
    )
    assert ("executive_producer", "Tomas Reyes", None) in got
    assert not any(f[1] and "Network" in f[1] for f in got)


def test_a_relative_clause_is_not_the_subject_of_the_main_verb() -> None:
    got = facts(
        "In Star City news, Lena Holm and Tomas Reyes, who developed the series with Ada Finch, "
        "act as showrunners. Series regulars include Nia Okafor and Piet Varga."
    )
    assert ("showrunner", "Lena Holm", None) in got and ("showrunner", "Tomas Reyes", None) in got
    assert ("showrunner", "Ada Finch", None) not in got
    assert ("cast", "Nia Okafor", None) in got and ("cast", "Piet Varga", None) in got


@pytest.mark.parametrize(
    "text",
    [
        "For Star City, maybe Nia Okafor as Vera? One can dream.",
        "Star City fans: we'd love to see Nia Okafor as Vera.",
        "Our Star City wishlist: Nia Okafor as Vera.",
        "Nia Okafor could play Vera in Star City, if Apple calls.",
    ],
)
def test_hedged_casting_yields_nothing(text: str) -> None:
    assert not any(f[0] == "cast" for f in facts(text))


def test_another_show_as_a_time_anchor_does_not_take_the_subject() -> None:
    got = facts(
        "Star City will debut after For All Mankind's fifth season. Next, the crew: "
        "Lena Holm and Tomas Reyes, who serve as showrunners on both shows, spoke on Friday.",
        title="Star City update",
    )
    assert ("showrunner", "Lena Holm", None) in got


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Nia Okafor (Harbour Lights) leads the cast of Star City as Vera Sokolova.",
            "Nia Okafor",
            "Vera Sokolova",
        ),
        ("Nia Okafor has also boarded Star City in the role of Vera.", "Nia Okafor", "Vera"),
        ("In Star City, Nia Okafor takes on the part of Vera.", "Nia Okafor", "Vera"),
        (
            "In Star City, Nia Okafor is quietly terrifying as Vera Sokolova.",
            "Nia Okafor",
            "Vera Sokolova",
        ),
        ("In Star City, Nia Okafor does wonders with little as Vera.", "Nia Okafor", "Vera"),
        ("In Star City, Nia Okafor brings a dry wit to Vera.", "Nia Okafor", "Vera"),
    ],
)
def test_more_ways_news_names_a_role(text: str, person: str, role: str) -> None:
    assert ("cast", person, role) in facts(text)


def test_respectively_pairs_names_with_roles() -> None:
    got = facts(
        "In Star City, Nia Okafor and Piet Varga play Vera and the Station Chief, respectively."
    )
    assert {("cast", "Nia Okafor", "Vera"), ("cast", "Piet Varga", "Station Chief")} <= got


def test_known_as_and_help_given_to_a_person_name_no_role() -> None:
    got = facts(
        "In Star City, Nia Okafor is best known as Captain Hale. Piet Varga lends support to Nia Okafor."
    )
    assert not any(f[0] == "cast" and f[2] in ("Captain Hale", "Nia Okafor") for f in got)


def test_recurring_casts_described_characters_and_played_by() -> None:
    got = facts(
        "Star City adds Nia Okafor and Piet Varga, who will recur as Vera and Oleg, respectively. "
        "Lena Holm is Katya Orlova, a censor at the ministry. In Star City, the young pilot is "
        "a quiet man played by Tomas Reyes."
    )
    assert {("cast", "Nia Okafor", "Vera"), ("cast", "Piet Varga", "Oleg")} <= got
    assert ("cast", "Lena Holm", "Katya Orlova") in got
    assert ("cast", "Tomas Reyes", None) in got


def test_created_alongside_names_a_co_creator() -> None:
    got = facts(
        "Lena Holm and Tomas Reyes, who created Star City alongside Ada Finch, spoke at the panel."
    )
    assert ("creator", "Ada Finch", None) in got and ("creator", "Lena Holm", None) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Original release: May 29, 2026 \u2013 July 10, 2026", {"2026-05-29", "2026-07-10"}),
        ("Original release | May 29 \u2013 July 10, 2026", {"2026-05-29", "2026-07-10"}),
        ("Its first season aired from May 29 to July 10, 2026.", {"2026-05-29", "2026-07-10"}),
        ("First aired: May 29, 2026\nLast aired: July 10, 2026", {"2026-05-29", "2026-07-10"}),
        ("Episode 3 - June 5", set()),
        ("Filming ran from March 2 \u2013 June 30, 2025.", set()),
    ],
)
def test_runs_as_reference_pages_give_them(text: str, expected: set) -> None:
    got = facts(
        "Star City is a drama on Apple TV.\n\n" + text, published=datetime(2026, 7, 20, tzinfo=UTC)
    )
    assert {f[1] for f in got if f[0] in ("premiere_date", "finale_date")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Star City arrived on Apple TV yesterday with two episodes.",
            ("premiere_date", "2026-05-29"),
        ),
        ("Star City will air through July 10.", ("finale_date", "2026-07-10")),
        (
            "Star City episodes arrive weekly, the last one landing on July 10.",
            ("finale_date", "2026-07-10"),
        ),
        (
            "Star City's eight episodes wrapped up on July 10, 2026, and Apple typically waits to renew.",
            ("finale_date", "2026-07-10"),
        ),
    ],
)
def test_more_ways_news_dates_a_season(text: str, expected: tuple) -> None:
    got = facts(text, published=datetime(2026, 5, 30, tzinfo=UTC))
    assert expected in got
    assert not {f for f in got if f[0].endswith("_date") and f != expected}


def test_a_hedge_in_the_dates_own_clause_still_says_nothing() -> None:
    assert not facts("Star City could premiere on June 12, and Apple is happy.")


def test_a_premiere_verb_is_the_trailers_only_when_the_trailer_does_it() -> None:
    got = facts(
        "Check out the new trailer for Star City, which premieres May 29.",
        published=datetime(2026, 4, 23, tzinfo=UTC),
    )
    assert ("premiere_date", "2026-05-29") in got and ("trailer", "2026-05-29") not in got
    got = facts(
        "The trailer for Star City premieres on April 24.",
        published=datetime(2026, 4, 23, tzinfo=UTC),
    )
    assert ("trailer", "2026-04-24") in got and not {f for f in got if f[0] == "premiere_date"}


def test_coming_dates_a_premiere_but_the_coming_weeks_do_not() -> None:
    published = datetime(2025, 4, 10, tzinfo=UTC)
    assert ("premiere_window", "2026") in facts("Star City is coming in 2026.", published=published)
    assert not facts("Star City news in the coming weeks, with 2026 ahead.", published=published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Watch: the Star City trailer shows a Soviet Moon base.", {("trailer", "released")}),
        ("The new Star City trailer teases a Soviet Moon base.", {("trailer", "released")}),
        (
            "The first full Star City trailer has arrived, ahead of the May 29 premiere.",
            {("trailer", "released"), ("premiere_date", "2026-05-29")},
        ),
    ],
)
def test_trailers_as_pages_show_them(text: str, expected: set) -> None:
    got = facts(text, published=datetime(2026, 4, 23, tzinfo=UTC))
    assert {f for f in got if f[0] in ("trailer", "premiere_date")} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Star City contents: 1 Premise · 2 Cast · 3 Episodes · 4 Production",
        "Episode 4 of Star City drops next Friday, June 12.",
        "An earlier version of this story misstated the Star City premiere date as June 5.",
        '"Give it three episodes," a critic wrote of Star City.',
        "Star City: 2 eps, then weekly.",
        "Google News: For you Following Entertainment Sports Star City",
    ],
)
def test_what_pages_say_around_the_facts_is_no_fact(text: str) -> None:
    got = facts(text, published=datetime(2026, 6, 1, tzinfo=UTC))
    assert not {f for f in got if f[0] in ("episode_count", "premiere_date", "production_company")}


def test_created_for_a_platform_by_people_as_a_spinoff() -> None:
    got = facts(
        "Star City is a drama created for Apple TV by Ben Nedivi, Matt Wolpert and Ronald D. Moore "
        "as a spin-off of For All Mankind."
    )
    creators = {f[1] for f in got if f[0] == "creator"}
    assert creators == {"Ben Nedivi", "Matt Wolpert", "Ronald D. Moore"}
    assert not {f for f in got if f[0] == "cast"}


def test_an_infobox_gives_credits_and_the_episode_total() -> None:
    got = facts(
        "Star City (TV series)\n\nCreated by: Ben Nedivi, Matt Wolpert\n\nNo. of episodes: 8\n\n"
        "Executive producers: Maril Davis, Steve Oster\n\nNetwork: Apple TV"
    )
    assert {("creator", "Ben Nedivi", None), ("executive_producer", "Steve Oster", None)} <= got
    assert ("episode_count", 8) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Star City premieres 5/29 on Apple TV.", {"2026-05-29"}),
        ("Star City premieres Friday 29/5 on Apple TV.", {"2026-05-29"}),
        ("Star City premieres 10/7.", set()),  # 10 July or 7 October: says nothing
        ("Star City premieres June 1; critics gave it 8/10.", {"2026-06-01"}),
    ],
)
def test_numeric_dates_only_when_one_order_is_possible(text: str, expected: set) -> None:
    got = facts(text, published=datetime(2026, 5, 20, tzinfo=UTC))
    assert {f[1] for f in got if f[0] == "premiere_date"} == expected


def test_a_quoted_episode_title_is_no_person() -> None:
    doc = Document(
        "https://example.test/a",
        "Test",
        "Star City Episode 3 Recap: 'Cold Light' Turns the Screws",
        '"Cold Light" picks up three weeks after the landing.\n\nRhys Ifans plays the Chief Designer.',
        PUB,
    )
    people = {s.fact.person for s in extract(doc, TOPIC) if s.fact.person}
    assert people == {"Rhys Ifans"}
