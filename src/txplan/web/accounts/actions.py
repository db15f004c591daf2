"""The only writers of practices and users."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from txplan.web.accounts.models import Practice, Role, User
from txplan.web.errors import ActionError


@transaction.atomic
def create_practice(*, name: str, default_review_days: int = 90) -> Practice:
    if not name.strip():
        raise ActionError("must not be empty", field="name")
    if not 7 <= default_review_days <= 365:
        raise ActionError("must be between 7 and 365 days", field="default_review_days")
    return Practice.objects.create(name=name.strip(), default_review_days=default_review_days)


@transaction.atomic
def create_user(
    *,
    practice: Practice,
    username: str,
    password: str,
    role: Role = Role.CLINICIAN,
    first_name: str = "",
    last_name: str = "",
    credentials: str = "",
    supervisor: User | None = None,
    check_password: bool = True,
) -> User:
    if not username.strip():
        raise ActionError("must not be empty", field="username")
    if User.objects.filter(username=username).exists():
        raise ActionError(f"{username!r} is taken", field="username")
    if supervisor is not None:
        if supervisor.practice_id != practice.pk:
            raise ActionError("must work in the same practice", field="supervisor")
        if supervisor.role not in (Role.SUPERVISOR, Role.ADMIN):
            raise ActionError("must have the supervisor role", field="supervisor")
    user = User(
        practice=practice,
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        credentials=credentials,
        supervisor=supervisor,
        is_staff=role == Role.ADMIN,
    )
    if check_password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ActionError(" ".join(exc.messages), field="password") from None
    user.set_password(password)
    user.save()
    return user
