"""Every code block fits the site's code box on a desktop: no horizontal scrolling.

The code box on a 1280-px-wide screen holds 80 characters (13.6 px monospace in a 656 px
inner width). snippets/ruff.toml sets that line length for the snippets, so ruff reports
any longer line; the fast test here checks every line of every snippet (code, docstrings,
comments and `#>` output alike) against the same number, read from that file so the two
cannot disagree. The browser test measures what a reader meets: at a 1280 x 900 viewport,
every `pre > code` block of every page (except the API reference pages, which mkdocstrings
writes from the library's source) must be no wider than its box. It uses the fixtures of
tests/conftest.py (skipped only when Chromium is missing and CI is not set).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, ViewportSize

from tests.snippet_runner import ROOT, SNIPPETS_DIR
from tests.test_browser import PAGES, TIMEOUT_MS, page_source

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
SNIPPETS = ROOT / SNIPPETS_DIR
# The API reference is generated from docstrings, whose lines follow the library's limit.
CODE_PAGES = {name: path for name, path in PAGES.items() if not path.startswith("reference/")}

# The site skips the layout of off-screen blocks (`content-visibility: auto`, see
# docs/stylesheets/render.css), so their widths would be estimates: draw everything first.
DRAW_EVERYTHING = "*, *::before, *::after { content-visibility: visible !important; }"

MEASURE_CODE = r"""() => Array.from(document.querySelectorAll("pre > code")).map((code, index) => ({
  index,
  firstLine: code.textContent.split("\n")[0],
  scrollWidth: code.scrollWidth,
  clientWidth: code.clientWidth,
}))"""


def snippet_line_length() -> int:
    """The line length snippets/ruff.toml sets for the snippets."""
    config = tomllib.loads((SNIPPETS / "ruff.toml").read_text(encoding="utf-8"))
    limit = config["line-length"]
    assert isinstance(limit, int), f"snippets/ruff.toml: line-length is {limit!r}"
    return limit


def test_snippet_lines_fit_the_code_box() -> None:
    limit = snippet_line_length()
    files = sorted(SNIPPETS.rglob("*.py"))
    assert files, f"no snippet found under {SNIPPETS}"
    long_lines = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > limit
    ]
    assert not long_lines, f"lines longer than {limit} characters:\n" + "\n".join(long_lines)


@pytest.fixture
def desktop_tab(browser: Browser, base_url: str) -> Iterator[Page]:
    """A 1280 x 900 tab; nothing leaves 127.0.0.1."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    local = urlsplit(base_url).netloc

    def route(route: Route) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    try:
        yield context.new_page()
    finally:
        context.close()


def offenders(blocks: list[dict[str, Any]]) -> list[str]:
    """The blocks wider than their box, by index and first line."""
    return [
        f"block {block['index']} ({block['scrollWidth']} px in {block['clientWidth']} px): "
        f"{block['firstLine'][:80]!r}"
        for block in blocks
        if block["scrollWidth"] > block["clientWidth"]
    ]


def test_the_pages_measured_have_code(site: Path) -> None:
    # Guards against measuring nothing: a page set or markup change that hides every block.
    with_code = [p for p in CODE_PAGES.values() if "<pre" in page_source(site, p)]
    assert with_code, f"no code block on any of {list(CODE_PAGES.values())}"


@pytest.mark.parametrize("path", CODE_PAGES.values(), ids=CODE_PAGES.keys())
def test_code_blocks_fit_on_a_desktop(desktop_tab: Page, base_url: str, path: str) -> None:
    page = desktop_tab
    page.goto(base_url + path, wait_until="load")
    page.add_style_tag(content=DRAW_EVERYTHING)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    blocks = page.evaluate(MEASURE_CODE)
    too_wide = offenders(blocks)
    assert not too_wide, f"/{path} at 1280 px, code that scrolls sideways:\n" + "\n".join(too_wide)
