from typing import Any

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from txplan.web.api import api
from txplan.web.clients.urls import urlpatterns as clients_urls
from txplan.web.clients.views.caseload import caseload
from txplan.web.clients.views.client_detail import client_detail
from txplan.web.compliance.urls import urlpatterns as compliance_urls
from txplan.web.measures.urls import urlpatterns as measures_urls
from txplan.web.measures.views.record import record, record_chooser
from txplan.web.plans.views.amend import amend
from txplan.web.plans.views.client_agreement import client_agreement
from txplan.web.plans.views.cosign import cosign
from txplan.web.plans.views.cosign_queue import cosign_queue
from txplan.web.plans.views.diff import version_diff
from txplan.web.plans.views.edit import plan_edit
from txplan.web.plans.views.edit_audit import plan_edit_audit
from txplan.web.plans.views.icd_search import icd_search
from txplan.web.plans.views.new_plan import new_plan
from txplan.web.plans.views.plan_detail import plan_detail
from txplan.web.plans.views.sign import sign
from txplan.web.plans.views.signature_image import signature_image
from txplan.web.plans.views.version_json import version_json


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def _api_urls() -> list[Any]:
    # The API answers 401 itself (SessionAuth); the login redirect is for pages only.
    patterns = api.urls[0]
    for pattern in patterns:
        callback = getattr(pattern, "callback", None)
        if callback is not None:
            callback.login_required = False
    return patterns


urlpatterns = [
    path("", caseload, name="caseload"),
    path(
        "login/",
        login_not_required(auth_views.LoginView.as_view(template_name="accounts/login.html")),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("clients/<int:client_id>/", client_detail, name="client"),
    *clients_urls,
    path("clients/<int:client_id>/plans/new", new_plan, name="plan_new"),
    path("clients/<int:client_id>/measures/new", record_chooser, name="measure_record_chooser"),
    path(
        "clients/<int:client_id>/measures/new/<slug:instrument_id>", record, name="measure_record"
    ),
    *measures_urls,
    path("plans/<int:plan_id>/", plan_detail, name="plan"),
    path("plans/<int:plan_id>/v/<int:number>/", plan_detail, name="plan_version"),
    path("plans/<int:plan_id>/v/<int:number>.json", version_json, name="plan_version_json"),
    path("plans/<int:plan_id>/v/<int:number>/amend", amend, name="plan_amend"),
    path("plans/<int:plan_id>/v/<int:number>/sign", sign, name="plan_sign"),
    path(
        "plans/<int:plan_id>/v/<int:number>/agreement",
        client_agreement,
        name="plan_client_agreement",
    ),
    path("plans/<int:plan_id>/v/<int:number>/cosign", cosign, name="plan_cosign"),
    path(
        "plans/<int:plan_id>/v/<int:number>/signatures/<int:signature_id>.png",
        signature_image,
        name="plan_signature_image",
    ),
    path("cosign/", cosign_queue, name="cosign_queue"),
    path("plans/<int:plan_id>/diff", version_diff, name="plan_diff"),
    path("plans/<int:plan_id>/v/<int:number>/edit", plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/v/<int:number>/edit/audit", plan_edit_audit, name="plan_edit_audit"),
    path("icd/search", icd_search, name="icd_search"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", (_api_urls(), api.urls[1], api.urls[2])),
    path("admin/", admin.site.urls),
    *compliance_urls,
]
