"""Read-side helpers for client pages: nothing here writes."""

from __future__ import annotations

from datetime import date

from django.db.models import F

from txplan.web.clients.models import Client, ClientDiagnosis

ADULT_AGE = 18


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(client: Client, today: date) -> bool:
    return client.date_of_birth is not None and age_on(client.date_of_birth, today) < ADULT_AGE


def diagnosis_history(client: Client) -> list[ClientDiagnosis]:
    """Current diagnoses first (primary on top), then resolved ones, latest resolution first."""
    return list(
        ClientDiagnosis.with_history.filter(client=client)
        .select_related("added_by", "resolved_by")
        .order_by(F("resolved_on").desc(nulls_first=True), "-primary", "code")
    )
