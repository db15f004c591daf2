"""The only writer of administrations and of risk flags and their assessments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from txplan.core.measures import registry
from txplan.core.measures.scoring import Score, ScoringError, score_items, score_total
from txplan.web.accounts.models import User
from txplan.web.clients.access import can_write_clinical
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.measures.models import Administration, RiskFlag, RiskOutcome


def client_sex(client: Client) -> str | None:
    """ "female" or "male" from the client record, else None: unknown, "x", or a record from
    before the field existed. None makes the scorer use the documented default cut-off and say
    so (docs/instruments.md, "Cut-offs that depend on sex")."""
    sex = getattr(client, "sex", None)
    return sex if sex in ("female", "male") else None


@transaction.atomic
def record_administration(
    *,
    client: Client,
    by: User,
    instrument: str,
    on: date,
    today: date,
    answers: Sequence[float | None] | None = None,
    total: float | None = None,
    keyed: bool = False,
) -> Administration:
    """Scores and stores one administration, from item answers or from a total alone.

    ``keyed=False``: the answers are responses (options chosen on the form); ``keyed=True``:
    item scores already keyed. The score, band and risk flags are computed here, by the
    published scoring rules in ``txplan.core.measures``, and kept with the record; each risk
    flag also opens a ``RiskFlag`` that stays open until a risk assessment is recorded.
    """
    if not can_write_clinical(by, client):
        raise NotAllowed("only the client's treating clinician records measures", field="by")
    try:
        registry.get(instrument)
    except registry.UnknownInstrument as exc:
        raise ActionError(str(exc), field="instrument") from None
    if on > today:
        raise ActionError("cannot be in the future", field="administered_on")
    if client.date_of_birth and on < client.date_of_birth:
        raise ActionError("is before the client's date of birth", field="administered_on")
    if answers is None and total is None:
        raise ActionError("enter the total score, or the answer to each item", field="total")
    if answers is not None and total is not None:
        raise ActionError("give either the item answers or the total, not both", field="answers")
    score = _score(instrument, answers, total, keyed, client_sex(client))
    administration = Administration.objects.create(
        client=client,
        instrument=instrument,
        administered_on=on,
        answers=list(answers) if answers is not None else None,
        entered_as=score.entered_as,
        item_scores=score.item_scores,
        total=score.total,
        band=score.band_label or "",
        flags=[
            {"item": f.item, "code": f.code, "message": f.message, "severity": f.severity.value}
            for f in score.flags
        ],
        recorded_by=by,
    )
    for f in score.flags:
        if f.severity.value == "risk":
            RiskFlag.objects.create(
                client=client,
                administration=administration,
                instrument=instrument,
                item=f.item,
                code=f.code,
                message=f.message,
                raised_on=on,
            )
    return administration


def _score(
    instrument: str,
    answers: Sequence[float | None] | None,
    total: float | None,
    keyed: bool,
    sex: str | None,
) -> Score:
    try:
        if answers is not None:
            return score_items(instrument, answers, keyed=keyed, sex=sex)
        assert total is not None
        return score_total(instrument, total, sex=sex)
    except ScoringError as exc:
        # The message names the item(s) itself ("items 2, 5 and 9: missing; …"), so the field
        # is not prefixed again (no "item 2: item 2: …").
        if exc.item is not None:
            raise ActionError(exc.detail, field=f"item {exc.item}") from None
        raise ActionError(str(exc)) from None


@transaction.atomic
def record_risk_assessment(
    *,
    flag: RiskFlag,
    by: User,
    on: date,
    today: date,
    outcome: str,
    safety_plan_reviewed: bool,
    note: str = "",
) -> RiskFlag:
    """Close a risk flag with the clinician's risk assessment, kept with the flag.

    The caller checks that ``by`` is the client's treating clinician.
    """
    flag = RiskFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise ActionError(
            f"was already recorded on {flag.assessed_on.isoformat()}", field="assessment"
        )
    if on > today:
        raise ActionError("cannot be in the future", field="assessed_on")
    if on < flag.raised_on:
        raise ActionError(
            f"is before the flag was raised ({flag.raised_on.isoformat()})", field="assessed_on"
        )
    if outcome not in RiskOutcome.values:
        raise ActionError(f"choose one of: {', '.join(RiskOutcome.labels)}", field="outcome")
    flag.assessed_by = by
    flag.assessed_on = on
    flag.outcome = outcome
    flag.safety_plan_reviewed = safety_plan_reviewed
    flag.assessment_note = note.strip()
    flag.assessment_recorded_at = timezone.now()
    flag.save()
    return flag
