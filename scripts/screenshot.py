"""Screenshots for the README: log in to a running txplan and capture pages.

Usage: python scripts/screenshot.py http://127.0.0.1:8000 docs/screenshots
Drives Debian's Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/login/")
        page.get_by_label("Username").fill("reyes")
        page.get_by_label("Password").fill("riverbend-demo-2026")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/")
        page.screenshot(path=str(out / "caseload.png"))
        page.get_by_role("link", name="Lindqvist, Ava").click()
        page.get_by_role("link", name="Treatment plan").first.click()
        page.screenshot(path=str(out / "plan-page.png"), full_page=False)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
