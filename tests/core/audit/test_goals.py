"""Goal rules: GOAL_VAGUE and GOAL_DISCONNECTED, on pattern families rather than one sentence."""

import pytest

from txplan.core.audit import audit_statement


def codes(text: str, diagnosis: str | None = None) -> set[str]:
    return {f.code for f in audit_statement("goal", text, diagnosis)}


@pytest.mark.parametrize("text", [
    "Feel better.",
    "Be happier in life.",
    "Improve relationships.",
    "Address trauma.",
    "Reduce depressive symptoms.",
    "Cope better with stress.",
    "i want to be happy again",
    "Client will work on self-esteem.",
    "Gain insight into bipolar disorder.",
])
def test_goal_without_functional_outcome_is_vague(text: str) -> None:
    assert "GOAL_VAGUE" in codes(text)


@pytest.mark.parametrize("text", [
    "Return to full-time work and see friends at least once a week.",
    "Drive to work alone without leaving because of panic.",
    "Sleep through most nights and go back to the gym.",
    "i want to get back to work and see my friends again",
    "Stay sober and keep his job.",
    "Worry less, enough to sleep through the night and concentrate at work.",
    "Remodel the kitchen by the end of the year.",
])
def test_goal_naming_a_life_outcome_is_not_vague(text: str) -> None:
    assert "GOAL_VAGUE" not in codes(text)


def test_vague_goal_finding_points_at_the_vague_words_and_suggests_a_rewrite() -> None:
    (finding,) = audit_statement("goal", "Feel better and enjoy life", "F33.1")
    assert finding.span is not None
    assert "Feel better and enjoy life"[finding.span[0]:finding.span[1]].startswith("Feel")
    assert finding.suggestion and "work" in finding.suggestion


@pytest.mark.parametrize(("text", "diagnosis"), [
    ("Lose 20 pounds before summer.", "F43.10"),
    ("Stop drinking alcohol on weeknights and keep his job.", "panic disorder"),
    ("Stop washing hands after touching the mail.", "F43.81"),
    ("Make the varsity basketball team this season.", "F41.1"),
])
def test_goal_off_the_diagnosis_is_disconnected(text: str, diagnosis: str) -> None:
    assert "GOAL_DISCONNECTED" in codes(text, diagnosis)


@pytest.mark.parametrize(("text", "diagnosis"), [
    ("Return to full-time work and see friends again.", "F33.1"),
    ("Stop using cannabis during the week so he can keep his apprenticeship.", "F12.20"),
    ("Sit in restaurants without checking the exits the whole time.", "PTSD"),
    ("Stop relying on naps and evening alcohol to get through the day.", "chronic insomnia"),
])
def test_goal_on_the_diagnosis_or_on_functioning_is_connected(text: str, diagnosis: str) -> None:
    assert "GOAL_DISCONNECTED" not in codes(text, diagnosis)


def test_connection_is_not_judged_without_a_diagnosis() -> None:
    assert "GOAL_DISCONNECTED" not in codes("Lose 20 pounds before summer.")
    assert "GOAL_DISCONNECTED" not in codes("Lose 20 pounds before summer.", "unknown thing")


def test_diagnosis_may_be_a_code_or_free_text() -> None:
    goal = "Stop purging after meals."
    assert codes(goal, "F33.1") == codes(goal, "major depressive disorder, recurrent")
