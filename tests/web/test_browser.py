"""The clinician's main path in a real browser: Playwright driving Debian's Chromium.

Draft a plan for a client, fix a flagged objective with the audit's suggestion, save (a second
browser context hits the edit conflict), sign, see the version locked, record the client's
agreement, and the supervisor co-signs from the queue. Screenshots of the editor and the
checklist are written to docs/screenshots/ when TXPLAN_SCREENSHOTS is set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD, World, build_world

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    # .ci/run installs Debian's chromium; a developer machine without it skips these tests.
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run in a
# thread with a running loop unless told the access is deliberate (it is: setup only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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


def log_in(browser, base: str, username: str):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")
    return page


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("TXPLAN_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / name))


def test_draft_fix_save_conflict_sign_and_cosign(live_server, bworld: World, browser) -> None:  # type: ignore[no-untyped-def]
    base = live_server.url
    owner = log_in(browser, base, "owner")

    # Draft a plan from the client page.
    owner.get_by_role("link", name="Synthetic, Robin").click()
    owner.get_by_role("link", name="New plan → Draft").click()
    owner.get_by_label("Presenting problem").fill(
        "Worries every evening that she will lose her job at the print shop; re-checks each "
        "order three times and has stopped visiting her sister on Sundays."
    )
    # Robin already has an active plan in this world: a second one needs a stated reason.
    owner.get_by_label("Why a second active plan").fill(
        "A separate plan for the group programme she starts next month."
    )
    owner.get_by_role("button", name="Create plan").click()
    owner.wait_for_url(re.compile(r"/plans/\d+/v/1/$"))
    assert owner.get_by_text("Draft", exact=True).first.is_visible()
    plan_url = owner.url

    # The clinician opens the editor of the same draft twice (two devices); only the treating
    # clinician edits a plan (issue 13), so the conflict is between their own two pages.
    owner.get_by_role("link", name="Edit draft").click()
    other = log_in(browser, base, "owner")
    other.goto(owner.url)

    # Make an objective vague; the live audit flags it; use the suggestion.
    objective_id = owner.evaluate(
        "() => [...document.querySelectorAll('.objective-edit')].find(o =>"
        " o.querySelector('select[name$=\".criterion.measure\"]').value === '').id"
    )
    box = owner.locator(f"#{objective_id}-text")
    box.fill("Client will understand her anxiety better.")
    findings = owner.locator(f"#findings-{objective_id}")
    findings.get_by_text("OBJ_NOT_MEASURABLE").wait_for()
    shot(owner, "editor.png")
    findings.get_by_role("button", name="Use suggestion").first.click()
    owner.wait_for_function(
        f"() => !document.querySelector('#{objective_id}-text').value.includes('understand')"
    )
    fixed = box.input_value()
    assert "understand" not in fixed
    owner.wait_for_function(
        f"() => !document.querySelector('#findings-{objective_id}').textContent"
        ".includes('OBJ_NOT_MEASURABLE')"
    )
    owner.get_by_role("button", name="Save draft").click()
    owner.get_by_text("Saved.").wait_for()
    assert owner.locator(f"#{objective_id}-text").input_value() == fixed
    shot(owner, "checklist.png")

    # The second editor still holds the old page: its save is a conflict showing both texts.
    other.get_by_label("Presenting problem").fill("A rewording from the other device.")
    other.get_by_role("button", name="Save draft").click()
    other.get_by_text("Someone else saved this draft").wait_for()
    assert other.get_by_text(fixed).first.is_visible()
    assert (
        other.get_by_label("Presenting problem").input_value()
        == "A rewording from the other device."
    )

    # Sign: password re-entered; the draft still has placeholders, so an override is needed.
    owner.goto(plan_url)
    owner.get_by_label(re.compile("I developed this plan")).check()
    owner.get_by_label("Why sign with audit errors outstanding?").fill(
        "Level-of-care rationale to be completed after the family meeting on Friday."
    )
    owner.get_by_label("Your password").fill(PASSWORD)
    owner.get_by_role("button", name="Sign version 1").click()
    owner.get_by_text("locked").first.wait_for()
    assert owner.get_by_role("link", name="Edit draft").count() == 0
    owner.goto(plan_url.replace("/v/1/", "/v/1/edit"))
    assert owner.url.endswith("/v/1/")  # the editor sends a signed version back to the plan

    # The client's agreement, typed with the date (no script needed).
    owner.get_by_label("Agreed verbally (type their name)").check()
    owner.get_by_label("Full name").fill("Robin Synthetic")
    owner.get_by_role("button", name="Record agreement").click()
    owner.get_by_text("Robin Synthetic").first.wait_for()

    # The supervisor co-signs from the queue.
    other = log_in(browser, base, "sup")
    other.goto(f"{base}/cosign/")
    other.get_by_role("row", name=re.compile("Synthetic, Robin")).get_by_role("link").click()
    other.get_by_label(re.compile("I have reviewed this plan")).check()
    other.get_by_label("Your password").fill(PASSWORD)
    other.get_by_role("button", name="Co-sign version 1").click()
    other.get_by_text("Supervisor", exact=False).first.wait_for()
    other.goto(f"{base}/cosign/")
    assert other.get_by_role("row", name=re.compile("Synthetic, Robin")).count() == 0


def test_use_suggestion_sets_the_measure_criterion(live_server, bworld: World, browser) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: a vague objective's suggestion names the diagnosis's measure (GAD-7 for GAD) by
    the objective's own target date, and using it fills in the criterion fields to match."""
    from django.urls import reverse

    page = log_in(browser, live_server.url, "owner")
    page.goto(live_server.url + reverse("plan_edit", args=[bworld.version.plan_id, 1]))
    page.locator("#obj-a-measure").select_option("")
    page.locator("#obj-a-text").fill("Client will understand her worry better.")
    findings = page.locator("#findings-obj-a")
    findings.get_by_text("Also sets the measure criterion").wait_for()
    findings.get_by_role("button", name="Use suggestion").first.click()
    page.wait_for_function("() => document.querySelector('#obj-a-measure').value === 'gad7'")
    text = page.locator("#obj-a-text").input_value()
    assert "GAD-7" in text and "by 2026-10-27" in text
    assert page.locator("#obj-a-cmp").input_value() == "<="
    assert page.locator("#obj-a-thr").input_value() == "9"
    assert page.locator("#obj-a-n").input_value() == "2"
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Saved.").wait_for()
    bworld.version.refresh_from_db()
    criterion = bworld.version.document["problems"][0]["goals"][0]["objectives"][0]["criterion"]
    assert (criterion["measure"], criterion["threshold"], criterion["consecutive"]) == (
        "gad7",
        9,
        2,
    )
