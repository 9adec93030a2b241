"""No page of the site is wider than a phone.

Every page at 390 x 800 px (a common phone width) must have
`document.documentElement.scrollWidth <= 390`: long formulas, tables and code scroll
inside their own box, the page itself never scrolls sideways. Long pages skip the
layout of blocks far below the first screen (`content-visibility: auto` in
stylesheets/render.css), so their widths would be estimates: the test first forces
every element visible. A failure names the outermost elements that stick out of the
viewport without a scrolling or clipping ancestor, widest first.

Uses the shared fixtures of tests/conftest.py (the built site, its server, one Chromium).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tests.test_browser import PAGES, TIMEOUT_MS

PHONE: ViewportSize = {"width": 390, "height": 800}
ALL_DRAWN = "* { content-visibility: visible !important; }"

# The outermost elements that stick out to the right of the viewport and are not inside
# a box that scrolls or clips (or a fixed one, like Material's drawer), widest first.
OVERFLOWING = r"""() => {
  const width = document.documentElement.clientWidth;
  const contains = (el) => {
    const style = getComputedStyle(el);
    return style.position === "fixed" || style.overflowX !== "visible";
  };
  const sticksOut = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 0.5;
  };
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!sticksOut(el)) continue;
    let contained = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (contains(up)) { contained = true; break; }
    }
    const parent = el.parentElement;
    if (contained || (parent && parent !== document.body && sticksOut(parent))) continue;
    const classes = typeof el.className === "string" ? el.className.trim() : "";
    found.push({
      element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (classes ? "." + classes.split(/\s+/).join(".") : ""),
      right: Math.round(el.getBoundingClientRect().right),
      text: (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 80),
    });
  }
  found.sort((a, b) => b.right - a.right);
  return {scrollWidth: document.documentElement.scrollWidth, found: found.slice(0, 5)};
}"""


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One tab at phone size, reused by every page of this module."""
    context = browser.new_context(viewport=PHONE, color_scheme="light", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_drawn(page: Page, url: str) -> None:
    """Load a page and lay out every block, so widths are measured, not estimated."""
    page.goto(url, wait_until="load")
    page.add_style_tag(content=ALL_DRAWN)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    # Two frames: style recalculation and layout of the now-visible blocks have run.
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => "
        "requestAnimationFrame(() => done(true))))"
    )


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_fits_a_phone(phone: Page, base_url: str, path: str) -> None:
    open_drawn(phone, base_url + path)
    measured: dict[str, Any] = phone.evaluate(OVERFLOWING)
    width = PHONE["width"]
    culprits = "\n".join(
        f"  {item['element']} (right edge at {item['right']} px): {item['text']!r}"
        for item in measured["found"]
    )
    assert measured["scrollWidth"] <= width, (
        f"/{path} is {measured['scrollWidth']} px wide at {width} px; sticking out:\n"
        f"{culprits or '  (no single element found)'}"
    )
