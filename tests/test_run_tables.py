"""A table a snippet prints is shown on its page rendered, read from its checked output.

tools/mkdocs_run_tables.py replaces `<!-- table-from: snippets/... -->` lines by the
table in that file's `#>` lines; tests/test_snippets.py checks those lines against a
run, so the rendered numbers are produced, never typed.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.snippet_runner import ROOT
from tests.tool_loader import load_tool

SNIPPET = '''"""Squares."""

print("| n | n squared |")
print("| --- | --- |")
for n in (2, 3):
    print(f"| {n} | {n * n} |")
#> | n | n squared |
#> | --- | --- |
#> | 2 | 4 |
#> | 3 | 9 |
print("done")
#> done
'''


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    return load_tool("mkdocs_run_tables")


def test_doctests(hook: ModuleType) -> None:
    failed, attempted = doctest.testmod(hook, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert attempted > 0
    assert failed == 0


def test_a_marker_becomes_the_printed_table(hook: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "snippets" / "p").mkdir(parents=True)
    (tmp_path / "snippets" / "p" / "squares.py").write_text(SNIPPET)
    page = "Text.\n\n!!! note\n    <!-- table-from: snippets/p/squares.py -->\n\nMore."
    out = hook.render_tables(page, tmp_path)
    assert "    | 3 | 9 |" in out
    assert "table-from" not in out
    assert "done" not in out


def test_missing_file_or_table_is_an_error(hook: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such file"):
        hook.render_tables("<!-- table-from: snippets/p/none.py -->", tmp_path)
    (tmp_path / "snippets" / "p").mkdir(parents=True)
    (tmp_path / "snippets" / "p" / "squares.py").write_text(SNIPPET)
    with pytest.raises(ValueError, match=r"expected table 2 of snippets/p/squares\.py"):
        hook.render_tables("<!-- table-from: snippets/p/squares.py 2 -->", tmp_path)


def test_every_marker_on_a_page_names_a_printed_table(hook: ModuleType) -> None:
    marker = re.compile(r"<!--\s*table-from:\s*(\S+)(?:\s+(\d+))?\s*-->")
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in marker.finditer(page.read_text(encoding="utf-8")):
            hook.table_from(match[1], int(match[2] or 1))
