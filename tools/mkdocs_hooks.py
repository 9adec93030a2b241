"""MkDocs hooks for the shiftlab site: every byte a page loads comes from the site itself.

* `on_page_content` removes the CDN `<script>` tags that nbconvert's templates put
  into every notebook page (MathJax 2 from cdnjs, mermaid from cdnjs), and fails the
  build if a notebook page still points a script or stylesheet at another host. The
  site's math is MathML written at build time (tools/mkdocs_math.py): no page needs a
  math script.
* `on_page_content` also writes `width` and `height` on every `<img>` (read from the
  SVG or image file), so a figure's box is reserved before it loads.
* `on_post_page` makes every code block focusable (`tabindex="0"` on `pre > code`), so a
  reader on a keyboard can scroll one that is wider than the screen. Material does this
  itself, but only for blocks it has mounted, and with its `content.lazy` feature it
  mounts a block when it comes into view (then it keeps the attribute only on blocks
  that scroll).
* `on_post_page` also cuts the JupyterLab stylesheets nbconvert inlines into a notebook page
  (about 590 KB, most of a 670 KB page) down to the rules that can match an element of
  that page and the custom properties those rules use (about 20 KB).

The hooks file lives outside `docs/` so that it is not published.
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
from functools import partial
from pathlib import Path
from urllib.parse import unquote

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from PIL import Image

_EXTERNAL = r"""["'](?:https?:)?//"""
# nbconvert's `mathjax` macro: the loader (from a CDN, or `src=""` when mkdocs-jupyter's
# custom_mathjax_url is empty) plus a MathJax 2 configuration block.
_NB_SCRIPT_SRC = re.compile(
    rf"""<script\b[^>]*\bsrc\s*=\s*(?:""|''|{_EXTERNAL})[^>]*>\s*</script>""", re.IGNORECASE
)
_NB_MATHJAX2_CONFIG = re.compile(
    r"""<script\b[^>]*type\s*=\s*["']text/x-mathjax-config["'][^>]*>.*?</script>""",
    re.IGNORECASE | re.DOTALL,
)
# nbconvert's mermaid loader: an inline module script that imports from a CDN.
_NB_MODULE_WITH_CDN = re.compile(
    r"""<script\b[^>]*type\s*=\s*["']module["'][^>]*>(?:(?!</script>).)*?"""
    r"""import\(\s*["']https?://.*?</script>""",
    re.IGNORECASE | re.DOTALL,
)
# What must not survive: a script, stylesheet or frame loaded from another host.
_EXTERNAL_LOAD = re.compile(
    rf"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*{_EXTERNAL}"""
    r"""|\bimport\(\s*["'](?:https?:)?//""",
    re.IGNORECASE,
)


def strip_cdn_scripts(html: str) -> str:
    """Remove the CDN scripts nbconvert writes into a notebook's HTML.

    The notebook's math is converted to MathML at build time (tools/mkdocs_math.py), so
    the MathJax 2 loader and its configuration block are dropped rather than pointed
    elsewhere; the mermaid loader only matters for mermaid cells, which the guide has none of.

    Args:
        html: The notebook page's content, as mkdocs-jupyter rendered it.

    Returns:
        The same HTML without those `<script>` elements.

    Raises:
        PluginError: If something still loads from another host, e.g. after an
            nbconvert upgrade changed its templates.
    """
    html = _NB_SCRIPT_SRC.sub("", html)
    html = _NB_MATHJAX2_CONFIG.sub("", html)
    html = _NB_MODULE_WITH_CDN.sub("", html)
    leftover = _EXTERNAL_LOAD.search(html)
    if leftover is not None:
        raise PluginError(
            "a notebook page still loads from another host after stripping nbconvert's CDN "
            f"scripts: {html[leftover.start() : leftover.start() + 160]!r}; "
            "extend strip_cdn_scripts in tools/mkdocs_hooks.py"
        )
    return html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep notebook pages free of third-party scripts; give every image its size."""
    if page.file.src_uri.endswith(".ipynb"):
        html = strip_cdn_scripts(html)
    return add_image_sizes(html, page, files)


_IMG = re.compile(r"<img\b(?P<attrs>[^>]*?)\s*/?>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SIZE_ATTR = re.compile(r"""\b(?:width|height)\s*=""", re.IGNORECASE)
_SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px|pt|)\s*$")
# CSS pixels per unit of an SVG length.
_PX_PER_UNIT = {"": 1.0, "px": 1.0, "pt": 96 / 72}


def svg_size(path: Path) -> tuple[int, int]:
    """The intrinsic size of an SVG in CSS pixels, from its width/height or viewBox.

    Raises:
        PluginError: If the SVG states neither in a unit this function knows.
    """
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    root = _SVG_ROOT.search(head)
    if root is None:
        raise PluginError(f"{path}: no <svg> element in its first 4000 characters")
    attrs = dict(re.findall(r"""\b([\w:-]+)\s*=\s*["']([^"']*)["']""", root[0]))
    lengths = [_SVG_LENGTH.match(attrs.get(name, "")) for name in ("width", "height")]
    if lengths[0] and lengths[1]:
        w, h = (float(m[1]) * _PX_PER_UNIT[m[2]] for m in lengths if m)
        return round(w), round(h)
    box = attrs.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    raise PluginError(f"{path}: cannot tell its size (width/height in px or pt, or a viewBox)")


def add_image_sizes(html: str, page: Page, files: Files) -> str:
    """Write `width` and `height` on every local `<img>` that lacks them.

    The browser then reserves each figure's box before the file arrives, so nothing
    below it moves as it loads; CSS (`max-width: 100%; height: auto`) still scales it.

    Raises:
        PluginError: If an image is not a file of the site, or its size cannot be read.
    """

    def sized(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        src = _SRC.search(attrs)
        if _SIZE_ATTR.search(attrs) or src is None:
            return match[0]
        if src[1].startswith("data:"):
            # A notebook's plot output: a base64 PNG or JPEG in the page itself.
            header, _, payload = src[1].partition(",")
            if not header.endswith(";base64"):
                raise PluginError(f"{page.file.src_uri}: an inline image that is not base64")
            with Image.open(io.BytesIO(base64.b64decode(payload))) as image:
                width, height = image.size
            return f'<img{attrs} width="{width}" height="{height}" />'

        # The URL is relative to the page's own URL (a directory: "shifts/" or "").
        target = posixpath.normpath(posixpath.join(page.url, src[1].split("#")[0]))
        file = files.get_file_from_path(unquote(target))
        if file is None or file.abs_src_path is None:
            raise PluginError(
                f"{page.file.src_uri}: <img src={src[1]!r}> is not a file of the site"
            )
        path = Path(file.abs_src_path)
        if path.suffix.lower() == ".svg":
            width, height = svg_size(path)
        else:
            with Image.open(path) as image:
                width, height = image.size
        if re.search(r"#only-(?:light|dark)\b", src[1]) and "loading=" not in attrs:
            # One of a figure's light/dark twins: lazy, so the twin the palette hides
            # (display: none) is never fetched, and the shown one only near the viewport.
            attrs += ' loading="lazy" decoding="async"'
        return f'<img{attrs} width="{width}" height="{height}" />'

    return _IMG.sub(sized, html)


_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>\s*", re.IGNORECASE | re.DOTALL)
_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_ID_ATTR = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
# What a selector needs from the page: its classes, ids and element names (pseudo-classes,
# pseudo-elements and attribute tests are left out, so the test errs on keeping a rule).
_PSEUDO = re.compile(r"::?[A-Za-z-]+(?:\((?:[^()]|\([^()]*\))*\))?")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_SEL_CLASS = re.compile(r"\.([A-Za-z0-9_-]+)")
_SEL_ID = re.compile(r"#([A-Za-z0-9_-]+)")
_SEL_TAG = re.compile(r"(?:^|[\s>+~(])([A-Za-z][A-Za-z0-9-]*)")
# A custom property declaration, its value possibly holding nested var(...) calls.
_CUSTOM_PROPERTY = re.compile(
    r"(?<![\w-])(--[\w-]+)\s*:\s*((?:[^;{}()]|\((?:[^()]|\([^()]*\))*\))*)(?:;|(?=\}))"
)
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_EMPTY_RULE = re.compile(r"[^{}]*\{\s*\}")


class PageNames:
    """The classes, ids and element names that occur in a page."""

    def __init__(self, html: str) -> None:
        """Collect the names from the page's HTML."""
        self.classes = {c for value in _CLASS_ATTR.findall(html) for c in value.split()}
        self.ids = set(_ID_ATTR.findall(html))
        self.tags = {t.lower() for t in _TAG_NAME.findall(html)} | {"html", "body"}

    def may_match(self, selector: str) -> bool:
        """False only when the selector names something the page does not have."""
        bare = _ATTRIBUTE.sub(" ", _PSEUDO.sub(" ", selector))
        return (
            all(c in self.classes for c in _SEL_CLASS.findall(bare))
            and all(i in self.ids for i in _SEL_ID.findall(bare))
            and all(t.lower() in self.tags for t in _SEL_TAG.findall(bare))
        )


def _selectors(prelude: list[tinycss2.ast.Node]) -> list[str]:
    """A rule's selector list, split at its top-level commas (not those in :is(...))."""
    groups: list[list[tinycss2.ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return [tinycss2.serialize(group).strip() for group in groups]


def _prune_rules(rules: list[tinycss2.ast.Node], names: PageNames) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule.prelude)
            matching = [s for s in selectors if names.may_match(s)]
            if matching:
                kept.append(",".join(matching) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword in ("media", "supports") and rule.content is not None:
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                body = "".join(_prune_rules(inner, names))
                if body:
                    prelude = tinycss2.serialize(rule.prelude)
                    kept.append(f"@{rule.at_keyword}{prelude}{{{body}}}")
            elif keyword not in ("charset", "import"):
                kept.append(tinycss2.serialize([rule]))
    return kept


def _keep_declaration(used: set[str], match: re.Match[str]) -> str:
    return match[0] if match[1] in used else ""


def _drop_unused_custom_properties(css: str) -> str:
    """Remove `--x: ...` declarations no rule reads (directly or through another)."""
    while True:
        declarations = _CUSTOM_PROPERTY.findall(css)
        used = set(_VAR.findall(_CUSTOM_PROPERTY.sub("", css)))
        values: dict[str, list[str]] = {}
        for name, value in declarations:
            values.setdefault(name, []).append(value)
        pending = list(used)
        while pending:
            for value in values.get(pending.pop(), []):
                for ref in _VAR.findall(value):
                    if ref not in used:
                        used.add(ref)
                        pending.append(ref)
        pruned = _CUSTOM_PROPERTY.sub(partial(_keep_declaration, used), css)
        pruned = _EMPTY_RULE.sub("", pruned)
        if pruned == css:
            return css
        css = pruned


def prune_notebook_css(html: str) -> str:
    """Cut the stylesheets inlined in a notebook page's article to what the page uses.

    Args:
        html: The whole notebook page (its classes decide which rules stay).

    Returns:
        The page with the article's `<style>` elements merged into one, reduced.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < 0:
        return html
    names = PageNames(html)
    article = html[start:end]
    blocks = list(_STYLE.finditer(article))
    if not blocks:
        return html
    # One stylesheet, in the original order: a property declared in one block is read in
    # another (Pygments' colours come from JupyterLab's theme variables).
    rules = []
    for block in blocks:
        parsed = tinycss2.parse_stylesheet(block[1], skip_comments=True, skip_whitespace=True)
        rules += _prune_rules(parsed, names)
    css = _drop_unused_custom_properties("".join(rules))
    first = blocks[0]
    article = (
        article[: first.start()]
        + f"<style>{css}</style>\n"
        + _STYLE.sub("", article[first.start() :])
    )
    return html[:start] + article + html[end:]


# A highlighted block's opening: Pygments writes `<pre><span></span><code>`.
_CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code\b)(?![^>]*\btabindex=)")


def focusable_code(html: str) -> str:
    """Give every `pre > code` a place in the tab order (Material drops it where not needed)."""
    return _CODE_BLOCK.sub(r'\1 tabindex="0"', html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Make code blocks focusable; keep only the notebook CSS a notebook page can use."""
    output = focusable_code(output)
    if page.file.src_uri.endswith(".ipynb"):
        return prune_notebook_css(output)
    return output
