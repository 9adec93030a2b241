"""A reader's install works: the wheel, in a fresh venv, runs a snippet as the page shows it.

Builds shiftlab's wheel, installs it (with its one dependency, numpy, at the pinned
version) into a new virtual environment that has nothing else, and runs a snippet that
imports shiftlab there, outside the repository, comparing its output with the snippet's
`#>` lines. Needs the package index, as `pip install` does on a reader's machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.snippet_runner import ROOT, parse

SNIPPET = ROOT / "snippets" / "convolution" / "measure_equivariance.py"


def _run(args: list[str | Path], cwd: Path) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done.stdout


def test_the_wheel_installs_in_a_fresh_venv_and_runs_a_snippet(tmp_path: Path) -> None:
    dist, venv, tree = tmp_path / "dist", tmp_path / "venv", tmp_path / "source"
    # Built from a copy: setuptools writes build/ and *.egg-info next to the sources.
    tree.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, tree / name)
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    _run([sys.executable, "-m", "pip", "wheel", tree, "--no-deps", "-w", dist, "-q"], tmp_path)
    (wheel,) = dist.glob("shiftlab-*.whl")
    _run([sys.executable, "-m", "venv", venv], tmp_path)
    python = venv / "bin" / "python"
    pins: list[str | Path] = ["-c", ROOT / "constraints.txt"]
    _run([python, "-m", "pip", "install", "-q", *pins, wheel], tmp_path)
    installed = _run([python, "-c", "import shiftlab, sys; print(shiftlab.__file__)"], tmp_path)
    assert str(venv) in installed  # the wheel's copy, not the repository's source
    source = SNIPPET.read_text(encoding="utf-8")
    shown = [line for statement in parse(source).statements for line in statement.expected]
    assert shown, f"{SNIPPET.name} shows no output to compare"
    printed = _run([python, SNIPPET], tmp_path)  # run outside the repository
    assert printed.splitlines() == shown
