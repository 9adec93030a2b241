"""The notebooks are stored clean and run top to bottom.

The site executes them at build time, so the repository keeps no outputs (they would
go stale); here each one runs in a fresh python3 kernel, in its own directory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from tests.snippet_runner import ROOT

NOTEBOOKS = sorted((ROOT / "docs" / "notebooks").glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
CELL_TIMEOUT_S = 120


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no docs/notebooks/*.ipynb"


def stored_outputs(notebook: dict[str, Any]) -> list[str]:
    """What a notebook stores that only a run should produce, cell by cell."""
    found = []
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        if cell.get("outputs"):
            found.append(f"cell {number}: outputs")
        if cell.get("execution_count") is not None:
            found.append(f"cell {number}: execution_count")
    return found


def test_stored_outputs_are_detected() -> None:
    code = {"cell_type": "code", "source": "1", "metadata": {}}
    clean = {"cells": [{**code, "outputs": [], "execution_count": None}]}
    run = {"cells": [{**code, "outputs": [{"output_type": "stream"}], "execution_count": 3}]}
    assert stored_outputs(clean) == []
    assert stored_outputs(run) == ["cell 1: outputs", "cell 1: execution_count"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    dirty = stored_outputs(json.loads(path.read_text(encoding="utf-8")))
    assert not dirty, (
        f"{path.name} is stored with {', '.join(dirty)}; clear them "
        "(Jupyter: Edit > Clear Outputs of All Cells, or "
        f"`jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)}`)"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    # nbformat has no type annotations.
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cell"
    assert all(cell.execution_count for cell in code_cells), f"{path.name}: a cell did not run"
