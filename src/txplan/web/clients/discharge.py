"""Discharge: the only writers of ``Discharge``, and the summary drafted from the record.

A discharge is drafted (reason, date, and a summary pre-filled from the client's current plan
and recorded measures), edited by the treating clinician, then signed. Signing freezes it,
closes the client's active plans and takes the client off the active caseload; the client
stays searchable and every plan and measure stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from txplan.core.document import PlanDocumentError, parse_plan
from txplan.core.measures import registry
from txplan.core.measures.change import classify_series
from txplan.core.measures.criteria import CriterionStatus, evaluate_criterion
from txplan.web.accounts.models import User
from txplan.web.clients.access import can_write_clinical
from txplan.web.clients.models import Client, Discharge, DischargeReason
from txplan.web.errors import ActionError, NotAllowed, VersionLocked
from txplan.web.measures.queries import points
from txplan.web.plans.models import Plan, PlanVersion, VersionStatus


class Outcome:
    """What became of an objective by discharge, as the clinician judges it."""

    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    DISCONTINUED = "discontinued"
    CHOICES = [
        (MET, "Met"),
        (PARTLY_MET, "Partly met"),
        (NOT_MET, "Not met"),
        (DISCONTINUED, "Discontinued"),
    ]
    VALUES = {value for value, _ in CHOICES}


def active_plans(client: Client) -> QuerySet[Plan]:
    """Plans not closed by a signed discharge, newest first."""
    return client.plans.exclude(discharges__signed_at__isnull=False).order_by("-created_at")


def _version_of(plan: Plan) -> PlanVersion | None:
    """The plan as in force: its latest signed version, else its latest draft."""
    return plan.current_signed_version() or plan.latest_version()


def _objectives(plan: Plan | None, client: Client, on: date) -> list[dict[str, Any]]:
    version = _version_of(plan) if plan else None
    if version is None:
        return []
    try:
        document = parse_plan(version.document)
    except PlanDocumentError:
        return []
    data = points(client)
    out = []
    for problem in document.problems:
        for goal in problem.goals:
            for objective in goal.objectives:
                outcome, evidence = Outcome.NOT_MET, "No measure criterion: judge from the notes."
                if objective.criterion is not None:
                    result = evaluate_criterion(
                        objective.criterion, data, on, target_date=objective.target_date
                    )
                    evidence = result.explanation
                    if result.status == CriterionStatus.MET:
                        outcome = Outcome.MET
                    elif result.status == CriterionStatus.PROGRESSING:
                        outcome = Outcome.PARTLY_MET
                out.append(
                    {
                        "id": objective.id,
                        "goal": goal.text,
                        "text": objective.text,
                        "outcome": outcome,
                        "evidence": evidence,
                    }
                )
    return out


def _scores(client: Client, on: date) -> list[dict[str, Any]]:
    """Per instrument: the first and the final score up to ``on``, with the change between."""
    by_instrument: dict[str, list[Any]] = {}
    for a in client.administrations.filter(administered_on__lte=on).order_by(
        "administered_on", "recorded_at"
    ):
        by_instrument.setdefault(a.instrument, []).append(a)
    out = []
    for instrument, given in by_instrument.items():
        try:
            name = registry.get(instrument).short_name
        except registry.UnknownInstrument:
            name = instrument
        first, last = given[0], given[-1]
        change = (
            classify_series(instrument, [a.total for a in given]).explanation
            if len(given) > 1
            else "One administration only: no change to report."
        )
        out.append(
            {
                "instrument": instrument,
                "name": name,
                "count": len(given),
                "first": first.total,
                "first_on": first.administered_on.isoformat(),
                "last": last.total,
                "last_on": last.administered_on.isoformat(),
                "band": last.band,
                "change": change,
            }
        )
    return out


def _course(client: Client, plan: Plan | None, on: date, objectives: list[dict[str, Any]]) -> str:
    met = sum(1 for o in objectives if o["outcome"] == Outcome.MET)
    seen = f"Seen from intake on {client.intake_date:%B %-d, %Y} to {on:%B %-d, %Y}"
    if plan is None:
        return f"{seen}; no treatment plan was written."
    return (
        f"{seen} under the plan “{plan.title}”. "
        f"{met} of {len(objectives)} objectives met by the measures on record."
    )


def _recommendations(objectives: list[dict[str, Any]], plan: Plan | None) -> str:
    lines = [
        f"Continue work toward: {o['text']}"
        for o in objectives
        if o["outcome"] in (Outcome.NOT_MET, Outcome.PARTLY_MET)
    ]
    if not lines:
        lines = ["Return to services if the symptoms treated here come back."]
    return "\n".join(lines)


def _open(client: Client) -> Discharge | None:
    return client.discharges.filter(signed_at__isnull=True).first()


def _writer(by: User, client: Client) -> None:
    if not can_write_clinical(by, client):
        raise NotAllowed("only the treating clinician writes the discharge summary", field="by")


@transaction.atomic
def draft_discharge(
    *, client: Client, by: User, on: date, reason: str, reason_detail: str = "", today: date
) -> Discharge:
    """Starts a discharge with a summary drafted from the current plan and the measures."""
    _writer(by, client)
    if client.discharged_on is not None:
        raise ActionError(f"already discharged on {client.discharged_on:%b %-d, %Y}", field="on")
    if _open(client) is not None:
        raise ActionError("a discharge is already being drafted; open it", field="on")
    _check(client, on=on, reason=reason, reason_detail=reason_detail, today=today)
    plan = active_plans(client).first()
    objectives = _objectives(plan, client, on)
    return Discharge.objects.create(
        client=client,
        discharged_on=on,
        reason=reason,
        reason_detail=reason_detail.strip(),
        course=_course(client, plan, on, objectives),
        objectives=objectives,
        scores=_scores(client, on),
        recommendations=_recommendations(objectives, plan),
        created_by=by,
    )


def _check(client: Client, *, on: date, reason: str, reason_detail: str, today: date) -> None:
    if reason not in DischargeReason.values:
        raise ActionError("choose a reason for the discharge", field="reason")
    if reason == DischargeReason.OTHER and not reason_detail.strip():
        raise ActionError("say what the reason is", field="reason_detail")
    if on > today:
        raise ActionError("is in the future", field="discharged_on")
    if on < client.intake_date:
        raise ActionError(
            f"is before the intake date ({client.intake_date:%b %-d, %Y})", field="discharged_on"
        )


@dataclass
class SummaryEdit:
    discharged_on: date
    reason: str
    reason_detail: str
    course: str
    recommendations: str
    outcomes: dict[str, str]  # objective id → Outcome value


@transaction.atomic
def save_discharge(*, discharge: Discharge, by: User, edit: SummaryEdit, today: date) -> Discharge:
    current = Discharge.objects.select_for_update().get(pk=discharge.pk)
    if current.is_signed:
        raise VersionLocked("this discharge summary is signed and cannot be changed")
    _writer(by, current.client)
    _check(
        current.client,
        on=edit.discharged_on,
        reason=edit.reason,
        reason_detail=edit.reason_detail,
        today=today,
    )
    if not edit.recommendations.strip():
        raise ActionError("must not be empty", field="recommendations")
    objectives = []
    for item in current.objectives:
        outcome = edit.outcomes.get(item["id"], item["outcome"])
        if outcome not in Outcome.VALUES:
            raise ActionError(f"{outcome!r} is not an outcome", field=f"outcome_{item['id']}")
        objectives.append({**item, "outcome": outcome})
    current.discharged_on = edit.discharged_on
    current.reason = edit.reason
    current.reason_detail = edit.reason_detail.strip()
    current.course = edit.course.strip()
    current.recommendations = edit.recommendations.strip()
    current.objectives = objectives
    if edit.discharged_on != discharge.discharged_on:
        current.scores = _scores(current.client, edit.discharged_on)
    current.save()
    return current


@transaction.atomic
def sign_discharge(*, discharge: Discharge, by: User, at: datetime) -> Discharge:
    """Signs the summary: it freezes, the client's active plans close and the client leaves
    the active caseload. An unsigned draft of a plan is closed with it (it stays readable)."""
    current = Discharge.objects.select_for_update().get(pk=discharge.pk)
    if current.is_signed:
        raise VersionLocked("this discharge summary is already signed")
    client = current.client
    _writer(by, client)
    if not current.recommendations.strip():
        raise ActionError("must not be empty", field="recommendations")
    if current.discharged_on > at.date():
        raise ActionError("is after the signing date", field="discharged_on")
    current.closed_plans.set(list(active_plans(client)))
    current.signed_at = at
    current.signed_by = by
    current.save()
    Client.objects.filter(pk=client.pk).update(discharged_on=current.discharged_on)
    return current


@transaction.atomic
def cancel_discharge(*, discharge: Discharge, by: User) -> None:
    """Drops an unsigned discharge (the client stays in care)."""
    _writer(by, discharge.client)
    if discharge.is_signed:
        raise VersionLocked("a signed discharge summary cannot be withdrawn")
    discharge.delete()


@transaction.atomic
def readmit_client(*, client: Client, by: User, intake_date: date, today: date) -> Client:
    """A discharged client comes back: a new intake date, back on the active caseload. The
    signed discharge and the closed plans stay as history; a new plan starts the episode."""
    from txplan.web.clients.access import can_manage_record

    if not can_manage_record(by, client):
        raise NotAllowed("only the treating clinician or an administrator", field="by")
    current = Client.objects.select_for_update().get(pk=client.pk)
    if current.discharged_on is None:
        raise ActionError("is not discharged", field="client")
    if intake_date > today:
        raise ActionError("is in the future", field="intake_date")
    if intake_date < current.discharged_on:
        raise ActionError(
            f"is before the discharge ({current.discharged_on:%b %-d, %Y})", field="intake_date"
        )
    Client.objects.filter(pk=current.pk).update(intake_date=intake_date, discharged_on=None)
    current.refresh_from_db()
    return current


def has_open_draft_plan(client: Client) -> bool:
    return PlanVersion.objects.filter(
        plan__in=active_plans(client), status=VersionStatus.DRAFT
    ).exists()
