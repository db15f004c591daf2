"""The logged-in user, typed: every view runs behind LoginRequiredMiddleware."""

from __future__ import annotations

from django.http import HttpRequest

from txplan.web.accounts.models import User


def current_user(request: HttpRequest) -> User:
    user = request.user
    # LoginRequiredMiddleware (pages) and SessionAuth (API) turn anonymous callers away first.
    assert isinstance(user, User), "views run only for logged-in users"
    return user
