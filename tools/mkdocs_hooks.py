"""MkDocs hooks for the shiftlab site: every byte a page loads comes from the site itself.

* `on_files` adds MathJax 3 to the build as `assets/mathjax/`, taken from the
  `django-static-mathjax` wheel (a pinned PyPI dependency, so no CDN and no
  vendored copy in the repository). This runs for `mkdocs build` and `mkdocs serve`.
* `on_page_content` removes the CDN `<script>` tags that nbconvert's templates put
  into every notebook page (MathJax 2 from cdnjs, mermaid from cdnjs), and fails the
  build if a notebook page still points a script or stylesheet at another host.

The hooks file lives outside `docs/` so that it is not published.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

MATHJAX_DEST = "assets/mathjax"
# tex-svg.js carries the TeX input, the SVG output and its font data in one file. The
# TeX extensions are loaded on demand (autoload: \boldsymbol, \cancel, ...) from the
# directory tex-svg.js was served from, so they ship too (about 0.5 MB).
MATHJAX_ENTRY = "es5/tex-svg.js"
MATHJAX_EXTENSIONS = "es5/input/tex/extensions"

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


def mathjax_root() -> Path:
    """Return the `mathjax/static/mathjax` directory of the installed wheel.

    Returns:
        The directory holding `es5/` and `LICENSE`.

    Raises:
        PluginError: If `django-static-mathjax` is not installed.
    """
    spec = importlib.util.find_spec("mathjax")
    if spec is None or spec.origin is None:
        raise PluginError(
            "MathJax is served from the django-static-mathjax wheel, which is not installed; "
            'run `make setup` (pip install -c constraints.txt -e ".[dev]")'
        )
    root = Path(spec.origin).parent / "static" / "mathjax"
    if not (root / MATHJAX_ENTRY).is_file():
        raise PluginError(f"django-static-mathjax has no {MATHJAX_ENTRY} under {root}")
    return root


def mathjax_files() -> dict[str, Path]:
    """Map each MathJax file the site serves to its source in the wheel.

    Returns:
        Site path (`assets/mathjax/...`) to absolute source path.
    """
    root = mathjax_root()
    entry = root / MATHJAX_ENTRY
    wanted = {f"{MATHJAX_DEST}/{entry.name}": entry, f"{MATHJAX_DEST}/LICENSE": root / "LICENSE"}
    extensions = root / MATHJAX_EXTENSIONS
    for source in sorted(extensions.glob("*.js")):
        relative = source.relative_to(root / "es5").as_posix()
        wanted[f"{MATHJAX_DEST}/{relative}"] = source
    return wanted


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add MathJax (code and licence) to the files MkDocs copies into the site."""
    for dest, source in mathjax_files().items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files


def strip_cdn_scripts(html: str) -> str:
    """Remove the CDN scripts nbconvert writes into a notebook's HTML.

    The site's own MathJax (loaded on every page) typesets the notebook's math, so
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
    """Keep notebook pages free of third-party scripts."""
    if page.file.src_uri.endswith(".ipynb"):
        return strip_cdn_scripts(html)
    return html
