"""The built site is complete and self-contained.

Checks the output of `mkdocs build --strict`: nothing is loaded from another host,
every formula is MathML written at build time (no math script) drawn with the site's own
font, every image a page shows
exists, the notebook page is executed and offers its .ipynb, search has an index, and
the API reference shows the docstrings.

`make test` builds the site once and passes it in `SHIFTLAB_SITE_DIR`; without that
variable the tests build it themselves (figures included) into a temp dir.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from tests.snippet_runner import ROOT
from tests.tool_loader import load_tool

DOCS = ROOT / "docs"
MATH_FONT = "assets/fonts/shiftlab-math.woff2"
MATH_FONT_LICENSE = "assets/fonts/OFL.txt"
# The whole point of rendering at build time: no page loads a math library.
MATH_SCRIPT = re.compile(r"mathjax|katex|tex-(?:svg|chtml|mml)", re.IGNORECASE)
REFERENCE_MODULES = [
    "shifts",
    "padding",
    "convolution",
    "pooling",
    "measures",
    "layers",
    "consistency",
    "probe",
    "experiments",
    "figures",
]
NOTEBOOKS = sorted((DOCS / "notebooks").glob("*.ipynb"))

# A <link> with one of these rel values names a page; it loads nothing.
NON_LOADING_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "me"}
# An attribute value or url(): optional (possibly JS-escaped) quote, then a scheme-relative
# or http(s) URL.
_REMOTE = r"""\s*\\?["']?\s*(?:https?:)?//"""
REMOTE_TAG = re.compile(
    r"<(?P<tag>script|link|img|iframe|source|video|audio|embed|object|track|image)\b"
    rf"(?P<attrs>[^>]*?)\b(?:src|href|srcset|data|poster|xlink:href)\s*=(?={_REMOTE})",
    re.IGNORECASE,
)
REMOTE_CSS = re.compile(
    rf"(?:\burl\((?={_REMOTE})|@import\s+(?:url\()?(?={_REMOTE}))", re.IGNORECASE
)
REL = re.compile(r"""\brel\s*=\s*["']?([^"'>]+)""", re.IGNORECASE)

# One build per session, shared by this module and test_browser.py; a failed build is
# remembered too, so it is reported once and not retried by every fixture.
_BUILT: dict[str, Path] = {}
_BUILD_FAILED: list[str] = []


def build_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a built site: `SHIFTLAB_SITE_DIR` if it holds one, else build one (once)."""
    given = os.environ.get("SHIFTLAB_SITE_DIR")
    if given:
        path = Path(given) if Path(given).is_absolute() else ROOT / given
        if (path / "index.html").is_file():
            return path
    if _BUILD_FAILED:
        pytest.fail(_BUILD_FAILED[0], pytrace=False)
    if "site" not in _BUILT:
        out = tmp_path_factory.mktemp("site")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        steps = [
            [sys.executable, "-m", "shiftlab.figures", "docs/figures"],
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        ]
        for step in steps:
            done = subprocess.run(
                step, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
            )
            if done.returncode != 0:
                _BUILD_FAILED.append(
                    f"`{' '.join(step[1:])}` exited with {done.returncode}:\n"
                    f"{done.stdout}\n{done.stderr}"
                )
                pytest.fail(_BUILD_FAILED[0], pytrace=False)
        _BUILT["site"] = out
    return _BUILT["site"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory)


def site_files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes and p.is_file())


def page_html(site: Path, page_dir: str) -> str:
    path = site / page_dir / "index.html"
    assert path.is_file(), f"{page_dir}/index.html is missing from the site"
    return path.read_text(encoding="utf-8")


class Tags(HTMLParser):
    """Collects the attributes of every tag of the given names."""

    def __init__(self, *names: str) -> None:
        super().__init__()
        self.names = set(names)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.names:
            self.found.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str, *names: str) -> list[tuple[str, dict[str, str]]]:
    parser = Tags(*names)
    parser.feed(html)
    return parser.found


def local_target(site: Path, page: Path, url: str) -> Path | None:
    """The file a relative URL on `page` points to, or None for other schemes."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path.lstrip("/"))).resolve()
    return target / "index.html" if target.is_dir() else target


def remote_loads(text: str) -> list[str]:
    """Excerpts of `text` (HTML, CSS or JS) that load something from another host."""
    found = []
    for match in REMOTE_TAG.finditer(text):
        rel = REL.search(match["attrs"])
        rels = set(rel[1].lower().split()) if rel else set()
        if match["tag"].lower() == "link" and rels and rels <= NON_LOADING_RELS:
            continue
        found.append(text[match.start() : match.end() + 60])
    found += [text[m.start() : m.end() + 60] for m in REMOTE_CSS.finditer(text)]
    return found


def test_remote_load_scan_flags_what_it_should() -> None:
    flagged = [
        '<script src="https://cdn.example.org/mathjax.js"></script>',
        "<link rel='stylesheet' href='//fonts.example.com/css?family=Roboto'>",
        '<img alt="x" src="http://example.org/a.png">',
        '<iframe src="https://example.org/embed"></iframe>',
        '@import url("https://fonts.example.com/x.css");',
        ".a { background: url(https://example.org/b.png) }",
        '"<link rel=\\"icon\\" href=\\"https://example.org/i.png\\">"',
    ]
    allowed = [
        '<a href="https://arxiv.org/abs/1904.11486">Zhang 2019</a>',
        '<link rel="canonical" href="https://example.github.io/shiftlab/">',
        '<script src="../assets/mathjax/tex-svg.js"></script>',
        "url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\")",
        '<img src="../figures/shift-kinds.light.svg#only-light">',
    ]
    assert [t for t in flagged if not remote_loads(t)] == []
    assert [t for t in allowed if remote_loads(t)] == []


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    found = []
    for path in site_files(site, ".html", ".css", ".js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(site).as_posix()
        found += [f"{where}: {excerpt!r}" for excerpt in remote_loads(text)]
    assert not found, "assets loaded from other hosts:\n" + "\n".join(found)


def test_math_font_is_served_by_the_site(site: Path) -> None:
    for name in (MATH_FONT, MATH_FONT_LICENSE):
        assert (site / name).is_file(), f"{name} is missing from the site"
    font = (site / MATH_FONT).read_bytes()
    assert font[:4] == b"wOF2", f"{MATH_FONT} is not a WOFF2 file"
    # A subset of the glyphs the formulas use, not the 1.5 MB font.
    assert len(font) < 150_000, f"{MATH_FONT} is {len(font)} bytes"
    assert "SIL OPEN FONT LICENSE" in (site / MATH_FONT_LICENSE).read_text(encoding="utf-8")


def has_math(html: str) -> bool:
    if 'class="arithmatex"' in html:
        return True
    # Notebook Markdown cells keep Jupyter's $...$ (before the math hook converts them).
    cells = re.findall(r"jp-RenderedMarkdown[^>]*>(.*?)</div>", html, re.DOTALL)
    return any("$" in cell or "\\(" in cell for cell in cells)


def test_every_page_with_math_has_mathml_and_no_math_script(site: Path) -> None:
    pages_with_math = 0
    problems = []
    for page in site_files(site, ".html"):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site).as_posix()
        scripts = [a.get("src", "") for _, a in tags(html, "script") if a.get("src")]
        problems += [f"{where}: loads {src}" for src in scripts if MATH_SCRIPT.search(src)]
        if not has_math(html):
            continue
        pages_with_math += 1
        wrappers = re.findall(r'<(span|div) class="arithmatex[^"]*">(.{0,12})', html, re.DOTALL)
        raw = [text for _, text in wrappers if not text.startswith("<math")]
        if raw:
            problems.append(f"{where}: formulas left as TeX: {raw[:3]}")
        preloads = [
            local_target(site, page, a.get("href", ""))
            for _, a in tags(html, "link")
            if a.get("rel") == "preload" and a.get("as") == "font"
        ]
        if (site / MATH_FONT).resolve() not in preloads:
            problems.append(f"{where}: has math but does not preload {MATH_FONT}")
    assert pages_with_math, "no page of the site has math (class=arithmatex): is arithmatex on?"
    assert not problems, "\n".join(problems)


def test_every_image_a_page_shows_exists(site: Path) -> None:
    figures = 0
    missing = []
    for page in site_files(site, ".html"):
        for _, attrs in tags(page.read_text(encoding="utf-8"), "img"):
            src = attrs.get("src", "")
            target = local_target(site, page, src)
            if src.startswith("data:"):
                continue
            if target is None or not target.is_file():
                missing.append(f"{page.relative_to(site).as_posix()}: <img src={src!r}>")
            elif "/figures/" in target.as_posix():
                figures += 1
    assert not missing, "images that are not in the site:\n" + "\n".join(missing)
    assert figures, "no page shows a figure from figures/"


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS, "no docs/notebooks/*.ipynb"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_page_is_executed_and_offers_the_ipynb(site: Path, notebook: Path) -> None:
    page_dir = f"notebooks/{notebook.stem}"
    html = page_html(site, page_dir)
    links = [a for _, a in tags(html, "a") if a.get("href") == notebook.name]
    assert links, f"{page_dir}/: no link to {notebook.name}"
    assert any("download" in a for a in links), (
        f"{page_dir}/: link to {notebook.name} is no download"
    )
    copy = site / page_dir / notebook.name
    assert copy.is_file(), f"{page_dir}/{notebook.name} is not in the site"
    assert copy.read_bytes() == notebook.read_bytes()
    assert re.search(r"In(?:\s|&nbsp;)*\[\d+\]:", html), f"{page_dir}/: no executed cell (In [n]:)"
    outputs = re.findall(
        r'class="[^"]*jp-OutputArea-output[^"]*"[^>]*>(.*?)</div>', html, re.DOTALL
    )
    assert any(re.sub(r"<[^>]+>", "", o).strip() for o in outputs), (
        f"{page_dir}/: the notebook page shows no output"
    )
    assert "Traceback (most recent call last)" not in html, (
        f"{page_dir}/: the notebook page shows a traceback"
    )


def test_search_index_covers_every_page(site: Path) -> None:
    index_path = site / "search" / "search_index.json"
    assert index_path.is_file(), "search/search_index.json is missing"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    pages = {
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    }
    pages = {"" if p == "./" else p for p in pages}
    # Left out on purpose (front matter `search: exclude: true`), see tests/test_search.py.
    pages.discard("reference/figures/")
    missing = sorted(pages - locations)
    assert not missing, f"pages missing from the search index: {missing}"


def public_objects(module_name: str) -> list[str]:
    """Functions and classes a module defines and exports."""
    module = importlib.import_module(module_name)
    exported = getattr(module, "__all__", None)
    names = []
    for name, value in vars(module).items():
        if not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        # Defined in the module, or in a submodule of a package that re-exports it.
        if value.__module__ != module_name and not value.__module__.startswith(module_name + "."):
            continue
        if (name in exported) if exported is not None else not name.startswith("_"):
            names.append(name)
    return names


@pytest.mark.parametrize("module", REFERENCE_MODULES)
def test_reference_page_renders_the_docstrings(site: Path, module: str) -> None:
    html = page_html(site, f"reference/{module}")
    qualified = f"shiftlab.{module}"
    objects = public_objects(qualified)
    assert objects, f"{qualified} exports no function or class to document"
    problems = []
    for name in objects:
        anchor = f'id="{qualified}.{name}"'
        start = html.find(anchor)
        if start < 0:
            problems.append(f"{qualified}.{name}: no heading on reference/{module}/")
            continue
        following = html[start:]
        contents = re.search(r'class="doc doc-contents[^"]*">\s*(.*?)</p>', following, re.DOTALL)
        text = re.sub(r"<[^>]+>", "", contents[1]).strip() if contents else ""
        if not text:
            problems.append(f"{qualified}.{name}: its docstring is not rendered")
    assert not problems, "\n".join(problems)
    assert "Source code in" in html, f"reference/{module}/ does not show the source"


def load_hooks() -> Any:
    return load_tool("mkdocs_hooks")


NBCONVERT_HEAD = """<!-- Load mathjax -->
<script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX"> </script>
<script type="text/x-mathjax-config">
init_mathjax = function() { MathJax.Hub.Config({}); }
</script>
<script src=""> </script>
<script type="module">
  document.addEventListener("DOMContentLoaded", async () => {
    const mermaid = (await import("https://cdnjs.cloudflare.com/mermaid.esm.min.mjs")).default;
  });
</script>
<div class="jp-Notebook"><p>$x$ and <a href="https://example.org">a link</a></p></div>"""


def test_hook_strips_nbconvert_cdn_scripts() -> None:
    hooks = load_hooks()
    html = hooks.strip_cdn_scripts(NBCONVERT_HEAD)
    assert "<script" not in html
    assert remote_loads(html) == []
    assert '<div class="jp-Notebook"><p>$x$ and <a href="https://example.org">' in html


def test_hook_fails_the_build_on_a_remote_load_it_cannot_strip() -> None:
    hooks = load_hooks()
    with pytest.raises(PluginError, match="still loads from another host"):
        hooks.strip_cdn_scripts('<link rel="stylesheet" href="https://cdn.example.org/x.css">')


def test_hook_makes_code_blocks_focusable() -> None:
    hooks = load_hooks()
    html = '<pre><span></span><code>a</code></pre><pre class="x"><code tabindex="-1">b</code>'
    assert hooks.focusable_code(html) == (
        '<pre><span></span><code tabindex="0">a</code></pre>'
        '<pre class="x"><code tabindex="-1">b</code>'
    )
    assert hooks.focusable_code("<code>inline</code>") == "<code>inline</code>"


def test_every_code_block_can_take_keyboard_focus(site: Path) -> None:
    # Material mounts a block (and makes a scrolling one focusable) only once it is in
    # view (`content.lazy`); until then the hook's tabindex is what a keyboard user has.
    missing = []
    for page in site_files(site, ".html"):
        for match in re.finditer(
            r"<pre\b[^>]*>(?:<span></span>)?<code\b[^>]*>", page.read_text("utf-8")
        ):
            if 'tabindex="0"' not in match[0]:
                missing.append(f"{page.relative_to(site)}: {match[0]}")
    assert not missing, "code blocks out of the tab order:\n" + "\n".join(missing[:10])
