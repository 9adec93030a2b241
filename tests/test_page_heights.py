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
# Pages still over the limit, with their height when last measured; each must still be
# over (strict xfail), so an entry cannot outlive the problem.
KNOWN_TOO_TALL: dict[str, str] = {
    "foundations/convolution/": "12,782 px on 2026-11-29",
    "foundations/equivariance/": "16,782 px on 2026-11-29",
    "foundations/weight-sharing/": "16,283 px on 2026-11-29",
    "through-a-cnn/borders-and-padding/": "16,132 px on 2026-11-29",
    "through-a-cnn/nonlinearities/": "20,847 px on 2026-11-29",
    "through-a-cnn/aliasing/": "10,265 px on 2026-11-29",
    "through-a-cnn/anti-aliasing/": "21,943 px on 2026-11-29",
    "through-a-cnn/layer-by-layer/": "11,064 px on 2026-11-29",
    "extending/position-aware/": "15,063 px on 2026-11-29",
    "extending/beyond-translation/": "24,182 px on 2026-11-29",
    "use-it/measure-your-model/": "11,985 px on 2026-11-29",
}
LAID_OUT = "* { content-visibility: visible !important; }"


def content_pages(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        parts = index.relative_to(site).parent.parts
        if parts and parts[0] in {"assets", "search", "figures", "reference", "404"}:
            continue
        pages.append("/".join(parts) + "/" if parts else "")
    return pages


def height_cases() -> list[object]:
    # The page list needs the built site; the parametrisation cannot, so the cases are the
    # known-over pages plus one test over every page (below).
    return [
        pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=reason))
        for path, reason in KNOWN_TOO_TALL.items()
    ]


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
    assert not set(KNOWN_TOO_TALL) - set(pages), "a known-too-tall page no longer exists"


def test_no_content_page_is_taller_than_the_limit(desktop: Page, base_url: str, site: Path) -> None:
    heights = {path: page_height(desktop, base_url + path) for path in content_pages(site)}
    too_tall = {
        path: height
        for path, height in heights.items()
        if height > MAX_HEIGHT_PX and path not in KNOWN_TOO_TALL
    }
    assert not too_tall, f"pages taller than {MAX_HEIGHT_PX} px at 1280 px wide: {too_tall}"


@pytest.mark.parametrize("path", height_cases())
def test_known_too_tall_page(desktop: Page, base_url: str, path: str) -> None:
    height = page_height(desktop, base_url + path)
    assert height <= MAX_HEIGHT_PX, f"{path} is {height} px tall"
