"""Speed of the audit: statements per second (one core) and p50/p99 for a whole plan.

    python bench/bench_audit.py [--seconds 3]

Targets (issue 3): at least 20,000 statements/s; a 4-problem plan in at most 2 ms p50.
The statement mix is bench/data/audit_dev.jsonl (goals, objectives, interventions, with and
without diagnosis). The plan is built here: 4 problems, 8 goals, 16 objectives, 32
interventions, signatures and dates — a realistic full outpatient plan.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from txplan.core.audit import audit_plan, audit_statement  # noqa: E402
from txplan.core.document import parse_plan  # noqa: E402

TODAY = date(2026, 3, 1)

_AREAS = [
    (
        "Depressed mood and withdrawal",
        [
            "Return to full-time work and see friends at least once a week.",
            "Get out of bed, shower and dress by 9 am and keep up with household tasks.",
        ],
        [
            "Client will score 9 or lower on the PHQ-9 on two consecutive administrations.",
            "Client will complete three scheduled pleasant activities per week, per activity log.",
        ],
        [
            "Clinician will use behavioural activation to schedule three valued activities per "
            "week, reviewing the activity log each session.",
            "Client will record mood and activities daily in an activity log.",
        ],
    ),
    (
        "Worry that disrupts sleep and work",
        [
            "Handle work deadlines without hours of worry each evening.",
            "Fall asleep within 30 minutes on most nights.",
        ],
        [
            "Client will score 9 or lower on the GAD-7 by the 60-day review.",
            "Client will keep worry to one scheduled 15-minute period on 5 of 7 days.",
        ],
        [
            "Therapist will teach worry postponement and cognitive restructuring of catastrophic "
            "predictions, reviewing the worry log weekly.",
            "Client will write worries in a worry log each evening.",
        ],
    ),
    (
        "Panic attacks and avoidance of driving",
        [
            "Drive to work and shop for groceries alone without leaving because of panic.",
            "Use the bus to visit family on weekends.",
        ],
        [
            "Panic attacks will decrease from 4 per week to 1 or fewer per week, per panic log.",
            "Client will drive on the highway for 20 minutes with SUDS at 30 or below.",
        ],
        [
            "Clinician will conduct interoceptive exposure and graded in vivo driving exposure "
            "along a fear hierarchy in weekly sessions.",
            "Client will practise one exposure from the hierarchy on 4 days a week.",
        ],
    ),
    (
        "Alcohol use that threatens employment",
        ["Stay sober and keep his job.", "Rebuild trust with his partner by keeping promises."],
        [
            "Client will be abstinent on at least 27 of 30 days, per daily use log.",
            "Client's AUDIT-C score will be 3 or lower.",
        ],
        [
            "Therapist will use motivational interviewing and build a written relapse prevention "
            "plan covering high-risk situations, weekly.",
            "Client will attend two mutual-help meetings per week.",
        ],
    ),
]


def build_plan() -> dict:
    problems = []
    for p, (title, goals, objectives, interventions) in enumerate(_AREAS):
        goal_items = []
        for g, goal in enumerate(goals):
            objective_items = []
            for o, objective in enumerate(objectives):
                objective_items.append(
                    {
                        "id": f"obj-{p}-{g}-{o}",
                        "text": objective,
                        "target_date": "2026-04-20",
                        "interventions": [
                            {
                                "id": f"int-{p}-{g}-{o}-{i}",
                                "text": text,
                                "frequency": "weekly",
                                "actor": "clinician" if i == 0 else "client",
                            }
                            for i, text in enumerate(interventions)
                        ],
                    }
                )
            goal_items.append({"id": f"goal-{p}-{g}", "text": goal, "objectives": objective_items})
        problems.append({"id": f"prob-{p}", "title": title, "goals": goal_items})
    return {
        "diagnoses": [
            {"code": "F33.1", "primary": True},
            {"code": "F41.1"},
            {"code": "F41.0"},
            {"code": "F10.20"},
        ],
        "medical_necessity": {
            "symptoms": ["Low mood most days"],
            "impairments": [
                {"domain": "work_school", "description": "Missed 6 workdays last month"}
            ],
            "level_of_care": "outpatient",
            "level_of_care_rationale": "Safe at home.",
        },
        "strengths": ["Supportive sister"],
        "client_words": "I want my life back.",
        "problems": problems,
        "service": {
            "type": "individual",
            "session_minutes": 53,
            "frequency": "weekly",
            "expected_duration_weeks": 16,
        },
        "established_on": "2026-02-01",
        "next_review_date": "2026-05-01",
        "discharge_criteria": ["PHQ-9 below 10 twice."],
        "signatures": [
            {
                "role": "clinician",
                "name": "A. Clinician",
                "credentials": "LCSW",
                "signed_at": "2026-02-01T10:00:00+00:00",
                "method": "password",
            },
            {
                "role": "client",
                "name": "A. Client",
                "signed_at": "2026-02-01T10:05:00+00:00",
                "method": "drawn",
            },
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    rows = [
        json.loads(line)
        for line in (ROOT / "bench" / "data" / "audit_dev.jsonl").read_text().splitlines()
        if line
    ]
    work = [(r["kind"], r["text"], r.get("diagnosis")) for r in rows]
    for kind, text, diagnosis in work:  # warm the per-diagnosis context cache
        audit_statement(kind, text, diagnosis)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for kind, text, diagnosis in work:
            audit_statement(kind, text, diagnosis)
        count += len(work)
    elapsed = time.perf_counter() - start
    print(
        f"statements: {count / elapsed:,.0f} per second ({count} statements, "
        f"{elapsed:.1f} s, one core)"
    )

    plan = parse_plan(build_plan())
    statements = sum(1 + len(g.objectives) * 3 for p in plan.problems for g in p.goals)
    audit_plan(plan, TODAY)
    times = []
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        t0 = time.perf_counter()
        audit_plan(plan, TODAY)
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"plan ({len(plan.problems)} problems, {statements} statements): p50 {p50:.3f} ms, "
        f"p99 {p99:.3f} ms over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
