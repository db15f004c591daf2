"""Why each rule has the severity it has: what a real reviewer would do with it.

- **error**: a payer's reviewer, a Medicaid audit tool or a documentation guide cites it as a
  deficiency (the plan can be denied, recouped or written up), or it is a safety gap.
- **warning**: it weakens the plan, or it needs the clinician's judgement; reviewers comment on
  it but do not deny for it alone.
- **info**: style or advice; never blocks readiness.

Sources: the seed article, PRODUCT.md ("What auditors and accreditors actually cite"),
``shared/reference/payer-rules.md`` (Medicare LCD L33632 elements, Joint Commission CTS.03.01.03
and .09, CARF 2.C, state rules), and the calibration sources in ``bench/data/calibration``.
A test checks that every rule in the registry has an entry; docs/audit-rules.md prints it.
"""

from __future__ import annotations

WHY_SEVERITY: dict[str, str] = {
    # Statements
    "GOAL_VAGUE": "Documentation guides and the seed article cite goals whose success no one "
    "can recognise ('feel better', 'address trauma') as a deficiency.",
    "GOAL_SYMPTOM_FOCUSED": "Reviewers accept a symptom end state; functional wording is advice.",
    "GOAL_DISCONNECTED": "Medical necessity requires goals that follow from the diagnosis; a "
    "reviewer asks why the plan treats something the diagnosis does not cover.",
    "OBJ_NOT_MEASURABLE": "CARF 2.C, Medicaid manuals and CMS surveys cite objectives nobody "
    "can observe or count: progress cannot be shown, so continued necessity cannot either.",
    "OBJ_NOT_TIME_BOUND": "Plans are cited for objectives without target dates. In statement "
    "mode (a sentence without its plan) it is a warning, since guides keep the date in a column.",
    "OBJ_NOT_SPECIFIC": "Cited as scripted, cloned language ('use coping skills'): it does not "
    "say what will be done, so the same sentence fits every client.",
    "OBJ_UNREALISTIC": "Reviewers question absolute targets, but the clinician may have reasons; "
    "it needs judgement, not denial.",
    "INT_GENERIC": "'Supportive therapy' and 'process feelings' are the textbook examples of "
    "interventions a reviewer cannot tell are evidence-based.",
    "INT_NOT_CLINICIAN_ACTION": "The plan still says what the client does; the clinician's "
    "method is missing from this line, which weakens but rarely fails a plan.",
    # Necessity
    "PLAN_NO_DIAGNOSIS": "No diagnosis, no medical necessity: a claim fails on its face.",
    "NEC_NO_SYMPTOMS": "Medical necessity is judged on current symptoms; reviewers deny "
    "without them.",
    "NEC_NO_IMPAIRMENT": "Functional impairment is what justifies outpatient care to a payer.",
    "NEC_NO_LEVEL_OF_CARE": "Reviewers check that the level of care is stated and fits.",
    "NEC_NO_LOC_RATIONALE": "A stated level of care without its reason is commented on, "
    "rarely denied.",
    "PLAN_PLACEHOLDER": "A signed plan with '[to complete]' text is visibly unfinished; in a "
    "draft it is work still to do (warning).",
    "PLAN_TOOL_TEXT": "Tool rationale or untouched template text in a signed plan is what "
    "auditors cite as scripted, non-individualised plans; in a draft it is a warning.",
    "PLAN_RISK_UNADDRESSED": "Safety: documented risk with no safety element is both a care "
    "gap and the finding surveyors treat most seriously (Joint Commission NPSG 15.01.01).",
    # Structure
    "PLAN_NO_PROBLEM": "A plan with no problem has nothing for goals to address.",
    "PROB_NO_GOAL": "The problem → goal → objective chain is what reviewers read first.",
    "GOAL_NO_OBJECTIVE": "A goal without objectives cannot be measured or reviewed.",
    "OBJ_NO_INTERVENTION": "Reviewers cite objectives with no stated treatment.",
    "OBJ_NO_CLINICIAN_INTERVENTION": "The service billed is the clinician's; the plan should "
    "say what it is, but the client's tasks are not wrong.",
    "INT_NO_FREQUENCY": "Frequency is a required element in several states (Maryland, Ohio); "
    "often given once for the whole service, so a warning.",
    "INT_DX_MISMATCH": "A protocol for another disorder may be a sign of a template, or of a "
    "diagnosis not yet recorded; the clinician decides.",
    "PLAN_NO_DISCHARGE_CRITERIA": "Joint Commission and Montana rules ask for discharge "
    "criteria; many payers do not deny without them.",
    "PLAN_NO_CLIENT_WORDS": "Accreditors ask for goals in the client's words; style, not denial.",
    "PLAN_NO_STRENGTHS": "Accreditors ask for strengths; style, not denial.",
    "DRAFT_NOT_INDIVIDUALISED": "One unchanged library sentence is advice; many are summarised "
    "by PLAN_TOOL_TEXT at signing.",
    "PLAN_CLONED": "Auditors cite copy-paste plans, but identical standard sentences can be "
    "legitimate; the clinician checks the plans named.",
    # Measures
    "PLAN_NO_MEASURE": "Joint Commission CTS.03.01.09 asks for a standardized instrument whose "
    "data inform the goals; a plan can still be sound without one.",
    "MEASURE_NOT_FOR_DIAGNOSIS": "Another validated measure may be a deliberate choice.",
    "OBJ_MEASURE_MISMATCH": "The objective's status would be computed from the wrong data, and "
    "a reviewer sees a criterion that does not measure what the text promises.",
    # Dates and service
    "PLAN_NO_START_DATE": "Medicare requires the date the plan was established; usually "
    "recoverable from the record, so a warning.",
    "PLAN_LATE_AFTER_INTAKE": "State rules set when a plan is due (Pennsylvania 30 days, "
    "Kansas 45, Texas 10 business days); a late plan is written up, not voided.",
    "REVIEW_MISSING": "Plans not reviewed at the required interval are among the most cited "
    "deficiencies.",
    "REVIEW_OVERDUE": "Services after a missed review can be recouped.",
    "REVIEW_BEYOND_INTERVAL": "A review date past the payer's interval will become overdue.",
    "OBJ_TARGET_PAST": "A target date passed without review means the plan no longer "
    "describes the treatment.",
    "OBJ_TARGET_AFTER_REVIEW": "Fine if reviewed then; a reviewer may ask why.",
    "SVC_INCOMPLETE": "Medicare reviewers check service type, amount, frequency and duration; "
    "often stated elsewhere in the record.",
    # Signatures
    "SIG_MISSING_CLINICIAN": "An unsigned plan is not a plan to a payer (Medicare signature "
    "rules).",
    "SIG_MISSING_CLIENT": "The client's agreement, or the documented reason it could not be "
    "obtained, is required by most states and accreditors.",
    "SIG_MISSING_SUPERVISOR": "Associates' plans need the supervisor's signature where the "
    "license or payer requires it.",
    "PLAN_MINOR_NO_GUARDIAN": "A minor's plan without a guardian's consent lacks informed "
    "consent; states and payers require it.",
    "SIG_UNDATED": "Medicare requires dated signatures.",
    "SIG_FUTURE_DATED": "Likely a typing error; a reviewer would query it.",
    "SIG_NO_CREDENTIALS": "Medicare asks for credentials; usually on file elsewhere.",
}
