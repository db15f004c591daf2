"""`txplan integrity` checks the audit trail's hash chain ((d)(10)) with the plan seals."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from txplan.cli import main
from txplan.web.accounts import actions as accounts
from txplan.web.compliance import actions
from txplan.web.compliance.models import Action, AuditEvent

pytestmark = pytest.mark.django_db(transaction=False)


def run() -> tuple[int, str]:
    result = CliRunner().invoke(main, ["integrity"])
    return result.exit_code, result.output


def test_an_intact_trail_passes() -> None:
    practice = accounts.create_practice(name="Chain Practice")
    user = accounts.create_user(
        practice=practice, username="chain", password="x", check_password=False
    )
    actions.record(Action.LOGIN, user=user)
    code, out = run()
    assert code == 0, out
    assert "intact" in out


def test_an_edited_audit_entry_fails_the_check() -> None:
    practice = accounts.create_practice(name="Chain Practice")
    user = accounts.create_user(
        practice=practice, username="chain", password="x", check_password=False
    )
    entry = actions.record(Action.LOGIN_FAILED, user=user)
    actions.record(Action.LOGIN, user=user)
    AuditEvent.objects.filter(pk=entry.pk).update(action=Action.LOGIN)
    code, out = run()
    assert code == 1
    assert f"audit entry {entry.pk}: its content was changed" in out
