"""Every formula is visible, in place, on a phone and on a desktop, in both palettes.

Drives Debian's Chromium like tests/test_browser.py (same fixtures, from tests/conftest.py;
skipped only when Chromium is missing and CI is not set). At a 390-px-wide viewport every
display formula of every page must have a visible size and either fit its box or scroll
inside it, the box itself staying within the screen; inline formulas stay inline; no page
shows raw TeX; the formulas take the text colour of the palette (light and dark).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from fontTools.ttLib import TTFont
from mkdocs.exceptions import PluginError
from playwright.sync_api import Browser, Page, ViewportSize

from tests.conftest import keep_local
from tests.test_browser import PAGES, TIMEOUT_MS, page_source
from tests.tool_loader import load_tool

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
Scheme = Literal["light", "dark"]
# Smallest size a rendered display formula may have (the bug this guards against: 1 px).
MIN_WIDTH_PX = 8.0
MIN_HEIGHT_PX = 8.0

# A display formula is the <div class="arithmatex"> pymdownx.arithmatex writes (notebook
# pages get the same box from the math hook); what is measured inside it is the rendered
# formula, whichever element carries it.
MEASURE_DISPLAY = r"""async () => {
  const vw = document.documentElement.clientWidth;
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const found = [];
  // As a reader meets each formula: scrolled into view (blocks below the fold are drawn
  // only then, see stylesheets/render.css).
  for (const box of document.querySelectorAll(".md-content div.arithmatex")) {
    box.scrollIntoView({block: "center"});
    await frame();
    const formula = box.querySelector("math, svg");
    const b = box.getBoundingClientRect();
    const f = formula ? formula.getBoundingClientRect() : {width: 0, height: 0};
    found.push({
      tex: box.textContent.trim().slice(0, 60),
      rendered: formula ? formula.tagName.toLowerCase() : null,
      width: f.width, height: f.height,
      boxLeft: b.left, boxRight: b.right, viewport: vw,
      scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
      overflowX: getComputedStyle(box).overflowX,
    });
  }
  scrollTo(0, 0);
  return found;
}"""

# Every block drawn at once (as before an anchor jump), then each inline formula measured.
MEASURE_INLINE = r"""() => {
  document.documentElement.classList.add("shiftlab-drawn");
  return Array.from(document.querySelectorAll(".md-content span.arithmatex")).map((span) => {
    const formula = span.querySelector("math, svg");
    const r = formula ? formula.getBoundingClientRect() : {width: 0, height: 0};
    return {
      tex: span.textContent.trim().slice(0, 60),
      display: formula ? getComputedStyle(formula.closest("math, mjx-container")).display : null,
      width: r.width, height: r.height,
    };
  });
}"""

# Text a reader would see as TeX source: the delimiters outside code.
RAW_TEX = r"""() => {
  const copy = document.querySelector(".md-content").cloneNode(true);
  copy.querySelectorAll("pre, code, math, mjx-container, script, style").forEach((n) => n.remove());
  const text = copy.textContent;
  const found = text.match(/\\\(|\\\)|\\\[|\\\]|\$\$|\\(?:frac|sum|mathrm|hat|lVert)\b/g);
  return found ? found.slice(0, 10) : [];
}"""

COLOURS = r"""() => {
  const article = document.querySelector(".md-content article");
  const formulas = Array.from(document.querySelectorAll(".md-content .arithmatex"))
    .map((el) => el.querySelector("math, mjx-container")).filter(Boolean);
  return {
    text: getComputedStyle(article).color,
    formulas: Array.from(new Set(formulas.map((el) => getComputedStyle(el).color))),
  };
}"""


def source_display_count(html: str) -> int:
    return len(re.findall(r'<div class="arithmatex"', html))


def wait_for_math(page: Page) -> None:
    """Math is MathML in the HTML: ready at load once its font is (no layout shift after)."""
    page.evaluate("() => document.fonts.ready.then(() => true)")


@pytest.fixture
def tab(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab with the viewport and colour scheme the test asks for; nothing leaves 127.0.0.1."""
    setup: tuple[ViewportSize, Scheme] = getattr(request, "param", (PHONE, "light"))
    viewport, scheme = setup
    context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    foreign = keep_local(context, base_url)
    try:
        yield context.new_page()
        assert not foreign, f"requests to other hosts: {foreign}"
    finally:
        context.close()


def open_page(tab: Page, base_url: str, path: str) -> Page:
    tab.goto(base_url + path, wait_until="load")
    wait_for_math(tab)
    return tab


def display_problems(boxes: list[dict[str, Any]]) -> list[str]:
    """What is wrong with each measured display formula (empty when all are fine)."""
    problems = []
    for box in boxes:
        where = f"{box['tex']!r}"
        if box["rendered"] is None:
            problems.append(f"{where}: not rendered")
            continue
        if box["width"] < MIN_WIDTH_PX or box["height"] < MIN_HEIGHT_PX:
            problems.append(f"{where}: {box['width']:.0f} x {box['height']:.0f} px, not visible")
        if box["boxLeft"] < -1 or box["boxRight"] > box["viewport"] + 1:
            problems.append(
                f"{where}: its box spans {box['boxLeft']:.0f}..{box['boxRight']:.0f} px, "
                f"wider than the {box['viewport']} px screen"
            )
        fits = box["scrollWidth"] <= box["clientWidth"] + 1
        scrolls = box["overflowX"] in ("auto", "scroll")
        if not fits and not scrolls:
            problems.append(f"{where}: wider than its box and the box does not scroll")
    return problems


def test_some_page_has_display_math(site: Path) -> None:
    counts = {p: source_display_count(page_source(site, p)) for p in PAGES.values()}
    assert sum(counts.values()) > 0, f"no display formula on any page: {counts}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_display_math_is_visible_and_fits_on_a_phone(
    tab: Page, base_url: str, site: Path, path: str
) -> None:
    page = open_page(tab, base_url, path)
    boxes = page.evaluate(MEASURE_DISPLAY)
    assert len(boxes) == source_display_count(page_source(site, path)), (
        f"/{path}: the page shows {len(boxes)} display formulas, its HTML has "
        f"{source_display_count(page_source(site, path))}"
    )
    problems = display_problems(boxes)
    assert not problems, f"/{path} at 390 px:\n" + "\n".join(problems)
    assert page.evaluate(RAW_TEX) == [], f"/{path}: raw TeX on the page"
    inline = page.evaluate(MEASURE_INLINE)
    # `display: math` is MathML's inline formula; MathJax's container is `inline-block`.
    not_inline = [f for f in inline if f["display"] is None or "block" in f["display"].split()]
    assert not not_inline, f"/{path}: inline formulas not laid out inline: {not_inline[:5]}"
    # A one-letter formula in a table cell (smaller text) is about 5 x 7 px.
    invisible = [f["tex"] for f in inline if f["width"] < 3 or f["height"] < 4]
    assert not invisible, f"/{path}: inline formulas not visible: {invisible[:5]}"


def pages_with_display_math(site: Path) -> list[str]:
    return [p for p in PAGES.values() if source_display_count(page_source(site, p))]


@pytest.mark.parametrize(
    "tab",
    [(DESKTOP, "light"), (PHONE, "dark")],
    ids=["desktop-light", "phone-dark"],
    indirect=True,
)
def test_math_takes_the_palette_text_colour(tab: Page, base_url: str, site: Path) -> None:
    counts = {p: source_display_count(page_source(site, p)) for p in pages_with_display_math(site)}
    path = max(counts, key=counts.__getitem__)
    page = open_page(tab, base_url, path)
    colours = page.evaluate(COLOURS)
    assert colours["formulas"] == [colours["text"]], f"/{path}: {colours}"
    assert display_problems(page.evaluate(MEASURE_DISPLAY)) == []


def test_a_jump_to_an_anchor_lands_on_it(tab: Page, base_url: str, site: Path) -> None:
    """A jump to a heading lands on it though blocks below the fold are drawn lazily.

    content-visibility leaves their heights estimates; the page script draws them before
    a jump, so the heading ends at the top of the screen.
    """
    counts = {p: source_display_count(page_source(site, p)) for p in pages_with_display_math(site)}
    path = max(counts, key=counts.__getitem__)
    page = open_page(tab, base_url, path)
    ids = page.evaluate(
        "Array.from(document.querySelectorAll('.md-content h2[id]')).map(h => h.id)"
    )
    assert len(ids) >= 3, f"/{path}: too few headings to test anchors"
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
    landed = {}
    for anchor in (ids[len(ids) // 2], ids[-1]):
        page.goto(f"{base_url}{path}#{anchor}", wait_until="load")
        page.wait_for_timeout(500)
        landed[anchor] = page.evaluate(
            f"document.getElementById({anchor!r}).getBoundingClientRect().top"
        )
    page.evaluate(f"location.hash = {ids[1]!r}")
    page.wait_for_timeout(500)
    landed[ids[1]] = page.evaluate(
        f"document.getElementById({ids[1]!r}).getBoundingClientRect().top"
    )
    off = {a: round(top) for a, top in landed.items() if not 0 <= top <= header + 40}
    assert not off, f"/{path}: headings not at the top after a jump (px from the top): {off}"


# The build-time conversion itself (tools/mkdocs_math.py), without a browser.


def load_math_hooks() -> Any:
    return load_tool("mkdocs_math")


@pytest.fixture(scope="module")
def hooks() -> Any:
    return load_math_hooks()


def test_arithmatex_wrappers_keep_their_box_and_get_mathml(hooks: Any) -> None:
    page = (
        '<p>Let <span class="arithmatex">\\(a &lt; b\\)</span>.</p>\n'
        '<div class="arithmatex">\\[\\sum_i x_i\\]</div>'
    )
    html = hooks.render_arithmatex(page, "test.md")
    assert '<p>Let <span class="arithmatex"><math><mi>a</mi><mo>&lt;</mo>' in html
    assert '<div class="arithmatex"><math display="block">' in html
    assert "\\(" not in html
    assert "\\[" not in html


def test_a_formula_that_does_not_convert_fails_the_build(hooks: Any) -> None:
    with pytest.raises(
        PluginError, match=r"page\.md: cannot render the formula '\\\\nosuchmacro x'"
    ):
        hooks.render_arithmatex('<span class="arithmatex">\\(\\nosuchmacro x\\)</span>', "page.md")


def test_notebook_math_outside_code_only(hooks: Any) -> None:
    cell = (
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown" data-mime-type="text/markdown">'
        "<p>A shift $T_v x$ costs \\$5, not <code>$x$</code>.</p><div><p>$$f(x)$$</p></div>"
        "</div><p>$y$ is outside any Markdown cell</p>"
    )
    html = hooks.render_notebook(cell, "nb.ipynb")
    assert '<span class="arithmatex"><math><msub><mi>T</mi><mi>v</mi></msub><mi>x</mi>' in html
    assert "costs \\$5, not <code>$x$</code>." in html
    assert '<span class="arithmatex arithmatex-display"><math display="block">' in html
    assert html.endswith("<p>$y$ is outside any Markdown cell</p>")


def test_row_spacing_and_primes_render_as_in_tex(hooks: Any) -> None:
    mathml = hooks.tex_to_mathml(
        "\\begin{array}{cc} a & b \\\\[-2pt] c & d \\end{array}", display=True, where="t"
    )
    assert "pt" not in re.sub(r"<[^>]+>", "", mathml), mathml
    prime = hooks.tex_to_mathml("T'_v = o'", display=False, where="t")
    assert "<msup>" not in prime
    assert "<msub><mrow><mi>T</mi><mo>\u2032</mo></mrow><mi>v</mi></msub>" in prime


def test_the_font_holds_every_glyph_the_formulas_draw(hooks: Any) -> None:
    mathml = hooks.tex_to_mathml(
        "\\sqrt{x} + \\hat\\omega \\le \\lVert h \\rVert", display=False, where="t"
    )
    drawn = hooks.token_characters(mathml)
    # The radical, and the italic code points one-letter identifiers are drawn with.
    assert {"\u221a", "\U0001d465", "\U0001d714", "\u210e", "\u2264"} <= drawn
    font = TTFont(io.BytesIO(hooks.subset_font(hooks.font_source(), drawn)))
    cmap = font.getBestCmap()
    assert not [c for c in drawn if unicodedata.category(c) != "Cf" and ord(c) not in cmap]
    assert "MATH" in font
    assert font["name"].getDebugName(1) == "shiftlab Math"
    assert "Open Font License" in str(font["name"].getDebugName(13))
