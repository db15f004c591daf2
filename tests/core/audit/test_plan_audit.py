"""Plan mode: statements in context, and the whole-plan rules."""

from datetime import date

from txplan.core.audit import Severity, audit_plan, readiness
from txplan.core.audit.examples import EXAMPLE_TODAY, INTERVENTION, OBJECTIVE, apply_edits
from txplan.core.document import parse_plan


def audit(edits: dict, today: date = EXAMPLE_TODAY, **kwargs: bool):
    return audit_plan(parse_plan(apply_edits(edits)), today, **kwargs)


def test_objective_target_date_counts_as_its_timeframe() -> None:
    text = "Client will walk 20 minutes on 5 of 7 days."
    with_date = audit({f"{OBJECTIVE}.text": text, f"{OBJECTIVE}.criterion": None})
    without = audit(
        {
            f"{OBJECTIVE}.text": text,
            f"{OBJECTIVE}.criterion": None,
            f"{OBJECTIVE}.target_date": None,
        }
    )
    assert "OBJ_NOT_TIME_BOUND" not in {f.code for f in with_date}
    assert "OBJ_NOT_TIME_BOUND" in {f.code for f in without}


def test_timeframe_suggestion_fits_the_review_date() -> None:
    findings = audit(
        {
            f"{OBJECTIVE}.target_date": None,
            f"{OBJECTIVE}.text": "Client will walk 20 minutes on 5 of 7 days.",
        }
    )
    (finding,) = [f for f in findings if f.code == "OBJ_NOT_TIME_BOUND"]
    assert finding.element_id == "obj-1"
    assert finding.suggestion and "by 2026-05-01" in finding.suggestion


def test_measure_suggestion_fits_the_problem_not_a_measure_used_elsewhere() -> None:
    # Issue 9: a GAD-7 used on one objective must not be suggested for a depression problem.
    findings = audit(
        {
            "problems.0.goals.0.objectives": [
                {
                    "id": "obj-1",
                    "text": "Client will score 9 or lower on the GAD-7.",
                    "target_date": "2026-04-15",
                    "criterion": {"measure": "gad7", "comparator": "<=", "threshold": 9},
                    "interventions": [
                        {
                            "id": "int-1",
                            "text": "Therapist will teach worry postponement weekly.",
                            "frequency": "weekly",
                        }
                    ],
                },
                {
                    "id": "obj-2",
                    "text": "Client will understand her worry.",
                    "target_date": "2026-04-15",
                    "interventions": [
                        {
                            "id": "int-2",
                            "text": "Therapist will teach worry postponement weekly.",
                            "frequency": "weekly",
                        }
                    ],
                },
            ]
        }
    )
    (finding,) = [f for f in findings if f.code == "OBJ_NOT_MEASURABLE"]
    assert finding.element_id == "obj-2" and "PHQ-9" in (finding.suggestion or "")
    assert "GAD-7" not in (finding.suggestion or "")
    assert "by 2026-04-15" in (finding.suggestion or "")  # the objective's own target date
    assert finding.criterion and dict(finding.criterion)["measure"] == "phq9"


def test_plan_without_a_measure_is_told_the_one_the_diagnosis_calls_for() -> None:
    findings = audit(
        {
            f"{OBJECTIVE}.criterion": None,
            f"{OBJECTIVE}.text": "Client will work 4 of 5 scheduled days each week.",
        }
    )
    (finding,) = [f for f in findings if f.code == "PLAN_NO_MEASURE"]
    assert "PHQ-9" in finding.explanation and finding.severity is Severity.WARNING


def test_review_overdue_and_target_in_the_past_are_errors() -> None:
    later = date(2026, 5, 10)
    codes = {f.code: f for f in audit({}, today=later)}
    assert codes["REVIEW_OVERDUE"].severity is Severity.ERROR
    assert codes["OBJ_TARGET_PAST"].element_id == "obj-1"


def test_associate_plan_needs_the_supervisor_only_when_the_caller_says_so() -> None:
    edits = {"signatures": [s for s in apply_edits({})["signatures"] if s["role"] != "supervisor"]}
    assert "SIG_MISSING_SUPERVISOR" not in {f.code for f in audit(edits)}
    assert "SIG_MISSING_SUPERVISOR" in {f.code for f in audit(edits, requires_cosignature=True)}


def test_unsigned_draft_reports_missing_signatures_as_info_that_asks_for_signing() -> None:
    findings = audit({"signatures": []}, draft=True, requires_cosignature=True)
    missing = {f.code: f for f in findings if f.code.startswith("SIG_MISSING_")}
    assert set(missing) == {"SIG_MISSING_CLINICIAN", "SIG_MISSING_CLIENT", "SIG_MISSING_SUPERVISOR"}
    assert all(f.severity is Severity.INFO for f in missing.values())
    assert all("must be signed" in f.explanation for f in missing.values())
    assert readiness(findings).errors == 0


def test_unsigned_plan_that_is_not_a_draft_still_has_signature_errors() -> None:
    findings = audit({"signatures": []})
    severities = {f.code: f.severity for f in findings if f.code.startswith("SIG_MISSING_")}
    assert severities == {
        "SIG_MISSING_CLINICIAN": Severity.ERROR,
        "SIG_MISSING_CLIENT": Severity.ERROR,
    }


def test_draft_mode_keeps_the_other_signature_rules() -> None:
    findings = audit({"signatures.1.signed_at": None, "signatures.0.credentials": ""}, draft=True)
    severities = {f.code: f.severity for f in findings}
    assert severities["SIG_UNDATED"] is Severity.ERROR
    assert severities["SIG_NO_CREDENTIALS"] is Severity.WARNING


def test_client_unable_to_sign_with_a_reason_satisfies_the_client_signature() -> None:
    clinician = apply_edits({})["signatures"][0]
    unable = {
        "role": "client",
        "name": "Sam Example",
        "method": "unable",
        "unable_reason": "Declined to sign on 2026-02-01; offered again on 2026-02-08.",
        "signed_at": "2026-02-08T10:00:00+00:00",
    }
    assert "SIG_MISSING_CLIENT" not in {f.code for f in audit({"signatures": [clinician, unable]})}


def test_client_task_marked_as_such_is_not_told_to_be_a_clinician_action() -> None:
    findings = audit({})
    assert not any(f.code == "INT_NOT_CLINICIAN_ACTION" for f in findings)
    findings = audit({f"{INTERVENTION}.actor": "client"})
    assert "OBJ_NO_CLINICIAN_INTERVENTION" in {f.code for f in findings}


def test_readiness_groups_findings_into_the_checklist() -> None:
    summary = readiness(
        audit(
            {
                "next_review_date": None,
                f"{INTERVENTION}.frequency": None,
                f"{INTERVENTION}.text": "Provide supportive therapy.",
            }
        )
    )
    assert not summary.ready and summary.errors >= 2
    failing = {item.family.value for item in summary.items if not item.passed}
    assert {"dates", "interventions", "structure"} <= failing


def test_plan_findings_name_a_field() -> None:
    for finding in audit({"medical_necessity": {}, "signatures": [], "next_review_date": None}):
        assert finding.field
