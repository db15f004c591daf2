from __future__ import annotations

from django.core.exceptions import PermissionDenied

from txplan.web.accounts.models import Role, User


def require_admin(user: User) -> None:
    """Practice administrators only (403 for everyone else)."""
    if user.role != Role.ADMIN or user.practice_id is None:
        raise PermissionDenied("Only the practice administrator opens this page.")
