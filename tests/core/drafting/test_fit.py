"""Drafts fit the disorder (its guideline's core elements), the client's age and the approach.

One realistic request per library area must draft every core element the area's guideline
makes core; the issue's named failures (two trauma protocols, PCIT for a 9-year-old, family-
based treatment for a 19-year-old in a dorm, CBT asked and five modalities delivered …) each
have their own test, and ``core_fit`` is shown to catch each kind of misfit in a plan.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from tests.core.drafting.conftest import request
from txplan.core.drafting import draft_plan, draft_with_notes, load_library
from txplan.core.drafting.fit import (
    AGE_FIT,
    SINGLE_PROTOCOL,
    active_elements,
    age_from_text,
    core_fit,
    select,
)
from txplan.core.plan import Plan, ServiceType

# area id → (diagnosis code, presenting problem as a clinician writes it, client's age)
AREA_CASES: dict[str, tuple[str | None, str, int]] = {
    "acute_stress": ("F43.0", "Car crash 10 days ago; flashbacks, avoids driving, off work.", 34),
    "adjustment": ("F43.20", "Laid off in May; low mood, stopped applying for jobs.", 41),
    "adult_adhd": ("F90.0", "Misses deadlines at work, loses keys, bills paid late.", 29),
    "alcohol_use": ("F10.20", "Drinks 8 beers a night; wife worried; late for shifts.", 45),
    "anger": ("F63.81", "Shouts at coworkers, punched a wall last month.", 38),
    "anorexia": ("F50.00", "Restricting to 900 kcal a day, weight falling, cold all the time.", 24),
    "autism_social": ("F84.0", "Wants friends at college but does not know how to join in.", 20),
    "binge_eating": ("F50.810", "Binges most evenings after work, then feels ashamed.", 36),
    "bipolar_maintenance": ("F31.0", "Stable on lithium after a manic episode last year.", 31),
    "bulimia": ("F50.20", "Binges then vomits four times a week; hides it from flatmates.", 22),
    "cannabis_use": ("F12.10", "Smokes cannabis daily before work; wants to cut down.", 27),
    "caregiver_stress": ("Z63.6", "Cares for her mother with dementia; exhausted, no breaks.", 58),
    "child_adhd": ("F90.2", "Cannot stay seated in class; homework battles every night.", 8),
    "chronic_pain": ("F45.42", "Back pain for 3 years; stopped gardening and work.", 52),
    "couples_conflict": ("Z63.0", "Constant arguments with her husband about money.", 40),
    "depression": ("F33.1", "Low mood, stopped seeing friends, missing work.", 35),
    "emotional_dysregulation": ("F60.3", "Intense anger and urges to self-soothe by spending.", 26),
    "family_conflict": ("Z63.8", "Daily shouting matches between mother and teenage son.", 44),
    "gambling": ("F63.0", "Online betting every night; 9000 dollars of debt.", 33),
    "generalized_anxiety": ("F41.1", "Worries all day about her job and her children.", 39),
    "health_anxiety": ("F45.21", "Checks moles every day and searches symptoms online.", 47),
    "insomnia": ("F51.01", "Lies awake until 3am most nights; exhausted at work.", 50),
    "loneliness": ("Z60.2", "Lives alone since retiring; no visitors for weeks.", 71),
    "low_self_esteem": ("R45.81", "Calls herself stupid and turns down every opportunity.", 30),
    "nightmares": ("F51.5", "Nightmares four nights a week; dreads going to bed.", 42),
    "occupational": ("Z56.6", "Stress at work; signed off sick for two weeks.", 46),
    "ocd": ("F42.2", "Checks the stove and locks for two hours a day; late for work.", 32),
    "odd_conduct": ("F91.3", "Refuses every instruction at home, tantrums daily.", 6),
    "opioid_use": ("F11.20", "On buprenorphine for 6 months; used pills twice last month.", 37),
    "panic": ("F41.0", "Panic attacks; avoids driving on the highway since an attack.", 33),
    "parenting_stress": ("Z62.820", "Shouts at her toddler daily and feels she is failing.", 29),
    "perinatal_depression": (
        "F53.0",
        "Low mood since the baby was born; tearful, not sleeping.",
        31,
    ),
    "persistent_depressive": ("F34.1", "Low mood most days for years; feels nothing changes.", 48),
    "phase_of_life": ("Z60.0", "Retired last year and feels without purpose.", 66),
    "prolonged_grief": ("F43.81", "Husband died 2 years ago; avoids his grave, cannot work.", 61),
    "psychosis": ("F20.0", "Hears voices; lives with his parents, stopped college.", 23),
    "ptsd": ("F43.10", "Flashbacks of an assault; avoids buses; nightmares.", 28),
    "school_refusal": (None, "Refuses to go to school; stomach aches on school mornings.", 12),
    "separation_anxiety": ("F93.0", "Cannot sleep unless her mother stays; cries at drop-off.", 7),
    "social_anxiety": ("F40.10", "Avoids speaking in meetings and eating in front of others.", 27),
    "specific_phobia": ("F40.218", "Terrified of dogs; will not walk to the park.", 19),
}
OWNED_ELSEWHERE = {"suicidal_self_harm", "harm_to_others", "generic"}


def draft(code: str | None, text: str, **fields: Any) -> Plan:
    return draft_plan(request(diagnoses=[code] if code else [], presenting_problem=text, **fields))


def intervention_ids(plan: Plan, area_id: str | None = None) -> list[str]:
    return [
        i.origin.library_id
        for p in plan.problems
        if area_id is None or (p.origin and p.origin.library_id == area_id)
        for g in p.goals
        for o in g.objectives
        for i in o.interventions
        if i.origin
    ]


def objective_ids(plan: Plan) -> list[str]:
    return [o.origin.library_id for o in plan.objectives() if o.origin]


def test_every_area_has_a_case() -> None:
    areas = set(load_library().areas) - OWNED_ELSEWHERE
    assert areas == set(AREA_CASES)


@pytest.mark.parametrize("area_id", sorted(AREA_CASES))
def test_each_area_drafts_every_core_element_of_its_guideline(area_id: str) -> None:
    code, text, age = AREA_CASES[area_id]
    plan = draft(code, text, age=age)
    fit = core_fit(plan, age=age)
    assert area_id in fit, f"{area_id} was not drafted: {list(fit)}"
    assert fit[area_id] == [], f"{area_id} lacks {fit[area_id]}"
    # And the elements the guideline names are really there, not vacuously absent.
    area = load_library().area(area_id)
    assert active_elements(area, age, text), f"{area_id}: no core element applies"


@pytest.mark.parametrize("area_id", sorted(AREA_CASES))
def test_each_area_fits_with_its_age_unknown_too(area_id: str) -> None:
    code, text, _ = AREA_CASES[area_id]
    plan = draft(code, text)
    assert core_fit(plan)[area_id] == []


def test_ocd_gets_exposure_and_response_prevention_and_a_ritual_record() -> None:
    plan = draft("F42.2", "Washes hands 40 times a day, fears contamination.", age=27)
    assert "ocd.i1" in intervention_ids(plan)
    assert any(o in objective_ids(plan) for o in ("ocd.o2", "ocd.o3", "ocd.o5"))


@pytest.mark.parametrize(
    ("code", "record"),
    [
        ("F42.2", {"ocd.o2", "ocd.o3", "ocd.o5"}),
        ("F50.20", {"bulimia.o1", "bulimia.o3", "bulimia.o4"}),
        ("F50.810", {"binge_eating.o1", "binge_eating.o3"}),
        ("F50.00", {"anorexia.o1", "anorexia.o3"}),
    ],
)
def test_ocd_and_eating_disorders_are_not_measured_only_with_the_ors(
    code: str, record: set[str]
) -> None:
    plan = draft(code, "Symptoms most days, taking hours each day.", age=25)
    assert record & set(objective_ids(plan))


def test_insomnia_gets_sleep_restriction_and_stimulus_control_and_no_relaxation() -> None:
    plan = draft("F51.01", "Can't sleep; lies awake for hours.", approach="CBT-I")
    methods = {i.method for o in plan.objectives() for i in o.interventions}
    assert "sleep restriction therapy" in methods
    assert "stimulus control therapy" in methods
    assert "relaxation training" not in {
        i.modality for o in plan.objectives() for i in o.interventions
    }


def test_panic_gets_interoceptive_and_in_vivo_exposure_aimed_at_the_avoided_situation() -> None:
    plan = draft("F41.0", "Panic attacks; avoids driving on the highway since an attack there.")
    ids = set(intervention_ids(plan))
    assert {"panic.i2", "panic.i3"} <= ids
    in_vivo = [
        o
        for o in plan.objectives()
        if o.origin and o.origin.library_id in {"panic.o5", "panic.o6", "panic.o7"}
    ]
    assert any("highway" in o.text for o in in_vivo) or any(
        "highway" in g.text for g in plan.problems[0].goals
    )


@pytest.mark.parametrize("approach", [None, "CBT", "PE", "CPT", "EMDR", "prolonged exposure"])
@pytest.mark.parametrize(
    "text",
    [
        "Flashbacks of an assault; avoids buses; nightmares; blames herself.",
        "Combat veteran; startles easily, avoids crowds, numb with his wife.",
    ],
)
def test_ptsd_follows_one_trauma_focused_protocol(approach: str | None, text: str) -> None:
    plan = draft("F43.10", text, approach=approach)
    library = load_library()
    protocols = {
        p for item in intervention_ids(plan, "ptsd") for p in library.interventions[item].protocols
    }
    assert len(protocols & {"prolonged exposure", "CPT", "EMDR"}) == 1
    assert core_fit(plan)["ptsd"] == []
    if approach in {"PE", "prolonged exposure"}:
        assert protocols == {"prolonged exposure"}
    if approach == "EMDR":
        assert protocols == {"EMDR"}


def test_bulimia_gets_cbt_e_for_an_adult_and_family_therapy_for_a_teenager() -> None:
    text = "Binges and vomits four times a week."
    adult = draft("F50.20", text, age=24)
    teen = draft("F50.20", text, age=15)
    assert "CBT-E" in {i.modality for o in adult.objectives() for i in o.interventions}
    assert "bulimia.i4" not in intervention_ids(adult)
    assert "bulimia.i4" in intervention_ids(teen)
    assert core_fit(adult, age=24) == {"bulimia": []}
    assert core_fit(teen, age=15) == {"bulimia": []}
    assert draft_with_notes(request(diagnoses=["F50.20"], presenting_problem=text, age=15)).plan


def test_no_family_based_treatment_for_a_19_year_old_in_a_dorm() -> None:
    plan = draft("F50.00", "19-year-old living in a university dorm, restricting to 800 kcal.")
    assert "anorexia.i1" not in intervention_ids(plan)
    assert core_fit(plan)["anorexia"] == []
    teen = draft("F50.00", "Restricting; parents worried.", age=14)
    assert "anorexia.i1" in intervention_ids(teen)


@pytest.mark.parametrize("age", [9, None])
def test_child_adhd_gets_parent_training_and_school_coordination_and_no_pcit_at_9(
    age: int | None,
) -> None:
    plan = draft("F90.2", "9-year-old boy; cannot sit still in class; homework battles.", age=age)
    ids = set(intervention_ids(plan))
    assert ids & {"child_adhd.i1", "child_adhd.i4"}
    assert ids & {"child_adhd.i2", "child_adhd.i7"}
    assert "child_adhd.i8" not in ids  # PCIT is for ages 2-7
    assert core_fit(plan, age=age) == {"child_adhd": []}


def test_f90_follows_the_age_child_or_adult() -> None:
    adult = draft_with_notes(
        request(diagnoses=["F90.0"], presenting_problem="Disorganised.", age=30)
    )
    child = draft_with_notes(
        request(diagnoses=["F90.0"], presenting_problem="Disorganised.", age=8)
    )
    assert [r.area_id for r in adult.reasons if r.chosen] == ["adult_adhd"]
    assert [r.area_id for r in child.reasons if r.chosen] == ["child_adhd"]
    # Wording that signals the other variant does not override a known age.
    school = request(diagnoses=["F90.0"], presenting_problem="Trouble in class, homework.", age=35)
    assert draft_with_notes(school).plan.problems[0].origin.library_id == "adult_adhd"


def test_no_adult_programme_for_an_autistic_15_year_old() -> None:
    plan = draft("F84.0", "15 year old with few friends, overwhelmed at school.")
    assert "autism_social.i3" not in intervention_ids(plan)
    adult = draft("F84.0", "Few friends; wants to join a club.", age=32)
    assert core_fit(adult, age=32) == {"autism_social": []}


@pytest.mark.parametrize(
    "text",
    [
        "Drinks a bottle of wine nightly; morning shakes relieved by a drink.",
        "Daily vodka; hands tremble until the first drink; sweats at night.",
        "Heavy drinking; had a withdrawal seizure last year.",
    ],
)
def test_alcohol_with_withdrawal_signs_gets_a_medical_evaluation_and_medication_referral(
    text: str,
) -> None:
    plan = draft("F10.20", text)
    assert "alcohol_use.i10" in intervention_ids(plan) or "alcohol_use.o10" in objective_ids(plan)
    assert core_fit(plan) == {"alcohol_use": []}


def test_withdrawal_evaluation_is_core_only_when_withdrawal_is_described() -> None:
    area = load_library().area("alcohol_use")
    plain = {e.id for e in active_elements(area, 40, "Binge drinks at weekends.")}
    shaky = {e.id for e in active_elements(area, 40, "Shaky every morning until a drink.")}
    denied = {e.id for e in active_elements(area, 40, "Drinks daily; denies withdrawal.")}
    assert "withdrawal_medical" not in plain
    assert "withdrawal_medical" in shaky
    assert "withdrawal_medical" not in denied


def test_opioid_use_on_buprenorphine_gets_prescriber_coordination_and_naloxone() -> None:
    plan = draft("F11.20", "On buprenorphine since spring; still uses pills with friends.")
    ids = set(intervention_ids(plan))
    assert {"opioid_use.i1", "opioid_use.i4"} <= ids


def test_perinatal_depression_is_measured_with_the_epds() -> None:
    plan = draft("F53.0", "Low mood since the birth; tearful; not bonding with the baby.")
    assert "epds" in {o.criterion.measure for o in plan.objectives() if o.criterion}


def test_cbt_asked_gives_cbt_not_a_mixture() -> None:
    plan = draft("F33.1", "Low mood, stopped seeing friends, missing work.", approach="CBT")
    library = load_library()
    for item in intervention_ids(plan, "depression"):
        protocols = library.interventions[item].protocols
        assert not protocols or "CBT" in protocols, item
    modalities = {i.modality for o in plan.objectives() for i in o.interventions}
    assert not modalities & {"IPT", "ACT", "CBT-I", "relaxation training"}
    assert "CBT" in modalities


@pytest.mark.parametrize(
    ("code", "text", "approach", "protocol"),
    [
        ("F33.1", "Low mood, withdrawn from friends.", "IPT", "IPT"),
        ("F33.1", "Low mood, withdrawn from friends.", "behavioural activation", "BA"),
        ("F41.1", "Worries all day.", "ACT", "ACT"),
        ("F60.3", "Intense emotions, impulsive spending.", "DBT", "DBT"),
        ("F42.2", "Checking rituals for hours.", "ERP", "ERP"),
    ],
)
def test_the_requested_protocol_is_followed_when_the_library_has_it(
    code: str, text: str, approach: str, protocol: str
) -> None:
    library = load_library()
    area_id = next(a.id for a in library.areas.values() if any(code.startswith(p) for p in a.icd10))
    chosen = select(
        library.area(area_id), approach=approach, age=None, text=text, relevance=lambda *_: 0
    )
    assert chosen.protocol == protocol
    assert chosen.warnings == []
    assert chosen.missing == []


def test_an_approach_the_library_lacks_is_named_with_the_nearest_fit() -> None:
    draft_ = draft_with_notes(
        request(diagnoses=["F41.1"], presenting_problem="Worries all day.", approach="EMDR")
    )
    assert any("no EMDR protocol" in w and "nearest fit, CBT" in w for w in draft_.warnings)


def test_an_approach_that_would_drop_a_core_element_is_not_followed_silently() -> None:
    draft_ = draft_with_notes(
        request(diagnoses=["F50.810"], presenting_problem="Binges most nights.", approach="IPT")
    )
    assert any("IPT alone does not deliver" in w for w in draft_.warnings)
    assert core_fit(draft_.plan) == {"binge_eating": []}


@pytest.mark.parametrize(
    ("code", "text", "service"),
    [
        ("Z63.0", "Constant arguments with her husband about money.", ServiceType.COUPLES),
        ("Z63.8", "Daily shouting matches between mother and son.", ServiceType.FAMILY),
        ("F33.1", "Low mood, stopped seeing friends.", ServiceType.INDIVIDUAL),
    ],
)
def test_the_service_type_follows_the_modality(code: str, text: str, service: ServiceType) -> None:
    assert draft(code, text).service.type is service


def test_the_service_type_of_a_teenager_in_family_based_treatment_is_family() -> None:
    plan = draft("F50.00", "Restricting; parents worried.", age=14)
    assert plan.service.type is ServiceType.FAMILY


# core_fit catches each kind of misfit --------------------------------------------------------


def test_core_fit_names_a_removed_core_element() -> None:
    plan = draft("F42.2", "Checks the stove for hours.", age=30)
    for objective in plan.objectives():
        objective.interventions = [
            i for i in objective.interventions if i.origin and i.origin.library_id != "ocd.i1"
        ]
        if objective.origin and objective.origin.library_id == "ocd.o5":
            objective.origin = None
    assert "erp" in core_fit(plan, age=30)["ocd"]


def test_core_fit_names_two_protocols_and_an_entry_for_another_age() -> None:
    library = load_library()
    plan = draft("F43.10", "Flashbacks; avoids buses.", approach="CPT")
    objective = plan.objectives()[0]
    pe = objective.interventions[0].model_copy(deep=True)
    pe.origin = pe.origin.model_copy(update={"library_id": "ptsd.i1"})
    objective.interventions.append(pe)
    assert SINGLE_PROTOCOL in core_fit(plan, library)["ptsd"]

    child = draft("F90.2", "Hyperactive at school; defiant at home.", age=5)
    assert "child_adhd.i8" in {  # PCIT is fine at 5 …
        i.id for i in library.area("child_adhd").interventions if i.fits_age(5)
    }
    item = child.objectives()[0].interventions[0]
    item.origin = item.origin.model_copy(update={"library_id": "child_adhd.i8"})
    assert AGE_FIT not in core_fit(child, age=5)["child_adhd"]
    assert AGE_FIT in core_fit(child, age=9)["child_adhd"]  # … not at 9


def test_core_fit_skips_problems_that_are_not_library_areas() -> None:
    plan = draft("F33.1", "Low mood.")
    plan.problems[0].origin = None
    assert core_fit(plan) == {}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("9-year-old boy referred by school", 9),
        ("A 15 year old girl", 15),
        ("Client, aged 19, lives in a dorm", 19),
        ("42 y/o nurse", 42),
        ("Seventeen-year-old with panic", 17),
        ("Mother of a 3-year-old; low mood", None),
        ("Her 6-year-old son has tantrums", None),
        ("Has a 4 year old daughter", None),
        ("Low mood for 3 years", None),
    ],
)
def test_the_age_is_read_from_the_text_only_when_it_is_the_clients(
    text: str, age: int | None
) -> None:
    assert age_from_text(text) == age


@pytest.mark.parametrize("age", [-1, 121, "nine"])
def test_a_bad_age_is_refused_naming_the_field(age: object) -> None:
    with pytest.raises(ValidationError) as caught:
        request(diagnoses=["F33.1"], presenting_problem="Low mood.", age=age)
    assert caught.value.errors()[0]["loc"] == ("age",)


def test_a_childrens_area_for_an_adult_is_flagged_not_silently_drafted() -> None:
    draft_ = draft_with_notes(
        request(diagnoses=["F91.3"], presenting_problem="Defiant with his boss.", age=30)
    )
    assert any("written for ages 2 to 17, and the client is 30" in w for w in draft_.warnings)
    assert AGE_FIT in core_fit(draft_.plan, age=30)["odd_conduct"]


def test_an_approach_an_area_without_protocols_lacks_names_what_is_drafted_instead() -> None:
    draft_ = draft_with_notes(
        request(diagnoses=["F90.2"], presenting_problem="Restless in class.", approach="CBT", age=9)
    )
    assert any(
        "no CBT intervention" in w and "core treatment instead: behavioural parent training" in w
        for w in draft_.warnings
    )


def test_a_child_with_ptsd_gets_tf_cbt_with_the_caregiver_not_an_adult_protocol() -> None:
    plan = draft("F43.10", "Nightmares and clinginess since a dog attack.", age=8)
    ids = set(intervention_ids(plan))
    assert "ptsd.i10" in ids
    assert not ids & {"ptsd.i1", "ptsd.i2", "ptsd.i9"}  # PE and CPT are for 13 and older
    assert core_fit(plan, age=8) == {"ptsd": []}
    adult = draft("F43.10", "Nightmares since an assault.", approach="CBT")
    assert "ptsd.i10" not in intervention_ids(adult)


def test_a_child_with_ocd_gets_family_involvement() -> None:
    plan = draft("F42.2", "Washes hands until they bleed; asks mother for reassurance.", age=10)
    area = load_library().area("ocd")
    assert "family_involvement" in {e.id for e in active_elements(area, 10, "")}
    assert core_fit(plan, age=10) == {"ocd": []}
    assert "family_involvement" not in {e.id for e in active_elements(area, 30, "")}


@pytest.mark.parametrize("area_id", sorted(AREA_CASES))
def test_whatever_approach_is_asked_each_area_keeps_its_core_and_one_protocol(area_id: str) -> None:
    code, text, age = AREA_CASES[area_id]
    for approach in ("CBT", "ACT", "IPT", "EMDR", "DBT", "motivational interviewing"):
        plan = draft(code, text, age=age, approach=approach)
        assert core_fit(plan, age=age)[area_id] == [], approach


def test_a_core_element_the_library_cannot_draft_for_this_client_is_named(
    write_library: Any, valid_area: dict[str, Any]
) -> None:
    from txplan.core.drafting import load_library as load

    valid_area["core_elements"] = [{"id": "pcit", "label": "coached play", "source": "X 2020"}]
    valid_area["interventions"][2]["core"] = ["pcit"]
    valid_area["interventions"][2]["ages"] = {"min": 2, "max": 7}
    area = load(write_library(valid_area)).area("tiny_area")
    chosen = select(area, approach=None, age=30, text="", relevance=lambda *_: 0)
    assert chosen.missing == ["pcit"]
    assert any("lacks coached play" in w and "X 2020" in w for w in chosen.warnings)
    assert select(area, approach=None, age=5, text="", relevance=lambda *_: 0).missing == []
