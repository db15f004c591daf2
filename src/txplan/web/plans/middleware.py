"""A version that fails the integrity check gets the integrity page, never a server error."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.web.plans.integrity import IntegrityFailure


class IntegrityFailureMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, IntegrityFailure):
            return None
        version = exception.version
        return render(
            request,
            "plans/integrity_failed.html",
            {
                "version": version,
                "plan_id": version.plan_id,
                "problems": exception.problems,
            },
            status=409,
        )
