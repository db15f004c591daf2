"""Taking the client's specifics from the request."""

from __future__ import annotations

import pytest

from txplan.core.drafting.specifics import Specifics, extract


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("Avoids driving on the highway since the accident.", "driving on the highway"),
        ("She is afraid of speaking in meetings and being judged.", "speaking in meetings"),
        ("Panic attacks in crowded stores, so she shops at night.", "crowded stores"),
        ("Anxious about flying; cancelled two trips.", "flying"),
    ],
)
def test_the_avoided_situation_is_found(text: str, situation: str) -> None:
    assert extract(text).situation == situation


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("Stopped going to the gym in March.", "going to the gym"),
        ("No longer plays soccer with her son.", "playing soccer with her son"),
        ("He used to paint every weekend, but not now.", "painting every weekend"),
        ("Gave up running after the injury.", "running"),
        ("Misses her book club.", "her book club"),
    ],
)
def test_the_activity_given_up_is_found_and_read_as_an_activity(text: str, activity: str) -> None:
    assert extract(text).valued_activity == activity


def test_no_longer_enjoying_anything_names_no_activity() -> None:
    assert extract("No longer enjoys anything.").valued_activity is None


def test_people_strengths_and_the_clients_phrase_are_found() -> None:
    found = extract(
        'Argues with her husband daily. Says "I want my old self back."',
        strengths=["Close to her sister.", "Steady job"],
    )
    assert found.person == "husband"
    assert found.client_phrase == "I want my old self back"
    assert found.strength == "close to her sister"


def test_the_clients_own_words_win_over_a_quote_in_the_text() -> None:
    found = extract('Says "nothing helps".', client_words='"Sleep through the night"')
    assert found.client_phrase == "Sleep through the night"


def test_first_person_fragments_are_not_used_as_situations() -> None:
    assert extract("Avoids my mother's house.").situation is None


def test_an_empty_request_gives_no_specifics() -> None:
    assert extract("") == Specifics()
    assert Specifics().as_slots() == {}


def test_an_activity_can_come_from_the_strengths() -> None:
    assert extract("Low mood.", strengths=["Enjoys hiking with friends"]).valued_activity == (
        "hiking with friends"
    )
