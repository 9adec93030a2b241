"""A batch of shifted copies, and each layer's errors on it, compared while it passes.

``Plan.measure`` fills, for the shifts of one batch, the L2 distance, the largest
absolute difference and the reference's norm on each compared window; ``Plan.report``
turns them into the ``ShiftError`` that ``shiftlab.measures.shift_error`` would give.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import EllipsisType

import numpy as np
import torch
from numpy.typing import NDArray

from shiftlab.measures import ShiftError, ShiftReport, shift_error
from shiftlab.probe.compare import Reference, Workspace, block_rows, blocks, windows

_Ints = NDArray[np.int64]
_Floats = NDArray[np.float64]
CHUNK = 1 << 20
"""Values compared per call (4 MB of float32 differences), whatever the batch size."""


def _keep(like: torch.Tensor, k: int, lo: _Ints, hi: _Ints, dtype: torch.dtype) -> torch.Tensor:
    """1 inside the box ``[lo_b, hi_b)`` of row b, 0 outside: (B, 1, ..., *S), made in numpy."""
    sizes = like.shape[like.ndim - k :]
    mask = np.ones(len(lo), dtype=bool)
    for axis, n in enumerate(sizes):
        index = np.arange(n)
        inside = (index >= lo[:, axis : axis + 1]) & (index < hi[:, axis : axis + 1])  # (B, n)
        mask = mask[..., None] & inside.reshape(len(lo), *([1] * axis), n)
    shape = (len(lo), *([1] * (like.ndim - 1 - k)), *sizes)
    return torch.from_numpy(mask.reshape(shape)).to(device=like.device, dtype=dtype)


def shifted_inputs(x: Reference, shifts: _Ints, zero: bool, space: Workspace) -> torch.Tensor:
    """``T_v x`` (or the zero-fill ``Z_v x``) for every row ``v`` of ``shifts``, stacked.

    Args:
        x: The input (N, C, *S) as a ``Reference``.
        shifts: Shifts (B, k), each smaller than the input on every axis.
        zero: Zero fill instead of circular shifts.
        space: Where the batch is written.

    Returns:
        Shape (B * N, C, *S): the N samples shifted by ``shifts[0]``, then by ``shifts[1]``...

    Examples:
        >>> x = Reference(torch.arange(4.0).reshape(1, 1, 4), 1)
        >>> shifted_inputs(x, np.array([[1], [-1]]), False, Workspace()).tolist()
        [[[3.0, 0.0, 1.0, 2.0]], [[1.0, 2.0, 3.0, 0.0]]]
        >>> shifted_inputs(x, np.array([[1]]), True, Workspace()).tolist()
        [[[0.0, 0.0, 1.0, 2.0]]]
    """
    places, count = x.places(shifts), len(shifts)
    batch = space.get(2, (count, *x.tensor.shape), x.tensor)  # (B, N, C, *S)
    for block in blocks(np.arange(count), places):
        i, j, counts, _, _ = block
        batch[i:j].view(*counts, *x.tensor.shape).copy_(x.window(block, places))
    if zero:  # (Z_v x)[i] = x[i - v] for 0 <= i - v < n, else 0
        size = np.asarray(x.size, np.int64)
        lo, hi = np.maximum(shifts, 0), np.minimum(size + shifts, size)
        batch.masked_fill_(~_keep(batch, x.k, lo, hi, torch.bool), 0)  # 0 * inf would be nan
    return batch.reshape(-1, *batch.shape[2:])


def _compare(
    outputs: torch.Tensor,
    reference: Reference,
    rows: _Ints,
    u: _Ints,
    *,
    window: tuple[_Ints, _Ints] | None,
    crop: Sequence[int],
    space: Workspace,
) -> _Floats:
    """``||O - T_u R||``, ``max |O - T_u R|`` and ``||T_u R||`` on the windows of ``rows``.

    ``outputs`` is the batch (B, *R.shape); ``rows`` the compared rows (ascending), ``u``
    their output shifts; ``window`` their ``(lo, hi)`` under zero fill, None for the one
    box ``crop`` leaves. Differences are taken in the layer's float dtype (float32 for
    half precision) into a reused buffer.

    Returns:
        float64 (3, len(rows)): the three numbers per row.
    """
    places, count, k = reference.places(u), len(rows), reference.k
    diff = space.get(0, (count, *reference.tensor.shape), outputs)
    for block in blocks(rows, places):
        i, j, counts, _, _ = block
        expected = reference.window(block, places)  # views, no copies
        into = diff[i:j].view(*counts, *reference.tensor.shape)
        torch.sub(block_rows(outputs, block, rows), expected, out=into)
    if window is not None:  # a product is faster than masked_fill_; a nan it makes (0 * inf)
        diff = diff.mul_(_keep(diff, k, *window, diff.dtype))  # sends the row to shift_error
    elif any(crop):
        box: tuple[EllipsisType | slice, ...] = (
            ...,
            *(slice(c, n - c) for c, n in zip(crop, reference.size, strict=True)),
        )
        diff = diff[box]
    dims = tuple(range(1, diff.ndim))
    found = torch.stack(
        [
            torch.linalg.vector_norm(diff, dim=dims),
            torch.maximum(diff.amax(dim=dims), -diff.amin(dim=dims)),
        ]
    )
    numbers: _Floats = found.double().cpu().numpy()
    numbers[1] = np.abs(numbers[1])  # max(0.0, -(-0.0)) can be -0.0
    if window is None and not any(crop):  # the whole map: ||T_u R|| = ||R||
        norms = np.full(count, reference.norm)
    else:
        if window is None:
            size = np.asarray(reference.size, np.int64)
            c = np.asarray(crop, np.int64)
            window = (np.broadcast_to(c, u.shape), np.broadcast_to(size - c, u.shape))
        norms = reference.window_norms(u, *window)
    return np.concatenate([numbers, norms[None]])


@dataclass
class Plan:
    """A measured layer call: reference, output shifts, crop, and the numbers so far.

    Rows follow the order the shifts run in (``compare.sort_order``); ``report`` puts
    them back in the order they were asked for.

    Examples:
        A stride-2 subsampling of a 1-D signal, compared under the shifts 1 and 2:

        >>> from shiftlab.probe.compare import output_shifts
        >>> x = torch.arange(8.0).reshape(1, 1, 8)  # (N, C, W)
        >>> shifts = np.array([[1], [2]])
        >>> u, defined = output_shifts(shifts, (2,), (1,), (8,))
        >>> plan = Plan(Reference(x[..., ::2], 1), shifts, u, defined, (0,), zero=False)
        >>> outputs = torch.stack([torch.roll(x, int(v), 2)[..., ::2] for v in shifts[:, 0]])
        >>> plan.measure(outputs, slice(0, 2), Workspace())
        >>> [(e.output_shift, e.max_abs) for e in plan.report(np.arange(2))]
        [(None, nan), ((1,), 0.0)]
    """

    reference: Reference
    shifts: _Ints  # (S, k), in running order
    u: _Ints  # (S, k) output shifts, meaningful where defined
    defined: NDArray[np.bool_]  # (S,)
    crop: tuple[int, ...]
    zero: bool
    exact: dict[int, ShiftError] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Start with nothing measured."""
        count = len(self.shifts)
        self.l2, self.largest, self.norm = (np.full(count, math.nan) for _ in range(3))
        self.empty = np.zeros(count, dtype=bool)

    def measure(self, outputs: torch.Tensor, rows: slice, space: Workspace) -> None:
        """Compare ``outputs`` (B, *F(x).shape), the batch of the shifts ``rows``."""
        index = np.arange(rows.start, rows.stop)[self.defined[rows]]
        if not len(index):
            return
        u, window = self.u[index], None
        if self.zero and self.reference.k:
            window = windows(u, self.crop, self.reference.size, zero=True)
            self.empty[index] = (window[1] <= window[0]).any(axis=1)
        # Chunks of about CHUNK values: the differences stay in cache for their reductions.
        step = max(1, CHUNK // max(1, self.reference.tensor.numel()))
        found = np.concatenate(
            [
                _compare(
                    outputs,
                    self.reference,
                    index[part] - rows.start,
                    u[part],
                    window=None if window is None else (window[0][part], window[1][part]),
                    crop=self.crop,
                    space=space,
                )
                for part in (slice(a, a + step) for a in range(0, len(index), step))
            ],
            axis=1,
        )
        self.l2[index], self.largest[index], self.norm[index] = found
        l2, largest, norm = found
        doubtful = ~(np.isfinite(found).all(axis=0)) | ((l2 == 0) & (largest > 0))
        if not self.reference.zero:
            doubtful |= norm == 0
        for i in index[doubtful & ~self.empty[index]].tolist():
            self.exact[i] = shift_error(
                outputs[i - rows.start].detach().double().cpu().numpy(),
                self.reference.tensor.detach().double().cpu().numpy(),
                tuple(self.shifts[i].tolist()),
                tuple(self.u[i].tolist()),
                crop=self.crop,
                shift_mode="zero" if self.zero else "circular",
            )

    def report(self, order: _Ints) -> ShiftReport:
        """The errors in the order the shifts were asked for (``order`` maps running -> asked)."""
        nothing = self.empty | ((self.norm == 0) & (self.largest == 0))  # no evidence: nan
        with np.errstate(divide="ignore", invalid="ignore"):
            relative = np.where(self.norm > 0, self.l2 / self.norm, math.inf)
        relative = np.where(nothing | ~self.defined, math.nan, relative)
        largest = np.where(nothing | ~self.defined, math.nan, self.largest)
        moved = [
            tuple(u) if ok else None for u, ok in zip(self.u.tolist(), self.defined, strict=True)
        ]
        columns = (map(tuple, self.shifts.tolist()), moved, relative.tolist(), largest.tolist())
        errors = list(map(ShiftError, *columns))
        for i, error in self.exact.items():
            errors[i] = error
        asked = np.empty_like(order)
        asked[order] = np.arange(len(order))  # asked position -> running position
        return ShiftReport(tuple(errors[i] for i in asked.tolist()))
