"""Snippets one idea long: a one-line docstring states the claim, and they stay short.

The reader's-path rule: a snippet checks one claim, says it in its first line, and is
short enough to read at a glance; the median over all snippets is at most 25 lines
(`#>` output included). A longer one is split, or its table rendered on the page.
"""

from __future__ import annotations

import ast
import statistics

from tests.snippet_runner import ROOT

SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))
MEDIAN_LINES = 25


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) > 100


def test_every_snippet_states_its_claim_in_one_line() -> None:
    problems = []
    for path in SNIPPETS:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)
        where = path.relative_to(ROOT)
        if docstring is None:
            problems.append(f"{where}: no docstring stating the claim")
        elif "\n" in docstring.strip():
            problems.append(f"{where}: a docstring of {docstring.count(chr(10)) + 1} lines")
    assert not problems, "\n".join(problems)


def test_median_snippet_length() -> None:
    lengths = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in SNIPPETS}
    median = statistics.median(lengths.values())
    longest = sorted(lengths, key=lengths.__getitem__, reverse=True)[:5]
    assert median <= MEDIAN_LINES, (
        f"median snippet length {median} lines (limit {MEDIAN_LINES}); the longest: "
        + ", ".join(f"{p.relative_to(ROOT)} ({lengths[p]})" for p in longest)
    )
