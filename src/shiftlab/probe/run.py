"""One probe run: the unshifted pass, a plan per layer call, the shifted batches."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.measures import ShiftReport
from shiftlab.probe.batches import Plan, shifted_inputs
from shiftlab.probe.compare import Reference, output_shifts, sort_order
from shiftlab.probe.hooks import Call, HookError, ProbeError, Recorder
from shiftlab.probe.rows import LayerReport

Selector = str | int | None


def stride_of(size: Sequence[int], n_out: Sequence[int]) -> tuple[tuple[int, ...], ...] | str:
    """``(stride, upsample)`` per axis from the input and output sizes, or why there is none.

    ``N / n`` when that is an integer, else an up-factor ``n / N`` when that is one.

    Examples:
        >>> stride_of((32, 32), (16, 64)), stride_of((32,), (30,))[:30]
        (((2, 1), (1, 2)), 'axis 0 has 30 samples for the ')
    """
    pairs = []
    for axis, (N, n) in enumerate(zip(size, n_out, strict=True)):
        if n and N % n == 0:
            pairs.append((N // n, 1))
        elif n and n % N == 0:
            pairs.append((1, n // N))
        else:
            return (
                f"axis {axis} has {n} samples for the input's {N}: neither {N} / {n} nor "
                f"{n} / {N} is an integer, so no stride or up-factor is found from the shapes"
            )
    return tuple(s for s, _ in pairs), tuple(q for _, q in pairs)


def _plan(
    call: Call, size: Sequence[int], shifts: NDArray[np.int64], crop: object, zero: bool
) -> tuple[LayerReport, Plan | None]:
    """The row of one call and, when it can be measured, its plan."""
    row = LayerReport(
        call.name, type(call.module).__name__, call.call, call.input_shape,
        call.output_shape or (), None, None, None, None, None, None,
    )  # fmt: skip
    reference, k = call.reference, len(size)
    if reference is None:
        return replace(row, skipped=call.unfit or "not measured"), None
    n_out = tuple(reference.shape[2:])
    found = stride_of(size, n_out)
    if isinstance(found, str):
        return replace(row, skipped=found), None
    stride, up = found
    row = replace(row, stride=stride, upsample=up)
    if isinstance(crop, tuple):
        crops: tuple[int, ...] = crop
    elif zero and call.crop is None:
        return replace(row, skipped=f"no receptive-field bound: {call.problem}; pass crop="), None
    else:
        crops = call.crop if zero and call.crop is not None else (0,) * k
    row = replace(row, crop=crops, radius=call.radius if zero and crop == "auto" else None)
    if any(2 * c >= n for c, n in zip(crops, n_out, strict=True)):
        why = f"the crop {crops} leaves nothing of the spatial shape {n_out} to compare"
        return replace(row, skipped=why), None
    u, defined = output_shifts(shifts, stride, up, None if zero else size)
    return row, Plan(Reference(reference, k), shifts, u, defined, crops, zero)


def _select(out: object, output: Selector) -> torch.Tensor:
    """The output tensor to measure: ``out`` itself, or ``out[output]`` of a dict or tuple.

    Raises:
        ProbeError: If there is no such tensor, naming what the model returned.
    """
    kind = (
        f"a dict with keys {list(out)}"
        if isinstance(out, dict)
        else f"a {type(out).__name__} of {len(out)}"
        if isinstance(out, tuple | list)
        else type(out).__name__
    )
    if output is None:
        if isinstance(out, torch.Tensor):
            return out
        raise ProbeError(
            f"the model returned {kind}, not a tensor: pass output=<key or index> to "
            "choose the tensor to measure"
        )
    if isinstance(out, torch.Tensor):
        raise ProbeError(
            f"output={output!r} picks from a dict or tuple; the model returned a tensor"
        )
    try:
        chosen = out[output]  # type: ignore[index]
    except (KeyError, IndexError, TypeError) as exc:
        raise ProbeError(f"output={output!r} is not in what the model returned, {kind}") from exc
    if not isinstance(chosen, torch.Tensor):
        raise ProbeError(f"output={output!r} is a {type(chosen).__name__}, not a tensor")
    return chosen


Measured = tuple[
    tuple[LayerReport, ...], tuple[tuple[int, ...], ShiftReport], tuple[torch.Tensor | None, int]
]


def _forward(model: nn.Module, x: torch.Tensor, output: Selector, what: str) -> torch.Tensor:
    """``_select(model(x), output)``; the model's own errors say what it was given."""
    try:
        return _select(model(x), output)
    except (ProbeError, HookError):
        raise
    except Exception as exc:
        raise ProbeError(
            f"{what}, shape {tuple(x.shape)} ({x.dtype}): {type(exc).__name__}: {exc}"
        ) from exc


def measure(
    model: nn.Module,
    x: torch.Tensor,
    asked: NDArray[np.int64],
    recorder: Recorder,
    *,
    crop: object,
    zero: bool,
    batch: int,
    output: Selector,
    classifier: bool | None,
    progress: Callable[[int, int], None] | None,
) -> Measured:
    """Run ``x`` and its shifted copies through ``model`` (in eval mode, without gradients).

    Returns:
        The rows, the output's shape and invariance report, and for a classifier ((N, K)
        logits with K >= 2, unless ``classifier=False``) the unshifted logits and how
        many (image, shift) pairs kept their prediction.

    Examples:
        >>> net = nn.Conv1d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
        >>> x = torch.arange(8.0).reshape(1, 1, 8)
        >>> recorder = Recorder(net, x, set())
        >>> with torch.no_grad():
        ...     rows, (shape, invariance), _ = measure(
        ...         net, x, np.array([[1], [2]]), recorder, crop="auto", zero=False, batch=2,
        ...         output=None, classifier=None, progress=None)
        >>> recorder.remove()
        >>> [(row.name, row.stride_text) for row in rows], shape, len(invariance)
        ([('', '1')], (1, 1, 8), 2)
    """
    source = Reference(x.detach().clone(), x.ndim - 2)  # the model may write into its input
    recorder.mode = "reference"
    try:
        reference = _forward(model, x.clone(), output, "the model rejects an input")
    finally:
        recorder.mode = "off"
    N = x.shape[0]
    if reference.ndim < 1 or reference.shape[0] != N:
        raise ProbeError(
            f"the model's output {tuple(reference.shape)} must keep the batch axis first "
            f"({N} samples)"
        )
    calls = [c for c in recorder.calls if c.row]
    if recorder.spatial(reference) and not any(t is reference for t in recorder.seen):
        end, n_out = recorder.bound, tuple(reference.shape[2:])  # every module has run
        calls.append(
            Call("(output)", model, 0, tuple(x.shape), tuple(reference.shape),
                 reference.detach().clone(), end.crop(n_out), end.radius(), end.problem, True)
        )  # fmt: skip
    recorder.seen.clear()
    order = sort_order(asked, source.size)  # running order: long runs of strided windows
    shifts = asked[order]
    planned = [_plan(c, source.size, shifts, crop, zero) for c in calls]
    plans = {(c.name, c.call): plan for c, (_, plan) in zip(calls, planned, strict=True) if plan}
    ends = [plans.pop(("(output)", 0))] if ("(output)", 0) in plans else []
    recorder.plans = plans
    invariance = Plan(
        Reference(reference.detach().clone(), 0),
        shifts,
        np.zeros((len(shifts), 0), dtype=np.int64),
        np.ones(len(shifts), dtype=bool),
        (),
        False,
    )
    fits = reference.ndim == 2 and reference.shape[1] >= 2 and reference.is_floating_point()
    if classifier and not fits:
        raise ProbeError(
            f"classifier=True needs (N, K) logits with K >= 2, got {tuple(reference.shape)}"
        )
    logits = reference.detach() if fits and classifier is not False else None
    kept = 0
    for start in range(0, len(shifts), batch):
        rows = slice(start, min(start + batch, len(shifts)))
        count = rows.stop - rows.start
        copies = shifted_inputs(source, shifts[rows], zero, recorder.space)  # (B * N, C, *S)
        recorder.start(rows)
        try:
            out = _forward(model, copies, output, f"the model fails on {count} shifted copies of x")
        finally:
            recorder.mode = "off"
        recorder.finish()
        if out.shape != (count * N, *reference.shape[1:]):
            raise ProbeError(
                f"the model returned {tuple(out.shape)} for {count * N} shifted samples but "
                f"{tuple(reference.shape)} for {N}: it must map samples 1:1"
            )
        outs = out.detach().reshape(count, *reference.shape)  # (B, N, ...)
        for plan in [*ends, invariance]:
            plan.measure(outs, rows, recorder.space)
        if logits is not None:
            kept += int((outs.argmax(dim=-1) == logits.argmax(dim=1)).sum())
        if progress is not None:
            progress(rows.stop, len(shifts))
    rows_out = tuple(
        row if plan is None else replace(row, errors=plan.report(order)) for row, plan in planned
    )
    return rows_out, (tuple(reference.shape), invariance.report(order)), (logits, kept)
