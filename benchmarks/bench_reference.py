"""Benchmarks of the reference code and layers, as ratios: `make bench`, never part of `make test`.

Run ``python benchmarks/bench_reference.py [--quick] [--json PATH]``. Every case times
a *subject* and a *reference* in this process, on the same inputs, and checks the
ratio of the two times against a target: "<= 3x" means the subject takes at most three
times as long as the reference, ">= 100x" that it is at least a hundred times faster.
Ratios carry over between machines better than seconds, which are printed and
saved beside them for information only. The results are written to ``.cache/bench.json``
(git-ignored; ``--json`` picks another path, printed at the end) and the exit status is
1 when a case misses its target. ``--quick`` skips the cases of which one run takes
more than a few seconds (the experiments, about two minutes cold).

How the times are taken:

- **One thread** for every library, on both sides of every ratio: ``OMP_NUM_THREADS``,
  ``OPENBLAS_NUM_THREADS`` and ``MKL_NUM_THREADS`` are set to 1 before numpy and torch are
  imported (the subprocesses inherit them) and ``torch.set_num_threads(1)``. Numpy's
  element-wise work (padding, copies, maxima) runs on one thread whatever happens, while
  torch's kernels and both BLAS libraries would spread over every core: with one thread
  each the ratio compares the work each side does rather than the number of cores of
  the machine, so it carries over from a 2-core CI runner to a laptop, and another
  process on the machine (a test run) disturbs it less.
- **Warm-up and loop count**: each side runs once untimed (imports, caches, allocator),
  and that run sets how many calls one timing makes, enough to last at least 20 ms.
- **Interleaved**: the repeats alternate reference and subject, so a slow spell of the
  machine lands on both sides.
- **Best of the repeats** on each side (the least disturbed run); the ratio is of the
  two bests. Runs of minutes (``repeat=1``) get one call per side, cold, no warm-up.
- **BLAS primed**: before the first case, one 512 x 512 matrix product per float dtype.
  OpenBLAS (numpy's BLAS here) runs thin products like ``correlate``'s (16 x 144 times
  144 x 32768) about half as fast until a larger product has run in the process;
  priming makes every case see the same state, whichever cases ran before it.
- **Per output value** where the sizes differ on purpose (the Python loop runs on a
  smaller input than ``correlate``): both times are divided by the values computed.

Where both sides compute the same thing (``correlate`` and the pools against torch and the
loop, batched against unbatched), the case checks once, untimed, that they agree.
"""

# ruff: noqa: E402 - the thread variables must be set before numpy and torch are imported

from __future__ import annotations

import os

THREADS = 1  # see "One thread" above
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = str(THREADS)

import argparse
import json
import math
import platform
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - the usual name
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures import build
from shiftlab.layers import AdaptivePolyphaseSampling, BlurPool, MaxBlurPool
from shiftlab.measures import equivariance_error, output_shift
from shiftlab.pooling import avg_pool, max_pool
from shiftlab.probe import auto_batch_size, probe

Array = NDArray[Any]

RESULTS = Path(__file__).resolve().parents[1] / ".cache" / "bench.json"
MIN_TIMING = 0.02  # seconds one timing lasts at least: calls per timing are chosen to fit


@dataclass(frozen=True)
class Case:
    """One ratio: `subject` timed against `reference` on the same inputs, and its target.

    Attributes:
        name: What is compared, subject first.
        subject: The computation under test.
        reference: What it is compared with.
        target: Ceiling of time(subject) / time(reference); with `faster`, floor of
            time(reference) / time(subject).
        faster: Whether the target is a speed-up (the subject at least `target` times
            faster) rather than a ceiling.
        aim: A tighter ratio to report against, not a failure when missed.
        units: Output values per call of (subject, reference); the times are compared
            per value when these differ.
        repeat: Timings per side, of which the best counts; 1 for runs of minutes.
    """

    name: str
    subject: Callable[[], object]
    reference: Callable[[], object]
    target: float
    faster: bool = False
    aim: float | None = None
    units: tuple[int, int] = (1, 1)
    repeat: int = 7


@dataclass(frozen=True)
class Measured:
    """The two best times of a case and its ratio."""

    case: Case
    subject_seconds: float  # per call
    reference_seconds: float
    numbers: tuple[int, int]  # calls per timing, (subject, reference)

    @property
    def ratio(self) -> float:
        """time(subject) / time(reference) per output value; the inverse for `faster`."""
        subject = self.subject_seconds / self.case.units[0]
        reference = self.reference_seconds / self.case.units[1]
        return reference / subject if self.case.faster else subject / reference

    @property
    def met(self) -> bool:
        """Whether the ratio is within the target."""
        if self.case.faster:
            return self.ratio >= self.case.target
        return self.ratio <= self.case.target

    @property
    def within_aim(self) -> bool | None:
        """Whether the ratio is within the aim; None without one."""
        if self.case.aim is None:
            return None
        return self.ratio >= self.case.aim if self.case.faster else self.ratio <= self.case.aim


def _seconds(run: Callable[[], object], number: int) -> float:
    """Seconds per call over `number` calls (timeit: garbage collection off meanwhile)."""
    return timeit.Timer(run).timeit(number) / number


def _calls_per_timing(run: Callable[[], object]) -> int:
    """Warm up with one call; from its time, the calls one timing needs to last `MIN_TIMING`."""
    once = _seconds(run, 1)
    return max(1, math.ceil(MIN_TIMING / max(once, 1e-9)))


def measure(case: Case) -> Measured:
    """Time both sides of a case, interleaved, best of `case.repeat` each."""
    if case.repeat == 1:  # runs of minutes: one cold call each, the reference first
        numbers = (1, 1)
    else:
        numbers = (_calls_per_timing(case.subject), _calls_per_timing(case.reference))
    subject = reference = math.inf
    for _ in range(case.repeat):
        reference = min(reference, _seconds(case.reference, numbers[1]))
        subject = min(subject, _seconds(case.subject, numbers[0]))
    return Measured(case, subject, reference, numbers)


def _same(ours: object, theirs: object, what: str, *, atol: float) -> None:
    """Raise unless two results agree: each case must time two equivalent computations."""
    a = ours.detach().numpy() if isinstance(ours, torch.Tensor) else np.asarray(ours)
    b = theirs.detach().numpy() if isinstance(theirs, torch.Tensor) else np.asarray(theirs)
    if a.shape != b.shape or not np.allclose(a, b, rtol=0, atol=atol):
        raise RuntimeError(f"{what}: the two sides disagree, nothing to compare")


def _prime_blas() -> None:
    """One large matrix product per float dtype (see "BLAS primed" in the module docstring)."""
    for dtype in (np.float32, np.float64):
        square = np.ones((512, 512), dtype=dtype)
        square @ square  # for its effect on OpenBLAS; the product is not used


def convolution_cases() -> list[Case]:
    """``correlate`` against ``F.conv2d`` on the same arrays: at most 3x, aiming at 1.5x."""
    rng = np.random.default_rng(0)
    cases = []
    for dtype in (np.float32, np.float64):
        x = rng.standard_normal((8, 16, 64, 64)).astype(dtype)  # (N, C_in, H, W)
        xt = torch.from_numpy(x)  # the same memory
        for c_out in (16, 32):
            w = rng.standard_normal((c_out, 16, 3, 3)).astype(dtype)  # (C_out, C_in, 3, 3)
            wt = torch.from_numpy(w)
            for padding in ("zero", "circular"):
                cases.append(_convolution_case(x, w, xt, wt, padding))
    return cases


def _convolution_case(x: Array, w: Array, xt: torch.Tensor, wt: torch.Tensor, padding: str) -> Case:
    def ours() -> object:
        return correlate(x, w, padding="zero" if padding == "zero" else "circular")

    def theirs() -> object:
        if padding == "zero":
            return F.conv2d(xt, wt, padding=1)
        # torch's own circular mode pads with F.pad too: the same two steps, timed together.
        return F.conv2d(F.pad(xt, (1, 1, 1, 1), mode="circular"), wt)

    n, c_in, h, width = x.shape
    name = (
        f"correlate / F.conv2d, {x.dtype} {n}x{c_in}x{h}x{width}, "
        f"{c_in}->{w.shape[0]}, 3x3, {padding}"
    )
    _same(ours(), theirs(), name, atol=1e-3 if x.dtype == np.float32 else 1e-9)
    return Case(name, ours, theirs, target=3.0, aim=1.5)


def per_pixel_loop(x: Array, w: Array) -> Array:
    """Zero-padded "same" correlation, one output value at a time (the baseline, not library code).

    The naive ``convolve`` of the lesson page the project started from, with channels:
    for every output value, the sum of the window times the kernel.

    Args:
        x: Input of shape (N, C_in, H, W).
        w: Kernel of shape (C_out, C_in, kh, kw), odd sizes.

    Returns:
        Output of shape (N, C_out, H, W).
    """
    n, _, h, width = x.shape
    c_out, _, kh, kw = w.shape
    padded = np.pad(x, ((0, 0), (0, 0), (kh // 2, kh // 2), (kw // 2, kw // 2)))
    out = np.zeros((n, c_out, h, width), dtype=x.dtype)
    for b in range(n):
        for o in range(c_out):
            for i in range(h):
                for j in range(width):
                    out[b, o, i, j] = np.sum(padded[b, :, i : i + kh, j : j + kw] * w[o])
    return out


def loop_cases() -> list[Case]:
    """``correlate`` against the per-pixel loop, per output value: at least 100x faster."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((8, 16, 64, 64)).astype(np.float32)  # (N, C_in, H, W)
    small = x[:1, :, :16, :16].copy()  # (1, C_in, 16, 16): the loop takes seconds on x
    w = rng.standard_normal((16, 16, 3, 3)).astype(np.float32)  # (C_out, C_in, 3, 3)
    name = "correlate / per-pixel loop, per output value, float32 16->16, 3x3, zero"
    _same(correlate(small, w, padding="zero"), per_pixel_loop(small, w), name, atol=1e-3)

    def ours() -> object:
        return correlate(x, w, padding="zero")

    def loop() -> object:
        return per_pixel_loop(small, w)

    units = (x.shape[0] * w.shape[0] * x.shape[2] * x.shape[3], w.shape[0] * 16 * 16)
    return [Case(name, ours, loop, target=100.0, faster=True, units=units, repeat=3)]


def pooling_cases() -> list[Case]:
    """``max_pool`` / ``avg_pool`` against torch's on the same arrays: at most 3x."""
    rng = np.random.default_rng(2)
    cases = []
    for dtype in (np.float32, np.float64):
        x = rng.standard_normal((8, 16, 64, 64)).astype(dtype)  # (N, C, H, W)
        xt = torch.from_numpy(x)
        for kernel, stride, pad in ((2, 2, 0), (3, 2, 1)):
            for pool in ("max", "avg"):
                cases.append(_pooling_case(x, xt, pool=pool, kernel=kernel, stride=stride, pad=pad))
    return cases


def _pooling_case(
    x: Array, xt: torch.Tensor, *, pool: str, kernel: int, stride: int, pad: int
) -> Case:
    ours_pool, their_pool = (max_pool, F.max_pool2d) if pool == "max" else (avg_pool, F.avg_pool2d)

    def ours() -> object:
        return ours_pool(x, kernel, stride, pad)

    def theirs() -> object:
        return their_pool(xt, kernel, stride, pad)

    name = (
        f"{ours_pool.__name__} / F.{their_pool.__name__}, {x.dtype} 8x16x64x64, "
        f"k{kernel} s{stride} p{pad}"
    )
    _same(ours(), theirs(), name, atol=1e-5 if x.dtype == np.float32 else 1e-12)
    return Case(name, ours, theirs, target=3.0)


def measure_cases() -> list[Case]:
    """``equivariance_error`` batched against one shift per call: at least 1.5x faster."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1, 3, 16, 16))  # (N, C_in, H, W): 256 circular shifts
    w = rng.standard_normal((8, 3, 3, 3))  # (C_out, C_in, 3, 3)

    def f(a: Array) -> Array:
        return correlate(a, w, padding="circular")

    def batched() -> object:
        return equivariance_error(f, x).max_abs

    def one_by_one() -> object:
        return equivariance_error(f, x, batch_size=1).max_abs

    name = "equivariance_error, 256 shifts: batched / batch_size=1"
    _same(batched(), one_by_one(), name, atol=1e-12)
    return [Case(name, batched, one_by_one, target=1.5, faster=True, repeat=5)]


def figure_cases(scratch: Path) -> list[Case]:
    """A figure build that finds its figure fresh against a forced redraw: at least 20x faster."""
    out, names = scratch / "figures", ["circulant-matrices"]
    build(out, names)  # now fresh: every timed cache hit below skips it

    def hit() -> object:
        return build(out, names)

    def redraw() -> object:
        return build(out, names, force=True)

    name = "figures build, nothing changed / forced redraw (circulant-matrices)"
    return [Case(name, hit, redraw, target=20.0, faster=True, repeat=3)]


def layer_cases() -> list[Case]:
    """BlurPool, MaxBlurPool and APS against MaxPool2d(2) on one float32 input, no grad."""
    xt = torch.from_numpy(np.random.default_rng(4).standard_normal((8, 16, 64, 64))).float()
    plain = torch.nn.MaxPool2d(2)

    def timed(layer: torch.nn.Module) -> Callable[[], object]:
        def run() -> object:
            with torch.no_grad():  # inference: no graph to record
                return layer(xt)

        return run

    return [
        Case(
            "BlurPool(4) / MaxPool2d(2), float32 8x16x64x64", timed(BlurPool(4)), timed(plain), 25.0
        ),
        Case(
            "MaxBlurPool(2, 4) / MaxPool2d(2), float32 8x16x64x64",
            timed(MaxBlurPool(2, 4)),
            timed(plain),
            40.0,
        ),
        Case(
            "APS(s=2, L2) / MaxPool2d(2), float32 8x16x64x64",
            timed(AdaptivePolyphaseSampling(2)),
            timed(plain),
            25.0,
        ),
    ]


def experiment_cases(scratch: Path) -> list[Case]:
    """Every experiment cold, then read back warm, each in a subprocess as `make experiments`.

    The warm run includes starting Python and computing the cache key, which is what a
    rebuild with nothing changed pays; it is compared with the cold run (what the cache
    saves: at least 20x) and with a bare start-up that imports ``shiftlab.experiments``
    (what the cache costs: at most 3x). The second case reads the cache the first fills.
    """
    command = [sys.executable, "-m", "shiftlab.experiments", "--cache", str(scratch / "exp")]

    def cold() -> object:
        return subprocess.run([*command, "--force"], check=True, capture_output=True)

    def warm() -> object:
        return subprocess.run(command, check=True, capture_output=True)

    def start_up() -> object:
        bare = [sys.executable, "-c", "import shiftlab.experiments"]
        return subprocess.run(bare, check=True, capture_output=True)

    return [
        Case("experiments, all: warm (cache hit) / cold", warm, cold, 20.0, faster=True, repeat=1),
        Case("experiments, all: warm / bare start-up and import", warm, start_up, 3.0, repeat=5),
    ]


class _GlobalMean(torch.nn.Module):
    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return h.mean(dim=(-2, -1))  # (N, C): global average pooling


def probe_cases() -> list[Case]:
    """The probe on a small CNN over all 1024 circular shifts of a 32 x 32 input.

    The model is conv-ReLU-maxpool-conv-ReLU-global mean (circular padding). Two cases,
    on the same model, input and shifts:

    - the probe against a per-shift loop that follows a widely shared lesson page's
      layer check, called once per shift: hooks on every layer, a forward pass of ``x``
      and one of ``T_v x`` (so the unshifted run is repeated for every shift), each layer
      compared, here with the stride-aware shift: at least 5x faster;
    - the probe against the bare batched forward passes over the same shifted inputs
      (built once, outside the timing), its cost floor: the probe's own work (hooks,
      comparisons, report) at most 50 % on top, at the probe's default batch size
      (``auto_batch_size``).

    Returns:
        The two cases.
    """
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(3, 16, 3, padding=1, padding_mode="circular"),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1, padding_mode="circular"),
        torch.nn.ReLU(),
        _GlobalMean(),
    ).eval()
    x = torch.randn(1, 3, 32, 32)
    shifts = [(dy, dx) for dy in range(-15, 17) for dx in range(-15, 17)]  # all 1024
    batch = auto_batch_size(x)  # the probe's default: 256 copies of this x
    shifted = torch.cat([torch.roll(x, v, dims=(-2, -1)) for v in shifts])  # (1024, 3, 32, 32)

    def probed() -> object:
        return probe(model, x, shifts, batch_size=batch, classifier=False)

    def bare() -> object:
        with torch.no_grad():
            return [model(part) for part in torch.split(shifted, batch)]

    def layer_check(v: tuple[int, int]) -> list[float]:
        # The lesson page's protocol for one shift, with the stride-aware comparison:
        # hooks on every layer, a forward pass of x and one of T_v x, each layer compared.
        runs: list[list[torch.Tensor]] = [[], []]
        for run, image in zip(runs, (x, torch.roll(x, v, dims=(-2, -1))), strict=True):
            hooks = [
                layer.register_forward_hook(lambda _m, _i, out, run=run: run.append(out))
                for layer in model
            ]
            model(image)
            for hook in hooks:
                hook.remove()
        errors = []
        for ref, h in zip(*runs, strict=True):
            u = output_shift(v, stride=32 // h.shape[-1], size=(32, 32)) if h.ndim == 4 else None
            if u is not None:
                expected = torch.roll(ref, u, dims=(-2, -1))
                errors.append(((h - expected).norm() / expected.norm()).item())
        return errors

    def per_shift_loop() -> object:
        with torch.no_grad():
            return [layer_check(v) for v in shifts]

    return [
        Case("probe, 1024 shifts: probe / per-shift loop", probed, per_shift_loop, 5.0,
             faster=True, repeat=3),
        Case("probe, 1024 shifts: probe / bare batched forwards", probed, bare, 1.5,
             repeat=5),
    ]  # fmt: skip


def cases(scratch: Path, *, quick: bool) -> Iterator[Case]:
    """Every case, built lazily: a case's setup runs just before it is timed."""
    yield from convolution_cases()
    yield from loop_cases()
    yield from pooling_cases()
    yield from measure_cases()
    yield from figure_cases(scratch)
    yield from layer_cases()
    yield from probe_cases()
    if not quick:
        yield from experiment_cases(scratch)


def _row(result: Measured) -> str:
    case = result.case
    ratio = f"{result.ratio:.3g}x" if result.ratio < 100 else f"{result.ratio:.0f}x"
    target = f"{'>=' if case.faster else '<='} {case.target:g}x"
    status = "ok" if result.met else "MISSED"
    if result.within_aim is False:
        status += f", above the {case.aim:g}x aim"
    seconds = f"{result.subject_seconds:>10.4g} {result.reference_seconds:>10.4g}"
    return f"{case.name:<82} {ratio:>8} {target:>8} {seconds}  {status}\n"


def _record(result: Measured) -> dict[str, Any]:
    case = result.case
    return {
        "name": case.name,
        "ratio": result.ratio,
        "kind": "speed-up, at least" if case.faster else "time ratio, at most",
        "target": case.target,
        "aim": case.aim,
        "met": result.met,
        "within_aim": result.within_aim,
        "subject_seconds": result.subject_seconds,
        "reference_seconds": result.reference_seconds,
        "units": list(case.units),
        "calls_per_timing": list(result.numbers),
        "repeat": case.repeat,
    }


@contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="shiftlab-bench-") as path:
        yield Path(path)


def main(argv: list[str] | None = None) -> int:
    """Time every case, print a table, save the JSON; 1 if any case missed its target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="skip the cases of minutes")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"results (default {RESULTS})")
    args = parser.parse_args(argv)
    torch.set_num_threads(THREADS)
    _prime_blas()
    header = f"{'case':<82} {'ratio':>8} {'target':>8} {'subject s':>10} {'ref. s':>10}  status\n"
    sys.stdout.write(header)
    results = []
    with _scratch() as scratch:
        for case in cases(scratch, quick=args.quick):
            results.append(measure(case))
            sys.stdout.write(_row(results[-1]))
            sys.stdout.flush()
    missed = [r.case.name for r in results if not r.met]
    report = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "skipped": ["experiments (--quick)"] if args.quick else [],
        "threads": {"torch": torch.get_num_threads(), "environment": THREADS},
        "blas_primed": True,
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "torch": torch.__version__,
        },
        "machine": {"processor": platform.machine(), "cpus": os.cpu_count()},
        "cases": [_record(r) for r in results],
        "missed": missed,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    skipped = " (--quick: experiments skipped)" if args.quick else ""
    sys.stdout.write(f"\n{len(results)} cases{skipped}, {len(missed)} missed; saved {args.json}\n")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
