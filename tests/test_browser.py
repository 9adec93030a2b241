"""The site works in a real browser, offline.

Serves the built site on 127.0.0.1 and drives Debian's Chromium with Playwright (no
`playwright install`: the system browser is used). For the main pages: no console
error, no request to any other host, every formula is rendered MathML (a page whose HTML
has math shows it; no page shows raw delimiters), every image loaded; the palette
toggle switches to dark and shows the dark figures; search works.

Skipped only when Chromium is missing and CI is not set; in CI a missing Chromium fails.
The fixtures that start the browser and serve the site are in tests/conftest.py, shared
with tests/test_math.py (one Playwright per session).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

from tests.conftest import HOST
from tests.test_site import has_math

DOCS = Path(__file__).resolve().parents[1] / "docs"


def site_path(source: Path) -> str:
    """The URL path MkDocs gives a page: `foundations/shifts.md` -> `foundations/shifts/`."""
    parts = source.relative_to(DOCS).with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


# Every page of the site, so a new page is covered without editing this file.
PAGES = {
    site_path(source) or "home": site_path(source)
    for source in sorted([*DOCS.rglob("*.md"), *DOCS.glob("notebooks/*.ipynb")])
}
TIMEOUT_MS = 30_000


@dataclass
class Visit:
    """A browser tab plus everything that went wrong in it."""

    page: Page
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.requests, "the browser made no request at all"
        assert not self.foreign, f"requests to hosts other than {HOST}: {self.foreign}"
        assert not self.errors, "errors in the browser:\n" + "\n".join(self.errors)


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    context = browser.new_context(color_scheme="light", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    seen = Visit(page)
    local = urlsplit(base_url).netloc

    def route(route: Route) -> None:
        # Nothing may leave the machine: a foreign request is recorded and aborted.
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            seen.foreign.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def failed(request: Request) -> None:
        if urlsplit(request.url).netloc == local:
            seen.errors.append(f"request failed: {request.url} ({request.failure})")

    context.route("**/*", route)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", console)
    page.on("pageerror", lambda error: seen.errors.append(f"page error: {error}"))
    page.on("requestfailed", failed)
    page.on(
        "response",
        lambda response: (
            seen.errors.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    try:
        yield seen
    finally:
        context.close()


def open_page(visit: Visit, base_url: str, path: str) -> Page:
    page = visit.page
    page.goto(base_url + path, wait_until="load")
    # Math is MathML in the HTML (tools/mkdocs_math.py); only its font may still be loading.
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page


UNTYPESET = r"""() => {
  const raw = [];
  for (const el of document.querySelectorAll(".arithmatex")) {
    if (!el.querySelector("math")) raw.push(el.textContent.trim().slice(0, 80));
  }
  for (const cell of document.querySelectorAll(".jp-RenderedMarkdown")) {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll("math, pre, code").forEach((n) => n.remove());
    const text = copy.textContent;
    const left = text.match(/\$\$|\\\(|\\\[|\$[^$\s][^$]*\$/);
    if (left) raw.push(left[0].slice(0, 80));
  }
  return raw;
}"""

# Figures load lazily (tools/mkdocs_hooks.py), so the twin the palette hides is never
# fetched: scroll each shown image into view, wait for it, and report those that fail.
BROKEN_IMAGES = """async () => {
  const settle = (img) => new Promise((done) => {
    if (img.complete) return done();
    img.addEventListener("load", done, { once: true });
    img.addEventListener("error", done, { once: true });
    setTimeout(done, 10000);
  });
  const shown = Array.from(document.images).filter((img) => img.getClientRects().length);
  for (const img of shown) {
    img.scrollIntoView();
    await settle(img);
  }
  window.scrollTo(0, 0);
  return shown
    .filter((img) => !img.complete || img.naturalWidth === 0)
    .map((img) => img.getAttribute("src"));
}"""


def test_the_pages_tested_here_have_math(site: Path) -> None:
    with_math = [p for p in PAGES.values() if has_math(page_source(site, p))]
    assert with_math, f"none of {list(PAGES.values())} has math, so its rendering is not tested"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_loads_offline_with_math_and_images(
    visit: Visit, base_url: str, site: Path, path: str
) -> None:
    page = open_page(visit, base_url, path)
    if has_math(page_source(site, path)):
        assert page.locator(".arithmatex math").count() > 0, f"/{path}: no rendered math"
    assert page.evaluate(UNTYPESET) == [], f"/{path}: math left untypeset"
    assert page.evaluate(BROKEN_IMAGES) == [], f"/{path}: images that did not load"
    hidden_twins = [url for url in visit.requests if ".dark.svg" in url]
    assert hidden_twins == [], f"/{path}: the light palette fetched dark figures"
    visit.assert_clean()


def page_source(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def pages_with_figures(site: Path) -> list[str]:
    found = []
    for path in PAGES.values():
        html = page_source(site, path)
        if re.search(r'<img[^>]+src="[^"]+\.dark\.svg#only-dark"', html):
            found.append(path)
    return found


def scheme(page: Page) -> str:
    return str(page.evaluate("() => document.body.dataset.mdColorScheme"))


def visible_figures(page: Page) -> dict[str, list[bool]]:
    return {
        variant: [img.is_visible() for img in page.locator(f'img[src$="#only-{variant}"]').all()]
        for variant in ("light", "dark")
    }


def test_palette_toggle_switches_scheme_and_figures(
    visit: Visit, base_url: str, site: Path
) -> None:
    candidates = pages_with_figures(site)
    assert candidates, f"none of the pages {list(PAGES.values())} shows a light/dark figure"
    page = open_page(visit, base_url, candidates[0])
    assert scheme(page) == "default"
    figures = visible_figures(page)
    assert figures["light"], "no light figure on the page"
    assert all(figures["light"]), f"light figures hidden in the light scheme: {figures}"
    assert not any(figures["dark"]), f"dark figures shown in the light scheme: {figures}"

    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    figures = visible_figures(page)
    assert all(figures["dark"]), f"dark figures hidden in slate: {figures}"
    assert not any(figures["light"]), f"light figures still shown in slate: {figures}"
    assert page.evaluate(BROKEN_IMAGES) == []

    page.locator('label[title="Switch to light mode"]').click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert not any(visible_figures(page)["dark"])
    visit.assert_clean()


@pytest.mark.parametrize("preference", ["light", "dark"])
def test_the_scheme_is_chosen_before_any_script_file_runs(
    browser: Browser, base_url: str, preference: Literal["light", "dark"]
) -> None:
    """The reader's preferred scheme is drawn from the start, not after Material's bundle.

    tools/overrides/partials/javascripts/palette.html picks it inline, in the header; with
    every script file blocked, the page still shows the preferred scheme and its toggle.
    """
    context = browser.new_context(color_scheme=preference, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    expected = "slate" if preference == "dark" else "default"
    assert scheme(page) == expected
    offered = "Switch to light mode" if preference == "dark" else "Switch to dark mode"
    assert page.locator(f'label[title="{offered}"]').is_visible()
    context.close()


def test_the_reader_s_choice_of_scheme_holds_on_the_next_page(visit: Visit, base_url: str) -> None:
    page = open_page(visit, base_url, "")
    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page = open_page(visit, base_url, "foundations/shifts/")
    assert scheme(page) == "slate"
    assert page.locator('label[title="Switch to light mode"]').is_visible()
    # On the keyboard: the checked option has focus, Enter switches to the next scheme.
    page.locator("input[name='__palette']:checked").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    visit.assert_clean()


def search_word(site: Path, location: str) -> str:
    """A word from a page's title, as the search index has it."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"] == location]
    assert titles, f"{location!r} is not in the search index"
    words: list[str] = re.findall(r"[A-Za-z]{5,}", titles[0])
    assert words, f"the title {titles[0]!r} has no word to search for"
    return words[0].lower()


def test_search_finds_a_page(visit: Visit, base_url: str, site: Path) -> None:
    target = PAGES["foundations/convolution/"]
    word = search_word(site, target)
    page = open_page(visit, base_url, PAGES["home"])
    page.locator("input.md-search__input").fill(word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="attached")
    hrefs = [str(a.get_attribute("href")) for a in results.all()]
    assert any(target in href for href in hrefs), f"searching {word!r} found {hrefs}"
    visit.assert_clean()


def test_the_copy_button_copies_the_snippet_file(browser: Browser, base_url: str) -> None:
    """A reader who copies a snippet from the page gets the file the tests ran.

    Material mounts a code block's buttons when the block comes into view (the
    `content.lazy` feature keeps that work out of the page load), so the block is
    scrolled to first, as a reader would.
    """
    snippet = "snippets/shifts/fourier_shift.py"
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(base_url + "foundations/shifts/", wait_until="load")
    block = page.locator("div.highlight").filter(
        has=page.locator(f'a.shiftlab-snippet-link:text-is("{snippet}")')
    )
    assert block.count() == 1, f"{snippet} is shown {block.count()} times on the page"
    block.scroll_into_view_if_needed()
    button = block.locator('.md-code__button[data-md-type="copy"]')
    button.click()
    copied = str(page.evaluate("() => navigator.clipboard.readText()"))
    expected = (DOCS.parent / snippet).read_text(encoding="utf-8")
    assert copied.rstrip("\n") == expected.rstrip("\n")
    context.close()
