"""Every snippet runs, and the output it shows under each print is what it prints.

The second half tests the runner itself on small files written to a temp dir.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests import snippet_runner
from tests.snippet_runner import ROOT

SNIPPETS = snippet_runner.discover()


def test_there_are_snippets() -> None:
    assert SNIPPETS, f"no snippets found under {ROOT / 'snippets'} (snippets/<page>/<claim>.py)"


@pytest.mark.parametrize("path", SNIPPETS, ids=[p.relative_to(ROOT).as_posix() for p in SNIPPETS])
def test_snippet_output_is_shown_output(path: Path) -> None:
    report = snippet_runner.check(path)
    if not report.ok:
        pytest.fail(report.format(), pytrace=False)


# The runner itself ------------------------------------------------------------------


def write(tmp_path: Path, source: str, name: str = "snippet.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
    return path


def check(path: Path) -> snippet_runner.Report:
    return snippet_runner.check(path, root=path.parent)


def test_matching_output_passes(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        x = 6 * 7
        print(x)
        #> 42
        print("a\\n\\nb")
        #> a
        #>
        #> b
        """,
    )
    report = check(path)
    assert report.ok, report.format()
    assert report.diff() == ""


def test_mismatch_is_reported_with_a_diff(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        print(6 * 7)
        #> 41
        """,
    )
    report = check(path)
    assert not report.ok
    assert report.output_problems == ["line 1: shown output differs from the real output"]
    text = report.format()
    assert "-#> 41" in text
    assert "+#> 42" in text
    assert "make snippets" in text


def test_print_without_expected_lines_fails(tmp_path: Path) -> None:
    path = write(tmp_path, 'print("hi")\nx = 1\n')
    report = check(path)
    assert not report.ok
    assert report.output_problems == ["line 1: print statement has no `#>` lines under it"]


def test_expected_lines_without_print_fail(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        x = 1
        #> 1
        print(x)  #> 1
        #> 1
        """,
    )
    report = check(path)
    assert not report.ok
    assert "line 2: `#>` line with no print statement directly above it" in report.problems
    assert "line 3: `#>` line with no print statement directly above it" in report.problems
    assert report.output_problems == []


def test_multi_line_print_and_loop_print(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        for k in range(3):
            print(
                "k =",
                k,
            )
            #> k = 0
            #> k = 1
            #> k = 2
        def show(v):
            print(f"v={v}", end=";")
            #> v=1;v=2;
        show(1)
        show(2)
        """,
    )
    report = check(path)
    assert report.ok, report.format()


def test_snippet_runs_as_main_in_the_root(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_text("from the root\n", encoding="utf-8")
    sub = tmp_path / "snippets" / "page"
    sub.mkdir(parents=True)
    path = write(
        sub,
        """
        from pathlib import Path
        print(__name__, Path("data.txt").read_text().strip())
        #> __main__ from the root
        """,
    )
    report = snippet_runner.check(path, root=tmp_path)
    assert report.ok, report.format()


def test_each_run_has_fresh_globals(tmp_path: Path) -> None:
    first = write(tmp_path, "leaked = 1\n", name="first.py")
    second = write(
        tmp_path,
        """
        print("leaked" in globals())
        #> False
        """,
        name="second.py",
    )
    assert check(first).ok
    report = check(second)
    assert report.ok, report.format()


def test_torch_settings_do_not_leak_into_the_next_snippet(tmp_path: Path) -> None:
    first = write(
        tmp_path,
        """
        import torch

        torch.set_default_dtype(torch.float64)
        torch.use_deterministic_algorithms(True)
        """,
        name="first.py",
    )
    second = write(
        tmp_path,
        """
        import torch

        print(torch.get_default_dtype(), torch.are_deterministic_algorithms_enabled())
        #> torch.float32 False
        """,
        name="second.py",
    )
    assert check(first).ok
    report = check(second)
    assert report.ok, report.format()


def test_error_is_reported_and_blocks_update(tmp_path: Path) -> None:
    source = 'print("before")\n#> stale\nraise RuntimeError("claim does not hold")\n'
    path = write(tmp_path, source)
    report = snippet_runner.update(path, root=tmp_path)
    assert not report.updatable
    assert any("RuntimeError: claim does not hold" in p for p in report.problems)
    assert "make snippets" not in report.format()  # no diff offered for a crashed run
    assert path.read_text(encoding="utf-8") == source


def test_output_outside_print_statements_fails(tmp_path: Path) -> None:
    path = write(tmp_path, 'import sys\nsys.stdout.write("sneaky\\n")\n')
    report = check(path)
    assert not report.ok
    assert any("sneaky" in p for p in report.problems)


def test_print_to_stderr_is_not_shown_output(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        import sys
        print("note", file=sys.stderr)
        print("shown")
        #> shown
        """,
    )
    report = check(path)
    # What goes to stderr is not shown output: that print wrote nothing to show.
    assert report.problems == [
        "line 2: print statement wrote nothing (it never ran, or printed ''); "
        "a shown print must show its output"
    ]


def test_update_rewrites_only_the_output_lines_and_is_idempotent(tmp_path: Path) -> None:
    source = textwrap.dedent(
        '''
        """Claim: squares."""

        # a plain comment stays
        for n in (2, 3):
            print(n * n)  # a trailing comment stays
            #> 0
        print("done")
        value = 7
        print(value)
        #> 7
        '''
    ).lstrip("\n")
    path = write(tmp_path, source)
    report = snippet_runner.update(path, root=tmp_path)
    assert report.updatable
    expected = source.replace("    #> 0\n", "    #> 4\n    #> 9\n").replace(
        'print("done")\n', 'print("done")\n#> done\n'
    )
    assert path.read_text(encoding="utf-8") == expected
    assert check(path).ok
    snippet_runner.update(path, root=tmp_path)
    assert path.read_text(encoding="utf-8") == expected


def test_update_adds_a_newline_at_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "snippet.py"
    path.write_text("print(1)", encoding="utf-8")
    snippet_runner.update(path, root=tmp_path)
    assert path.read_text(encoding="utf-8") == "print(1)\n#> 1\n"


def test_two_prints_on_one_line_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "print(1); print(2)\n#> 1\n#> 2\n")
    report = check(path)
    assert any("two print statements end on line 1" in p for p in report.problems)


def test_cli_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "print(1)\n#> 1\n", name="good.py")
    bad = write(tmp_path, "print(1)\n#> 2\n", name="bad.py")
    assert snippet_runner.main([str(good)]) == 0
    assert snippet_runner.main([str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "1 passed, 1 failed" in captured.out
    assert "+#> 1" in captured.err
