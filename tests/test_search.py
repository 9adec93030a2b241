"""Search finds the page that teaches a word, and nothing a page does leaves the machine.

The index (search/search_index.json): no `¶` from notebook headings, no API source
listings, no figure-drawing code; the figures API page is still built, linked from the
API reference, but in neither the navigation nor the index. In Chromium, typing a word
into the real search box puts the page that teaches it first. A page visit, the header's
repository link included (Material would ask the GitHub API for stars and forks), makes
no request to any host but the site's, and fetches the index only when the reader
searches.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.conftest import HOST, keep_local
from tests.test_site import site_files, tags
from tests.tool_loader import load_tool

# Each query, and the page that teaches it: what a reader typing it should get first.
# "one pixel shift" names the operation the Shifts page defines; what such a shift does
# to a strided network (Max pooling and aliasing) follows it among the first three.
# "polyphase" is the name of adaptive polyphase sampling's page; the page that defines
# polyphase components (Stride and pooling) follows it among the first three.
TEACHING_PAGES = {
    "BlurPool": "through-a-cnn/anti-aliasing/",
    "APS": "through-a-cnn/adaptive-polyphase-sampling/",
    "padding": "through-a-cnn/borders-and-padding/",
    "one pixel shift": "foundations/shifts/",
    "polyphase": "through-a-cnn/adaptive-polyphase-sampling/",
    "LayerNorm": "through-a-cnn/normalisation/",
}
ALSO_IN_FIRST_THREE = {
    "one pixel shift": "through-a-cnn/aliasing/",
    "polyphase": "through-a-cnn/stride-and-pooling/",
}
FIGURES_PAGE = "reference/figures/"
TIMEOUT_MS = 30_000


def search_index(site: Path) -> dict[str, Any]:
    index: dict[str, Any] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return index


def test_no_pilcrow_is_indexed(site: Path) -> None:
    found = [
        doc["location"]
        for doc in search_index(site)["docs"]
        if "¶" in doc["title"] or "¶" in doc["text"]
    ]
    assert not found, f"indexed with a pilcrow: {found}"


def test_no_source_listing_is_indexed(site: Path) -> None:
    # mkdocstrings' listing: "Source code in <code>src/.../x.py</code>", then the code.
    listing = re.compile(r"Source code in <code>[^<]*\.py</code>")
    found = [d["location"] for d in search_index(site)["docs"] if listing.search(d["text"])]
    assert not found, f"source listings in the index: {found}"


def test_figure_code_is_in_neither_search_nor_nav(site: Path) -> None:
    assert (site / FIGURES_PAGE / "index.html").is_file(), "the figures API page is not built"
    indexed = [
        doc["location"]
        for doc in search_index(site)["docs"]
        if doc["location"].startswith(FIGURES_PAGE)
    ]
    assert not indexed, f"figure code in the search index: {indexed[:5]}"
    in_nav, linked_from = [], set()
    for page in site_files(site, ".html"):
        where = page.parent.relative_to(site).as_posix()
        if where + "/" == FIGURES_PAGE:
            continue  # its own table of contents
        url = f"http://{HOST}/{where}/"
        for _, attrs in tags(page.read_text(encoding="utf-8"), "a"):
            if urljoin(url, attrs.get("href", "")).split("#")[0] != urljoin(
                url, "/" + FIGURES_PAGE
            ):
                continue
            classes = attrs.get("class", "").split()
            if {"md-nav__link", "md-footer__link"} & set(classes):
                in_nav.append(where)
            else:
                linked_from.add(where)
    assert not in_nav, f"the figures API page is in the navigation of {in_nav[:5]}"
    assert "reference" in linked_from, "the API reference index no longer links the figures"


def tokens(separator: str, text: str) -> list[str]:
    """Split `text` as Material's search does; Python reads its separator as JS does."""
    return [t for t in re.split(separator, text) if t]


def test_the_separator_splits_at_punctuation_not_inside_words(site: Path) -> None:
    separator = search_index(site)["config"]["separator"]
    text = 'subsampling (BlurPool), APS: "LayerNorm" [padding] shiftlab.layers v1.2'
    assert tokens(separator, text) == [
        "subsampling",
        "BlurPool",
        "APS",
        "LayerNorm",
        "padding",
        "shiftlab",
        "layers",
        "v1.2",
    ]


@pytest.fixture
def offline(browser: Browser, base_url: str) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A browser context whose requests to other hosts are recorded and aborted."""
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    foreign = keep_local(context, base_url)
    try:
        yield context, foreign
    finally:
        context.close()


def first_results(context: BrowserContext, base_url: str, query: str) -> list[str]:
    """The pages the search box lists for `query`, best first (URL paths, no query)."""
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    page.locator("input.md-search__input").fill(query)
    page.wait_for_function(
        "() => /matching/i.test("
        "document.querySelector('.md-search-result__meta')?.textContent ?? '')"
    )
    items = page.locator(".md-search-result__list > .md-search-result__item")
    hrefs = [str(items.nth(i).locator("a").first.get_attribute("href")) for i in range(3)]
    page.close()
    return [urlsplit(href).path.removeprefix(urlsplit(base_url).path) for href in hrefs]


@pytest.mark.parametrize("query", TEACHING_PAGES)
def test_search_puts_the_teaching_page_first(
    offline: tuple[BrowserContext, list[str]], base_url: str, query: str
) -> None:
    context, foreign = offline
    results = first_results(context, base_url, query)
    assert results[0] == TEACHING_PAGES[query], f"searching {query!r} lists {results} first"
    if query in ALSO_IN_FIRST_THREE:
        assert ALSO_IN_FIRST_THREE[query] in results, f"searching {query!r}: {results}"
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.mark.parametrize("path", ["", "through-a-cnn/anti-aliasing/", "reference/layers/"])
def test_a_page_visit_asks_no_other_host(
    offline: tuple[BrowserContext, list[str]], base_url: str, path: str
) -> None:
    context, foreign = offline
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert seen, "the browser made no request at all"
    assert not foreign, f"requests to other hosts: {foreign}"
    assert all(urlsplit(url).hostname == HOST for url in seen if not url.startswith("data:"))
    source = page.locator("a.md-source").first
    assert (source.get_attribute("href") or "").startswith("https://"), "no repository link"
    # Material's script asks the GitHub API for stars and forks of a link marked so.
    assert source.get_attribute("data-md-component") is None


def test_the_hook_marks_source_listings_and_pilcrows() -> None:
    hook = load_tool("mkdocs_search")
    html = (
        '<h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2>'
        '<details class="mkdocstrings-source"><pre>code</pre></details>'
        '<details class="note"><p>kept</p></details>'
    )
    assert hook.exclude_from_search(html).count('data-search-exclude="true"') == 2


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if urlsplit(url).path.endswith("/search_index.json")]


def test_the_index_is_fetched_only_when_the_reader_searches(
    offline: tuple[BrowserContext, list[str]], base_url: str
) -> None:
    """The search index is a page's largest download; a reader who never searches skips it.

    tools/overrides/partials/shiftlab-search-on-demand.html holds Material's request back
    until the search form is used: by pointer, by focus, or by Material's `s` shortcut.
    """
    context, _ = offline
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(base_url + "through-a-cnn/anti-aliasing/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert index_requests(seen) == [], "the search index was fetched before any search"
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    page.wait_for_function("() => document.activeElement?.matches('input.md-search__input')")
    page.keyboard.type("BlurPool")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert len(index_requests(seen)) == 1, index_requests(seen)
    page.close()


def test_a_page_opened_from_a_result_fetches_the_index_to_highlight(
    offline: tuple[BrowserContext, list[str]], base_url: str
) -> None:
    context, _ = offline
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(base_url + "foundations/shifts/?h=shift", wait_until="networkidle")
    assert len(index_requests(seen)) == 1, seen
    page.close()
