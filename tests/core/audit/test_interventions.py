"""Intervention rules: INT_GENERIC and INT_NOT_CLINICIAN_ACTION."""

import pytest

from txplan.core.audit import Severity, audit_statement


def codes(text: str) -> set[str]:
    return {f.code for f in audit_statement("intervention", text)}


@pytest.mark.parametrize(
    "text",
    [
        "Provide supportive therapy.",
        "Therapist will process feelings with client.",
        "Talk therapy weekly.",
        "Clinician will provide support.",
        "Clinician will provide CBT.",
        "Therapist will teach coping skills for anxiety.",
        "I will offer support and encouragement as needed.",
    ],
)
def test_intervention_without_method_or_target_is_generic(text: str) -> None:
    assert codes(text) == {"INT_GENERIC"}


@pytest.mark.parametrize(
    "text",
    [
        "Clinician will use behavioural activation to schedule three valued activities weekly.",
        "Therapist will conduct exposure and response prevention for contamination fears weekly.",
        "Weekly CBT for panic disorder focused on interoceptive exposure.",
        "Clinician will teach the couple a structured problem-solving format for money talks.",
        "therapist wil use behavorial activation to plan 3 activites per week",
        "I will lead weekly ERP sessions targeting checking rituals.",
    ],
)
def test_named_method_or_concrete_procedure_is_not_generic(text: str) -> None:
    assert codes(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Client will practice diaphragmatic breathing twice daily.",
        "Parents will use a reward chart for chores.",
        "I will go for a walk when I feel anxious.",
        "pt will practise mindfullness 10 mins a day",
        "Maria will schedule one pleasant activity each day.",
        "Attend a weekly social skills group at the community centre.",
    ],
)
def test_client_only_intervention_is_flagged_as_a_warning(text: str) -> None:
    findings = audit_statement("intervention", text)
    assert [f.code for f in findings] == ["INT_NOT_CLINICIAN_ACTION"]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].suggestion and findings[0].suggestion.startswith("Clinician will")


def test_client_task_that_is_only_coming_to_therapy_is_also_generic() -> None:
    assert codes("Client will attend therapy weekly.") == {
        "INT_GENERIC",
        "INT_NOT_CLINICIAN_ACTION",
    }


def test_clinician_named_anywhere_makes_it_a_clinician_action() -> None:
    text = "Client will complete a thought record, reviewed by the therapist each session."
    assert "INT_NOT_CLINICIAN_ACTION" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clinician will deliver Skills for Psychological Recovery modules weekly.",
        "Therapist will teach behaviour exchange to both partners weekly.",
        "Clinician will use mentalization-based techniques in weekly sessions.",
        "Clinician will use coping strategy enhancement for distressing voices.",
        "Clinician will support job seeking through individual placement and support.",
        "Clinician will hold separate interviews with each partner to screen for intimate "
        "partner violence.",
        "Clinician will deliver bulimia-focused family therapy weekly.",
        "Clinician will coordinate with the employer on a graded return to work.",
        "Clinician will administer the K10 every 4 weeks.",
        "Clinician will use situational analysis (CBASP) each session.",
        "Clinician will help the client build a hope box.",
        "Clinician will send caring contacts monthly after discharge.",
        "Clinician will use interpersonal therapy techniques for the role transition.",
        "Clinician will provide psychoeducation to the client and her partner on postnatal "
        "depression.",
        "Clinician will write a relapse-prevention plan with the client.",
        "Clinician will deliver integrative behavioural couple therapy weekly.",
        "Clinician will run a parenting programme with the carers weekly.",
    ],
)
def test_named_evidence_based_methods_in_either_spelling_are_not_generic(text: str) -> None:
    assert "INT_GENERIC" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Between sessions, the client will complete the activity log daily.",
        "Each week, the client will record cravings in a diary.",
        "Outside of sessions, client will go for a 20-minute walk daily.",
    ],
)
def test_a_client_task_after_a_lead_in_phrase_is_the_clients_action(text: str) -> None:
    assert codes(text) == {"INT_NOT_CLINICIAN_ACTION"}
