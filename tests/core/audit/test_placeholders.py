from datetime import date

from txplan.core.audit import audit_plan
from txplan.core.drafting import DraftRequest, draft_plan

TODAY = date(2026, 11, 27)


def drafted():  # type: ignore[no-untyped-def]
    return draft_plan(
        DraftRequest(
            diagnoses=["F41.1"],
            presenting_problem="Worries daily about "
            "money and re-checks the bank app for an hour each night.",
            start=TODAY,
        )
    )


def test_a_drafts_placeholders_are_warnings_while_it_is_a_draft() -> None:
    found = [f for f in audit_plan(drafted(), TODAY, draft=True) if f.code == "PLAN_PLACEHOLDER"]
    assert found and all(f.severity == "warning" for f in found)


def test_placeholders_are_errors_in_a_plan_meant_to_be_final() -> None:
    found = [f for f in audit_plan(drafted(), TODAY) if f.code == "PLAN_PLACEHOLDER"]
    assert found and all(f.severity == "error" for f in found)
    assert any(f.field == "medical_necessity.level_of_care_rationale" for f in found)


def test_completing_the_text_clears_the_finding() -> None:
    plan = drafted()
    nec = plan.medical_necessity.model_copy(
        update={
            "level_of_care_rationale": "Safe and engaged; weekly outpatient sessions are enough.",
            "symptoms": [s for s in plan.medical_necessity.symptoms if "[" not in s] or ["Worry."],
            "impairments": [
                i for i in plan.medical_necessity.impairments if "[" not in i.description
            ],
        }
    )
    plan = plan.model_copy(update={"medical_necessity": nec})
    remaining = [f for f in audit_plan(plan, TODAY) if f.code == "PLAN_PLACEHOLDER"]
    assert all(not f.field.startswith("medical_necessity") for f in remaining)  # type: ignore[union-attr]
