"""The demo practice's client records: intake dates, sex and pronouns, a payer from the list,
a guardian for every minor, and one discharged client whose plan is closed."""

from __future__ import annotations

from datetime import date

import pytest

from txplan.web.clients.discharge import active_plans
from txplan.web.clients.models import Client
from txplan.web.clients.queries import is_minor
from txplan.web.demo.build import build_demo

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 27)


def test_every_demo_client_has_a_full_intake_record() -> None:
    build_demo(today=TODAY)
    for client in Client.objects.select_related("payer"):
        assert client.intake_date <= TODAY and client.sex != "unknown" and client.pronouns
        assert client.payer is not None and client.payer.practice_id == client.practice_id
        first = client.plans.order_by("created_at").first()
        if first is not None:
            started = date.fromisoformat(first.versions.get(number=1).document["established_on"])
            assert 0 <= (started - client.intake_date).days <= 30, client
        if is_minor(client, TODAY):
            assert client.guardian_name and client.guardian_relationship, client


def test_the_demo_has_a_discharged_client_with_a_signed_summary() -> None:
    build_demo(today=TODAY)
    [client] = Client.objects.filter(discharged_on__isnull=False)
    discharge = client.discharges.get()
    assert discharge.is_signed and discharge.objectives and discharge.recommendations
    assert client.plans.exists() and not active_plans(client).exists()
