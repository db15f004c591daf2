"""The only writers of clients, their diagnoses and the practice's payers.

Keyword-only, atomic, preconditions checked; a failure raises ``ActionError`` naming the
field, so the form shows it beside the input. Discharges are in ``discharge.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from txplan.core import icd10
from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients.models import Client, ClientDiagnosis, Payer, Sex
from txplan.web.errors import ActionError, NotAllowed


@dataclass
class ClientDetails:
    """What intake records about a client besides who treats them."""

    first_name: str
    last_name: str
    preferred_name: str = ""
    pronouns: str = ""
    sex: str = Sex.UNKNOWN
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    record_number: str = ""
    intake_date: date | None = None  # None: today
    payer: Payer | None = None
    review_days: int | None = None
    guardian_name: str = ""
    guardian_relationship: str = ""
    guardian_phone: str = ""
    guardian_email: str = ""


def _clean(details: ClientDetails, *, practice: Practice, client: Client | None) -> ClientDetails:
    today = timezone.localdate()
    for name in ("first_name", "last_name"):
        if not getattr(details, name).strip():
            raise ActionError("must not be empty", field=name)
    for f in fields(details):
        value = getattr(details, f.name)
        if isinstance(value, str):
            setattr(details, f.name, value.strip())
    if details.sex not in Sex.values:
        raise ActionError(f"must be one of {', '.join(Sex.values)}", field="sex")
    for name in ("email", "guardian_email"):
        value = getattr(details, name)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                raise ActionError(f"{value!r} is not an email address", field=name) from None
    born = details.date_of_birth
    if born is not None and born > today:
        raise ActionError("is in the future", field="date_of_birth")
    if born is not None and born.year < today.year - 120:
        raise ActionError("is more than 120 years ago", field="date_of_birth")
    intake = details.intake_date or today
    if intake > today:
        raise ActionError("is in the future", field="intake_date")
    if born is not None and intake < born:
        raise ActionError("is before the date of birth", field="intake_date")
    details.intake_date = intake
    # A minor without a guardian on record is allowed here (a referral may come before the
    # family's details); the intake form and the CLI ask for one, and the client page warns.
    if details.guardian_name and not (details.guardian_phone or details.guardian_email):
        raise ActionError(
            "give a phone number or an email for the guardian", field="guardian_phone"
        )
    if details.payer is not None and details.payer.practice_id != practice.pk:
        raise ActionError("is not one of this practice's payers", field="payer")
    if details.review_days is not None and not 7 <= details.review_days <= 365:
        raise ActionError("must be between 7 and 365 days", field="review_days")
    if details.record_number:
        taken = Client.objects.filter(practice=practice, record_number=details.record_number)
        if client is not None:
            taken = taken.exclude(pk=client.pk)
        if taken.exists():
            raise ActionError(
                f"{details.record_number!r} is already used by another client",
                field="record_number",
            )
    return details


def _check_clinician(*, practice: Practice, clinician: User, by: User | None) -> None:
    if clinician.practice_id != practice.pk:
        raise ActionError("must work in the client's practice", field="clinician")
    if not clinician.is_active:
        raise ActionError("no longer works here", field="clinician")
    if by is None:
        return  # the demo and fixtures
    if clinician.role == Role.ADMIN:
        raise ActionError(
            "must be a clinician or supervisor, not an administrator", field="clinician"
        )
    if by.practice_id != practice.pk:
        raise NotAllowed("works in another practice", field="by")
    if by.role != Role.ADMIN and clinician.pk != by.pk:
        # A clinician takes clients onto their own caseload; assigning others is the
        # administrator's job.
        raise NotAllowed("a clinician can only assign a client to themselves", field="clinician")


@transaction.atomic
def create_client(
    *,
    practice: Practice,
    clinician: User,
    first_name: str,
    last_name: str,
    by: User | None = None,
    date_of_birth: date | None = None,
    record_number: str = "",
    payer: Payer | None = None,
    review_days: int | None = None,
    intake_date: date | None = None,
    details: ClientDetails | None = None,
) -> Client:
    """Intake. ``by`` is who registers the client (a clinician for themselves, or an
    administrator); ``None`` only for the demo and fixtures. ``details`` carries the whole
    record (the keyword arguments are the short form)."""
    _check_clinician(practice=practice, clinician=clinician, by=by)
    data = details or ClientDetails(first_name=first_name, last_name=last_name)
    if details is None:
        data.date_of_birth = date_of_birth
        data.record_number = record_number
        data.payer = payer
        data.review_days = review_days
        data.intake_date = intake_date
    data = _clean(data, practice=practice, client=None)
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    return Client.objects.create(practice=practice, clinician=clinician, **values)


@transaction.atomic
def update_client(
    *, client: Client, by: User, details: ClientDetails, clinician: User | None = None
) -> Client:
    """Edits the record. Only the treating clinician or an administrator of the practice;
    only an administrator reassigns the client to another clinician."""
    from txplan.web.clients.access import can_manage_record

    if not can_manage_record(by, client):
        raise NotAllowed("only the treating clinician or an administrator", field="by")
    reassign = clinician is not None and clinician.pk != client.clinician_id
    if reassign:
        if by.role != Role.ADMIN:
            raise NotAllowed("only an administrator reassigns a client", field="clinician")
        _check_clinician(practice=client.practice, clinician=clinician, by=by)  # type: ignore[arg-type]
    data = _clean(details, practice=client.practice, client=client)
    if reassign:
        client.clinician = clinician  # type: ignore[assignment]
    for f in fields(data):
        setattr(client, f.name, getattr(data, f.name))
    client.save()
    return client


@transaction.atomic
def create_payer(*, practice: Practice, name: str, by: User | None = None) -> Payer:
    if by is not None and (by.role != Role.ADMIN or by.practice_id != practice.pk):
        raise NotAllowed("only the practice's administrator edits the payer list", field="by")
    name = " ".join(name.split())
    if not name:
        raise ActionError("must not be empty", field="name")
    if Payer.objects.filter(practice=practice, name__iexact=name).exists():
        raise ActionError(f"{name!r} is already on the list", field="name")
    return Payer.objects.create(practice=practice, name=name)


def _clinical(by: User | None, client: Client) -> None:
    from txplan.web.clients.access import can_write_clinical

    if by is not None and not can_write_clinical(by, client):
        raise NotAllowed("only the treating clinician records diagnoses", field="by")


@transaction.atomic
def add_diagnosis(
    *, client: Client, code: str, primary: bool = False, by: User | None = None
) -> ClientDiagnosis:
    """Adds a billable ICD-10-CM code; a category or unknown code is refused with suggestions.
    The first current diagnosis is primary whatever ``primary`` says."""
    _clinical(by, client)
    if not code.strip():
        raise ActionError("type a code or search for one", field="code")
    try:
        found = icd10.lookup(code)
    except icd10.IcdError as exc:
        raise ActionError(str(exc), field="code") from None
    current = ClientDiagnosis.objects.select_for_update().filter(client=client)
    if current.filter(code=found.code).exists():
        raise ActionError(f"{found.code} is already on this client", field="code")
    primary = primary or not current.exists()
    if primary:
        current.filter(primary=True).update(primary=False)
    return ClientDiagnosis.objects.create(
        client=client, code=found.code, description=found.description, primary=primary, added_by=by
    )


def _current(client: Client, diagnosis_id: int) -> ClientDiagnosis:
    found = ClientDiagnosis.objects.filter(client=client, pk=diagnosis_id).first()
    if found is None:
        raise ActionError("is not a current diagnosis of this client", field="diagnosis")
    return found


@transaction.atomic
def set_primary_diagnosis(*, client: Client, diagnosis_id: int, by: User | None) -> ClientDiagnosis:
    _clinical(by, client)
    diagnosis = _current(client, diagnosis_id)
    ClientDiagnosis.objects.filter(client=client, primary=True).update(primary=False)
    ClientDiagnosis.objects.filter(pk=diagnosis.pk).update(primary=True)
    diagnosis.refresh_from_db()
    return diagnosis


@transaction.atomic
def resolve_diagnosis(
    *, client: Client, diagnosis_id: int, on: date, by: User | None
) -> ClientDiagnosis:
    """Marks a diagnosis resolved on ``on``; it stays on the record as history. Resolving the
    primary one makes the next current diagnosis primary."""
    _clinical(by, client)
    diagnosis = _current(client, diagnosis_id)
    if on > timezone.localdate():
        raise ActionError("is in the future", field="resolved_on")
    if on < client.intake_date:
        raise ActionError(
            f"is before the intake date ({client.intake_date:%b %-d, %Y})", field="resolved_on"
        )
    diagnosis.was_primary = diagnosis.primary
    diagnosis.primary = False
    diagnosis.resolved_on = on
    diagnosis.resolved_by = by
    diagnosis.save()
    if diagnosis.was_primary:
        rest = ClientDiagnosis.objects.filter(client=client).order_by("added_at", "pk").first()
        if rest is not None:
            ClientDiagnosis.objects.filter(pk=rest.pk).update(primary=True)
    return diagnosis
