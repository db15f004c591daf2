"""Choosing areas: codes first, then the text; negation; risk language; nearest-area fallback."""

from __future__ import annotations

import pytest

from tests.core.drafting.conftest import request
from txplan.core.drafting import Basis, DiagnosisError, draft_with_notes, load_library
from txplan.core.drafting.selection import SAFETY_AREA, choose
from txplan.core.drafting.signals import find, tokenise


def chosen(codes: list[str], text: str) -> list[str]:
    _, reasons = choose(load_library(), codes, text)
    return [r.area_id for r in reasons if r.chosen]


def safety_chosen(text: str) -> bool:
    return SAFETY_AREA in chosen(["F33.1"], text)


@pytest.mark.parametrize(
    "text",
    [
        "Denies suicidal ideation.",
        "Denies SI/HI.",
        "Client denies SI, HI or AVH.",
        "No SI.",
        "No suicidal ideation, plan or intent.",
        "Suicidal ideation: denied.",
        "SI: none.",
        "She is not suicidal.",
        "No history of self-harm or suicide attempts.",
        "Negative for suicidal thoughts.",
        "Denies current or past thoughts of killing herself.",
        "Low mood for two months; denies thoughts of self-harm.",
    ],
)
def test_negated_risk_language_does_not_choose_the_safety_area(text: str) -> None:
    assert not safety_chosen(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reports passive suicidal ideation most evenings.",
        "Denies intent or plan but has thoughts of suicide.",
        "Denies SI but says her family would be better off without her.",
        "No SI. Cut her arms last week.",
        "Client denied any intent to act on her suicidal thoughts.",
        "Wishes she could go to sleep and not wake up.",
        "He no longer wants to live.",
        "Has been cutting her thighs when overwhelmed.",
        "History of overdose in 2021.",
        "States 'I want to die'.",
        "Has no energy and thinks about killing herself.",
        "Denies HI. Endorses SI without plan.",
        "Can't stop thinking about suicide.",
        "Thoughts of death daily.",
    ],
)
def test_any_real_risk_language_chooses_the_safety_area(text: str) -> None:
    assert safety_chosen(text)


def test_the_safety_area_comes_first_and_says_why() -> None:
    _, reasons = choose(load_library(), ["F41.1"], "Worried all day. Has thoughts of suicide.")
    assert reasons[0].area_id == SAFETY_AREA
    assert reasons[0].basis is Basis.RISK_LANGUAGE
    assert "risk language ('suicide')" in reasons[0].explanation


def test_a_negated_mention_is_explained_as_left_out() -> None:
    _, reasons = choose(load_library(), ["F33.1"], "Low mood. Denies suicidal ideation.")
    left_out = [r for r in reasons if not r.chosen]
    assert [r.area_id for r in left_out] == [SAFETY_AREA]
    assert left_out[0].basis is Basis.NEGATED
    assert "only as absent (denies)" in left_out[0].explanation


def test_codes_choose_areas_in_the_order_given() -> None:
    assert chosen(["F41.1", "F33.1"], "") == ["generalized_anxiety", "depression"]


def test_the_longest_code_prefix_wins() -> None:
    # F43.10 is PTSD (F43.1), F43.21 adjustment (F43.2): same category, different areas.
    assert chosen(["F43.10"], "") == ["ptsd"]
    assert chosen(["F43.21"], "") == ["adjustment"]


def test_a_code_shared_by_two_areas_is_settled_by_the_text() -> None:
    child = "8-year-old boy; his teacher reports he leaves his seat and blurts out in class."
    adult = "Misses deadlines at work and loses her keys; disorganized since college."
    assert chosen(["F90.0"], child) == ["child_adhd"]
    assert chosen(["F90.0"], adult) == ["adult_adhd"]


def test_text_alone_chooses_areas_when_no_code_is_given() -> None:
    assert chosen([], "Panic attacks at the grocery store; heart pounding.") == ["panic"]


def test_one_loose_word_does_not_add_an_area_to_a_coded_plan() -> None:
    # "worried" alone signals anxiety, but F33.1 already explains the picture.
    assert chosen(["F33.1"], "Low mood; worried about her mother.") == ["depression"]


def test_an_area_the_codes_do_not_cover_is_suggested_not_drafted() -> None:
    # Goals about drinking on a plan with no alcohol diagnosis would be disconnected from it.
    text = "Low mood. Drinking 8 beers a night and had a DUI in May."
    assert chosen(["F33.1"], text) == ["depression"]
    draft = draft_with_notes(request(diagnoses=["F33.1"], presenting_problem=text))
    suggested = [r for r in draft.reasons if r.basis is Basis.SUGGESTED]
    assert [r.area_id for r in suggested] == ["alcohol_use"]
    assert any("no diagnosis given covers it: add its diagnosis (F10)" in w for w in draft.warnings)


def test_an_unknown_code_is_refused_with_suggestions() -> None:
    with pytest.raises(DiagnosisError) as caught:
        draft_with_notes(request(diagnoses=["F41.7"], presenting_problem="Worry."))
    error = caught.value
    assert error.field == "diagnoses[0]"
    assert "not an ICD-10-CM code" in str(error)
    assert "F41.1" in [s.code for s in error.suggestions]


def test_a_category_code_is_refused_with_its_billable_children() -> None:
    with pytest.raises(DiagnosisError) as caught:
        draft_with_notes(request(diagnoses=["F33.1", "F41"], presenting_problem="Worry."))
    assert caught.value.field == "diagnoses[1]"
    assert "F41.1" in [s.code for s in caught.value.suggestions]


@pytest.mark.parametrize(
    ("code", "expected_relation"),
    [
        ("F41.8", "the same category"),  # other anxiety disorders: no area of its own
        ("F39", "the same block of codes (F30-F39)"),  # unspecified mood disorder
    ],
)
def test_a_valid_code_without_an_area_gets_the_generic_structure_with_a_warning(
    code: str, expected_relation: str
) -> None:
    draft = draft_with_notes(request(diagnoses=[code], presenting_problem="Struggling."))
    reason = draft.reasons[0]
    assert reason.basis is Basis.GENERIC
    assert reason.area_id == "generic"
    # The nearest area is named for the clinician, never drafted.
    assert expected_relation in reason.explanation
    assert any("generic structure" in w and "not another disorder's plan" in w
               for w in draft.warnings)
    assert [p.origin.library_id for p in draft.plan.problems if p.origin] == ["generic"]
    assert draft.plan.diagnoses[0].code == code


def test_a_code_far_from_every_area_still_drafts() -> None:
    # F80.0 (speech disorder) is outside every area's block: the generic structure, no crash.
    draft = draft_with_notes(request(diagnoses=["F80.0"], presenting_problem="Trouble talking."))
    assert draft.reasons[0].basis is Basis.GENERIC
    assert draft.plan.problems


def test_signal_syntax_supports_stems_alternatives_and_gaps() -> None:
    tokens = tokenise("She wishes she could just not wake up; avoids the big stores.")
    assert [m.text for m in find(["wish* ... not|never wake up"], tokens)] == [
        "wishes she could just not wake up"
    ]
    assert [m.text for m in find(["avoids ... stores|shops"], tokens)] == ["avoids the big stores"]
    assert find(["store"], tokens) == []  # whole words only


def test_contractions_match_their_spelt_out_form() -> None:
    tokens = tokenise("He will not listen and doesn't want to live.")
    assert [m.text for m in find(["won't listen"], tokens)] == ["will not listen"]
    assert [m.text for m in find(["does not want to live"], tokens)] == ["does not want to live"]
