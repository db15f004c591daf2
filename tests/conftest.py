"""Suite-wide: the second-factor gate is off unless a test turns it on.

Most tests log in with ``force_login``, which cannot pass a second factor; the MFA tests
(tests/web/test_compliance_mfa.py) set ``settings.TXPLAN_MFA_ENFORCED = True`` themselves.
Production has it on by default (docs/settings.md).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _second_factor_off_by_default(settings):  # type: ignore[no-untyped-def]
    settings.TXPLAN_MFA_ENFORCED = False


@pytest.fixture(autouse=True)
def _signed_rows_flushable(request):  # type: ignore[no-untyped-def]
    """A test that flushes the database afterwards (transactional_db, live_server) must be
    able to delete signed rows on SQLite, where database triggers refuse it otherwise
    (plans migration 0005); PostgreSQL's flush is a TRUNCATE, which triggers do not see."""
    marker = request.node.get_closest_marker("django_db")
    flushes = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if not flushes:
        yield
        return
    from django.db import connection

    from txplan.web.plans import triggers

    request.getfixturevalue("transactional_db")
    triggers.forbid_flush(connection)
    yield
    triggers.allow_flush(connection)
