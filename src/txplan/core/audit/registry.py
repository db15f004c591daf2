"""RULES: every audit rule, with its code, severity, summary and a flawed and a fixed example.

The registry is the documentation: docs/audit-rules.md is generated from it (docs.py), and a
test checks that each flawed example triggers its rule and each fixed example does not.
"""

from __future__ import annotations

from txplan.core.audit import examples_facts as X
from txplan.core.audit.examples import INTERVENTION, OBJECTIVE
from txplan.core.audit.findings import Family as F
from txplan.core.audit.findings import PlanExample as P
from txplan.core.audit.findings import Rule, Scope
from txplan.core.audit.findings import Severity as S
from txplan.core.audit.rules_statements import STATEMENT_RULES

_ST, _PL = Scope.STATEMENT, Scope.PLAN
_SIG_CLIN = {
    "role": "clinician",
    "name": "Dana Reyes",
    "credentials": "LCSW",
    "signed_at": "2026-02-01T10:00:00+00:00",
    "method": "password",
}
_SIG_CLIENT = {
    "role": "client",
    "name": "Sam Example",
    "signed_at": "2026-02-01T10:05:00+00:00",
    "method": "drawn",
}
_SIG_SUP = {
    "role": "supervisor",
    "name": "Lee Park",
    "credentials": "LPC-S",
    "signed_at": "2026-02-02T09:00:00+00:00",
    "method": "password",
}
_NO_PHQ = {
    f"{OBJECTIVE}.criterion": None,
    f"{OBJECTIVE}.text": "Client will work at least 4 of 5 scheduled days each week.",
}

RULES: tuple[Rule, ...] = (
    *STATEMENT_RULES,
    # Diagnosis and medical necessity ---------------------------------------------------------
    Rule(
        "PLAN_NO_DIAGNOSIS",
        S.ERROR,
        F.NECESSITY,
        _PL,
        "The plan has no diagnosis.",
        P("no diagnoses listed", {"diagnoses": []}),
        P("diagnosis F33.1 (primary)"),
    ),
    Rule(
        "NEC_NO_SYMPTOMS",
        S.ERROR,
        F.NECESSITY,
        _PL,
        "Medical necessity lists no current symptoms.",
        P("medical_necessity.symptoms is empty", {"medical_necessity.symptoms": []}),
        P("symptoms: 'Low mood most days for 3 months', 'PHQ-9 of 17 at intake'"),
    ),
    Rule(
        "NEC_NO_IMPAIRMENT",
        S.ERROR,
        F.NECESSITY,
        _PL,
        "Medical necessity lists no functional impairment.",
        P("medical_necessity.impairments is empty", {"medical_necessity.impairments": []}),
        P("impairment (work/school): 'Missed 6 workdays in the last month'"),
    ),
    Rule(
        "NEC_NO_LEVEL_OF_CARE",
        S.ERROR,
        F.NECESSITY,
        _PL,
        "No level of care is stated.",
        P("level_of_care unset", {"medical_necessity.level_of_care": None}),
        P("level_of_care: outpatient, with a rationale"),
    ),
    Rule(
        "NEC_NO_LOC_RATIONALE",
        S.WARNING,
        F.NECESSITY,
        _PL,
        "A level of care without the reason it fits.",
        P("outpatient, rationale empty", {"medical_necessity.level_of_care_rationale": ""}),
        P("rationale: 'Safe, supported at home, able to attend weekly sessions.'"),
    ),
    Rule(
        "PLAN_PLACEHOLDER",
        S.ERROR,
        F.NECESSITY,
        _PL,
        "Text still holds a placeholder for the clinician to complete (a warning in a draft).",
        P(
            "rationale: '[Clinician to complete: why this level of care]'",
            {
                "medical_necessity.level_of_care_rationale": (
                    "[Clinician to complete: why this level of care]"
                )
            },
        ),
        P("rationale: 'Safe, supported at home, able to attend weekly sessions.'"),
    ),
    # Structure -------------------------------------------------------------------------------
    Rule(
        "PLAN_NO_PROBLEM",
        S.ERROR,
        F.STRUCTURE,
        _PL,
        "The plan lists no problem.",
        P("problems is empty", {"problems": []}),
        P("one problem with a goal"),
    ),
    Rule(
        "PROB_NO_GOAL",
        S.ERROR,
        F.STRUCTURE,
        _PL,
        "A problem with no goal.",
        P("problem with goals: []", {"problems.0.goals": []}),
        P("problem with one goal"),
    ),
    Rule(
        "GOAL_NO_OBJECTIVE",
        S.ERROR,
        F.STRUCTURE,
        _PL,
        "A goal with no objective.",
        P("goal with objectives: []", {"problems.0.goals.0.objectives": []}),
        P("goal with one SMART objective"),
    ),
    Rule(
        "OBJ_NO_INTERVENTION",
        S.ERROR,
        F.STRUCTURE,
        _PL,
        "An objective with no intervention.",
        P("objective with interventions: []", {f"{OBJECTIVE}.interventions": []}),
        P("objective with a clinician intervention"),
    ),
    Rule(
        "OBJ_NO_CLINICIAN_INTERVENTION",
        S.WARNING,
        F.STRUCTURE,
        _PL,
        "An objective whose interventions are all the client's own tasks.",
        P("both interventions have actor: client", {f"{INTERVENTION}.actor": "client"}),
        P("one clinician intervention and one client task"),
    ),
    Rule(
        "INT_NO_FREQUENCY",
        S.WARNING,
        F.STRUCTURE,
        _PL,
        "An intervention with no frequency (neither the field nor in its text).",
        P(
            "frequency unset, text without one",
            {
                f"{INTERVENTION}.frequency": None,
                f"{INTERVENTION}.text": "Clinician will use behavioural activation to schedule "
                "valued activities.",
            },
        ),
        P("frequency: weekly"),
    ),
    Rule(
        "PLAN_NO_DISCHARGE_CRITERIA",
        S.WARNING,
        F.STRUCTURE,
        _PL,
        "Nothing says when treatment can end or step down.",
        P("discharge_criteria is empty", {"discharge_criteria": []}),
        P("'PHQ-9 below 10 twice, and working full time for 4 weeks.'"),
    ),
    Rule(
        "PLAN_NO_CLIENT_WORDS",
        S.INFO,
        F.STRUCTURE,
        _PL,
        "The client's own words appear nowhere in the plan.",
        P(
            "every client_words field empty",
            {"client_words": "", "problems.0.goals.0.client_words": ""},
        ),
        P("goal client_words: 'Get back to work and see my friends.'"),
    ),
    Rule(
        "PLAN_NO_STRENGTHS",
        S.INFO,
        F.STRUCTURE,
        _PL,
        "No strengths are listed.",
        P("strengths is empty", {"strengths": []}),
        P("strengths: 'Close sister', …"),
    ),
    Rule(
        "DRAFT_NOT_INDIVIDUALISED",
        S.INFO,
        F.STRUCTURE,
        _PL,
        "A drafted statement still word for word the library's text.",
        P(
            "goal origin.library_text equals its text",
            {
                "problems.0.goals.0.origin": {
                    "library_id": "depression.g1",
                    "library_text": "Return to full-time work and weekly time with friends.",
                }
            },
        ),
        P(
            "goal edited after drafting",
            {
                "problems.0.goals.0.origin": {
                    "library_id": "depression.g1",
                    "library_text": "Return to work and to valued activities.",
                }
            },
        ),
    ),
    # Measures --------------------------------------------------------------------------------
    Rule(
        "PLAN_NO_MEASURE",
        S.WARNING,
        F.MEASURES,
        _PL,
        "No standardized measure in the plan although the diagnosis has one (PHQ-9 for "
        "depressive disorders, GAD-7 anxiety, PCL-5 PTSD, AUDIT-C alcohol …).",
        P("F33.1 plan whose only objective counts workdays", _NO_PHQ),
        P("objective criterion: PHQ-9 <= 9 on 2 consecutive administrations"),
    ),
    Rule(
        "MEASURE_NOT_FOR_DIAGNOSIS",
        S.INFO,
        F.MEASURES,
        _PL,
        "The plan uses a measure, but not the one the diagnosis calls for.",
        P(
            "F33.1 plan measured only with the GAD-7",
            {
                f"{OBJECTIVE}.criterion.measure": "gad7",
                f"{OBJECTIVE}.text": "Client will score 9 or lower on the GAD-7.",
            },
        ),
        P("F33.1 plan measured with the PHQ-9"),
    ),
    # Dates, review and service ---------------------------------------------------------------
    Rule(
        "PLAN_NO_START_DATE",
        S.WARNING,
        F.DATES,
        _PL,
        "The plan has no established_on date.",
        P("established_on unset", {"established_on": None}),
        P("established_on: 2026-02-01"),
    ),
    Rule(
        "REVIEW_MISSING",
        S.ERROR,
        F.DATES,
        _PL,
        "No next review date.",
        P("next_review_date unset", {"next_review_date": None}),
        P("next_review_date: 2026-05-01"),
    ),
    Rule(
        "REVIEW_OVERDUE",
        S.ERROR,
        F.DATES,
        _PL,
        "The review date has passed (given today).",
        P(
            "next_review_date 2026-02-20, today 2026-03-01",
            {"next_review_date": "2026-02-20", f"{OBJECTIVE}.target_date": "2026-03-10"},
        ),
        P("next_review_date 2026-05-01, today 2026-03-01"),
    ),
    Rule(
        "REVIEW_BEYOND_INTERVAL",
        S.WARNING,
        F.DATES,
        _PL,
        "The next review is later than the review interval allows.",
        P(
            "established 2026-02-01, 90-day interval, review 2026-06-30",
            {"next_review_date": "2026-06-30"},
        ),
        P("review 2026-05-01, inside the 90-day interval"),
    ),
    Rule(
        "OBJ_TARGET_PAST",
        S.ERROR,
        F.DATES,
        _PL,
        "An objective's target date has passed without review.",
        P("target_date 2026-02-15, today 2026-03-01", {f"{OBJECTIVE}.target_date": "2026-02-15"}),
        P("target_date 2026-04-15"),
    ),
    Rule(
        "OBJ_TARGET_AFTER_REVIEW",
        S.WARNING,
        F.DATES,
        _PL,
        "An objective's target date falls after the next review.",
        P("target_date 2026-06-15, review 2026-05-01", {f"{OBJECTIVE}.target_date": "2026-06-15"}),
        P("target_date 2026-04-15, review 2026-05-01"),
    ),
    Rule(
        "SVC_INCOMPLETE",
        S.WARNING,
        F.DATES,
        _PL,
        "The service lacks session length, frequency or expected duration.",
        P("service.frequency unset", {"service.frequency": None}),
        P("individual, 53 minutes, weekly, 16 weeks"),
    ),
    # Signatures ------------------------------------------------------------------------------
    Rule(
        "SIG_MISSING_CLINICIAN",
        S.ERROR,
        F.SIGNATURES,
        _PL,
        "The treating clinician has not signed (info on a draft: audit_plan(..., draft=True)).",
        P("client and supervisor signatures only", {"signatures": [_SIG_CLIENT, _SIG_SUP]}),
        P("clinician, client and supervisor signed"),
    ),
    Rule(
        "SIG_MISSING_CLIENT",
        S.ERROR,
        F.SIGNATURES,
        _PL,
        "Neither client nor guardian signed, and no reason is documented (info on a draft).",
        P("clinician and supervisor signatures only", {"signatures": [_SIG_CLIN, _SIG_SUP]}),
        P("client signed (or method: unable, with the reason)"),
    ),
    Rule(
        "SIG_MISSING_SUPERVISOR",
        S.ERROR,
        F.SIGNATURES,
        _PL,
        "An associate's plan without the supervisor's co-signature (audit_plan(..., "
        "requires_cosignature=True); info on a draft).",
        P(
            "associate's plan, clinician and client signed",
            {"signatures": [_SIG_CLIN, _SIG_CLIENT]},
            requires_cosignature=True,
        ),
        P("associate's plan co-signed by the supervisor", requires_cosignature=True),
    ),
    Rule(
        "SIG_UNDATED",
        S.ERROR,
        F.SIGNATURES,
        _PL,
        "A signature without a date.",
        P("client signature with signed_at unset", {"signatures.1.signed_at": None}),
        P("every signature dated"),
    ),
    Rule(
        "SIG_FUTURE_DATED",
        S.WARNING,
        F.SIGNATURES,
        _PL,
        "A signature dated after today.",
        P(
            "clinician signed_at 2026-03-05, today 2026-03-01",
            {"signatures.0.signed_at": "2026-03-05T10:00:00+00:00"},
        ),
        P("clinician signed_at 2026-02-01"),
    ),
    Rule(
        "SIG_NO_CREDENTIALS",
        S.WARNING,
        F.SIGNATURES,
        _PL,
        "A clinician or supervisor signature without credentials.",
        P("clinician credentials empty", {"signatures.0.credentials": ""}),
        P("clinician credentials: LCSW"),
    ),
    # Risk, fit, template text and the client record (PlanFacts) ------------------------------
    # Severity, thresholds and the reasons for them are in each rule's module docstring.
    Rule(
        "PLAN_RISK_UNADDRESSED",
        S.ERROR,  # safety.py: documented risk with no plan to manage it is cited first
        F.NECESSITY,
        _PL,
        "Risk to self or others in the presenting problem or medical necessity, or a measure's "
        "risk flag (PHQ-9 item 9, EPDS item 10 via facts), with no safety problem or safety "
        "plan; harm to others needs a harm-to-others safety element.",
        P("symptom 'Passive suicidal ideation most nights', no safety element", X.RISK_SYMPTOMS),
        P("the same symptom, and a written safety plan in the plan", X.RISK_WITH_SAFETY_PLAN),
    ),
    Rule(
        "OBJ_MEASURE_MISMATCH",
        S.ERROR,  # measure_match.py: the record says two things about what is counted
        F.MEASURES,
        _PL,
        "An objective's text and its measure criterion disagree: the text names another "
        "instrument, or counts a behaviour the criterion's questionnaire does not (a warning "
        "when the text names a measure and there is no criterion).",
        P(
            "'Client will say hello to 2 coworkers each day.' with a PHQ-9 criterion",
            {f"{OBJECTIVE}.text": "Client will say hello to 2 coworkers each day."},
        ),
        P("'… score 9 or lower on the PHQ-9 …' with a PHQ-9 criterion"),
    ),
    Rule(
        "INT_DX_MISMATCH",
        S.WARNING,  # method_fit.py: may fit an uncoded presentation; needs judgement
        F.INTERVENTIONS,
        _PL,
        "An intervention whose method belongs to a disorder the plan has no diagnosis or "
        "problem for (ERP without OCD, CPT/PE/EMDR without trauma, CBT-I without a sleep "
        "problem, MOUD without opioid use, PCIT without a child behaviour problem …).",
        P("ERP for checking rituals on a plan diagnosed only F33.1", X.ERP),
        P("the same ERP intervention with F42.2 also diagnosed", X.ERP_WITH_OCD),
    ),
    Rule(
        "PLAN_MINOR_NO_GUARDIAN",
        S.ERROR,  # client_facts.py: info on a draft, like the missing signatures
        F.SIGNATURES,
        _PL,
        "A client under 18 on the plan's date (date of birth via facts) with no guardian "
        "signature and no documented guardian consent (info on a draft).",
        P("client born 2012-06-01, client signed, no guardian", facts=X.MINOR),
        P("client born 2012-06-01, guardian signed", X.GUARDIAN_SIGNED, facts=X.MINOR),
    ),
    Rule(
        "PLAN_LATE_AFTER_INTAKE",
        S.WARNING,  # client_facts.py: cited, but the plan's content cannot fix it
        F.DATES,
        _PL,
        "The plan was established more than N days after intake (facts: intake_date, "
        "plan_due_days, default 30, per practice or payer).",
        P("intake 2025-12-01, established 2026-02-01 (62 days)", facts=X.LATE_INTAKE),
        P("intake 2026-01-15, established 2026-02-01 (17 days)", facts=X.TIMELY_INTAKE),
    ),
    Rule(
        "PLAN_TOOL_TEXT",
        S.ERROR,  # tool_text.py: a warning in a draft; the library summary is a warning
        F.STRUCTURE,
        _PL,
        "Drafting-tool or template text left in the plan: the drafter's rationale ('Why this "
        "area: …'), bracketed prompts PLAN_PLACEHOLDER does not report, or (one summary "
        "warning) mostly unchanged generic library text (a warning in a draft).",
        P("problem description ends 'Why this area: … is among the codes of …'", X.TOOL_TEXT),
        P("problem description with the client's situation only", X.NO_TOOL_TEXT),
    ),
    Rule(
        "PLAN_CLONED",
        S.WARNING,  # clones.py: shared wording can be legitimate; needs judgement
        F.STRUCTURE,
        _PL,
        "At least half of the plan's goal, objective and intervention statements (and at "
        "least 3) appear word for word in other clients' plans in the practice (web app; "
        "facts.other_plans_statements).",
        P("3 of 4 statements also in another client's plan", facts=X.CLONED),
        P("1 of 4 statements shared", facts=X.ONE_SHARED),
    ),
)

RULE_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
CODES = frozenset(RULE_BY_CODE)
assert len(RULE_BY_CODE) == len(RULES), "duplicate rule code"
