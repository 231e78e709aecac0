"""End to end in headless Chromium: what a journalist does first on `quotes serve`."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(built_db):
    """`quotes serve` on the seeds database in a subprocess on a free port; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from quotes.cli import cli; cli()", "serve", "--db", str(built_db),
         "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"quotes serve did not start: {server.stderr.read().decode()}")
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_search_then_check_a_quote_in_its_article(site, built_db, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        page = browser.new_page()
        page.goto(site + "/quotes/quotes")
        expect(page.locator("h1")).to_contain_text("quotes")
        expect(page.locator("a.quote-link").first).to_be_visible()
        expect(page.locator("details.column-notes summary")).to_have_text("What the columns mean")

        page.goto(site + "/")
        page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
        page.click("text=every quote, latest added first")
        page.wait_for_url("**/quotes/quote_list")
        with closing(sqlite3.connect(built_db)) as conn:
            total, latest = conn.execute("select count(*), max(quote_id) from quote_list").fetchone()
        expect(page.locator("h3").first).to_contain_text(f"{total:,} rows")
        expect(page.locator("a.quote-link").first).to_have_attribute("href", f"/-/quote/{latest}")

        page.goto(site + "/")
        page.fill("#quote-search-q", "withdrawal")
        page.press("#quote-search-q", "Enter")
        page.wait_for_url("**/quotes/quote_list?_search=withdrawal")
        found = json.load(urllib.request.urlopen(site + "/quotes/quote_list.json?_search=withdrawal&_shape=array"))
        links = page.locator("a.quote-link")
        assert found
        expect(links).to_have_count(len(found))
        page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

        quote_text = links.first.inner_text()
        links.first.click()
        page.wait_for_url("**/-/quote/*")
        mark = page.locator("mark#quote")
        expect(mark).to_have_text(quote_text)
        expect(mark).to_be_in_viewport()
        expect(page.locator(".check-ok")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "quote.png"), full_page=True)
        browser.close()
