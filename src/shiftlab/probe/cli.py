"""``shiftlab probe MODULE:FACTORY --input-shape 1,3,32,32``: the probe from the command line.

``MODULE:FACTORY`` names a function or class importable from the working directory (as
``python -m`` would import it) that returns the ``torch.nn.Module`` to measure, called
with no arguments after ``torch.manual_seed(seed)``. The input is standard normal noise
of the given shape, drawn on the CPU from ``--seed`` and moved to ``--device``, in the
dtype of the model's first floating parameter (float32 if it has none). The report is
printed on stdout and, with ``--json``, written as JSON; a progress bar appears on
stderr once a run takes longer than a second.

Usage errors (a factory that cannot be imported or called, one that does not return a
module, an input shape the model rejects, a malformed option) print one line on stderr
and exit with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from torch import nn

from shiftlab.__main__ import OneLineParser
from shiftlab.probe.core import probe

PROGRESS_DELAY = 1.0
"""Seconds a run must take before its progress bar appears (quick runs print none)."""


class UsageError(Exception):
    """A command line that cannot run; the message is the one line shown.

    Examples:
        >>> str(UsageError("--input-shape must be integers"))
        '--input-shape must be integers'
    """


def _ints(text: str, what: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"{what} must be integers separated by commas, got {text!r}") from None


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``shiftlab probe``.

    Examples:
        >>> args = parser().parse_args(["nets:make", "--input-shape", "1,3,8,8"])
        >>> args.factory, args.shift_mode, args.batch_size, args.seed
        ('nets:make', 'circular', None, 0)
    """
    cli = OneLineParser(
        prog="shiftlab probe",
        description="Measure every layer of a torch model under shifts of a random input: "
        "the error against the stride-scaled shift per layer, the output's invariance and, "
        "for a classifier, how often a shift changes the prediction.",
        epilog="example: shiftlab probe mymodels:make_net --input-shape 1,3,32,32 "
        '--shifts "0,1;1,0;2,2" --json report.json',
    )
    cli.add_argument("factory", metavar="MODULE:FACTORY", help="callable returning the model")
    cli.add_argument("--input-shape", required=True, help="N,C,W or N,C,H,W or N,C,D,H,W")
    cli.add_argument("--shifts", help='e.g. "0,1;1,0;2,2" (default: every shift of the grid)')
    cli.add_argument(
        "--shift-mode",
        choices=("circular", "zero"),
        default="circular",
        help="circular (torch.roll) or zero (content moved on a zero canvas)",
    )
    cli.add_argument(
        "--batch-size", type=int, help="shifted copies per forward (default: ~256 samples)"
    )
    cli.add_argument("--crop", default="auto", help='"auto" or output samples per side')
    cli.add_argument("--output", help="key (or index) of the output tensor to measure")
    cli.add_argument("--json", type=Path, help="also write the report to this JSON file")
    cli.add_argument("--device", choices=("cpu", "cuda"), default="cpu", help="where to run")
    cli.add_argument("--seed", type=int, default=0, help="seed of the model and the input")
    return cli


def load_model(spec: str, seed: int) -> nn.Module:
    """Import ``MODULE:FACTORY`` from the working directory and call it.

    Args:
        spec: ``module:attribute``, a function or class returning the model.
        seed: Passed to ``torch.manual_seed`` before the call.

    Returns:
        The model.

    Raises:
        UsageError: If the module cannot be imported, has no such callable, the call
            fails, or it returns something else than a ``torch.nn.Module``.

    Examples:
        >>> load_model("torch.nn:Identity", seed=0)
        Identity()
        >>> load_model("math:pi", seed=0)
        Traceback (most recent call last):
        ...
        shiftlab.probe.cli.UsageError: module 'math' has no callable 'pi'
    """
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise UsageError(f"expected MODULE:FACTORY, e.g. mymodels:make_net, got {spec!r}")
    if str(Path.cwd()) not in sys.path and "" not in sys.path:
        sys.path.insert(0, str(Path.cwd()))
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise UsageError(f"cannot import {module_name!r}: {type(exc).__name__}: {exc}") from exc
    factory = getattr(module, attribute, None)
    if not callable(factory):
        raise UsageError(f"module {module_name!r} has no callable {attribute!r}")
    torch.manual_seed(seed)
    try:
        model = factory()
    except Exception as exc:
        raise UsageError(f"{spec}() raised {type(exc).__name__}: {exc}") from exc
    if not isinstance(model, nn.Module):
        got = f"{model!r:.40} ({type(model).__name__})"
        raise UsageError(f"{spec}() returned {got}, not a torch.nn.Module")
    return model


def _progress(total_hint: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    from tqdm import tqdm  # noqa: PLC0415 - only the command line draws a bar

    bar = tqdm(total=0, desc=total_hint, unit="shift", delay=PROGRESS_DELAY, file=sys.stderr)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    return update, bar.close


def _run(args: argparse.Namespace) -> int:
    """Build the model and the input, probe, print; raises ``UsageError`` for bad input."""
    shape = _ints(args.input_shape, "--input-shape")
    if len(shape) not in (3, 4, 5) or min(shape) < 1:
        raise UsageError(f"--input-shape must be 3 to 5 positive sizes (N,C,...), got {shape}")
    shifts = None
    if args.shifts is not None:
        shifts = [_ints(part, "--shifts") for part in args.shifts.split(";") if part.strip()]
    crop: str | tuple[int, ...] = "auto" if args.crop == "auto" else _ints(args.crop, "--crop")
    key: str | None = args.output
    output: str | int | None = int(key) if key is not None and key.lstrip("-").isdigit() else key
    if args.device == "cuda" and not torch.cuda.is_available():
        raise UsageError("--device cuda: CUDA is not available on this machine")
    model = load_model(args.factory, args.seed).to(args.device)
    floating = (p.dtype for p in model.parameters() if p.is_floating_point())
    dtype = next(floating, torch.get_default_dtype())
    x = torch.randn(shape, generator=torch.Generator().manual_seed(args.seed), dtype=dtype)
    update, close = _progress("probe")
    try:
        report = probe(
            model,
            x.to(args.device),
            shifts,
            shift_mode=args.shift_mode,
            batch_size=args.batch_size,
            crop=crop,  # type: ignore[arg-type]
            output=output,
            progress=update,
        )
    except (ValueError, TypeError) as exc:
        raise UsageError(str(exc).splitlines()[0]) from exc
    finally:
        close()
    sys.stdout.write(f"{report}\n")
    if args.json is not None:
        args.json.write_text(report.to_json() + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``shiftlab probe`` with ``argv`` (default: the process's); return the exit status.

    Examples:
        >>> argv = ["torch.nn:Identity", "--input-shape", "1,1,4", "--shifts", "1;2"]
        >>> main(argv)  # doctest: +ELLIPSIS
        probe of Identity on input (1, 1, 4), 2 circular shifts; ...
        layer    type      call  stride  crop  (1,)  (2,)
        (model)  Identity  0     1       0     0     0
        output (1, 1, 4), invariance: 2 shifts, 2 defined (100%): max relative L2 1.97, ...
        0
    """
    cli = parser()
    args = cli.parse_args(argv)
    try:
        return _run(args)
    except UsageError as exc:
        sys.stderr.write(f"{cli.prog}: error: {exc}\n")
        return 2
