"""The only writers of clients and their diagnoses."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from txplan.core import icd10
from txplan.web.accounts.models import Practice, User
from txplan.web.clients.models import Client, ClientDiagnosis
from txplan.web.errors import ActionError


@transaction.atomic
def create_client(
    *,
    practice: Practice,
    clinician: User,
    first_name: str,
    last_name: str,
    date_of_birth: date | None = None,
    record_number: str = "",
    payer: str = "",
    review_days: int | None = None,
) -> Client:
    if clinician.practice_id != practice.pk:
        raise ActionError("must work in the client's practice", field="clinician")
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if not value.strip():
            raise ActionError("must not be empty", field=field)
    if review_days is not None and not 7 <= review_days <= 365:
        raise ActionError("must be between 7 and 365 days", field="review_days")
    if (
        record_number
        and Client.objects.filter(practice=practice, record_number=record_number).exists()
    ):
        raise ActionError(f"{record_number!r} is already used", field="record_number")
    return Client.objects.create(
        practice=practice,
        clinician=clinician,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        record_number=record_number,
        payer=payer,
        review_days=review_days,
    )


@transaction.atomic
def add_diagnosis(*, client: Client, code: str, primary: bool = False) -> ClientDiagnosis:
    """Adds a billable ICD-10-CM code; a category or unknown code is refused with suggestions."""
    try:
        found = icd10.lookup(code)
    except icd10.IcdError as exc:
        raise ActionError(str(exc), field="code") from None
    if client.diagnoses.filter(code=found.code).exists():
        raise ActionError(f"{found.code} is already on this client", field="code")
    if primary:
        client.diagnoses.filter(primary=True).update(primary=False)
    return ClientDiagnosis.objects.create(
        client=client, code=found.code, description=found.description, primary=primary
    )
