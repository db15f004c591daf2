"""The eight statement rules (and the goal advice): judged on one statement's own words.

Part of the registry (``registry.RULES``); split out so each module stays small.
"""

from __future__ import annotations

from txplan.core.audit.findings import Family as F
from txplan.core.audit.findings import PlanExample as P
from txplan.core.audit.findings import Rule, Scope
from txplan.core.audit.findings import Severity as S
from txplan.core.audit.findings import StatementKind as K

_ST, _PL = Scope.STATEMENT, Scope.PLAN

STATEMENT_RULES: tuple[Rule, ...] = (
    Rule(
        "GOAL_VAGUE",
        S.ERROR,
        F.GOALS,
        _ST,
        "A goal where no one can tell what success looks like: a feeling, an unspecified "
        'improvement or a process ("feel better", "improve relationships", "address '
        'trauma"). A symptom goal with a measurable end state, or one naming the functional '
        "domain it protects, is not vague.",
        "Feel better and improve relationships.",
        "Return to full-time work and see friends at least once a week.",
        kind=K.GOAL,
    ),
    Rule(
        "GOAL_SYMPTOM_FOCUSED",
        S.INFO,
        F.GOALS,
        _PL,
        'Advice on a goal that is acceptable as written: a symptom end state ("PHQ-9 below '
        '10") with no word on what daily life will look like. Functional wording guides '
        "sessions better; reviewers accept either, so this is never an error.",
        P(
            "goal: 'Depressive symptoms in the mild range (PHQ-9 below 10) within 16 weeks.'",
            {
                "problems.0.goals.0.text": (
                    "Depressive symptoms in the mild range (PHQ-9 below 10) within 16 weeks."
                )
            },
        ),
        P("goal: 'Return to full-time work and see friends at least once a week.'"),
    ),
    Rule(
        "GOAL_DISCONNECTED",
        S.ERROR,
        F.GOALS,
        _ST,
        "A goal that targets none of the diagnosis's symptom domains (judged only when the "
        "diagnosis is known).",
        "Lose 20 pounds before summer.",
        "Sleep through most nights without nightmares and ride the bus to work again.",
        kind=K.GOAL,
        diagnosis="F43.10",
    ),
    Rule(
        "OBJ_NOT_MEASURABLE",
        S.ERROR,
        F.OBJECTIVES,
        _ST,
        "An objective with no observable behaviour, count, frequency, score or rating "
        '("understand", "gain insight", "make progress").',
        "Client will gain insight into her depression within 8 weeks.",
        "Client will score 9 or lower on the PHQ-9 on two consecutive administrations within "
        "8 weeks.",
        kind=K.OBJECTIVE,
        diagnosis="F33.1",
    ),
    Rule(
        "OBJ_NOT_TIME_BOUND",
        S.ERROR,
        F.OBJECTIVES,
        _ST,
        "An objective with no timeframe or target date (in plan mode its target_date counts).",
        "Client will walk for 20 minutes on 5 of 7 days.",
        "Client will walk for 20 minutes on 5 of 7 days by session 8.",
        kind=K.OBJECTIVE,
    ),
    Rule(
        "OBJ_NOT_SPECIFIC",
        S.ERROR,
        F.OBJECTIVES,
        _ST,
        'Measurable in form but naming no specific skill, behaviour or situation ("use '
        'coping skills", "identify triggers and develop strategies").',
        "Client will use coping skills 3 times per week within 8 weeks.",
        "Client will use slow diaphragmatic breathing at the first sign of panic on 3 of 4 "
        "recorded episodes within 8 weeks.",
        kind=K.OBJECTIVE,
    ),
    Rule(
        "OBJ_UNREALISTIC",
        S.WARNING,
        F.OBJECTIVES,
        _ST,
        'An absolute or implausible target ("never", "always", "100%", "no anxiety at '
        'all", a very large change in a very short time).',
        "Client will never have another panic attack within 4 weeks.",
        "Client will have 1 or fewer panic attacks per week, per panic log, within 10 weeks.",
        kind=K.OBJECTIVE,
    ),
    Rule(
        "INT_GENERIC",
        S.ERROR,
        F.INTERVENTIONS,
        _ST,
        'An intervention that names no method or target ("supportive therapy", "process '
        'feelings", "talk therapy", "provide support").',
        "Therapist will provide supportive therapy to process feelings.",
        "Therapist will use cognitive restructuring with thought records to challenge the "
        "client's beliefs of worthlessness, weekly.",
        kind=K.INTERVENTION,
    ),
    Rule(
        "INT_NOT_CLINICIAN_ACTION",
        S.WARNING,
        F.INTERVENTIONS,
        _ST,
        "An intervention that describes only what the client does, with no clinician method.",
        "Client will practice deep breathing twice daily.",
        "Clinician will teach diaphragmatic breathing and rehearse it in weekly sessions; "
        "client will practise it twice daily.",
        kind=K.INTERVENTION,
    ),
)
