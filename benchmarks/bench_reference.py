"""Benchmarks for the numpy reference code: run with `make bench`, never part of `make test`.

Each case times the best of several repeats and compares it with a target; the targets
are generous ceilings for a 2-core machine, meant to catch an accidental Python loop
over pixels or an unbatched measurement, not to race torch. Exit status 1 when a case
misses its target.
"""

from __future__ import annotations

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
from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool

Array = np.ndarray[Any, np.dtype[np.floating[Any]]]


@dataclass(frozen=True)
class Case:
    """One timed computation and the ceiling it must stay under."""

    name: str
    run: Callable[[], object]
    target_s: float | None  # None: shown for comparison only


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
    ]


def big(x: Array, w: Array) -> Array:
    """The large circular correlation timed above."""
    return correlate(x, w, padding="circular")


def main() -> int:
    """Time every case, print a table, and return 1 if any case missed its target."""
    failed = 0
    sys.stdout.write(f"{'case':<52} {'best (s)':>9} {'target':>8}\n")
    for case in cases():
        seconds = best_of(case.run)
        missed = case.target_s is not None and seconds > case.target_s
        failed += missed
        target = "-" if case.target_s is None else f"{case.target_s:.2f}"
        mark = "  MISSED" if missed else ""
        sys.stdout.write(f"{case.name:<52} {seconds:>9.4f} {target:>8}{mark}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
