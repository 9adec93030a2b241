"""Every page leads to its source in the repository, and so does every snippet it shows.

Each snippet's title bar links to the snippet's file; each page's edit button to its
Markdown (or notebook) file. The repository URL is the header's link (`repo_url`); the
links must point into it, at files that exist in this checkout.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.snippet_runner import ROOT
from tests.test_site import tags
from tests.tool_loader import load_tool

DOCS = ROOT / "docs"
INCLUDE = re.compile(r"""--8<--\s+"(snippets/[^"]+\.py)\"""")
LINK = re.compile(
    r"""<a class="shiftlab-snippet-link" href="(?P<href>[^"]+)"[^>]*>(?P<path>[^<]+)</a>"""
)


def built_page(site: Path, source: Path) -> Path:
    """The HTML MkDocs writes for a page: `a/b.md` -> `a/b/index.html`."""
    parts = source.relative_to(DOCS).with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    return site.joinpath(*parts, "index.html")


def repo_url(site: Path) -> str:
    links = [
        a
        for _, a in tags((site / "index.html").read_text("utf-8"), "a")
        if "md-source" in a.get("class", "")
    ]
    assert links, "the header has no repository link (repo_url)"
    return links[0]["href"].rstrip("/")


SOURCES = sorted([*DOCS.rglob("*.md"), *DOCS.glob("notebooks/*.ipynb")])
PAGES_WITH_SNIPPETS = [
    p for p in SOURCES if p.suffix == ".md" and INCLUDE.search(p.read_text("utf-8"))
]


def test_some_pages_show_snippets() -> None:
    assert len(PAGES_WITH_SNIPPETS) >= 10


@pytest.mark.parametrize(
    "source", PAGES_WITH_SNIPPETS, ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_every_snippet_shown_links_to_its_file(site: Path, source: Path) -> None:
    included = Counter(INCLUDE.findall(source.read_text(encoding="utf-8")))
    html = built_page(site, source).read_text(encoding="utf-8")
    links = [(m["href"], m["path"]) for m in LINK.finditer(html)]
    assert Counter(path for _, path in links) == included, (
        f"{source.name}: the snippets shown and the snippet links differ"
    )
    base = repo_url(site) + "/blob/"
    for href, path in links:
        assert href.startswith(base), href
        assert href.endswith("/" + path), href
        branch = href[len(base) :].removesuffix("/" + path)
        assert "/" not in branch, f"{href}: not <repo>/blob/<branch>/<path>"
        assert (ROOT / path).is_file(), f"{href} points at a file that does not exist"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_links_to_its_source(site: Path, source: Path) -> None:
    html = built_page(site, source).read_text(encoding="utf-8")
    edits = [a["href"] for _, a in tags(html, "a") if a.get("rel") == "edit"]
    assert len(edits) == 1, f"{source.name}: {len(edits)} edit links"
    docs_path = source.relative_to(DOCS).as_posix()
    assert edits[0].startswith(repo_url(site) + "/edit/"), edits[0]
    assert edits[0].endswith("/docs/" + docs_path), f"{edits[0]} is not {docs_path}"


def load_hook() -> Any:
    return load_tool("mkdocs_snippet_links")


def test_the_hook_titles_only_one_line_snippet_fences() -> None:
    hook = load_hook()
    markdown = (
        '!!! note\n    ```python\n    --8<-- "snippets/a/b.py"\n    ```\n\n'
        '```python title="kept"\n--8<-- "snippets/a/c.py"\n```\n\n'
        "```python\nprint(1)\n```\n"
    )
    assert hook.title_snippet_fences(markdown) == markdown.replace(
        "    ```python\n", '    ```python title="snippets/a/b.py"\n', 1
    )
    html = '<span class="filename">snippets/a/b.py</span>'
    linked = hook.link_snippet_titles(html, "https://example.org/r/blob/main/")
    assert 'href="https://example.org/r/blob/main/snippets/a/b.py"' in linked


def test_repo_links_point_into_the_repository(site: Path) -> None:
    repo = repo_url(site)
    sources = [p for p in SOURCES if "](repo:" in p.read_text("utf-8")]
    assert sources, "no page uses a repo: link"
    for source in sources:
        html = built_page(site, source).read_text("utf-8")
        assert "repo:" not in html, f"{source.name}: an unresolved repo: link"
        hrefs = [a["href"] for _, a in tags(html, "a") if a.get("href", "").startswith(repo)]
        paths = [h.removeprefix(repo + "/tree/main/") for h in hrefs if "/tree/main/" in h]
        assert paths, f"{source.name}: no link into the repository's tree"
        missing = [p for p in paths if not (ROOT / p).exists()]
        assert not missing, f"{source.name}: links to paths not in the repository: {missing}"


def test_the_hook_resolves_repo_links() -> None:
    hook = load_hook()
    tree = "https://example.org/r/tree/main/"
    assert hook.link_repository_paths("[a](repo:src/x) [b](../y.md)", tree) == (
        "[a](https://example.org/r/tree/main/src/x) [b](../y.md)"
    )
