"""Run the snippets and check the output they show.

A snippet (`snippets/<page>/<claim>.py`) prints what it measured, and directly under
each print statement sits the output a reader should expect, one `#> ` comment line per
printed line (`#>` alone for an empty one):

    print(round(err, 6))
    #> 0.0

Everything a print statement writes goes under that statement, in order: a print in a
loop, or in a function called three times, shows all of its lines there.

This module runs a snippet the way `python snippets/x/y.py` would (fresh globals,
`__name__ == "__main__"`, the repository root as working directory), records what each
print statement wrote, and compares it with the `#>` lines. With `--update` it rewrites
the `#>` lines from the run and leaves every other byte of the file as it was.

Usage (from the repository root; `make snippets` runs the second form):

    python -m tests.snippet_runner [PATH ...]           # check, show a diff per failure
    python -m tests.snippet_runner --update [PATH ...]  # rewrite the #> lines

Trailing whitespace of printed lines is not compared (editors and linters strip it).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import contextlib
import difflib
import io
import os
import sys
import tokenize
import traceback
import types
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS_DIR = "snippets"
MARKER = "#>"


@dataclass(frozen=True)
class PrintStatement:
    """A statement that calls (or refers to) `print`, and the `#>` lines under it.

    Line numbers are 1-based, as in tracebacks and editors.
    """

    first_line: int
    last_line: int
    indent: str
    expected: tuple[str, ...]
    block: range  # the lines holding `#>` comments, directly after `last_line`


@dataclass(frozen=True)
class Layout:
    """Where the print statements and `#>` lines of one source file are."""

    statements: tuple[PrintStatement, ...]
    orphans: tuple[int, ...]  # lines with a `#>` comment that belongs to no print statement
    problems: tuple[str, ...]


@dataclass
class Report:
    """The outcome of checking one snippet."""

    path: Path
    source: str
    updated: str  # the source with its `#>` lines rewritten from this run
    problems: list[str] = field(default_factory=list)
    # Problems that `--update` fixes (missing or stale `#>` lines); the others need a person.
    output_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the shown output is exactly what the snippet prints."""
        return not self.problems and not self.output_problems

    @property
    def updatable(self) -> bool:
        """Whether `--update` may rewrite the file (the run itself went well)."""
        return not self.problems

    def diff(self) -> str:
        """Return a unified diff from the file as written to the file as the run says."""
        name = display_path(self.path)
        return "".join(
            difflib.unified_diff(
                self.source.splitlines(keepends=True),
                self.updated.splitlines(keepends=True),
                fromfile=f"{name} (shown in the file)",
                tofile=f"{name} (printed by a real run)",
            )
        )

    def format(self) -> str:
        """Return a readable account of every problem, ending with the diff."""
        lines = [f"{display_path(self.path)}:"]
        lines += [f"  {problem}" for problem in self.problems + self.output_problems]
        # After a crash or a layout problem the run's output says nothing about the #> lines.
        diff = self.diff() if self.updatable else ""
        if diff:
            lines += ["", diff.rstrip("\n"), ""]
            lines.append("Run `make snippets` to rewrite the #> lines from a real run.")
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """Return `path` relative to the repository root when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def discover(root: Path = ROOT) -> list[Path]:
    """Return every snippet file under `root/snippets`, sorted."""
    return sorted((root / SNIPPETS_DIR).rglob("*.py"))


def _uses_print_directly(statement: ast.stmt) -> bool:
    """Whether `statement` itself (not a statement nested in it) refers to `print`."""
    pending = [c for c in ast.iter_child_nodes(statement) if not isinstance(c, ast.stmt)]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and node.id == "print" and isinstance(node.ctx, ast.Load):
            return True
        pending.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, ast.stmt))
    return False


def _comment_lines(source: str) -> set[int]:
    """Return the lines that hold nothing but a `#>` comment."""
    found: set[int] = set()
    lines = source.splitlines()
    readline = io.StringIO(source).readline
    for token in tokenize.generate_tokens(readline):
        if token.type == tokenize.COMMENT and token.string.startswith(MARKER):
            row, col = token.start
            if not lines[row - 1][:col].strip():
                found.add(row)
    return found


def _marker_comments(source: str) -> set[int]:
    """Return every line with a `#>` comment, whole-line or trailing."""
    readline = io.StringIO(source).readline
    return {
        token.start[0]
        for token in tokenize.generate_tokens(readline)
        if token.type == tokenize.COMMENT and token.string.startswith(MARKER)
    }


def _expected_text(comment: str) -> str:
    rest = comment.strip()[len(MARKER) :]
    return rest[1:] if rest.startswith(" ") else rest


def parse(source: str, filename: str = "<snippet>") -> Layout:
    """Find the print statements of `source` and the `#>` lines under each.

    Args:
        source: Python source code.
        filename: Used in syntax error messages.

    Returns:
        The print statements in source order, stray `#>` lines and layout problems.
    """
    tree = ast.parse(source, filename)
    lines = source.splitlines()
    whole_line_comments = _comment_lines(source)
    statements: list[PrintStatement] = []
    problems: list[str] = []
    seen_ends: dict[int, int] = {}
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.stmt) and _uses_print_directly(n)]
    for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
        last = node.end_lineno if node.end_lineno is not None else node.lineno
        if last in seen_ends:
            problems.append(
                f"line {node.lineno}: two print statements end on line {last} "
                f"(the other starts on line {seen_ends[last]}); put each on its own line"
            )
            continue
        seen_ends[last] = node.lineno
        first_text = lines[node.lineno - 1]
        indent = first_text[: len(first_text) - len(first_text.lstrip())]
        end = last
        while end < len(lines) and end + 1 in whole_line_comments:
            end += 1
        block = range(last + 1, end + 1)
        expected = tuple(_expected_text(lines[n - 1]) for n in block)
        statements.append(PrintStatement(node.lineno, last, indent, expected, block))
    claimed = {n for s in statements for n in s.block}
    orphans = tuple(sorted(_marker_comments(source) - claimed))
    return Layout(tuple(statements), orphans, tuple(problems))


def _innermost(statements: Sequence[PrintStatement], line: int) -> PrintStatement | None:
    """Return the smallest print statement whose lines contain `line`."""
    containing = [s for s in statements if s.first_line <= line <= s.last_line]
    return min(containing, key=lambda s: s.last_line - s.first_line, default=None)


def _caller_line(filename: str) -> int | None:
    """Return the line of the innermost frame running code from `filename`."""
    frame: types.FrameType | None = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename != filename:
        frame = frame.f_back
    return None if frame is None else frame.f_lineno


def to_lines(text: str) -> list[str]:
    """Split printed text into lines as `#>` comments hold them."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line.rstrip() for line in lines]


@dataclass
class Run:
    """What one execution of a snippet wrote."""

    written: dict[int, list[str]]  # statement first line -> pieces of text, in order
    stray: str  # stdout written other than through the snippet's print statements
    error: str | None  # the traceback, if the snippet raised


def _torch_settings() -> tuple[object, bool, int] | None:
    """The process-wide torch settings a snippet may change, if torch is loaded."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    return (
        torch.get_default_dtype(),
        torch.are_deterministic_algorithms_enabled(),
        torch.get_num_threads(),
    )


def _restore_torch(settings: tuple[object, bool, int] | None) -> None:
    torch = sys.modules.get("torch")
    if torch is None:
        return
    # Loaded by this snippet: back to torch's own defaults (threads are left as they are).
    dtype, deterministic, threads = settings or (torch.float32, False, torch.get_num_threads())
    torch.set_default_dtype(dtype)
    torch.use_deterministic_algorithms(deterministic)
    torch.set_num_threads(threads)


@contextlib.contextmanager
def _isolated(path: Path, root: Path) -> Iterator[types.ModuleType]:
    """Give a snippet what `python path` would: a fresh `__main__`, argv, cwd, sys.path."""
    module = types.ModuleType("__main__")
    module.__file__ = str(path)
    old_main = sys.modules.get("__main__")
    old_argv = sys.argv[:]
    old_path = sys.path[:]
    old_cwd = Path.cwd()
    printoptions = np.get_printoptions()
    torch_settings = _torch_settings()
    sys.modules["__main__"] = module
    sys.argv = [str(path)]
    sys.path.insert(0, str(path.parent))
    os.chdir(root)
    try:
        with warnings.catch_warnings():
            yield module
    finally:
        os.chdir(old_cwd)
        sys.path[:] = old_path
        sys.argv = old_argv
        if old_main is None:
            del sys.modules["__main__"]
        else:
            sys.modules["__main__"] = old_main
        # A snippet may set numpy's print options for its output, or torch's default
        # dtype for its arithmetic; the next one starts clean, as a new process would.
        np.set_printoptions(**printoptions)
        _restore_torch(torch_settings)


def run(path: Path, layout: Layout, root: Path = ROOT) -> Run:
    """Execute the snippet at `path` and record what each print statement wrote."""
    source = path.read_text(encoding="utf-8")
    filename = str(path)
    code = compile(source, filename, "exec", dont_inherit=True)
    written: dict[int, list[str]] = {s.first_line: [] for s in layout.statements}
    stdout = io.StringIO()

    def recording_print(
        *values: object,
        sep: str | None = " ",
        end: str | None = "\n",
        file: TextIO | None = None,
        flush: bool = False,
    ) -> None:
        if file is not None and file is not sys.stdout:
            builtins.print(*values, sep=sep, end=end, file=file, flush=flush)
            return
        text = (" " if sep is None else sep).join(map(str, values))
        text += "\n" if end is None else end
        line = _caller_line(filename)
        statement = None if line is None else _innermost(layout.statements, line)
        if statement is None:
            stdout.write(text)
        else:
            written[statement.first_line].append(text)

    error: str | None = None
    with _isolated(path, root) as module, contextlib.redirect_stdout(stdout):
        namespace = module.__dict__
        namespace.update({"__builtins__": builtins, "print": recording_print})
        try:
            exec(code, namespace)
        except SystemExit as exit_:
            if exit_.code not in (None, 0):
                error = f"the snippet exited with status {exit_.code!r}"
        except Exception as exc:
            # Drop this function's own frame: the reader needs the snippet's lines.
            tb = exc.__traceback__.tb_next if exc.__traceback__ else None
            error = "".join(traceback.format_exception(type(exc), exc, tb)).rstrip()
    return Run(written, stdout.getvalue(), error)


def rewrite(source: str, layout: Layout, actual: dict[int, list[str]]) -> str:
    """Return `source` with each print statement's `#>` lines replaced by `actual`.

    Args:
        source: The snippet's source.
        layout: `parse(source)`.
        actual: Statement first line -> the lines it printed.

    Returns:
        The new source; identical to `source` where nothing changed.
    """
    newline = "\r\n" if "\r\n" in source else "\n"
    old = source.splitlines(keepends=True)
    drop = {n for s in layout.statements for n in s.block}
    after = {s.last_line: s for s in layout.statements}
    new: list[str] = []
    for number, text in enumerate(old, start=1):
        if number in drop:
            continue
        statement = after.get(number)
        ends_file = statement is not None and actual[statement.first_line] and text[-1:] != "\n"
        new.append(text + newline if ends_file else text)
        if statement is not None:
            for line in actual[statement.first_line]:
                comment = f"{MARKER} {line}" if line else MARKER
                new.append(f"{statement.indent}{comment}{newline}")
    return "".join(new)


def check(path: Path, root: Path = ROOT) -> Report:
    """Run one snippet and compare what it prints with its `#>` lines."""
    source = path.read_text(encoding="utf-8")
    try:
        layout = parse(source, str(path))
    except SyntaxError as exc:
        report = Report(path, source, source)
        report.problems.append(f"does not parse: {exc}")
        return report
    result = run(path, layout, root)
    actual = {first: to_lines("".join(pieces)) for first, pieces in result.written.items()}
    report = Report(path, source, rewrite(source, layout, actual))
    report.problems += layout.problems
    if result.error is not None:
        report.problems.append(f"the snippet raised an error:\n{result.error}")
    if result.stray:
        report.problems.append(
            "wrote to stdout other than through a print statement of the snippet "
            f"(its output cannot be shown under a statement): {result.stray!r}"
        )
    report.problems += [
        f"line {n}: `#>` line with no print statement directly above it" for n in layout.orphans
    ]
    for statement in layout.statements:
        lines = actual[statement.first_line]
        where = f"line {statement.first_line}"
        if not lines and not statement.expected:
            if result.error is None:
                report.problems.append(
                    f"{where}: print statement wrote nothing (it never ran, or printed ''); "
                    "a shown print must show its output"
                )
        elif not statement.expected:
            report.output_problems.append(f"{where}: print statement has no `#>` lines under it")
        elif list(statement.expected) != lines:
            report.output_problems.append(f"{where}: shown output differs from the real output")
    return report


def update(path: Path, root: Path = ROOT) -> Report:
    """Rewrite the `#>` lines of one snippet from a real run, if the run went well.

    Returns:
        The report of the run; the file is written only when `report.updatable`.
    """
    report = check(path, root)
    if report.updatable and report.updated != report.source:
        path.write_text(report.updated, encoding="utf-8", newline="")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.snippet_runner",
        description="Check (or with --update, rewrite) the #> output lines of the snippets.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="snippet files (default: all)")
    parser.add_argument("--update", action="store_true", help="rewrite the #> lines in place")
    args = parser.parse_args(argv)
    paths: list[Path] = [p.resolve() for p in args.paths] or discover()
    if not paths:
        print(f"no snippets found under {ROOT / SNIPPETS_DIR}", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        if args.update:
            report = update(path)
            if not report.updatable:
                failed += 1
                print(f"NOT UPDATED {report.format()}", file=sys.stderr)
            elif report.updated != report.source:
                print(f"updated     {display_path(path)}")
            else:
                print(f"up to date  {display_path(path)}")
        else:
            report = check(path)
            if report.ok:
                print(f"ok          {display_path(path)}")
            else:
                failed += 1
                print(f"FAILED      {report.format()}", file=sys.stderr)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
