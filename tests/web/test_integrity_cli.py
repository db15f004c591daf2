"""`txplan integrity` checks every version and signature and exits non-zero on any problem."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.web.conftest import START, World, at
from tests.web.tamper import raw
from txplan.cli import main
from txplan.core.plan import SignatureMethod
from txplan.web.plans import actions
from txplan.web.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def run() -> tuple[int, str]:
    result = CliRunner().invoke(main, ["integrity"])
    return result.exit_code, result.output


def test_an_intact_record_exits_0(world: World, signed: PlanVersion) -> None:
    code, out = run()
    assert code == 0, out


def test_a_deleted_client_signature_exits_1_naming_the_plan(
    world: World, signed: PlanVersion
) -> None:
    actions.record_client_signature(
        version=signed,
        by=world.owner,
        name="Robin Synthetic",
        at=at(START, 11),
        method=SignatureMethod.TYPED_VERBAL,
        attestation="Agreed verbally.",
    )
    assert run()[0] == 0
    raw("DELETE FROM plans_versionsignature WHERE role = 'client'")
    code, out = run()
    assert code == 1
    assert f"plan {signed.plan_id}" in out and "list of signatures" in out


def test_a_status_flipped_back_to_draft_exits_1(world: World, signed: PlanVersion) -> None:
    raw("UPDATE plans_planversion SET status = 'draft' WHERE id = %s", [signed.pk])
    code, out = run()
    assert code == 1
    assert f"plan {signed.plan_id} v1" in out and "status now says draft" in out
