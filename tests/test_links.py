"""Every internal link and anchor of the built site resolves.

Checked without a browser, on the HTML `mkdocs build --strict` wrote (the strict build
checks the Markdown's links; this checks what reaches the reader, including links the
theme, mkdocstrings, mkdocs-jupyter and the hooks write):

* every `href` and `src` (and `srcset` entry) in every HTML file of the site that is a
  relative or site-absolute URL names a file of the site (a directory means its
  `index.html`);
* every `#fragment` of such a link, on the same page or another, matches an `id` or an
  `<a name>` in the target page. A fragment on a non-HTML target is not an anchor:
  `figure.light.svg#only-light` is how Material picks a figure for the palette, so only
  those two fragments are allowed there. An empty fragment (`#`, "back to top") is the
  top of the page;
* every `location` in the search index names a page and, if it has one, an anchor.

Policy for other links: `http(s)://` links (papers, the repository, the theme's
credits) and `mailto:` are listed by `external_links` but never fetched, so the tests
stay offline and deterministic. A `data:` URL is content, not a link (the notebook's
output images are embedded); a `javascript:` or any other scheme fails, as the site has
no use for one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

EXTERNAL_SCHEMES = {"http", "https", "mailto"}
EMBEDDED_SCHEMES = {"data"}
URL_ATTRIBUTES = {"href", "src", "srcset"}
# Material shows `name.light.svg#only-light` in the light palette only; not an anchor.
NON_HTML_FRAGMENTS = {"only-light", "only-dark"}


@dataclass(frozen=True)
class Link:
    """One URL found in a file of the site."""

    source: Path
    tag: str
    attribute: str
    url: str


class LinkParser(HTMLParser):
    """Collects every URL attribute and every anchor (`id`, `<a name>`) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((tag, name, candidate.split()[0]))
            elif name in URL_ATTRIBUTES:
                self.urls.append((tag, name, value))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


@dataclass(frozen=True)
class Parsed:
    urls: tuple[tuple[str, str, str], ...]
    anchors: frozenset[str]


@functools.cache
def parse(path: Path) -> Parsed:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return Parsed(tuple(parser.urls), frozenset(parser.anchors))


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def links(site: Path) -> Iterator[Link]:
    for page in html_files(site):
        for tag, attribute, url in parse(page).urls:
            yield Link(page, tag, attribute, url)


def is_external(url: str) -> bool:
    scheme = urlsplit(url).scheme.lower()
    return scheme in EXTERNAL_SCHEMES or url.startswith("//")


def external_links(site: Path) -> set[str]:
    """The links to other hosts: listed, never fetched."""
    return {link.url for link in links(site) if is_external(link.url)}


def resolve(site: Path, source: Path, url: str) -> tuple[Path, str]:
    """The file a site-internal URL on `source` names, and its (decoded) fragment."""
    parts = urlsplit(url)
    if not parts.path:
        target = source
    else:
        base = site if parts.path.startswith("/") else source.parent
        target = (base / unquote(parts.path.lstrip("/"))).resolve()
        if target.is_dir():
            target = target / "index.html"
    return target, unquote(parts.fragment)


def fragment_problem(site: Path, target: Path, fragment: str) -> str | None:
    """Why `#fragment` does not name a place in the existing file `target`, or None."""
    if not fragment:
        return None
    if target.suffix != ".html":
        return (
            None if fragment in NON_HTML_FRAGMENTS else f"fragment #{fragment} on a non-HTML file"
        )
    if fragment not in parse(target).anchors:
        return f"no id or name {fragment!r} in {target.relative_to(site.resolve())}"
    return None


def problem(site: Path, source: Path, url: str) -> str | None:
    """Why an internal URL does not resolve, or None when it does."""
    if urlsplit(url).scheme:
        return f"scheme {urlsplit(url).scheme!r} is neither internal nor http(s)/mailto"
    target, fragment = resolve(site, source, url)
    if not target.is_relative_to(site.resolve()):
        return f"points outside the site, to {target}"
    if not target.is_file():
        return f"no file {target.relative_to(site.resolve())}"
    return fragment_problem(site, target, fragment)


def internal_links(site: Path) -> list[Link]:
    return [
        link
        for link in links(site)
        if not is_external(link.url) and urlsplit(link.url).scheme not in EMBEDDED_SCHEMES
    ]


def test_the_checker_sees_the_site(site: Path) -> None:
    """It must actually check something: pages, links, anchors and external links."""
    pages = html_files(site)
    internal = internal_links(site)
    anchored = [link for link in internal if urlsplit(link.url).fragment]
    assert len(pages) >= 20, f"only {len(pages)} HTML files in {site}"
    assert len(internal) >= 20 * len(pages), f"only {len(internal)} internal links"
    assert len(anchored) >= 100, f"only {len(anchored)} links with a #fragment"
    assert external_links(site), "no external link found: is the parser reading attributes?"


def test_problem_flags_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2><a name="y"></a>')
    (tmp_path / "f.svg").write_text("<svg/>")
    page = tmp_path / "index.html"
    page.write_text('<p id="top"></p>')
    assert problem(tmp_path, page, "a/") is None
    assert problem(tmp_path, page, "a/#x") is None
    assert problem(tmp_path, page, "a/index.html#y") is None
    assert problem(tmp_path, page, "#top") is None
    assert problem(tmp_path, page, "#") is None
    assert problem(tmp_path, page, "f.svg#only-dark") is None
    assert problem(tmp_path, page, "a/#z") is not None
    assert problem(tmp_path, page, "#nowhere") is not None
    assert problem(tmp_path, page, "b/") is not None
    assert problem(tmp_path, page, "f.svg#x") is not None
    assert problem(tmp_path, page, "../outside/") is not None
    assert problem(tmp_path, page, "javascript:void(0)") is not None
    assert is_external("https://arxiv.org/abs/1904.11486")
    assert is_external("mailto:someone@example.org")


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    for link in internal_links(site):
        why = problem(site, link.source, link.url)
        if why:
            where = link.source.relative_to(site).as_posix()
            shown = link.url if len(link.url) <= 120 else link.url[:120] + "..."
            broken.append(f"{where}: <{link.tag} {link.attribute}={shown!r}>: {why}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken)))


def test_every_search_index_location_resolves(site: Path) -> None:
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        pytest.fail("search/search_index.json is missing from the site")
    docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
    assert docs, "the search index is empty"
    root = site / "index.html"
    broken = []
    for doc in docs:
        # Locations are relative to the site root ("" is the home page).
        why = problem(site, root, doc["location"] or "./")
        if why:
            broken.append(f"{doc['location']!r} ({doc['title']!r}): {why}")
    assert not broken, f"{len(broken)} search results lead nowhere:\n" + "\n".join(broken)
