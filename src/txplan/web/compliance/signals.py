"""What reaches the audit trail without a view calling it: logins (failed ones kept for
good, whatever django-axes resets), user and role changes, and every django-auditlog entry
(each PHI view and each change of a clinical record), resolved to its client."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save

from txplan.web.compliance.models import Action

# Fields of a user whose change is a "user or role change" in the trail.
WATCHED = (
    "role",
    "is_active",
    "is_staff",
    "is_superuser",
    "supervisor_id",
    "practice_id",
    "username",
)


def _actions() -> Any:
    from txplan.web.compliance import actions

    return actions


def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        from txplan.web.compliance.middleware import LAST_SEEN

        request.session[LAST_SEEN] = int(time.time())
    _actions().record(Action.LOGIN, user=user)


def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _actions().record(Action.LOGOUT, user=user)


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    username = str(credentials.get("username") or "")[:150]
    _actions().record(
        Action.LOGIN_FAILED, user=None, username=username, detail="wrong credentials or locked"
    )


def on_user_pre_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None:
        instance._compliance_before = None
        return
    before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()
    instance._compliance_before = before


def on_user_post_save(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any
) -> None:
    if raw:
        return
    if created:
        detail = f"created {instance.username} as {instance.role}"
    else:
        before = getattr(instance, "_compliance_before", None) or {}
        changed = [
            f"{field}: {before.get(field)} → {getattr(instance, field)}"
            for field in WATCHED
            if before and before.get(field) != getattr(instance, field)
        ]
        if not changed:
            return
        detail = "; ".join(changed)
    _actions().record(Action.USER_CHANGED, object_type="user", object_id=instance.pk, detail=detail)


def _client_of(model: Any, pk: Any) -> int | None:
    from txplan.web.clients.models import Client

    if model is Client:
        return int(pk)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return None
    for path in ("client_id", "plan.client_id", "version.plan.client_id"):
        value: Any = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        if value is not None:
            return int(value)
    return None


def on_auditlog_entry(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any
) -> None:
    from auditlog.models import LogEntry

    if raw or not created:
        return
    model = instance.content_type.model_class()
    action = {
        LogEntry.Action.ACCESS: Action.PHI_VIEW,
        LogEntry.Action.CREATE: Action.RECORD_CREATED,
        LogEntry.Action.UPDATE: Action.RECORD_CHANGED,
        LogEntry.Action.DELETE: Action.RECORD_DELETED,
    }.get(instance.action, Action.RECORD_CHANGED)
    client_id = None
    if model is not None and instance.action != LogEntry.Action.DELETE:
        client_id = _client_of(model, instance.object_pk)
    _actions().record(
        action,
        user=instance.actor if instance.actor_id else None,
        client_id=client_id,
        object_type=instance.content_type.model,
        object_id=instance.object_pk,
        detail=f"auditlog {instance.pk}",
    )


def connect() -> None:
    from auditlog.models import LogEntry

    from txplan.web.accounts.models import User

    user_logged_in.connect(on_login, dispatch_uid="compliance.login")
    user_logged_out.connect(on_logout, dispatch_uid="compliance.logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="compliance.login_failed")
    pre_save.connect(on_user_pre_save, sender=User, dispatch_uid="compliance.user_pre")
    post_save.connect(on_user_post_save, sender=User, dispatch_uid="compliance.user_post")
    post_save.connect(on_auditlog_entry, sender=LogEntry, dispatch_uid="compliance.auditlog")
