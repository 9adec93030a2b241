"""The direction of dependencies inside shiftlab.

The numpy core (shifts, padding, convolution, pooling, measures) runs with numpy alone:
importing it must not pull in torch or matplotlib. matplotlib belongs to
`shiftlab.figures`, torch to the torch-side modules (`shiftlab.layers`, `shiftlab.probe`,
`shiftlab.consistency`) and to `shiftlab.experiments`, which also alone uses scikit-learn
(for its bundled digits). The figures that draw experiment results import the
experiments inside the figure function, so importing `shiftlab.figures` stays light; the
`shiftlab` command (`shiftlab.__main__`) imports the probe only when it is asked for.
Library code returns values and never prints.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.snippet_runner import ROOT

PACKAGE = ROOT / "src" / "shiftlab"
CORE_MODULES = [
    "shiftlab",
    "shiftlab.shifts",
    "shiftlab.padding",
    "shiftlab.convolution",
    "shiftlab.pooling",
    "shiftlab.measures",
]
HEAVY = ["torch", "matplotlib"]
# Top-level import name -> the parts of src/shiftlab allowed to import it (a module
# `name.py` or a package `name/`).
ALLOWED = {
    "matplotlib": ("figures",),
    "mpl_toolkits": ("figures",),
    "torch": ("layers", "probe", "consistency", "experiments"),
    "torchvision": ("layers", "probe"),
    "sklearn": ("experiments",),
    "tqdm": ("probe",),  # the probe's command line draws its progress bar with it
}

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(name for name in sys.argv[2:] if name in sys.modules)))
"""


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_neither_torch_nor_matplotlib(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module, *HEAVY],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"`import {module}` failed:\n{done.stderr}"
    loaded = json.loads(done.stdout)
    assert loaded == [], f"`import {module}` also imports {loaded}"


SOURCES = sorted(PACKAGE.rglob("*.py"))
SOURCE_IDS = [p.relative_to(PACKAGE).as_posix() for p in SOURCES]


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level name) of every absolute import in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def part_of(path: Path) -> str:
    """The part of src/shiftlab a file is in: `figures` for figures/x.py, `layers` for layers.py."""
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def test_package_has_sources() -> None:
    assert SOURCES, f"no Python files under {PACKAGE}"


@pytest.mark.parametrize("path", SOURCES, ids=SOURCE_IDS)
def test_heavy_imports_stay_in_their_modules(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(ROOT).as_posix()
    problems = [
        f"{where}:{line}: imports {name}, allowed only in shiftlab.{{{','.join(ALLOWED[name])}}}"
        for line, name in imported_names(tree)
        if name in ALLOWED and part_of(path) not in ALLOWED[name]
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", SOURCES, ids=SOURCE_IDS)
def test_library_code_does_not_print(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(ROOT).as_posix()
    calls = [
        f"{where}:{node.lineno}: print(...)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
    ]
    assert not calls, "library code returns values; callers print:\n" + "\n".join(calls)


def test_the_checks_catch_a_violation(tmp_path: Path) -> None:
    """The scans above flag what they should (guards against a scan that cannot fail)."""
    tree = ast.parse("import numpy\nfrom torch import nn\nimport matplotlib.pyplot as plt\n")
    assert imported_names(tree) == [(1, "numpy"), (2, "torch"), (3, "matplotlib")]
    assert part_of(PACKAGE / "figures" / "foundations.py") == "figures"
    assert part_of(PACKAGE / "layers.py") == "layers"
    assert part_of(PACKAGE / "shifts.py") not in ALLOWED["torch"]
