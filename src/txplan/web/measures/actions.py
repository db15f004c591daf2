"""The only writer of administrations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from txplan.core.measures import registry
from txplan.core.measures.scoring import Score, ScoringError, score_items, score_total
from txplan.web.accounts.models import User
from txplan.web.clients.access import can_write_clinical
from txplan.web.clients.models import Client
from txplan.web.errors import ActionError, NotAllowed
from txplan.web.measures.models import Administration


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
) -> Administration:
    """Scores and stores one administration, from item answers or from a total alone.

    The score, band and risk flags are computed here, by the published scoring rules in
    ``txplan.core.measures``, and kept with the record.
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
    score = _score(instrument, answers, total)
    return Administration.objects.create(
        client=client,
        instrument=instrument,
        administered_on=on,
        answers=list(answers) if answers is not None else None,
        total=score.total,
        band=score.band_label or "",
        flags=[
            {"item": f.item, "code": f.code, "message": f.message, "severity": f.severity.value}
            for f in score.flags
        ],
        recorded_by=by,
    )


def _score(instrument: str, answers: Sequence[float | None] | None, total: float | None) -> Score:
    try:
        if answers is not None:
            return score_items(instrument, answers)
        assert total is not None
        return score_total(instrument, total)
    except ScoringError as exc:
        field = f"item {exc.item}" if exc.item else ("answers" if answers is not None else "total")
        raise ActionError(str(exc), field=field) from None
