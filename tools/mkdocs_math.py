r"""MkDocs hooks: every formula becomes MathML at build time; the page ships no math script.

pymdownx.arithmatex (generic: true) leaves `<span class="arithmatex">\(...\)</span>` and
`<div class="arithmatex">\[...\]</div>` in a page; notebook pages (mkdocs-jupyter) keep
Jupyter's `$...$` and `$$...$$` in their Markdown cells. `on_post_page` converts each
formula with math-core (LaTeX to MathML Core, a Rust extension from PyPI) and leaves the
wrapper in place, so Material's layout and the `arithmatex` class stay. It runs after
the search plugin has read the page, so the search index keeps the TeX source, never
MathML markup. A formula math-core cannot convert fails the build with the page and the
formula; nothing is left as raw TeX.

The browser draws MathML natively with one self-hosted font: STIX Two Math (SIL Open Font
License), taken from the pinned `ziamath` wheel and cut down by fontTools to the
characters the site's formulas draw (about 40 KB). The
subset is renamed, as the licence asks of a modified version, and written with the
licence to `assets/fonts/` in `on_post_build`; pages with math preload it.

The hooks file lives outside `docs/` so that it is not published.
"""

from __future__ import annotations

import html
import importlib.util
import io
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from math_core import LatexError, LatexToMathML
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.math")

FONT_DEST = "assets/fonts/shiftlab-math.woff2"
LICENSE_DEST = "assets/fonts/OFL.txt"
FONT_FAMILY = "shiftlab Math"
FONT_SOURCE = ("ziamath", "fonts/STIXTwoMath-Regular.ttf")
LICENSE_SOURCE = Path(__file__).with_name("fonts") / "STIX-OFL.txt"

ARITHMATEX = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.DOTALL)
# Inside a notebook's Markdown cell: display before inline, escaped dollars are text.
NOTEBOOK_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$"
    r"|\\\[(?P<display2>.+?)\\\]"
    r"|(?<![\\$])\$(?P<inline>[^$\s](?:[^$]*?[^$\s\\])?)\$(?!\$)"
    r"|\\\((?P<inline2>.+?)\\\)",
    re.DOTALL,
)
NOTEBOOK_CELL = re.compile(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
# Text inside these is code or not text at all: a dollar there is not math.
SKIP_TAGS = {"code", "pre", "script", "style", "kbd", "samp", "textarea"}
# `\\[2pt]` (extra space after a row of an array) is not supported by math-core: it would
# show "[2pt]". The space is a typographic nicety; the row break is kept.
ROW_SPACING = re.compile(r"\\\\\s*\[\s*-?\d*\.?\d+\s*(?:pt|em|ex|mu|mm|cm|in|bp)\s*\]")
PRIMES = {"\u2032", "\u2033", "\u2034", "\u2057"}
TOKEN = re.compile(r"<(mi|mn|mo|mtext|ms)\b([^>]*)>(.*?)</\1>", re.DOTALL)
# A one-letter <mi> is drawn in italic from the Mathematical Alphanumeric block (CSS
# text-transform: math-auto), so the font must hold that code point, not the letter.
ITALIC = {
    **{chr(0x41 + i): chr(0x1D434 + i) for i in range(26)},
    **{chr(0x61 + i): chr(0x1D44E + i) for i in range(26)},
    "h": "\u210e",
    **{chr(0x391 + i): chr(0x1D6E2 + i) for i in range(25) if i != 0x11},
    **{chr(0x3B1 + i): chr(0x1D6FC + i) for i in range(25)},
    "\u0131": "\U0001d6a4",
    "\u0237": "\U0001d6a5",
    "\u2207": "\U0001d6fb",
    "\u2202": "\U0001d715",
    "\u03f5": "\U0001d716",
    "\u03d1": "\U0001d717",
    "\u03f0": "\U0001d718",
    "\u03d5": "\U0001d719",
    "\u03f1": "\U0001d71a",
    "\u03d6": "\U0001d71b",
    "\u03f4": "\U0001d6f3",
}

_converter: LatexToMathML | None = None
_used: set[str] = set()
_font_cache: dict[frozenset[str], bytes] = {}


def converter() -> LatexToMathML:
    """The one math-core converter of the build (its errors are plain text)."""
    global _converter  # noqa: PLW0603 (one converter for the whole build)
    if _converter is None:
        _converter = LatexToMathML(fancy_error=False)
    return _converter


def tex_to_mathml(tex: str, *, display: bool, where: str) -> str:
    r"""Convert one formula (without delimiters) to a `<math>` element.

    Args:
        tex: The TeX source, HTML entities already decoded.
        display: Display style (`\[ \]`, `$$ $$`) or inline.
        where: The page, for the error message.

    Returns:
        MathML, `<math display="block">` for display math.

    Raises:
        PluginError: If math-core cannot convert the formula.
    """
    source = ROW_SPACING.sub(r"\\\\", tex.strip())
    try:
        mathml = converter().convert_with_local_state(source, displaystyle=display)
    except LatexError as error:
        raise PluginError(
            f"{where}: cannot render the formula {tex.strip()!r}: {error}. Rewrite it with "
            "commands math-core supports (tools/mkdocs_math.py)."
        ) from error
    mathml = primes_at_base_level(mathml)
    _used.update(token_characters(mathml))
    return mathml


def primes_at_base_level(mathml: str) -> str:
    """Set primes beside their base instead of as a superscript.

    math-core writes `o'` as an `<msup>` of `o` and U+2032. A Unicode math font's prime
    is already drawn raised, so as a superscript it comes out tiny and too high. `o'`
    becomes an `<mrow>` of `o` and the prime, and `T'_v` a subscript after the prime,
    as MathML Core advises.
    """
    if not any(prime in mathml for prime in PRIMES):
        return mathml
    root = ET.fromstring(mathml)
    for parent in root.iter():
        for index, node in enumerate(list(parent)):
            children = list(node)
            prime = children[-1] if children else None
            if prime is None or prime.tag != "mo" or (prime.text or "") not in PRIMES:
                continue
            if node.tag == "msup" and len(children) == 2:
                node.tag = "mrow"
            elif node.tag == "msubsup" and len(children) == 3:
                base, sub, _ = children
                group = ET.Element("mrow")
                group.extend([base, prime])
                replacement = ET.Element("msub", node.attrib)
                replacement.extend([group, sub])
                parent.remove(node)
                parent.insert(index, replacement)
    return ET.tostring(root, encoding="unicode")


def token_characters(mathml: str) -> set[str]:
    """Every character the browser draws from the math font for this MathML."""
    # A root's radical sign is drawn from the font though no element holds it as text.
    found: set[str] = {"\u221a"} if "<msqrt" in mathml or "<mroot" in mathml else set()
    for name, attributes, raw in TOKEN.findall(mathml):
        text = html.unescape(raw)
        found.update(text)
        if name == "mi" and len(text) == 1 and "mathvariant" not in attributes:
            found.add(ITALIC.get(text, text))
    return found


def strip_delimiters(tex: str) -> tuple[str, bool]:
    r"""Split arithmatex's `\(..\)` / `\[..\]` wrapping from the TeX; True for display."""
    tex = tex.strip()
    if tex.startswith("\\(") and tex.endswith("\\)"):
        return tex[2:-2], False
    if tex.startswith("\\[") and tex.endswith("\\]"):
        return tex[2:-2], True
    # A bare environment (\begin{align} ... \end{align}) is display math.
    return tex, True


def render_arithmatex(page_html: str, where: str) -> str:
    """Replace the TeX in every arithmatex wrapper by MathML, keeping the wrapper."""

    def replace(match: re.Match[str]) -> str:
        tex, display = strip_delimiters(html.unescape(match["tex"]))
        if match["tag"] == "div":
            display = True
        mathml = tex_to_mathml(tex, display=display, where=where)
        return f'<{match["tag"]} class="arithmatex">{mathml}</{match["tag"]}>'

    return ARITHMATEX.sub(replace, page_html)


def notebook_formula(match: re.Match[str], where: str) -> str:
    r"""The HTML for one `$...$`, `$$...$$`, `\(...\)` or `\[...\]` of a notebook."""
    display_tex = match["display"] or match["display2"]
    if display_tex is not None:
        mathml = tex_to_mathml(html.unescape(display_tex), display=True, where=where)
        # A span (a cell's paragraph may hold it), laid out as a scrolling block by CSS.
        return f'<span class="arithmatex arithmatex-display">{mathml}</span>'
    tex = match["inline"] or match["inline2"]
    mathml = tex_to_mathml(html.unescape(tex), display=False, where=where)
    return f'<span class="arithmatex">{mathml}</span>'


def map_text(fragment: str, edit: Callable[[str], str]) -> str:
    """Apply `edit` to the text of an HTML fragment outside code, leaving tags alone."""
    out: list[str] = []
    skipping: list[str] = []
    last = 0
    for tag in TAG.finditer(fragment):
        text = fragment[last : tag.start()]
        out.append(text if skipping else edit(text))
        out.append(tag.group(0))
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in SKIP_TAGS and not self_closing:
            if closing and skipping and skipping[-1] == name:
                skipping.pop()
            elif not closing:
                skipping.append(name)
        last = tag.end()
    tail = fragment[last:]
    out.append(tail if skipping else edit(tail))
    return "".join(out)


def cell_end(page_html: str, start: int) -> int:
    """Index just past the `</div>` that closes the div opened at `start`."""
    depth = 0
    for tag in TAG.finditer(page_html, start):
        if tag.group(2).lower() != "div" or tag.group(3):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    raise PluginError("a notebook Markdown cell is not closed; cannot render its math")


def render_notebook(page_html: str, where: str) -> str:
    """Convert the math in every Markdown cell of a notebook page."""
    out: list[str] = []
    last = 0
    for cell in NOTEBOOK_CELL.finditer(page_html):
        if cell.start() < last:
            continue
        end = cell_end(page_html, cell.start())
        out.append(page_html[last : cell.start()])
        body = page_html[cell.start() : end]
        out.append(
            map_text(
                body, lambda text: NOTEBOOK_MATH.sub(lambda m: notebook_formula(m, where), text)
            )
        )
        last = end
    out.append(page_html[last:])
    return "".join(out)


def preload_link(page: Page) -> str:
    """A `<link rel="preload">` for the math font, relative to the page (any site_url)."""
    href = get_relative_url(FONT_DEST, page.url)
    return f'<link rel="preload" href="{href}" as="font" type="font/woff2" crossorigin>'


def on_pre_build(config: MkDocsConfig) -> None:
    """Forget the characters of a previous build (`mkdocs serve` rebuilds in-process)."""
    _used.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Turn the page's TeX into MathML; preload the math font where there is math."""
    where = page.file.src_uri
    before = output
    output = render_arithmatex(output, where)
    if where.endswith(".ipynb"):
        output = render_notebook(output, where)
    if output != before and "<math" in output:
        output = output.replace("</head>", preload_link(page) + "\n</head>", 1)
    return output


def font_source() -> Path:
    """The STIX Two Math file in the installed `ziamath` wheel.

    Raises:
        PluginError: If the wheel or the font is missing.
    """
    package, relative = FONT_SOURCE
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise PluginError(
            f"the math font comes from the {package} wheel, which is not installed; "
            'run `make setup` (pip install -c constraints.txt -e ".[dev]")'
        )
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise PluginError(f"{package} has no {relative} (looked in {path})")
    return path


def subset_font(source: Path, characters: Iterable[str]) -> bytes:
    """A WOFF2 of `source` with only `characters` (and what MathML layout needs for them).

    The MATH table and the glyph variants and assemblies it points to stay, so
    parentheses, roots and sums still stretch; every OpenType feature stays (`ssty`
    gives the script-size glyphs). The family is renamed: the licence reserves its name
    for the original.

    Raises:
        PluginError: If the font lacks a character (the browser would borrow another
            font's glyph).
    """
    font = TTFont(source)
    cmap = font.getBestCmap()
    # Invisible operators (function application, invisible times) and controls draw nothing.
    wanted = sorted({ord(c) for c in characters if unicodedata.category(c) not in ("Cc", "Cf")})
    missing = [f"U+{code:04X} {chr(code)}" for code in wanted if code not in cmap]
    if missing:
        raise PluginError(f"the math font has no glyph for {', '.join(missing)}")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    options.recalc_timestamp = False
    # TrueType hinting is a quarter of the file and only matters on low-DPI Windows.
    options.hinting = False
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for code in wanted if code in cmap])
    subsetter.subset(font)
    rename(font, FONT_FAMILY)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer, reorderTables=False)
    return buffer.getvalue()


def rename(font: TTFont, family: str) -> None:
    """Give a modified font its own family name (copyright and licence entries stay)."""
    postscript = family.replace(" ", "")
    names = {
        1: family,
        3: f"{postscript}-Regular;subset of STIX Two Math",
        4: f"{family} Regular",
        6: f"{postscript}-Regular",
    }
    table = font["name"]
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]
    table.names = [r for r in table.names if r.nameID not in (16, 17)]


def on_post_build(config: MkDocsConfig) -> None:
    """Write the math font (cut to the characters the pages use) and its licence."""
    if not _used:
        return
    characters = frozenset(_used)
    if characters not in _font_cache:
        _font_cache.clear()
        _font_cache[characters] = subset_font(font_source(), characters)
    site = Path(config.site_dir)
    (site / FONT_DEST).parent.mkdir(parents=True, exist_ok=True)
    (site / FONT_DEST).write_bytes(_font_cache[characters])
    (site / LICENSE_DEST).write_text(LICENSE_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    size = len(_font_cache[characters])
    log.debug("math font: %d characters used, %d bytes", len(characters), size)
