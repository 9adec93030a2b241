"""No content page is taller than 10,000 px on a 1280-px-wide desktop.

A page that long is a chapter, not a page: the reader's-path rule is to split it along
its natural seams. Measured in Debian's Chromium (fixtures in tests/conftest.py) after
forcing `content-visibility: visible` everywhere: the site's render.css skips the layout
of off-screen blocks on long pages, so without it the height is an estimate.

The API reference pages (generated from docstrings) are not content pages and are not
measured here; their weight is held by tests/test_budgets.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tests.test_browser import TIMEOUT_MS

MAX_HEIGHT_PX = 10_000
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
LAID_OUT = "* { content-visibility: visible !important; }"


def content_pages(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        parts = index.relative_to(site).parent.parts
        if parts and parts[0] in {"assets", "search", "figures", "reference", "404"}:
            continue
        pages.append("/".join(parts) + "/" if parts else "")
    return pages


@pytest.fixture(scope="module")
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def page_height(page: Page, url: str) -> int:
    page.goto(url, wait_until="load")
    page.add_style_tag(content=LAID_OUT)
    height: int = page.evaluate("() => document.documentElement.scrollHeight")
    return height


def test_the_site_has_content_pages(site: Path) -> None:
    pages = content_pages(site)
    assert "" in pages, "the home page is measured too"
    assert len(pages) >= 15, pages


def test_no_content_page_is_taller_than_the_limit(desktop: Page, base_url: str, site: Path) -> None:
    heights = {path: page_height(desktop, base_url + path) for path in content_pages(site)}
    # A measure that found nothing (an unloaded page, a failed style) is not a pass.
    assert min(heights.values()) > VIEWPORT["height"], heights
    too_tall = {path: height for path, height in heights.items() if height > MAX_HEIGHT_PX}
    assert not too_tall, f"pages taller than {MAX_HEIGHT_PX} px at 1280 px wide: {too_tall}"
