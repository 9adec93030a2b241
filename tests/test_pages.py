"""The pages and the tested material they show agree.

* Every Python fence on a page is an include of a file (no Python typed into Markdown),
  so every line a reader sees runs in the tests; every include and `path:section` resolves.
* Every snippet is shown by some page.
* Every figure reference comes as a light/dark pair of a figure the library registers,
  and every registered figure is shown by some page.
* Every page in docs/ is in the nav, and every nav entry exists.
* Every decimal number in a page's prose is printed by a snippet: numbers are quoted from
  a run, never typed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pathspec
import pytest
from mkdocs.utils.yaml import yaml_load

from tests.snippet_runner import ROOT, discover

DOCS = ROOT / "docs"
PYTHON_LANGUAGES = {"python", "py", "pycon", "python3"}
INCLUDE = re.compile(r"""^\s*-{2}8<-{2}\s+(?P<quote>["'])(?P<target>[^"']+)(?P=quote)\s*$""")
FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
LINE_RANGE = re.compile(r"^\d*(?::\d*)?(?:,\d*(?::\d*)?)*$")
FIGURE_REF = re.compile(
    r"figures/(?P<name>[A-Za-z0-9_-]+)\.(?P<variant>light|dark)\.svg(?P<fragment>#[A-Za-z0-9_-]+)?"
)


def mkdocs_config() -> dict[str, Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml_load(stream)
    return config


def nav_paths(items: Any) -> Iterator[str]:
    """Yield every page path in a nav (strings, {title: path} and {title: [...]} forms)."""
    if isinstance(items, str):
        if not re.match(r"^[a-z]+://", items):
            yield items
    elif isinstance(items, list):
        for item in items:
            yield from nav_paths(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from nav_paths(value)


def published_pages() -> list[str]:
    """Every Markdown page and notebook MkDocs would publish, relative to docs/."""
    config = mkdocs_config()
    # MkDocs always excludes dotfiles and /templates/, then whatever exclude_docs adds.
    patterns = [".*", "/templates/", *str(config.get("exclude_docs") or "").splitlines()]
    excluded = pathspec.GitIgnoreSpec.from_lines(patterns)
    pages = []
    for path in sorted(DOCS.rglob("*")):
        relative = path.relative_to(DOCS).as_posix()
        if path.suffix in {".md", ".ipynb"} and not excluded.match_file(relative):
            pages.append(relative)
    return pages


def markdown_pages() -> list[Path]:
    return [DOCS / p for p in published_pages() if p.endswith(".md")]


def page_text(path: Path) -> str:
    """The Markdown a reader sees: the file itself, or a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        return "\n".join(
            "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for cell in notebook["cells"]
            if cell["cell_type"] == "markdown"
        )
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Fence:
    page: Path
    line: int  # 1-based line of the opening fence
    language: str
    body: tuple[tuple[int, str], ...]  # (line number, text) of the lines inside


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    path: str  # relative to the repository root (pymdownx.snippets base_path ".")
    section: str | None  # a `--8<-- [start:name]` section, if the include names one
    in_python_fence: bool


def fences(page: Path) -> list[Fence]:
    found = []
    lines = page.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = FENCE_OPEN.match(lines[number])
        number += 1
        if opening is None:
            continue
        marker = opening["fence"]
        words = opening["info"].replace("{", " ").replace("}", " ").split()
        language = words[0].lstrip(".").lower() if words else ""
        start, body = number, []
        while number < len(lines):
            text = lines[number]
            number += 1
            stripped = text.strip()
            if stripped.startswith(marker[0] * len(marker)) and not stripped.strip(marker[0]):
                break
            body.append((number, text))
        found.append(Fence(page, start, language, tuple(body)))
    return found


def includes(page: Path) -> list[Include]:
    python_lines = {
        n for fence in fences(page) if fence.language in PYTHON_LANGUAGES for n, _ in fence.body
    }
    found = []
    for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        match = INCLUDE.match(text)
        if match is None:
            continue
        path, _, spec = match["target"].partition(":")
        section = spec if spec and not LINE_RANGE.match(spec) else None
        found.append(Include(page, number, path, section, number in python_lines))
    return found


def where(page: Path, line: int) -> str:
    return f"{page.relative_to(ROOT).as_posix()}:{line}"


PAGES = markdown_pages()
PAGE_IDS = [p.relative_to(DOCS).as_posix() for p in PAGES]


def test_docs_has_pages() -> None:
    assert PAGES, f"no Markdown pages found under {DOCS}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_python_fences_only_include_files(page: Path) -> None:
    problems = []
    for fence in fences(page):
        if fence.language not in PYTHON_LANGUAGES:
            continue
        code = [(n, t) for n, t in fence.body if t.strip()]
        if not code:
            problems.append(f"{where(page, fence.line)}: empty ```{fence.language} fence")
        for number, text in code:
            if INCLUDE.match(text) is None:
                problems.append(
                    f"{where(page, number)}: {text.strip()!r} is Python typed into the page; "
                    'put it in snippets/<page>/<claim>.py and write --8<-- "snippets/..." here'
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_includes_resolve(page: Path) -> None:
    problems = []
    for include in includes(page):
        target = ROOT / include.path
        here = where(page, include.line)
        if not target.is_file():
            problems.append(f"{here}: includes {include.path}, which does not exist")
            continue
        if include.path.endswith(".py") and not include.in_python_fence:
            problems.append(f"{here}: {include.path} is included outside a ```python fence")
        if include.section is not None:
            text = target.read_text(encoding="utf-8")
            for edge in ("start", "end"):
                marker = f"--8<-- [{edge}:{include.section}]"
                if marker not in text:
                    problems.append(f"{here}: {include.path} has no `# {marker}` line")
    assert not problems, "\n".join(problems)


def test_every_snippet_is_shown_on_a_page() -> None:
    shown = {include.path for page in PAGES for include in includes(page)}
    snippets = [p.relative_to(ROOT).as_posix() for p in discover()]
    assert snippets, "no snippets/**/*.py found"
    orphans = [s for s in snippets if s not in shown]
    assert not orphans, (
        "snippets no page includes (embed each with --8<-- in a ```python fence, "
        f"or delete it): {orphans}"
    )


def figure_pages() -> list[Path]:
    return [DOCS / p for p in published_pages()]


def registered_figures() -> set[str]:
    from shiftlab.figures import FIGURES

    assert FIGURES, "shiftlab.figures.FIGURES is empty"
    return set(FIGURES)


@pytest.mark.parametrize(
    "page", figure_pages(), ids=[p.relative_to(DOCS).as_posix() for p in figure_pages()]
)
def test_figure_references_are_registered_light_dark_pairs(page: Path) -> None:
    registered = registered_figures()
    refs = list(FIGURE_REF.finditer(page_text(page)))
    problems = []
    variants: dict[str, set[str]] = {}
    for ref in refs:
        name, variant = ref["name"], ref["variant"]
        variants.setdefault(name, set()).add(variant)
        if name not in registered:
            problems.append(f"figures/{name}: not in shiftlab.figures.FIGURES {sorted(registered)}")
        if ref["fragment"] != f"#only-{variant}":
            problems.append(
                f"{ref[0]}: the {variant} variant needs the #only-{variant} suffix "
                "(Material shows it only in that palette)"
            )
    for name, seen in variants.items():
        for missing in {"light", "dark"} - seen:
            problems.append(f"figures/{name}: no {name}.{missing}.svg#only-{missing} twin")
    assert not problems, f"{page.relative_to(ROOT).as_posix()}:\n" + "\n".join(problems)


def test_every_registered_figure_is_shown() -> None:
    used = {ref["name"] for page in figure_pages() for ref in FIGURE_REF.finditer(page_text(page))}
    unused = sorted(registered_figures() - used)
    assert not unused, (
        f"figures registered in shiftlab.figures.FIGURES that no page shows: {unused} "
        "(embed figures/NAME.light.svg#only-light and figures/NAME.dark.svg#only-dark)"
    )


def test_every_page_is_in_the_nav() -> None:
    config = mkdocs_config()
    in_nav = set(nav_paths(config["nav"]))
    # Built but left out of the reader's nav on purpose (the figures API page).
    hidden = pathspec.GitIgnoreSpec.from_lines(str(config.get("not_in_nav") or "").splitlines())
    missing = [p for p in published_pages() if p not in in_nav and not hidden.match_file(p)]
    assert not missing, f"pages in docs/ missing from the nav in mkdocs.yml: {missing}"


def test_every_nav_entry_exists() -> None:
    missing = [p for p in nav_paths(mkdocs_config()["nav"]) if not (DOCS / p).is_file()]
    assert not missing, f"nav entries in mkdocs.yml with no file under docs/: {missing}"


# Prose only: code, math, inline code, link targets, footnote texts (citations carry
# volume and page numbers), image alt texts (they describe generated figures) and
# `!!! quote` admonitions, where numbers published by others are quoted with their source.
_NOT_PROSE = [
    re.compile(r"^(?P<f>`{3,}|~{3,}).*?^(?P=f)", re.S | re.M),
    re.compile(r"^!!! quote\b.*?(?=^\S|\Z)", re.S | re.M),
    re.compile(r"\\\[.*?\\\]", re.S),
    re.compile(r"\\\(.*?\\\)", re.S),
    re.compile(r"`[^`]*`"),
    re.compile(r"!\[[^\]]*\]"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"^\[\^[^\]]+\]:.*?(?=^\S|\Z)", re.S | re.M),
]
DECIMAL = re.compile(r"(?<![\w.:/-])\d+\.\d+(?!\w|\.\d)")


def prose_decimals(text: str) -> list[str]:
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    return DECIMAL.findall(text)


def printed_decimals() -> set[str]:
    found: set[str] = set()
    for snippet in discover():
        for line in snippet.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("#>"):
                found.update(re.findall(r"\d+\.\d+", line))
    return found


def test_prose_decimals_are_read_off_a_snippet_run_only() -> None:
    text = "off by 0.75. In `x = 0.5` and \\(0.25\\), [a](b/1.2.md)"
    quoted = '\n\n!!! quote "Zhang (2019)"\n    76.16 and 89.20\n\nAfter it, 0.5.'
    assert prose_decimals(text + quoted) == ["0.75", "0.5"]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_numbers_in_prose_are_printed_by_a_snippet(page: Path) -> None:
    printed = printed_decimals()
    typed = [n for n in prose_decimals(page_text(page)) if n not in printed]
    assert not typed, (
        f"{page.relative_to(ROOT)} quotes {typed}, which no snippet prints: quote numbers "
        "from a snippet's #> output (and keep them equal), never type them"
    )
