"""Admin for plans: signed versions and signatures are read-only here as everywhere."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from txplan.web.plans.models import Plan, PlanVersion, VersionSignature


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "client", "created_at"]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ["id", "plan", "number", "status", "reason", "created_at"]
    readonly_fields = ["content_hash", "seal", "signed_at", "status"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.is_signed

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.is_signed


@admin.register(VersionSignature)
class VersionSignatureAdmin(admin.ModelAdmin):
    list_display = ["version", "role", "name", "signed_at", "method"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
