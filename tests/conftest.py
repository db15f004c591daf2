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
