"""Every page passes axe-core with no serious or critical violation.

axe-core (Deque, MPL-2.0) comes from PyPI: the dev dependency `axe-playwright-python`
ships `axe.min.js`; only that file is used, injected into the page from disk, so
nothing is fetched. Every page of the site (content pages, section indexes, the
notebook page, the API pages) is checked at a desktop width (1280 px) in the light and
the dark palette (Material follows the browser's `prefers-color-scheme` when the reader
has not chosen; the test checks the scheme it got), and at a phone width (390 px), where
formulas and tables become boxes that scroll, without the colour-contrast rule. That
rule is most of axe's time (about 80 % on a long page) and a phone adds nothing to it:
the colours are the palette's at every width, and at 390 px text inside a box that
scrolls is not checked at all, so the desktop runs see more of the text. Before axe
runs, every block is laid out (render.css skips off-screen blocks with
`content-visibility: auto`, which would hide their text from the contrast rule).

A failure lists each serious or critical rule with the page, its help text and the
CSS selectors of the offending elements. Moderate and minor findings are not failures.
One tab per width and palette, reused for every page (axe takes seconds per page).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.test_browser import PAGES, TIMEOUT_MS
from tests.test_layout import open_drawn

# Found, not imported: only the script is used, not the package's Python wrapper.
_AXE_SPEC = importlib.util.find_spec("axe_playwright_python")
AXE_JS = Path(_AXE_SPEC.origin or "").parent / "axe.min.js" if _AXE_SPEC else Path("axe.min.js")
FAILING_IMPACTS = {"serious", "critical"}
WIDTHS = {"phone": 390, "desktop": 1280}
# Playwright's emulated preference -> the Material scheme it must select.
SCHEMES = {"light": "default", "dark": "slate"}
VIEWS = [("desktop", "light"), ("desktop", "dark"), ("phone", "light")]
# Rules a view leaves out, and why (see the module docstring).
SKIPPED_RULES = {"phone": ["color-contrast"]}
SELECTORS_SHOWN = 8

RUN_AXE = """(skipped) => axe.run(document, {
  resultTypes: ["violations"],
  rules: Object.fromEntries(skipped.map((id) => [id, { enabled: false }])),
}).then((result) =>
  result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  })))"""


class Tabs(dict[tuple[str, str], Page]):
    """One tab per (width, palette), opened when first asked for."""

    def __init__(self, browser: Browser) -> None:
        super().__init__()
        self.browser = browser
        self.contexts: list[BrowserContext] = []

    def __missing__(self, view: tuple[str, str]) -> Page:
        """Open the tab for a view the first time it is needed."""
        width, scheme = view
        context = self.browser.new_context(
            viewport={"width": WIDTHS[width], "height": 800},
            color_scheme="dark" if scheme == "dark" else "light",
            service_workers="block",
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = self[view] = context.new_page()
        return page


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[Tabs]:
    """The tabs, reused for every page of this module."""
    opened = Tabs(browser)
    try:
        yield opened
    finally:
        for context in opened.contexts:
            context.close()


def test_axe_is_available() -> None:
    assert _AXE_SPEC, "axe-playwright-python is not installed: install the dev dependencies"
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: install the dev dependencies"
    assert "axe v4." in AXE_JS.read_text(encoding="utf-8")[:200]


def format_violations(path: str, view: tuple[str, str], found: list[dict[str, Any]]) -> str:
    lines = [f"/{path} at {WIDTHS[view[0]]} px, {view[1]} palette:"]
    for violation in found:
        targets = violation["targets"]
        shown = ", ".join(targets[:SELECTORS_SHOWN])
        more = (
            f" (and {len(targets) - SELECTORS_SHOWN} more)"
            if len(targets) > SELECTORS_SHOWN
            else ""
        )
        lines.append(
            f"  {violation['id']} [{violation['impact']}] {violation['help']}: "
            f"{len(targets)} elements: {shown}{more}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("view", VIEWS, ids=[f"{w}-{s}" for w, s in VIEWS])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_serious_axe_violation(
    tabs: Tabs, base_url: str, path: str, view: tuple[str, str]
) -> None:
    page = tabs[view]
    open_drawn(page, base_url + path)
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert scheme == SCHEMES[view[1]], f"/{path}: expected the {view[1]} palette, got {scheme}"
    page.add_script_tag(path=str(AXE_JS))
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE, SKIPPED_RULES.get(view[0], []))
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, format_violations(path, view, failing)
