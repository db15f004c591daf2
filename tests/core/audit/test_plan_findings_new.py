"""The plan findings that need the client record or the whole plan: each fires on what it is
about and stays silent on good plans (issue 9, "Findings that are missing today")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from txplan.core.audit import Finding, Severity, audit_plan
from txplan.core.audit.clones import MIN_SHARED, clone_report, normalise, plan_statements
from txplan.core.audit.examples import (
    BASELINE,
    EXAMPLE_TODAY,
    HOMEWORK,
    INTERVENTION,
    OBJECTIVE,
    apply_edits,
)
from txplan.core.audit.facts import PlanFacts
from txplan.core.audit.method_fit import plan_families
from txplan.core.document import parse_plan

NEW_CODES = {
    "PLAN_RISK_UNADDRESSED",
    "OBJ_MEASURE_MISMATCH",
    "INT_DX_MISMATCH",
    "PLAN_MINOR_NO_GUARDIAN",
    "PLAN_LATE_AFTER_INTAKE",
    "PLAN_TOOL_TEXT",
    "PLAN_CLONED",
}


def audit(edits: dict[str, Any] | None = None, **kwargs: Any) -> list[Finding]:
    return audit_plan(parse_plan(apply_edits(edits or {})), EXAMPLE_TODAY, **kwargs)


def found(code: str, edits: dict[str, Any] | None = None, **kwargs: Any) -> list[Finding]:
    return [f for f in audit(edits, **kwargs) if f.code == code]


def test_the_baseline_plan_with_every_fact_is_silent() -> None:
    facts = PlanFacts(
        client_birth_date=date(1990, 1, 1),
        intake_date=date(2026, 1, 20),
        other_plans_statements={"plan 9": ("client will walk the dog daily",)},
        client_names=("Sam", "Example"),
    )
    assert not NEW_CODES & {f.code for f in audit(facts=facts)}
    assert not NEW_CODES & {f.code for f in audit(facts=facts, draft=True)}


# PLAN_RISK_UNADDRESSED -----------------------------------------------------------------------

SAFETY_HOMEWORK = {
    f"{HOMEWORK}.text": "Client will keep the written safety plan on her phone and use its steps "
    "when suicidal thoughts rise."
}


def symptoms(*extra: str) -> dict[str, Any]:
    return {"medical_necessity.symptoms": ["Low mood most days for 3 months", *extra]}


@pytest.mark.parametrize(
    "edits",
    [
        symptoms("Passive suicidal ideation most nights; no plan or intent"),
        {"presenting_problem": "Has been thinking about suicide since the job loss."},
        {
            "medical_necessity.impairments": [
                {"domain": "safety", "description": "Two recent episodes of scratching until"}
            ]
        },
    ],
    ids=["symptom", "presenting problem", "safety-domain impairment"],
)
def test_documented_risk_to_self_without_a_safety_plan_is_an_error(edits: dict) -> None:
    (finding,) = found("PLAN_RISK_UNADDRESSED", edits)
    assert finding.severity is Severity.ERROR and "risk to self" in finding.explanation
    assert "safety plan" in (finding.suggestion or "")


@pytest.mark.parametrize(
    "safety",
    [
        SAFETY_HOMEWORK,
        {
            f"{INTERVENTION}.text": "Clinician will complete a suicide risk assessment with the "
            "C-SSRS at each session, weekly."
        },
        {
            "problems.0.origin": {
                "library_id": "suicidal_self_harm",
                "library_text": "Suicidal thoughts",
            }
        },
        {"problems.0.title": "Crisis plan and means restriction for suicidal thoughts"},
    ],
    ids=["safety plan task", "risk assessment", "safety area origin", "crisis plan problem"],
)
def test_a_safety_element_addresses_risk_to_self(safety: dict) -> None:
    edits = {**symptoms("Passive suicidal ideation most nights"), **safety}
    assert found("PLAN_RISK_UNADDRESSED", edits) == []


@pytest.mark.parametrize(
    "text",
    [
        "Denies suicidal ideation, intent or plan.",
        "No SI or HI reported.",
        "Sleeping 10-11 hours, low energy",
        "My feet are killing me after double shifts.",
    ],
)
def test_denials_and_ordinary_symptoms_are_not_risk(text: str) -> None:
    assert found("PLAN_RISK_UNADDRESSED", symptoms(text)) == []


@pytest.mark.parametrize("flag", ["phq9_item9", "epds_item10"])
def test_a_measure_risk_flag_without_a_safety_plan_is_an_error(flag: str) -> None:
    (finding,) = found("PLAN_RISK_UNADDRESSED", facts=PlanFacts(risk_flags=(flag,)))
    assert finding.field == "risk_flags" and "item" in finding.explanation
    assert (
        found("PLAN_RISK_UNADDRESSED", SAFETY_HOMEWORK, facts=PlanFacts(risk_flags=(flag,))) == []
    )


def test_harm_to_others_needs_a_harm_to_others_safety_element() -> None:
    risk = symptoms("Homicidal thoughts about his former business partner, no plan")
    (finding,) = found("PLAN_RISK_UNADDRESSED", risk)
    assert "others" in finding.explanation
    # A self-harm safety plan does not cover risk to others ...
    assert len(found("PLAN_RISK_UNADDRESSED", {**risk, **SAFETY_HOMEWORK})) == 1
    # ... a safety plan about violence does.
    violence = {
        f"{INTERVENTION}.text": "Clinician will complete a violence risk assessment and a safety "
        "plan for anger and threats toward others, weekly."
    }
    assert found("PLAN_RISK_UNADDRESSED", {**risk, **violence}) == []
    others_area = {"problems.0.origin": {"library_id": "harm_to_others", "library_text": "x"}}
    assert found("PLAN_RISK_UNADDRESSED", {**risk, **others_area}) == []


def test_risk_to_self_and_to_others_are_reported_separately() -> None:
    both = symptoms("Suicidal ideation with a plan", "Homicidal thoughts about a neighbour")
    assert len(found("PLAN_RISK_UNADDRESSED", both)) == 2


# OBJ_MEASURE_MISMATCH ------------------------------------------------------------------------


def criterion(measure: str) -> dict[str, Any]:
    return {"measure": measure, "comparator": "<=", "threshold": 9}


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Client will say hello to 2 coworkers each day.", "gad7"),
        ("Client will score 9 or lower on the PHQ-9.", "gad7"),
        ("Client will reach 4 or fewer on the GAD-7 and keep it for 3 weeks.", "phq9"),
        ("Client will walk for 20 minutes on 5 of 7 days.", "phq9"),
    ],
)
def test_text_and_criterion_that_disagree_is_an_error(text: str, measure: str) -> None:
    edits = {f"{OBJECTIVE}.text": text, f"{OBJECTIVE}.criterion": criterion(measure)}
    (finding,) = found("OBJ_MEASURE_MISMATCH", edits)
    assert finding.severity is Severity.ERROR and finding.element_id == "obj-1"
    assert finding.field == "criterion"


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Client will score 9 or lower on the PHQ-9.", "phq9"),
        ("Client will score 9 or lower on the PHQ-A.", "phq9"),  # the adolescent version
        ("Client will reduce depressive symptoms to the mild range within 16 weeks.", "phq9"),
        ("Client will rate her mood 6 or higher out of 10 on 5 of 7 days.", "phq9"),
        ("Client will score 15 or lower on the Y-BOCS.", "ybocs"),  # outside the registry
    ],
)
def test_text_and_criterion_that_agree_are_silent(text: str, measure: str) -> None:
    edits = {f"{OBJECTIVE}.text": text, f"{OBJECTIVE}.criterion": criterion(measure)}
    assert found("OBJ_MEASURE_MISMATCH", edits) == []


def test_a_measure_named_without_a_criterion_is_a_warning() -> None:
    edits = {f"{OBJECTIVE}.criterion": None}
    (finding,) = found("OBJ_MEASURE_MISMATCH", edits)
    assert finding.severity is Severity.WARNING and "PHQ-9" in finding.explanation
    behaviour = {**edits, f"{OBJECTIVE}.text": "Client will walk 20 minutes on 5 of 7 days."}
    assert found("OBJ_MEASURE_MISMATCH", behaviour) == []


# INT_DX_MISMATCH -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Clinician will use exposure and response prevention for checking rituals, weekly.",
        "Clinician will deliver cognitive processing therapy, 12 weekly sessions.",
        "Clinician will provide EMDR reprocessing of the index memory weekly.",
        "Clinician will coordinate MOUD with the buprenorphine prescriber monthly.",
        "Clinician will deliver PCIT coaching sessions weekly.",
        "Clinician will deliver CBT-E, twice weekly for the first 4 weeks.",
    ],
)
def test_a_method_for_a_disorder_the_plan_lacks_is_a_warning(text: str) -> None:
    (finding,) = found("INT_DX_MISMATCH", {f"{INTERVENTION}.text": text})
    assert finding.severity is Severity.WARNING and finding.element_id == "int-1"
    assert finding.span is not None


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Clinician will use ERP for checking rituals, weekly.",
            {"diagnoses.0": {"code": "F42.2", "description": "OCD", "primary": True}},
        ),
        (
            "Clinician will deliver cognitive processing therapy weekly.",
            {"problems.0.title": "Nightmares and avoidance since the assault"},
        ),
        (
            "Clinician will use CBT-I with sleep restriction weekly.",
            {},  # the baseline's symptoms document the sleep problem
        ),
        (
            "Clinician will coordinate buprenorphine with the prescriber monthly.",
            {
                "diagnoses.0": {
                    "code": "F11.20",
                    "description": "Opioid dependence",
                    "primary": True,
                }
            },
        ),
        ("Individual psychotherapy (CPT 90837), weekly, using behavioural activation.", {}),
        (
            "Clinician will teach stimulus control of worry: a daily 15-minute worry period, "
            "weekly.",
            {},
        ),
    ],
)
def test_a_method_that_fits_the_plan_is_silent(text: str, context: dict) -> None:
    assert found("INT_DX_MISMATCH", {f"{INTERVENTION}.text": text, **context}) == []


def test_the_method_tag_counts_as_well_as_the_text() -> None:
    edits = {f"{INTERVENTION}.modality": "EMDR"}
    (finding,) = found("INT_DX_MISMATCH", edits)
    assert finding.span is None


def test_plan_families_read_codes_text_and_library_areas() -> None:
    plan = parse_plan(
        apply_edits({"problems.0.origin": {"library_id": "insomnia", "library_text": "x"}})
    )
    assert "sleep" in plan_families(plan)
    assert "ocd" not in plan_families(plan)


# PLAN_MINOR_NO_GUARDIAN ----------------------------------------------------------------------

GUARDIAN = {
    "role": "guardian",
    "name": "Pat Example",
    "signed_at": "2026-02-01T10:05:00+00:00",
    "method": "typed_verbal",
}


def test_a_minor_without_a_guardian_is_an_error_and_info_in_a_draft() -> None:
    facts = PlanFacts(client_birth_date=date(2010, 2, 2))  # 15 on 2026-02-01
    (finding,) = found("PLAN_MINOR_NO_GUARDIAN", facts=facts)
    assert finding.severity is Severity.ERROR and "15" in finding.explanation
    (draft,) = found("PLAN_MINOR_NO_GUARDIAN", facts=facts, draft=True)
    assert draft.severity is Severity.INFO


def test_age_is_taken_on_the_established_date() -> None:
    # 18 on 2026-01-31, the day before the plan was established: an adult.
    assert (
        found("PLAN_MINOR_NO_GUARDIAN", facts=PlanFacts(client_birth_date=date(2008, 1, 31))) == []
    )
    # 18 on 2026-02-02, the day after: still a minor on the plan's date.
    assert found("PLAN_MINOR_NO_GUARDIAN", facts=PlanFacts(client_birth_date=date(2008, 2, 2)))


def test_a_guardian_signature_or_documented_consent_satisfies_it() -> None:
    facts = PlanFacts(client_birth_date=date(2012, 6, 1))
    assert found("PLAN_MINOR_NO_GUARDIAN", {"signatures.1": GUARDIAN}, facts=facts) == []
    consent = PlanFacts(client_birth_date=date(2012, 6, 1), guardian_consent=True)
    assert found("PLAN_MINOR_NO_GUARDIAN", facts=consent) == []
    assert found("PLAN_MINOR_NO_GUARDIAN") == []  # no date of birth known: silent


# PLAN_LATE_AFTER_INTAKE ----------------------------------------------------------------------


def test_a_plan_established_after_the_due_days_is_a_warning() -> None:
    (finding,) = found("PLAN_LATE_AFTER_INTAKE", facts=PlanFacts(intake_date=date(2025, 12, 1)))
    assert finding.severity is Severity.WARNING and "62 days" in finding.explanation
    on_time = PlanFacts(intake_date=date(2026, 1, 2))  # exactly 30 days
    assert found("PLAN_LATE_AFTER_INTAKE", facts=on_time) == []


def test_the_due_days_are_configurable() -> None:
    strict = PlanFacts(intake_date=date(2026, 1, 10), plan_due_days=14)
    assert found("PLAN_LATE_AFTER_INTAKE", facts=strict)
    lenient = PlanFacts(intake_date=date(2025, 12, 1), plan_due_days=90)
    assert found("PLAN_LATE_AFTER_INTAKE", facts=lenient) == []


def test_a_plan_not_yet_established_is_judged_as_of_today() -> None:
    facts = PlanFacts(intake_date=date(2026, 1, 1))  # 59 days before EXAMPLE_TODAY
    (finding,) = found("PLAN_LATE_AFTER_INTAKE", {"established_on": None}, facts=facts)
    assert "still not established" in finding.explanation


# PLAN_TOOL_TEXT ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "problems.0.description",
            "Withdrawal since a job change. Why this area: Diagnosis F33.1 is among the codes of "
            "'Depressive symptoms'.",
        ),
        (
            "problems.0.description",
            "Diagnosis F99 has no area of its own in the library; 'Adjustment' stands in as the "
            "nearest.",
        ),
        ("problems.0.goals.0.text", "Return to work at [CLIENT'S EMPLOYER] within 3 months."),
        (f"{OBJECTIVE}.text", "Client will practise breathing [X] times per week by [date]."),
        (f"{OBJECTIVE}.text", "[NAME] will practise breathing 3 times per week by week 6."),
        (f"{INTERVENTION}.text", "Clinician will teach {skill} weekly."),
        ("presenting_problem", "Referred by ______ after a crisis."),
    ],
)
def test_tool_text_is_an_error_when_signed_and_a_warning_in_a_draft(path: str, text: str) -> None:
    (finding,) = found("PLAN_TOOL_TEXT", {path: text})
    assert finding.severity is Severity.ERROR
    (draft,) = found("PLAN_TOOL_TEXT", {path: text}, draft=True)
    assert draft.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Client will say “I [do] want to go back” in session 3 of 4.",
        "Client will score 9 or lower on the PHQ-9 [sic] by week 8.",
        "Client will score 9 or lower [PHQ-9] by week 8.",
        "Client will complete 8 sessions of trauma processing [EMDR] by week 12.",
        "Client will attend AA 3 times per week <= 8 weeks.",
    ],
)
def test_ordinary_brackets_are_not_tool_text(text: str) -> None:
    assert found("PLAN_TOOL_TEXT", {f"{OBJECTIVE}.text": text}) == []


def test_a_placeholder_is_reported_once_by_plan_placeholder_not_again() -> None:
    edits = {"medical_necessity.level_of_care_rationale": "[Clinician to complete: why]"}
    codes = [f.code for f in audit(edits)]
    assert codes.count("PLAN_PLACEHOLDER") == 1 and "PLAN_TOOL_TEXT" not in codes
    both = {"medical_necessity.level_of_care_rationale": "[Clinician to complete: why] at [X]"}
    codes = [f.code for f in audit(both)]
    assert codes.count("PLAN_PLACEHOLDER") == 1 and codes.count("PLAN_TOOL_TEXT") == 1


class _Defaults(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "within 8 weeks"  # any value: only the specific slots must stay at defaults


def _library_text(library_id: str) -> str:
    """The library entry's text with every specific slot at the library's default."""
    from txplan.core.drafting import load_library
    from txplan.core.drafting.individual import _template
    from txplan.core.drafting.slots import fill

    library = load_library()
    found = _template(library, library_id)
    assert found is not None, library_id
    text, area = found
    entry = (
        library.goals.get(library_id)
        or library.objectives.get(library_id)
        or library.interventions.get(library_id)
    )
    assert entry is not None
    return fill(text, _Defaults({**area.slots, **entry.slots, "client": "Sam"}))


def _library_plan(unchanged: int) -> dict[str, Any]:
    """The baseline plan whose goal, objective and two interventions came from the library;
    the first ``unchanged`` of them are still the library's generic text."""
    data = apply_edits({})
    goal = data["problems"][0]["goals"][0]
    objective = goal["objectives"][0]
    elements = [goal, objective, *objective["interventions"]]
    ids = ["depression.g1", "depression.o1", "depression.i1", "depression.i2"]
    for n, (element, library_id) in enumerate(zip(elements, ids, strict=True)):
        text = _library_text(library_id)
        element["origin"] = {"library_id": library_id, "library_text": text}
        element["text"] = text if n < unchanged else element["text"]
    return data


def test_mostly_unchanged_library_text_gives_one_summary_warning() -> None:
    plan = parse_plan(_library_plan(4))
    summary = [f for f in audit_plan(plan, EXAMPLE_TODAY) if f.code == "PLAN_TOOL_TEXT"]
    assert len(summary) == 1 and summary[0].severity is Severity.WARNING
    assert summary[0].element_id is None and "4 of the plan's 4" in summary[0].explanation
    # The per-statement info is the existing rule's.
    infos = [f for f in audit_plan(plan, EXAMPLE_TODAY) if f.code == "DRAFT_NOT_INDIVIDUALISED"]
    assert len(infos) == 4


def test_individualised_library_text_gives_no_summary() -> None:
    plan = parse_plan(_library_plan(1))
    assert [f for f in audit_plan(plan, EXAMPLE_TODAY) if f.code == "PLAN_TOOL_TEXT"] == []


# PLAN_CLONED ---------------------------------------------------------------------------------


def test_normalise_folds_case_space_full_stop_and_the_clients_name() -> None:
    a = normalise("Maria  will walk the dog DAILY.", ["Maria", "Lopez"])
    b = normalise("Client will walk the dog daily", ["Sam"])
    c = normalise("Maria Lopez will walk the dog daily.", ["Maria", "Lopez", "Maria Lopez"])
    assert a == b == c == "<client> will walk the dog daily"


def test_clone_report_counts_statements_found_in_other_plans() -> None:
    plan = parse_plan(BASELINE)
    own = plan_statements(plan)
    report = clone_report(plan, {"plan 3": own[:2], "plan 7": own[1:3], "plan 8": ("other",)})
    assert (report.statements, report.shared) == (4, 3)
    assert report.by_plan == (("plan 3", 2), ("plan 7", 2))
    assert report.cloned and report.share == 0.75


def test_a_cloned_plan_is_a_warning_naming_the_other_plans() -> None:
    own = plan_statements(parse_plan(BASELINE))
    facts = PlanFacts(other_plans_statements={"plan 3 v2 (Dana Reyes)": tuple(own[:3])})
    (finding,) = found("PLAN_CLONED", facts=facts)
    assert finding.severity is Severity.WARNING
    assert "plan 3 v2 (Dana Reyes)" in finding.explanation and "75%" in finding.explanation


def test_below_the_threshold_the_plan_is_not_cloned() -> None:
    own = plan_statements(parse_plan(BASELINE))
    assert MIN_SHARED == 3
    two = PlanFacts(other_plans_statements={"plan 3": tuple(own[:2])})
    assert found("PLAN_CLONED", facts=two) == []  # 50%, but only 2 statements
    # A larger plan with 3 shared statements out of 8 stays below half.
    data = apply_edits({})
    goal = data["problems"][0]["goals"][0]
    extra = [
        {
            "id": f"obj-{n}",
            "text": f"Client will attend choir practice on {n} of 4 Thursdays by week 8.",
            "target_date": "2026-04-15",
            "interventions": [
                {"id": f"int-x{n}", "text": f"Clinician will rehearse step {n} weekly."}
            ],
        }
        for n in (2, 3)
    ]
    goal["objectives"] += extra
    plan = parse_plan(data)
    three = PlanFacts(other_plans_statements={"plan 3": tuple(own[:3])})
    assert [
        f for f in audit_plan(plan, EXAMPLE_TODAY, facts=three) if f.code == "PLAN_CLONED"
    ] == []


def test_cloned_text_behind_another_clients_name_is_still_found() -> None:
    own = plan_statements(parse_plan(BASELINE))
    theirs = tuple(own)  # another client's plan, normalised with that client's names
    renamed = {
        f"{OBJECTIVE}.text": "Sam will score 9 or lower on the PHQ-9 on two consecutive "
        "administrations.",
        f"{HOMEWORK}.text": "Sam will record mood and activities daily in an activity log.",
    }
    facts = PlanFacts(other_plans_statements={"plan 4": theirs}, client_names=("Sam",))
    assert found("PLAN_CLONED", renamed, facts=facts)


# The drafter's own plans ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["F42.2", "F43.10", "F51.01", "F11.20", "F90.2", "F41.0", "F50.20", "F33.1"]
)
def test_library_drafts_use_methods_and_criteria_that_fit(code: str) -> None:
    """A plan drafted from the library for a diagnosis names methods for that diagnosis and
    criteria that match its objectives' words."""
    from txplan.core.drafting import DraftRequest, draft_plan

    plan = draft_plan(
        DraftRequest(
            diagnoses=[code],
            presenting_problem="Symptoms for 3 months keep the client from work and friends.",
            review_days=90,
            start=date(2026, 9, 1),
            client_name="Ann",
        )
    )
    findings = audit_plan(plan, date(2026, 9, 2), draft=True)
    assert not {"INT_DX_MISMATCH", "OBJ_MEASURE_MISMATCH"} & {f.code for f in findings}
