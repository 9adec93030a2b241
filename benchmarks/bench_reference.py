"""Benchmarks for the reference code and layers: run with `make bench`, never part of `make test`.

Each case times the best of several repeats and compares it with a target; the targets
are generous ceilings for a 2-core machine, meant to catch an accidental Python loop
over pixels or an unbatched measurement, not to race torch. The torch layers are timed
against the plain strided pool on the same input and reported as a ratio of times,
which carries over between machines better than seconds. Exit status 1 when a case
misses its target.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - the usual name

from shiftlab.convolution import correlate
from shiftlab.figures import build
from shiftlab.layers import AdaptivePolyphaseSampling, BlurPool, MaxBlurPool
from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool

Array = np.ndarray[Any, np.dtype[np.floating[Any]]]


@dataclass(frozen=True)
class Case:
    """One timed computation and the ceiling it must stay under."""

    name: str
    run: Callable[[], object]
    target: float | None  # seconds, or a ratio with `baseline`; None: shown for comparison
    baseline: Callable[[], object] | None = None  # if set, report time(run) / time(baseline)
    repeat: int = 5  # runs of which the best counts; 1 for runs of minutes


def best_of(run: Callable[[], object], repeat: int = 5) -> float:
    """Best wall time of `repeat` runs, in seconds (the minimum is the least noisy)."""
    return min(timeit.repeat(run, number=1, repeat=repeat))


def cases() -> list[Case]:
    """The benchmarked computations, on fixed random data."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 16, 64, 64))  # (N, C_in, H, W)
    w = rng.standard_normal((32, 16, 3, 3))  # (C_out, C_in, kh, kw)
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    small = rng.standard_normal((1, 3, 16, 16))
    ws = rng.standard_normal((8, 3, 3, 3))

    def f(a: Array) -> Array:
        return correlate(a, ws, padding="circular")

    figures_dir = tempfile.mkdtemp(prefix="shiftlab-bench-")
    build(figures_dir)  # warm: the timed run below finds every figure fresh
    return [
        Case("correlate 8x16x64x64 * 32x16x3x3, circular", lambda: big(x, w), 0.3),
        Case("torch conv2d, same shapes (for comparison)", lambda: F.conv2d(xt, wt), None),
        Case("max_pool 8x16x64x64, k3 s2 p1", lambda: max_pool(x, 3, 2, 1), 0.15),
        Case("equivariance_error, 256 shifts, batched", lambda: equivariance_error(f, small), 0.3),
        Case(
            "equivariance_error, 256 shifts, batch_size=1",
            lambda: equivariance_error(f, small, batch_size=1),
            1.0,
        ),
        Case("figures, nothing changed (cache hit)", lambda: build(figures_dir), 0.05),
        *layer_cases(),
        *experiment_cases(),
    ]


def experiment_cases() -> list[Case]:
    """Every experiment run cold (into an empty cache), then read back warm, in a subprocess.

    A subprocess, as `make experiments` runs it: the warm time includes starting Python
    and computing the key, which is what a rebuild with nothing changed pays.
    """
    cache = tempfile.mkdtemp(prefix="shiftlab-bench-experiments-")
    command = [sys.executable, "-m", "shiftlab.experiments", "--cache", cache]

    def cold() -> object:
        return subprocess.run([*command, "--force"], check=True, capture_output=True)

    def warm() -> object:
        return subprocess.run(command, check=True, capture_output=True)

    return [
        Case("experiments, all, cold (one run)", cold, 180.0, repeat=1),
        Case("experiments, all, warm (cache hit)", warm, 2.0),
    ]


def layer_cases() -> list[Case]:
    """BlurPool, MaxBlurPool and APS against MaxPool2d(2) on one float32 input, no grad."""
    xt = torch.from_numpy(np.random.default_rng(1).standard_normal((8, 16, 64, 64))).float()
    plain, blur, max_blur = torch.nn.MaxPool2d(2), BlurPool(4), MaxBlurPool(2, 4)
    aps = AdaptivePolyphaseSampling(2)

    def timed(layer: torch.nn.Module) -> Callable[[], object]:
        def run() -> object:
            with torch.no_grad():  # inference: no graph to record
                return layer(xt)

        return run

    return [
        Case("MaxPool2d(2), 8x16x64x64 float32", timed(plain), None),
        Case("BlurPool(4) / MaxPool2d(2)", timed(blur), 25.0, timed(plain)),
        Case("MaxBlurPool(2, 4) / MaxPool2d(2)", timed(max_blur), 40.0, timed(plain)),
        Case("APS(s=2, L2) / MaxPool2d(2)", timed(aps), 25.0, timed(plain)),
    ]


def big(x: Array, w: Array) -> Array:
    """The large circular correlation timed above."""
    return correlate(x, w, padding="circular")


def main() -> int:
    """Time every case, print a table, and return 1 if any case missed its target."""
    failed = 0
    sys.stdout.write(f"{'case':<52} {'best (s)':>9} {'target':>8}\n")
    for case in cases():
        value, unit = best_of(case.run, case.repeat), ""
        if case.baseline is not None:  # best against best, more repeats: millisecond runs
            value, unit = best_of(case.run, 25) / best_of(case.baseline, 25), "x"
        missed = case.target is not None and value > case.target
        failed += missed
        target = "-" if case.target is None else f"{case.target:.2f}{unit}"
        mark = "  MISSED" if missed else ""
        shown = f"{value:.4f}" if not unit else f"{value:.2f}x"
        sys.stdout.write(f"{case.name:<52} {shown:>9} {target:>8}{mark}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
