"""MkDocs hook: every snippet shown on a page links to its file in the repository.

A page shows code only as a fence holding one include line, `--8<-- "snippets/<page>/<claim>.py"`.
`on_page_markdown` gives each such fence a title, the file's path, which
pymdownx.highlight renders as a bar above the code; `on_page_content` turns that bar's
text into a link to the file at `<repo_url>/blob/<branch>/<path>`, the branch read from
`edit_uri` (`edit/main/docs/`). The link is left out of the search index.

A page links to a folder or file of the repository as `[text](repo:src/shiftlab/layers)`;
`on_page_markdown` points it at `<repo_url>/tree/<branch>/src/shiftlab/layers`, so a fork
that sets `REPO_URL` links to itself.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# A python fence whose only line includes one snippet; the indentation is kept, so fences
# inside admonitions and tabs are found too.
_INCLUDE_FENCE = re.compile(
    r"""^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*python(?P<options>[^\n]*)\n"""
    r"""(?P=indent)--8<--[ \t]+"(?P<path>snippets/[^"\n]+\.py)"[ \t]*\n"""
    r"""(?P=indent)(?P=fence)[ \t]*$""",
    re.MULTILINE,
)
# The title bar pymdownx.highlight writes for `title="snippets/..."`.
_FILENAME = re.compile(r"""<span class="filename">(?P<path>snippets/[^<"]+\.py)</span>""")
_BRANCH = re.compile(r"^(?:edit|blob|tree)/(?P<branch>[^/]+)/")
_REPO_LINK = re.compile(r"\]\(repo:(?P<path>[^)\s]*)\)")


def title_snippet_fences(markdown: str) -> str:
    r"""Give every one-line snippet fence a `title` naming the included file.

    Examples:
        >>> print(title_snippet_fences('```python\n--8<-- "snippets/a/b.py"\n```'))
        ```python title="snippets/a/b.py"
        --8<-- "snippets/a/b.py"
        ```
    """

    def titled(match: re.Match[str]) -> str:
        if "title=" in match["options"]:
            return match[0]
        head = f"{match['indent']}{match['fence']}python{match['options'].rstrip()}"
        rest = match[0][match.end("options") - match.start() :]
        return f'{head} title="{match["path"]}"{rest}'

    return _INCLUDE_FENCE.sub(titled, markdown)


def blob_url(config: MkDocsConfig) -> str:
    """`<repo_url>/blob/<branch>/`, the branch taken from `edit_uri`.

    Raises:
        PluginError: If `repo_url` is unset or `edit_uri` names no branch.
    """
    repo_url = config.repo_url
    branch = _BRANCH.match(config.edit_uri or "")
    if not repo_url or branch is None:
        raise PluginError(
            "snippet links need repo_url and an edit_uri of the form edit/<branch>/docs/ in "
            f"mkdocs.yml; got repo_url={repo_url!r}, edit_uri={config.edit_uri!r}"
        )
    return f"{repo_url.rstrip('/')}/blob/{branch['branch']}/"


def link_repository_paths(markdown: str, base: str) -> str:
    """Point each `](repo:<path>)` link at `<path>` under `base` (a `/tree/<branch>/` URL).

    Examples:
        >>> link_repository_paths("[the layers](repo:src/shiftlab/layers)", "https://x.org/r/tree/main/")
        '[the layers](https://x.org/r/tree/main/src/shiftlab/layers)'
    """
    return _REPO_LINK.sub(lambda match: f"]({base}{match['path']})", markdown)


def link_snippet_titles(content: str, base: str) -> str:
    """Turn each snippet's title bar into a link to the file under `base`.

    Examples:
        >>> link_snippet_titles(
        ...     '<span class="filename">snippets/a/b.py</span>', "https://x.org/r/blob/main/"
        ... )  # doctest: +NORMALIZE_WHITESPACE
        '<span class="filename"><a class="shiftlab-snippet-link"
        href="https://x.org/r/blob/main/snippets/a/b.py" title="This snippet in the
        repository" data-search-exclude="true">snippets/a/b.py</a></span>'
    """

    def linked(match: re.Match[str]) -> str:
        path = match["path"]
        href = escape(base + path, quote=True)
        return (
            f'<span class="filename"><a class="shiftlab-snippet-link" href="{href}" '
            f'title="This snippet in the repository" data-search-exclude="true">'
            f"{escape(path)}</a></span>"
        )

    return _FILENAME.sub(linked, content)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Title each snippet fence with the path of its file; resolve `repo:` links."""
    tree = "/tree/".join(blob_url(config).rsplit("/blob/", 1))
    return link_repository_paths(title_snippet_fences(markdown), tree)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link each snippet's title to its file in the repository."""
    return link_snippet_titles(html, blob_url(config))
