"""(d)(5) in a real browser: a time-out while typing in the editor loses nothing.

The owner types in the editor, the session goes idle past the limit, the save sends them to
the login page; after logging in again the editor offers the typed text back and puts it in
the form.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.web.conftest import PASSWORD, World, build_world
from tests.web.test_browser import ARGS, CHROMIUM
from txplan.web.compliance.middleware import LAST_SEEN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TYPED = "Synthetic text typed just before the time-out: worry about the night shift."


@pytest.fixture
def bworld(transactional_db: None) -> World:
    return build_world()


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def fill_login(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def age_session(context, seconds: int) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.sessions.backends.db import SessionStore

    key = next(c["value"] for c in context.cookies() if c["name"] == "sessionid")
    store = SessionStore(session_key=key)
    store[LAST_SEEN] = int(store[LAST_SEEN]) - seconds
    store.save()


def test_text_typed_before_a_time_out_is_offered_back(live_server, bworld: World, browser) -> None:  # type: ignore[no-untyped-def]
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    edit = f"{base}/plans/{bworld.version.plan_id}/v/1/edit"
    page.goto(edit)
    fill_login(page)
    page.wait_for_url(edit)

    page.locator("#presenting_problem").fill(TYPED)
    page.wait_for_timeout(800)  # the draft is copied after a pause in typing
    age_session(context, 16 * 60)
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(f"{base}/login/**")

    fill_login(page)
    page.wait_for_url(edit)
    assert page.locator("#presenting_problem").input_value() != TYPED  # never saved
    page.get_by_role("button", name="Put it back in the form").click()
    assert page.locator("#presenting_problem").input_value() == TYPED
    # Saving it clears the kept copy: the next visit offers nothing.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_timeout(1000)
    page.goto(edit)
    assert page.get_by_role("button", name="Put it back in the form").count() == 0
    assert page.locator("#presenting_problem").input_value() == TYPED
