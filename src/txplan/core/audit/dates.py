"""Dates, review and service: PLAN_NO_START_DATE, OBJ_TARGET_PAST, OBJ_TARGET_AFTER_REVIEW,
REVIEW_MISSING, REVIEW_OVERDUE, REVIEW_BEYOND_INTERVAL, SVC_INCOMPLETE.

A plan is a living document: objectives are reviewed at their target dates and the whole plan
at the payer's or organisation's interval (``review_interval_days``). ``today`` is always given.
"""

from __future__ import annotations

from datetime import timedelta

from txplan.core.audit.findings import Finding, Severity
from txplan.core.audit.plan_context import PlanContext
from txplan.core.plan import Plan


def check(plan: Plan, pc: PlanContext) -> list[Finding]:
    out: list[Finding] = []
    today = pc.today
    interval = plan.review_interval_days
    if plan.established_on is None:
        out.append(
            Finding(
                "PLAN_NO_START_DATE",
                Severity.WARNING,
                field="established_on",
                explanation=(
                    "The date the plan was established is missing; reviewers check it "
                    "against the first session and the review interval."
                ),
                suggestion=f"Set established_on (e.g. {today.isoformat()}).",
            )
        )
    review = plan.next_review_date
    if review is None:
        proposed = (plan.established_on or today) + timedelta(days=interval)
        out.append(
            Finding(
                "REVIEW_MISSING",
                Severity.ERROR,
                field="next_review_date",
                explanation=(
                    f"No review date is set. Plans must be reviewed at least every "
                    f"{interval} days under this plan's policy, and an unreviewed plan no "
                    "longer shows continued medical necessity."
                ),
                suggestion=f"Set next_review_date to {proposed.isoformat()}.",
            )
        )
    elif review < today:
        days = (today - review).days
        out.append(
            Finding(
                "REVIEW_OVERDUE",
                Severity.ERROR,
                field="next_review_date",
                explanation=(
                    f"The review was due on {review.isoformat()}, {days} day"
                    f"{'s' if days != 1 else ''} ago. Until it is done the plan does not "
                    "document current progress or continued need."
                ),
                suggestion="Review progress on each objective and sign a review version now.",
            )
        )
    elif plan.established_on is not None and review > plan.established_on + timedelta(
        days=interval
    ):
        latest = plan.established_on + timedelta(days=interval)
        out.append(
            Finding(
                "REVIEW_BEYOND_INTERVAL",
                Severity.WARNING,
                field="next_review_date",
                explanation=(
                    f"The next review ({review.isoformat()}) is later than the {interval}-"
                    f"day review interval allows ({latest.isoformat()})."
                ),
                suggestion=f"Set next_review_date to {latest.isoformat()} or earlier.",
            )
        )
    limit = pc.review_date
    for objective in plan.objectives():
        target = objective.target_date or (
            objective.criterion.by_date if objective.criterion else None
        )
        if target is None:
            continue
        if target < today:
            out.append(
                Finding(
                    "OBJ_TARGET_PAST",
                    Severity.ERROR,
                    element_id=objective.id,
                    field="target_date",
                    explanation=(
                        f"The target date {target.isoformat()} has passed. Record whether "
                        "the objective was met and set a new date, or discontinue it."
                    ),
                    suggestion=(
                        f"Set a new target date no later than {limit.isoformat()}."
                        if limit and limit > today
                        else "Review this objective now."
                    ),
                )
            )
        elif limit is not None and limit >= today and target > limit:
            out.append(
                Finding(
                    "OBJ_TARGET_AFTER_REVIEW",
                    Severity.WARNING,
                    element_id=objective.id,
                    field="target_date",
                    explanation=(
                        f"The target date {target.isoformat()} falls after the next review "
                        f"({limit.isoformat()}), so the review cannot judge it."
                    ),
                    suggestion=(
                        f"Move the target date to {limit.isoformat()} or earlier, with an "
                        "interim step if the full change takes longer."
                    ),
                )
            )
    service = plan.service
    missing = [
        name
        for name, value in (
            ("session length", service.session_minutes),
            ("frequency", service.frequency),
            ("expected duration", service.expected_duration_weeks),
        )
        if value is None
    ]
    if missing and plan.problems:
        out.append(
            Finding(
                "SVC_INCOMPLETE",
                Severity.WARNING,
                field="service",
                explanation=(
                    f"The service description lacks {', '.join(missing)}. Reviewers check "
                    "the type, length, frequency and expected duration of treatment."
                ),
                suggestion="e.g. individual psychotherapy, 53 minutes, weekly, for 16 weeks.",
            )
        )
    return out
