"""Normalisers: number words, ordinals, dates, windows, names, and text cleaning."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.extract.normalize import dates_in, number, ordinal, person, resolve, role, window
from monitor.text import clean, sentences

PUB = date(2026, 2, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8", 8), ("eight", 8), ("Ten", 10), ("twenty-two", 22), ("twelve", 12), ("lots", None)],
)
def test_number_words(text: str, expected: int | None) -> None:
    assert number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("second", 2), ("2nd", 2), ("sixth", 6), ("x", None)]
)
def test_ordinals(text: str, expected: int | None) -> None:
    assert ordinal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, May 29", "2026-05-29"),
        ("29 May 2026", "2026-05-29"),
        ("May 29th", "2026-05-29"),
        ("on May 29, 2027", "2027-05-29"),
        ("Jan. 12", "2027-01-12"),
        ("2026-07-10", "2026-07-10"),
    ],
)
def test_dates_resolve_against_publication(text: str, expected: str) -> None:
    assert [d.isoformat() for _, _, d in dates_in(text, PUB)] == [expected]


def test_ambiguous_numeric_and_yearless_without_publication_are_skipped() -> None:
    assert dates_in("10/7", PUB) == []  # 10 July or 7 October
    assert [d.isoformat() for _, _, d in dates_in("5/29 and 29/5", PUB)] == ["2026-05-29"] * 2
    assert dates_in("premieres May 29", None) == []
    assert resolve(2, 30, 2026, None) is None


def test_date_on_publication_day_stays_in_that_year() -> None:
    assert resolve(2, 26, None, PUB) == date(2026, 2, 26)


@pytest.mark.parametrize(
    ("q", "p", "expected"),
    [(None, None, "2026"), ("late", None, "late 2026"), (None, "autumn", "fall 2026"),
     (None, "May", "2026-05"), ("early", None, "early 2026")],
)  # fmt: skip
def test_windows(q: str | None, p: str | None, expected: str) -> None:
    assert window(q, p, 2026) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Agnes O'Casey", "Agnes O'Casey"), ("Ifans's", "Ifans"), ("Dr. Renée Zellweger", "Renée Zellweger"),
     ("  Rhys   Ifans ", "Rhys Ifans")],
)  # fmt: skip
def test_person_names(raw: str, expected: str) -> None:
    assert person(raw) == expected


def test_roles_lose_articles_and_quotes() -> None:
    assert role('the "Chief Designer."') == "Chief Designer"


def test_clean_normalises_quotes_dashes_and_controls() -> None:
    assert (
        clean("\u201cStar\u00a0City\u201d \u2014 it\u2019s\u202e here\x00")
        == '"Star City" - it\'s here'
    )


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Created by Ronald D. Moore, Mr. Smith and Dr. Jones in the U.S. today. It airs soon."
    assert sentences(text) == [
        "Created by Ronald D. Moore, Mr. Smith and Dr. Jones in the U.S. today.",
        "It airs soon.",
    ]


def test_list_items_are_sentences_of_their_own() -> None:
    assert sentences("The cast:\n- Solly McLeod as Sasha\n- Alice Englert as Anastasia") == [
        "The cast:",
        "Solly McLeod as Sasha",
        "Alice Englert as Anastasia",
    ]


@given(st.text(max_size=300))
def test_clean_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)


@given(st.text(alphabet="abcdefghij ABCDEFG'-.\u00e9", max_size=40))
def test_person_is_idempotent(text: str) -> None:
    assert person(person(text)) == person(text)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_resolved_dates_are_on_or_after_publication(month: int, day: int) -> None:
    found = resolve(month, day, None, PUB)
    assert found is not None and PUB <= found < date(2027, 2, 27)


@given(st.sampled_from(["one", "eight", "twenty-two", "10", "ninety-nine"]))
def test_number_of_its_own_output_is_stable(word: str) -> None:
    value = number(word)
    assert value is not None and number(str(value)) == value
