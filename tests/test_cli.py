"""Tests for the command line: ``python -m shiftlab probe`` run as a user would run it.

Each test writes a model file into a temporary working directory and runs the command
there as a subprocess (the import from the working directory is part of what is tested);
a few option errors and the progress bar are checked in-process, which is faster.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shiftlab.__main__ import main as shiftlab_main
from shiftlab.probe import ProbeReport, cli

MODELS = """
from torch import nn


def make():
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1, padding_mode="circular"),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(4, 3),
    )


class Line(nn.Sequential):
    def __init__(self):
        super().__init__(nn.Conv1d(1, 2, 3, padding=1), nn.ReLU())


def not_a_model():
    return "a string"


def broken():
    raise RuntimeError("no weights here")
"""


def shiftlab(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shiftlab", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "models.py").write_text(MODELS, encoding="utf-8")
    return tmp_path


def test_probe_prints_the_table_and_writes_json(workdir: Path) -> None:
    done = shiftlab(
        workdir,
        *("probe", "models:make", "--input-shape", "2,3,8,8", "--shifts", "0,1;1,0;2,2"),
        *("--json", "report.json", "--seed", "3"),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("probe of Sequential on input (2, 3, 8, 8), 3 circular shifts")
    assert lines[1].split()[:5] == ["layer", "type", "call", "stride", "crop"]
    assert lines[1].split()[5:] == ["(0,", "1)", "(1,", "0)", "(2,", "2)"]
    pool = next(line.split() for line in lines if "MaxPool2d" in line)
    assert pool[:6] == ["2", "MaxPool2d", "0", "2", "0", "undefined"]
    assert "classifier (3 classes)" in done.stdout
    report = ProbeReport.from_dict(json.loads((workdir / "report.json").read_text()))
    assert report.shifts == ((0, 1), (1, 0), (2, 2))
    assert str(report) == done.stdout.rstrip("\n")
    again = shiftlab(workdir, "probe", "models:make", "--input-shape", "2,3,8,8", "--seed", "3")
    assert again.returncode == 0
    assert "64 circular shifts" in again.stdout  # every shift of the 8 x 8 grid by default


def test_a_class_and_one_dimensional_input_with_zero_fill(workdir: Path) -> None:
    done = shiftlab(
        workdir, "probe", "models:Line", "--input-shape", "1,1,12", "--shift-mode", "zero"
    )
    assert done.returncode == 0, done.stderr
    assert "12 zero shifts" in done.stdout
    assert "Conv1d" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nomodule:make"], "cannot import 'nomodule': ModuleNotFoundError"),
        (["models:missing"], "module 'models' has no callable 'missing'"),
        (["models:not_a_model"], "models:not_a_model() returned 'a string' (str), not a torch"),
        (["models:broken"], "models:broken() raised RuntimeError: no weights here"),
        (["models:make", "--input-shape", "1,2,8,8"], "the model rejects an input, shape (1, 2"),
        (["models:make", "--shifts", "8,0"], "shift (8, 0) is as large as the input (8, 8)"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(workdir: Path, args: list[str], message: str) -> None:
    if "--input-shape" not in args:
        args = [*args, "--input-shape", "1,3,8,8"]
    done = shiftlab(workdir, "probe", *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("shiftlab probe: error: ")
    assert message in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["m:f"], "the following arguments are required: --input-shape"),
        (["m:f", "--input-shape", "1,x,8"], "--input-shape must be integers separated by commas"),
        (["m:f", "--input-shape", "1,8"], "--input-shape must be 3 to 5 positive sizes"),
        (["m:f", "--input-shape", "1,1,8", "--shift-mode", "reflect"], "invalid choice"),
        (["justamodule", "--input-shape", "1,1,8"], "expected MODULE:FACTORY"),
    ],
)
def test_option_errors_are_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status: str | int | None = None
    try:
        status = shiftlab_main(["probe", *args])
    except SystemExit as exit_:  # argparse's own errors
        status = exit_.code
    assert status == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert message in err


def test_progress_bar_on_stderr(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "progress_models.py").write_text(MODELS, encoding="utf-8")
    monkeypatch.chdir(workdir)
    monkeypatch.syspath_prepend(str(workdir))
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0.0)
    status = shiftlab_main(
        ["probe", "progress_models:make", "--input-shape", "1,3,4,4", "--batch-size", "4"]
    )
    assert status == 0
    captured = capsys.readouterr()
    assert "16/16" in captured.err
    assert "shift" in captured.err
    assert captured.out.startswith("probe of Sequential")


def test_the_dispatcher_imports_no_torch_and_the_script_is_installed(tmp_path: Path) -> None:
    code = "import sys, shiftlab.__main__; print('torch' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"
    script = Path(sys.executable).with_name("shiftlab")
    assert script.exists(), "reinstall: pip install -c constraints.txt -e '.[dev]'"
    helped = subprocess.run(
        [script, "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert helped.returncode == 0
    assert "probe" in helped.stdout
    bare = shiftlab(tmp_path)
    assert bare.returncode == 2
    assert bare.stderr.splitlines() == [
        "shiftlab: error: the following arguments are required: COMMAND (see --help)"
    ]
