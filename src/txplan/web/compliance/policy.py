"""Who must pass a second factor, and how long a session may sit idle."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from txplan.web.accounts.models import Role


def idle_seconds() -> int:
    return max(60, int(getattr(settings, "TXPLAN_IDLE_MINUTES", 15)) * 60)


def warning_seconds() -> int:
    return max(
        10, min(int(getattr(settings, "TXPLAN_IDLE_WARNING_SECONDS", 120)), idle_seconds() // 2)
    )


def is_verified(user: Any) -> bool:
    """Passed the second factor in this session (django-otp's OTPMiddleware sets it)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def has_second_factor(user: Any) -> bool:
    from django_otp import user_has_device

    return bool(user_has_device(user, confirmed=True))


def mfa_required(user: Any) -> bool:
    """Administrators always; everyone in a practice that turned it on; anyone who set one up."""
    if not getattr(settings, "TXPLAN_MFA_ENFORCED", True):
        return False
    if user.role == Role.ADMIN or user.is_superuser or user.is_staff:
        return True
    practice = user.practice
    if practice is not None and practice.mfa_required:
        return True
    return has_second_factor(user)
