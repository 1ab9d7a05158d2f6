"""Relevance: the Apple TV series, not the other Star Citys."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.models import Document, Topic
from monitor.relevance import assess

TOPIC = Topic(
    name="Star City",
    aliases=("Star City",),
    context=("Apple TV", "For All Mankind", "cosmonaut", "Soviet", "Nedivi", "Wolpert"),
    exclude=("Arrow", "Oliver Queen", "casino", "Star City Games", "Roanoke"),
)


def doc(title: str, text: str) -> Document:
    return Document("u", "s", title, text)


def test_show_article_is_relevant_with_a_readable_reason() -> None:
    r = assess(
        doc(
            "Apple sets Star City date",
            "The For All Mankind spinoff Star City arrives on Apple TV.",
        ),
        TOPIC,
    )
    assert r.relevant and 0.5 <= r.score <= 1
    assert "alias 'Star City' with context" in r.reason and "'Apple TV'" in r.reason


def test_arrow_star_city_is_not() -> None:
    r = assess(
        doc("Arrow rewatch", "Oliver Queen returns to Star City in the season 8 premiere."), TOPIC
    )
    assert not r.relevant and "another one" in r.reason and "Oliver Queen" in r.reason


def test_casino_is_not() -> None:
    r = assess(
        doc("Sydney casino fined", "The Star casino, formerly Star City, was fined again."), TOPIC
    )
    assert not r.relevant


def test_real_training_centre_without_show_context_is_not() -> None:
    text = "The closed town of Star City outside Moscow trains every Soviet and Russian cosmonaut."
    assert not assess(doc("Cosmonauts graduate", text), TOPIC).relevant


def test_roundup_exclude_word_elsewhere_does_not_kill_a_genuine_mention() -> None:
    text = (
        "Apple TV's Star City, the For All Mankind spinoff, adds a new cast member.\n\n"
        "Elsewhere, Arrow alumni reunite for a podcast, and a casino drama lands on Netflix."
    )
    assert assess(doc("Casting roundup", text), TOPIC).relevant


def test_no_mention_is_not_relevant() -> None:
    r = assess(doc("For All Mankind season 5 review", "The Soviet storyline shines."), TOPIC)
    assert not r.relevant and r.score == 0


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.text(max_size=50))
def test_assess_never_crashes_and_scores_in_range(text: str, title: str) -> None:
    r = assess(doc(title, text), TOPIC)
    assert 0.0 <= r.score <= 1.0 and r.reason


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_sentences_never_crash(text: str) -> None:
    from monitor.text import sentences

    assert all(s.strip() == s and s for s in sentences(text))


def test_assess_is_bounded_on_pathological_input() -> None:
    """Thousands of mentions in a huge title and text are judged in bounded time."""
    import time

    from monitor.knowledge import default_topic

    doc = Document(
        url="https://x.example/",
        source="s",
        title="Star City " * 10_000,
        text="Star City " * 40_000,
        published=None,
    )
    started = time.process_time()
    assess(doc, default_topic())
    assert time.process_time() - started < 5  # was many minutes: quadratic in mentions
