"""txplan client add / dx: intake from the command line (e.g. importing a referral list).

Runs with the database's rights, like ``txplan manage``: the client is registered by the
clinician named with ``--clinician`` (on their own caseload), and a diagnosis is recorded as
the client's treating clinician. Errors name the option and exit 2.
"""

from __future__ import annotations

from datetime import date

import click

from txplan.cli.web import _django


def _refuse(exc: Exception, option: str = "") -> click.UsageError:
    field = getattr(exc, "field", "")
    message = getattr(exc, "message", str(exc))
    name = option or (f"--{field.replace('_', '-')}" if field else "")
    return click.UsageError(f"{name}: {message}" if name else message)


@click.group()
def client() -> None:
    """Register clients and their diagnoses."""


@client.command("add")
@click.option("--first", "first_name", required=True, help="Legal first name.")
@click.option("--last", "last_name", required=True, help="Legal last name.")
@click.option("--clinician", required=True, help="Username of the treating clinician.")
@click.option("--preferred", "preferred_name", default="", help="The name the client goes by.")
@click.option("--pronouns", default="")
@click.option("--sex", type=click.Choice(["female", "male", "x", "unknown"]), default="unknown")
@click.option("--dob", "date_of_birth", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--record", "record_number", default="", help="Record number (unique).")
@click.option(
    "--intake",
    "intake_date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Intake date (default today).",
)
@click.option("--payer", default="", help="A payer on the practice's list, by name.")
@click.option("--phone", default="")
@click.option("--email", default="")
@click.option("--guardian", "guardian_name", default="", help="A minor's parent or guardian.")
@click.option("--guardian-relationship", default="")
@click.option("--guardian-phone", default="")
@click.option("--guardian-email", default="")
def add(clinician: str, payer: str, **fields: object) -> None:
    """Register a client on CLINICIAN's caseload and print its id."""
    _django()
    from django.utils import timezone

    from txplan.web.accounts.models import User
    from txplan.web.clients import actions
    from txplan.web.clients.models import Payer
    from txplan.web.clients.queries import ADULT_AGE, age_on
    from txplan.web.errors import ActionError

    user = User.objects.filter(username=clinician, is_active=True).first()
    if user is None or user.practice is None:
        raise _refuse(ValueError(f"no active clinician {clinician!r}"), "--clinician")
    for key in ("date_of_birth", "intake_date"):
        value = fields[key]
        fields[key] = value.date() if value is not None else None  # type: ignore[attr-defined]
    chosen = None
    if payer:
        chosen = Payer.objects.filter(practice=user.practice, name__iexact=payer).first()
        if chosen is None:
            names = ", ".join(
                Payer.objects.filter(practice=user.practice).values_list("name", flat=True)
            )
            raise _refuse(
                ValueError(f"{payer!r} is not on the list ({names or 'empty'})"), "--payer"
            )
    born = fields["date_of_birth"]
    if isinstance(born, date) and age_on(born, timezone.localdate()) < ADULT_AGE:
        for key, option in (
            ("guardian_name", "--guardian"),
            ("guardian_relationship", "--guardian-relationship"),
        ):
            if not str(fields[key]).strip():
                raise _refuse(ValueError("is required for a client under 18"), option)
    details = actions.ClientDetails(payer=chosen, **fields)  # type: ignore[arg-type]
    try:
        made = actions.create_client(
            practice=user.practice,
            clinician=user,
            first_name=details.first_name,
            last_name=details.last_name,
            by=user,
            details=details,
        )
    except ActionError as exc:
        raise _refuse(exc) from None
    click.echo(f"{made.pk}\t{made.first_name} {made.last_name}\t{made.record_number or '-'}")


@client.command("dx")
@click.argument("client_id", type=int)
@click.argument("code")
@click.option("--primary", is_flag=True, help="Make it the primary diagnosis.")
def dx(client_id: int, code: str, primary: bool) -> None:
    """Add a billable ICD-10-CM CODE to client CLIENT_ID (a category is refused with its codes)."""
    _django()
    from txplan.web.clients import actions
    from txplan.web.clients.models import Client
    from txplan.web.errors import ActionError

    found = Client.objects.select_related("clinician").filter(pk=client_id).first()
    if found is None:
        raise _refuse(ValueError(f"no client {client_id}"), "CLIENT_ID")
    try:
        added = actions.add_diagnosis(client=found, code=code, primary=primary, by=found.clinician)
    except ActionError as exc:
        raise _refuse(exc, "CODE") from None
    mark = "\t(primary)" if added.primary else ""
    click.echo(f"{added.code}\t{added.description}{mark}")


COMMANDS = [client]
