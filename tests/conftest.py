"""Test configuration: a hypothesis profile, and the fixtures the browser tests share.

The hypothesis profile is deterministic; the browser tests share the built site, a
server for it and one Chromium.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright

from tests.test_site import build_site

# Derandomised and without a database, so runs on the same machine draw the same
# examples; no deadline, since timing on shared runners varies. CI has still drawn an
# example no local run did, so a CI failure is replayed with the @reproduce_failure line
# it prints. SHIFTLAB_HYPOTHESIS=stress draws 2,000 fresh random examples per property
# (a test that sets its own max_examples keeps its number, but its draws are fresh too).
settings.register_profile(
    "shiftlab", derandomize=True, database=None, max_examples=100, deadline=None
)
settings.register_profile("stress", database=None, max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("SHIFTLAB_HYPOTHESIS", "shiftlab"))


# Browser tests (tests/test_browser.py, tests/test_math.py) share one server and one
# Chromium per session: Playwright's sync API runs once per thread.
CHROMIUM = os.environ.get("SHIFTLAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HOST = "127.0.0.1"


def keep_local(context: BrowserContext, base_url: str) -> list[str]:
    """Abort every request of `context` to another host than `base_url`'s.

    Returns the list the aborted URLs are appended to, for the test to assert empty.
    """
    local = urlsplit(base_url).netloc
    foreign: list[str] = []

    def route(route: Route) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return foreign


@pytest.fixture(scope="session")
def chromium() -> str:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {CHROMIUM} is missing: apt-get install chromium")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); in CI this fails")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output for the tests."""


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
