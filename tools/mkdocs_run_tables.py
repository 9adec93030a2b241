"""MkDocs hook: a table a snippet prints is shown rendered, read from its checked output.

A snippet that prints a Markdown table (lines starting with `|`) carries that output in
its `#>` lines, which tests/test_snippets.py compares with a fresh run. A page shows the
table rendered by a line of its own:

    <!-- table-from: snippets/<page>/<claim>.py -->

or, for the file's second (third, ...) table, `<!-- table-from: snippets/<page>/<claim>.py 2 -->`.
`on_page_markdown` replaces the line with the table, so the numbers on the page come
from a run and are never typed. A missing file or table fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!--[ \t]*table-from:[ \t]*(?P<path>snippets/\S+\.py)"
    r"(?:[ \t]+(?P<n>\d+))?[ \t]*-->[ \t]*$",
    re.MULTILINE,
)


def output_lines(source: str) -> list[str]:
    r"""The `#>` lines of a snippet, without the marker and the indentation.

    Examples:
        >>> output_lines('print(1)\n    #> 1\n#>\nx = 2  # #> not output')
        ['1', '']
    """
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == "#>":
            lines.append("")
        elif stripped.startswith("#> "):
            lines.append(stripped[3:])
    return lines


def tables(output: list[str]) -> list[list[str]]:
    """The runs of consecutive lines that start with `|`, one list per table.

    Examples:
        >>> tables(["a", "| x |", "| --- |", "| 1 |", "", "| y |"])
        [['| x |', '| --- |', '| 1 |'], ['| y |']]
    """
    found: list[list[str]] = []
    current: list[str] = []
    for line in [*output, ""]:
        if line.startswith("|"):
            current.append(line.rstrip())
        elif current:
            found.append(current)
            current = []
    return found


def table_from(path: str, n: int, root: Path = ROOT) -> list[str]:
    """Table `n` (1-based) printed by the snippet at `path`, from its `#>` lines.

    Raises:
        ValueError: if the file is missing, or prints fewer than `n` tables.
    """
    file = root / path
    if not file.is_file():
        raise ValueError(f"table-from: expected a snippet file, got {path!r} (no such file)")
    found = tables(output_lines(file.read_text(encoding="utf-8")))
    if not 1 <= n <= len(found):
        raise ValueError(
            f"table-from: expected table {n} of {path}, which prints {len(found)} "
            "table(s) in its #> lines (lines starting with '|')"
        )
    table = found[n - 1]
    if len(table) < 2 or not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", table[1].replace(" ", "")):
        raise ValueError(
            f"table-from: table {n} of {path} has no header separator line "
            f"('| --- | --- |') under its first line; got {table[1:2]!r}"
        )
    return table


def render_tables(markdown: str, root: Path = ROOT) -> str:
    """Replace every `<!-- table-from: ... -->` line by the table it names."""

    def replace(match: re.Match[str]) -> str:
        table = table_from(match["path"], int(match["n"] or 1), root)
        indent = match["indent"]
        return "\n".join(["", *(indent + line for line in table), ""])

    return _MARKER.sub(replace, markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the page's `table-from` lines; a bad one fails the build."""
    try:
        return render_tables(markdown)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
