"""Operations: response headers for PHI, and the start-up guard against demo accounts.

The demo practice's password is published in the README, so a server in production mode
(the default; see TXPLAN_MODE in docs/settings.md) refuses to start while any demo account
can log in. Development mode (`make run`) allows it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    """`Cache-Control: no-store` (and private, no-cache, max-age=0) on every response that is
    not a static file: pages, JSON and PDF exports and API answers may hold PHI, and must not be
    kept by the browser's cache, a shared proxy or the back button after logout.

    WhiteNoise sits before this middleware and answers static files itself, so they keep their
    long cache lifetimes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return response
        # A view that already forbids storing keeps its own header.
        if "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response


def demo_accounts() -> list[str]:
    """Usernames that log in with the published demo password, or belong to the demo practice.

    Only demo usernames are tried against the demo password (each check is a slow hash).
    """
    from txplan.web.accounts.models import User
    from txplan.web.demo.build import DEMO_PASSWORD, PRACTICE_NAME, STAFF

    found = set(
        User.objects.filter(practice__name=PRACTICE_NAME, is_active=True).values_list(
            "username", flat=True
        )
    )
    names = [row[0] for row in STAFF]
    for user in User.objects.filter(username__in=names, is_active=True):
        if user.check_password(DEMO_PASSWORD):
            found.add(user.username)
    return sorted(found)


def refuse_demo_in_production() -> None:
    """Raise ImproperlyConfigured when production settings meet a demo account."""
    if settings.DEVELOPMENT:
        return
    found = demo_accounts()
    if found:
        raise ImproperlyConfigured(
            "Production settings refuse to start: the database holds demo accounts whose "
            f"password is published ({', '.join(found)}). Serve a real practice's database, "
            "or set TXPLAN_MODE=development for a local demo."
        )
