"""The reader's path on every content page: key results first, exercises last, captions.

Checked on the built HTML:

* a content page opens with a "Key results" box (an `abstract` admonition) before its
  first section;
* it ends with an Exercises section holding at least two exercises, each answered by a
  collapsed "Solution" that shows a snippet (run and checked like every other);
* every figure a page shows (any page, the home page included) sits in a `<figure>` with
  a `<figcaption>` in HTML, readable at any width, not only as text inside the SVG.

Content pages are the guide's chapters: every page of Parts I-III and the Use it pages
that teach (not the section overviews, the Explorable, the References or the API).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.snippet_runner import ROOT

DOCS = ROOT / "docs"
NOT_CONTENT = {"index.md", "explorable.md", "references.md"}
MIN_EXERCISES = 2
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def content_pages() -> list[str]:
    pages = []
    for part in ("foundations", "through-a-cnn", "extending", "use-it"):
        for page in sorted((DOCS / part).glob("*.md")):
            if page.name not in NOT_CONTENT:
                pages.append(f"{part}/{page.stem}/")
    return pages


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def all_text(self) -> str:
        return " ".join([*self.text, *(c.all_text() for c in self.children)]).strip()


class Tree(HTMLParser):
    """A small DOM: enough nesting to tell which figure an image is in."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.stack[-1].text.append(data.strip())


def article(site: Path, page: str) -> Node:
    tree = Tree()
    tree.feed((site / page / "index.html").read_text(encoding="utf-8"))
    found = [n for n in tree.root.walk() if n.tag == "article"]
    assert found, f"{page}: no <article>"
    return found[0]


def test_the_content_pages_are_found() -> None:
    pages = content_pages()
    assert "foundations/shifts/" in pages
    assert "use-it/measure-your-model/" in pages
    assert not [p for p in pages if p.endswith(("index/", "explorable/", "references/"))]


@pytest.mark.parametrize("page", content_pages())
def test_key_results_come_first(site: Path, page: str) -> None:
    nodes = article(site, page).walk()
    first_h2 = next((i for i, n in enumerate(nodes) if n.tag == "h2"), len(nodes))
    boxes = [
        n
        for n in nodes[:first_h2]
        if {"admonition", "abstract"} <= n.classes
        and any(t.tag == "p" and "admonition-title" in t.classes for t in n.children)
    ]
    assert boxes, f"{page}: no 'Key results' abstract box before the first section"
    title = next(c for c in boxes[0].children if "admonition-title" in c.classes)
    assert title.all_text() == "Key results", f"{page}: the box is titled {title.all_text()!r}"
    items = [n for n in boxes[0].walk() if n.tag == "li"]
    assert len(items) >= 2, f"{page}: the Key results box lists {len(items)} result(s)"


@pytest.mark.parametrize("page", content_pages())
def test_exercises_have_collapsed_snippet_solutions(site: Path, page: str) -> None:
    nodes = article(site, page).walk()
    start = next(
        (i for i, n in enumerate(nodes) if n.tag == "h2" and n.attrs.get("id") == "exercises"), None
    )
    assert start is not None, f"{page}: no '## Exercises {{ #exercises }}' section"
    end = next((i for i in range(start + 1, len(nodes)) if nodes[i].tag == "h2"), len(nodes))
    solutions = []
    for node in nodes[start:end]:
        if node.tag != "details" or "open" in node.attrs:
            continue
        summary = next((c for c in node.children if c.tag == "summary"), None)
        if summary is None or summary.all_text() != "Solution":
            continue
        assert any(n.tag == "code" for n in node.walk()), f"{page}: a Solution without code"
        solutions.append(node)
    assert len(solutions) >= MIN_EXERCISES, (
        f"{page}: expected at least {MIN_EXERCISES} exercises with a collapsed "
        f"'Solution' (??? success \"Solution\") holding a snippet, found {len(solutions)}"
    )


def figure_pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("index.html") if "/figures/" in p.read_text(encoding="utf-8")
    )


def test_every_figure_has_an_html_caption(site: Path) -> None:
    problems = []
    pages = [p for p in figure_pages(site) if "reference" not in p.relative_to(site).parts]
    assert pages, "no page shows a figure"
    for path in pages:
        tree = Tree()
        tree.feed(path.read_text(encoding="utf-8"))
        captioned: set[int] = set()
        for figure in (n for n in tree.root.walk() if n.tag == "figure"):
            caption = [c for c in figure.walk() if c.tag == "figcaption" and c.all_text()]
            # A caption is raw HTML: math in it is not converted, and would show as source.
            raw = [c.all_text() for c in caption if "\\(" in c.all_text()]
            problems += [
                f"{path.relative_to(site).parent}/: raw math in a caption: {t}" for t in raw
            ]
            if caption:
                captioned |= {id(n) for n in figure.walk() if n.tag == "img"}
        for img in (n for n in tree.root.walk() if n.tag == "img"):
            if "figures/" in img.attrs.get("src", "") and id(img) not in captioned:
                where = path.relative_to(site).parent.as_posix()
                problems.append(f"{where}/: {img.attrs['src']} has no <figcaption>")
    assert not problems, "\n".join(problems)
