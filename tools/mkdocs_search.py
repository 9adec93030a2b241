"""MkDocs hook: what search sees, on this site and in a search engine.

* The "Source code in ..." listings mkdocstrings writes under every function and class
  of the API reference are marked `data-search-exclude`. They repeated each docstring
  and every identifier a second time, so API pages outranked the pages that teach the
  same word; the docstrings themselves stay in the index.
* The `¶` that nbconvert writes into every notebook heading (`<a class="anchor-link">`)
  is marked the same way, so notebook sections are indexed under their plain titles
  (Material's indexer skips only its own `headerlink` permalinks).

* A notebook page gets its `<meta name="description">` from the notebook's metadata
  (`"description"`), as a Markdown page does from its front matter: mkdocs-jupyter
  reads no front matter.

Material's search plugin reads the attribute while indexing the page and then removes it
(it strips `data-search-*="..."`), so the published pages do not change. Pages left out
of search as a whole say so in their front matter (`search: exclude: true`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

EXCLUDE = 'data-search-exclude="true"'
# mkdocstrings' source listing, and nbconvert's pilcrow link in a notebook heading.
_SOURCE = re.compile(r"""<details(?=\s)(?=[^>]*\bclass\s*=\s*["']mkdocstrings-source["'])""")
_ANCHOR_LINK = re.compile(r"""<a(?=\s)(?=[^>]*\bclass\s*=\s*["']anchor-link["'])""")


def exclude_from_search(html: str) -> str:
    """Mark API source listings and notebook heading anchors `data-search-exclude`.

    Args:
        html: A page's content.

    Returns:
        The same HTML, with the attribute on each such element.

    Examples:
        >>> exclude_from_search('<details class="mkdocstrings-source"><pre>x</pre></details>')
        '<details data-search-exclude="true" class="mkdocstrings-source"><pre>x</pre></details>'
        >>> exclude_from_search('<h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2>')
        '<h2 id="a">A<a data-search-exclude="true" class="anchor-link" href="#a">¶</a></h2>'
    """
    html = _SOURCE.sub(f"<details {EXCLUDE}", html)
    return _ANCHOR_LINK.sub(f"<a {EXCLUDE}", html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Leave source listings and pilcrows out of the search index."""
    return exclude_from_search(html)


def notebook_description(path: Path) -> str:
    """The `"description"` in a notebook's metadata.

    Raises:
        PluginError: If the notebook has none (every page describes itself).
    """
    metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    description = metadata.get("description")
    if not isinstance(description, str) or not description.strip():
        raise PluginError(
            f'{path}: give the notebook a one-sentence "description" in its metadata '
            "(shown by search engines, as a Markdown page's front matter is)"
        )
    return description.strip()


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Give a notebook page the description from its metadata."""
    if page.file.src_uri.endswith(".ipynb") and page.file.abs_src_path:
        page.meta["description"] = notebook_description(Path(page.file.abs_src_path))
    return context
