"""People and practices in the Django admin, scoped to the administrator's own practice.

A practice administrator (``role=admin``, staff) sees and edits only the users of their own
practice and their practice's settings; they cannot make anyone a superuser, hand out Django
permissions, or move a user to another practice. A superuser (the operator of the
installation) sees everything. Every other model in the admin is superuser-only (see
``txplan.web.admin_site``), and clinical records are not in the admin at all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from txplan.web.accounts.models import Practice, Role, User


def practice_admin(request: HttpRequest) -> bool:
    """A staff user who administers a practice (superusers pass every check anyway)."""
    user = request.user
    return bool(
        user.is_active
        and user.is_staff
        and getattr(user, "role", None) == Role.ADMIN
        and getattr(user, "practice_id", None) is not None
    )


class PracticeScopedAdmin(admin.ModelAdmin):
    """Base for admins whose rows belong to a practice; ``practice_path`` is the lookup from
    the model to the practice's id."""

    practice_scoped = True
    practice_path = "practice_id"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        if not practice_admin(request):
            return rows.none()
        return rows.filter(**{self.practice_path: request.user.practice_id})  # type: ignore[union-attr]

    def _allowed(self, request: HttpRequest, obj: Any = None) -> bool:
        if request.user.is_superuser:
            return True
        if not practice_admin(request):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # People and practices are referenced by clinical records (PROTECT): deactivate a
        # user instead. Only the operator deletes, and the database still refuses it when
        # records point at the row.
        return request.user.is_superuser


_PRIVILEGE_FIELDS = ("is_superuser", "groups", "user_permissions")


@admin.register(User)
class TxplanUserAdmin(PracticeScopedAdmin, UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Practice", {"fields": ("practice", "role", "credentials", "supervisor")}),
    )
    add_fieldsets = (
        *(UserAdmin.add_fieldsets or ()),
        ("Practice", {"fields": ("first_name", "last_name", "role", "credentials", "supervisor")}),
    )
    list_display = ["username", "first_name", "last_name", "role", "supervisor", "practice"]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # A practice administrator never sees the fields that grant Django privileges.
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in _PRIVILEGE_FIELDS]})
            for name, opts in fieldsets
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["practice", "is_staff", "last_login", "date_joined"]
        return readonly

    def get_list_filter(self, request: HttpRequest) -> Any:
        return (
            ("role", "is_active")
            if not request.user.is_superuser
            else super().get_list_filter(request)
        )

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "supervisor" and not request.user.is_superuser:
            practice: int = getattr(request.user, "practice_id", None) or 0
            kwargs["queryset"] = User.objects.filter(
                practice__pk=practice, role__in=[Role.SUPERVISOR, Role.ADMIN]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        if not request.user.is_superuser:
            obj.practice_id = request.user.practice_id  # type: ignore[union-attr]
            obj.is_superuser = False
        # Staff (admin access) follows the role, as when users are created by the actions.
        obj.is_staff = obj.is_superuser or obj.role == Role.ADMIN
        super().save_model(request, obj, form, change)


@admin.register(Practice)
class PracticeAdmin(PracticeScopedAdmin):
    practice_path = "pk"
    list_display = ["name", "default_review_days"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser
