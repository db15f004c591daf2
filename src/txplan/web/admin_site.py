"""The Django admin, closed by default.

A practice administrator is staff, but the admin knows nothing of practices: any model it
shows would list every practice's rows. So the site wraps every ModelAdmin registered in it
(txplan's, Django's, third-party apps') to be superuser-only unless the admin class declares
``practice_scoped = True`` and scopes its own queryset, choices and permissions to the user's
practice. Clinical records (clients, plans, versions, signatures) are not in the admin at all:
the app's pages serve them, scoped to the caseload and written to the access log.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern


def _superuser_only(view: Any) -> Any:
    def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_superuser:
            raise PermissionDenied("This part of the admin is for the installation's operator.")
        return view(request, *args, **kwargs)

    return gated


class SuperuserOnly:
    """Mixed in before a ModelAdmin that does not scope itself to a practice. Its extra views
    (a third-party admin's custom pages too) are gated before they run."""

    def get_urls(self) -> list[Any]:
        urls = super().get_urls()  # type: ignore[misc]
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _superuser_only(pattern.callback)
        return urls

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser and super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return request.user.is_superuser and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)  # type: ignore[misc]


class TxplanAdminSite(AdminSite):
    site_header = "txplan administration"
    site_title = "txplan administration"

    def register(
        self, model_or_iterable: Any, admin_class: type[ModelAdmin] | None = None, **options: Any
    ) -> None:
        admin_class = admin_class or ModelAdmin
        if not getattr(admin_class, "practice_scoped", False):
            admin_class = type(
                f"SuperuserOnly{admin_class.__name__}", (SuperuserOnly, admin_class), {}
            )
        super().register(model_or_iterable, admin_class, **options)


class TxplanAdminConfig(AdminConfig):
    default_site = "txplan.web.admin_site.TxplanAdminSite"
