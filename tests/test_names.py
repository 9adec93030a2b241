"""One name per page: the overview tables call each page by its title.

The nav takes a page's name from its H1 (mkdocs.yml lists files, not titles); the home
page's map and each part's overview table link the pages by name. A link in those tables
to a page of the guide must read exactly as that page's H1 (a notebook's first heading),
so a reader never meets one page under two names.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from tests.snippet_runner import ROOT

DOCS = ROOT / "docs"
OVERVIEWS = [DOCS / "index.md", *sorted(DOCS.glob("*/index.md"))]
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)#\s]+\.(?:md|ipynb))\)")
H1 = re.compile(r"^# (?P<title>.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def title(page: Path) -> str:
    if page.suffix == ".ipynb":
        cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
        text = "".join(next(c["source"] for c in cells if c["cell_type"] == "markdown"))
    else:
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter: its YAML comments are not headings
            text = text.split("\n---\n", 1)[1]
    found = H1.search(text)
    assert found, f"{page.relative_to(ROOT)} has no H1"
    return found["title"]


def table_links(overview: Path) -> list[tuple[str, Path]]:
    """The (text, page) of every link to a page in the overview's table rows."""
    links = []
    for line in overview.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| "):
            continue
        for match in LINK.finditer(line):
            rel = posixpath.normpath(
                posixpath.join(overview.parent.relative_to(DOCS).as_posix(), match["target"])
            )
            links.append((match["text"], DOCS / rel))
    return links


def test_titles_are_read() -> None:
    assert title(DOCS / "foundations" / "shifts.md") == "Shifts"
    assert title(DOCS / "reference" / "index.md") == "API reference"
    assert title(DOCS / "notebooks" / "conv-check.ipynb") == "Check your convolution"


@pytest.mark.parametrize("overview", OVERVIEWS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_overview_tables_call_pages_by_their_title(overview: Path) -> None:
    links = table_links(overview)
    assert links, f"{overview.relative_to(ROOT)}: no table links to pages"
    wrong = [
        f"[{text}] -> {page.relative_to(DOCS)} is titled {title(page)!r}"
        for text, page in links
        if page.is_file() and text != title(page)
    ]
    missing = [str(page.relative_to(DOCS)) for _, page in links if not page.is_file()]
    assert not missing, f"{overview.relative_to(ROOT)} links missing pages: {missing}"
    assert not wrong, f"{overview.relative_to(ROOT)}:\n" + "\n".join(wrong)
