from __future__ import annotations

from datetime import date

import pytest

from txplan.web.clients.models import Client
from txplan.web.demo.build import PRACTICE_NAME, build_demo
from txplan.web.plans import integrity
from txplan.web.plans.models import Plan, PlanVersion

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 27)


def test_demo_practice_has_clinicians_clients_and_plans_in_every_state() -> None:
    practice = build_demo(today=TODAY)
    assert practice.name == PRACTICE_NAME
    assert practice.users.count() == 5
    assert practice.users.filter(supervisor__isnull=False).count() == 1
    assert Client.objects.count() == 13
    statuses = set(PlanVersion.objects.values_list("status", flat=True))
    assert statuses == {"draft", "signed"}
    assert any(p.versions.count() > 1 for p in Plan.objects.all())


def test_demo_is_built_once(db: None) -> None:
    build_demo(today=TODAY)
    build_demo(today=TODAY)
    assert Client.objects.count() == 13


def test_every_demo_version_passes_its_integrity_check() -> None:
    build_demo(today=TODAY)
    for version in PlanVersion.objects.all():
        assert integrity.check(version) == [], version
