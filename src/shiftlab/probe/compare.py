"""Shifted copies and batched comparisons in torch, with the rules of ``shiftlab.measures``.

The probe compares a layer's output ``F(T_v x)`` with ``T_u F(x)`` for a whole batch of
shifts while the batch passes through the model, on the model's device. Every circular
shift of ``R = F(x)`` is a window of ``R`` tiled twice along each spatial axis, so a run
of shifts whose windows start at evenly spaced places is one strided view of the tiled
``R`` (``torch.as_strided``, no copy), subtracted from the matching rows of the batch in
one call into a reused buffer. The probe runs the shifts sorted so that such runs are
long (``sort_order``). What is compared is what ``shiftlab.measures.shift_error``
compares (the same output shift, crop and zero-fill window, nan where there is no
evidence), checked against it in tests/test_probe.py; the rows the fast path cannot
settle (a zero reference window, non-finite values, squares out of float range) are
measured by ``shift_error`` itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import torch
from numpy.typing import NDArray

_Ints = NDArray[np.int64]
_Floats = NDArray[np.float64]


def output_shifts(
    shifts: _Ints, stride: Sequence[int], upsample: Sequence[int], size: Sequence[int] | None
) -> tuple[_Ints, NDArray[np.bool_]]:
    """``shiftlab.measures.output_shift`` for many shifts at once: ``v q / s`` and where defined.

    Args:
        shifts: Input shifts, int64 (S, k).
        stride: The total stride ``s`` per axis.
        upsample: The total up-factor ``q`` per axis.
        size: The input size per axis (circular shifts, taken modulo it), or None.

    Returns:
        ``u`` (S, k), meaningful where defined, and ``defined`` (S,).

    Examples:
        >>> u, defined = output_shifts(np.array([[2, 4], [1, 4], [-6, 0]]), (2, 2), (1, 1), None)
        >>> u[defined].tolist(), defined.tolist()
        ([[1, 2], [-3, 0]], [True, False, True])
    """
    s, q = np.asarray(stride, np.int64), np.asarray(upsample, np.int64)
    rep = shifts if size is None else shifts % np.maximum(np.asarray(size, np.int64), 1)
    defined: NDArray[np.bool_] = np.logical_not(((rep * q) % s).astype(bool).any(axis=1))
    moved: _Ints = (shifts * q) // s
    return moved, defined


def windows(u: _Ints, crop: Sequence[int], size: Sequence[int], zero: bool) -> tuple[_Ints, _Ints]:
    """The compared window ``[lo, hi)`` per shift and axis, as ``shiftlab.measures`` cuts it.

    ``crop`` samples go on both sides; with zero fill, also the ``|u|`` samples of the
    zero band and ``crop`` more on the side the zeros come in from. Clamped to the axis.

    Examples:
        >>> lo, hi = windows(np.array([[2], [-1]]), (1,), (8,), zero=True)
        >>> lo.tolist(), hi.tolist()
        ([[3], [1]], [[7], [6]])
    """
    c, n = np.asarray(crop, np.int64), np.asarray(size, np.int64)
    band = u if zero else np.zeros_like(u)
    lo = np.minimum(n, c + np.maximum(band, 0))
    hi = np.maximum(lo, np.minimum(n, n - c + np.minimum(band, 0)))
    return lo, hi


def sort_order(shifts: _Ints, size: Sequence[int]) -> _Ints:
    """An order of the shifts in which the windows of ``T_v R`` start at ascending places.

    Sorting by ``(-v) mod N`` per axis, the first axis first, makes every layer's window
    starts ``(-v q / s) mod n`` ascend too: long runs of evenly spaced windows.

    Examples:
        >>> sort_order(np.array([[1], [0], [-1], [2]]), (4,)).tolist()
        [1, 2, 3, 0]
    """
    keys = (-shifts) % np.asarray(size, np.int64)
    return np.lexsort(keys.T[::-1]).astype(np.int64)


Block = tuple[int, int, tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _runs(rows: list[int], places: list[int]) -> list[tuple[int, int, int, int]]:
    """Rows ``[i, j)`` whose row and place advance by constant steps ``dr > 0, dp >= 0``."""
    found, count, i = [], len(rows), 0
    while i < count:
        j, dr, dp = i + 1, 1, 0
        if j < count and rows[j] > rows[i] and places[j] >= places[i]:
            dr, dp = rows[j] - rows[i], places[j] - places[i]
            while j < count and rows[j] - rows[j - 1] == dr and places[j] - places[j - 1] == dp:
                j += 1
        found.append((i, j, dr, dp))
        i = j
    return found


def blocks(rows: _Ints, places: _Ints) -> list[Block]:
    """Split rows into blocks that one strided view covers: runs, and runs of equal runs.

    ``places[i]`` is where row ``i``'s window starts in the tiled reference (a storage
    offset). A block ``(i, j, counts, row steps, place steps)`` holds rows ``i`` to
    ``j - 1`` in C order over ``counts``: row ``rows[i] + sum(n_l * row_step_l)`` has its
    window at ``places[i] + sum(n_l * place_step_l)``, all steps >= 0, so a block is one
    ``torch.as_strided`` view of the batch and one of the tiled reference.

    Examples:
        >>> blocks(np.arange(4), np.array([0, 1, 8, 9]))
        [(0, 4, (2, 2), (2, 1), (8, 1))]
        >>> blocks(np.array([0, 2, 3]), np.array([0, 1, 5]))
        [(0, 2, (2,), (2,), (1,)), (2, 3, (1,), (1,), (0,))]
    """
    row, place = rows.tolist(), places.tolist()
    level, found, m = _runs(row, place), list[Block](), 0
    while m < len(level):
        i, j, dr, dp = level[m]
        end, firsts = m + 1, [i]
        while end < len(level) and level[end][1] - level[end][0] == j - i:
            first = level[end][0]
            jump, move = row[first] - row[firsts[-1]], place[first] - place[firsts[-1]]
            if (
                level[end][2:] != (dr, dp)
                or move < 0
                or (
                    len(firsts) > 1
                    and (jump, move)
                    != (
                        row[firsts[1]] - row[i],
                        place[firsts[1]] - place[i],
                    )
                )
            ):
                break
            firsts.append(first)
            end += 1
        if len(firsts) > 1:
            jump, move = row[firsts[1]] - row[i], place[firsts[1]] - place[i]
            found.append((i, level[end - 1][1], (len(firsts), j - i), (jump, dr), (move, dp)))
        else:
            found.append((i, j, (j - i,), (dr,), (dp,)))
        m = end
    return found


class Reference:
    """A layer's unshifted output ``F(x)`` (N, ..., *S_out), tiled for strided windows.

    Examples:
        >>> r = Reference(torch.arange(4.0).reshape(1, 1, 4), 1)  # (N, C, W)
        >>> places = r.places(np.array([[2], [1]]))  # T_2 R and T_1 R: windows at 2 and 3
        >>> r.window(blocks(np.arange(2), places)[0], places).tolist()
        [[[[2.0, 3.0, 0.0, 1.0]]], [[[3.0, 0.0, 1.0, 2.0]]]]
        >>> r.norm == float(np.sqrt(14.0)), r.zero
        (True, False)
    """

    def __init__(self, tensor: torch.Tensor, k: int) -> None:
        """Keep ``tensor``, whose last ``k`` axes are spatial (``k = 0`` for invariance)."""
        self.tensor, self.k = tensor, k
        self.size = tuple(tensor.shape[tensor.ndim - k :])
        self.tiled = tensor.repeat(*([1] * (tensor.ndim - k)), *([2] * k))  # contiguous
        flat = tensor.reshape(-1)
        self.norm = float(torch.linalg.vector_norm(flat.double())) if flat.numel() else 0.0
        self.zero = not bool(flat.any())
        self._energy: NDArray[np.float64] | None = None

    def window_norms(self, u: _Ints, lo: _Ints, hi: _Ints) -> _Floats:
        """``||T_u R||`` on the window ``[lo, hi)`` of each row: float64 sums, no cancellation.

        The squares of ``R`` summed over every axis but the spatial ones, tiled like ``R``,
        are summed over each row's box directly (a few microseconds per row).

        Examples:
            >>> r = Reference(torch.tensor([[[3.0, 4.0, 0.0, 0.0]]]), 1)
            >>> r.window_norms(np.array([[0], [2]]), np.array([[0], [0]]), np.array([[2], [2]]))
            array([5., 0.])
        """
        if self._energy is None:
            squares = self.tensor.detach().double() ** 2
            lead = tuple(range(self.tensor.ndim - self.k))
            summed = squares.sum(dim=lead) if lead else squares
            self._energy = summed.repeat(*([2] * self.k)).cpu().numpy()
        starts = (-u) % np.maximum(np.asarray(self.size, np.int64), 1)
        a, b = (starts + lo).tolist(), (starts + hi).tolist()
        energy = self._energy
        sums = [
            float(energy[tuple(map(slice, first, last))].sum())
            for first, last in zip(a, b, strict=True)
        ]
        return np.sqrt(np.asarray(sums, dtype=np.float64))

    def places(self, u: _Ints) -> _Ints:
        """Where the window of ``T_u R`` starts in the tiled tensor (a storage offset), per row."""
        starts = (-u) % np.maximum(np.asarray(self.size, np.int64), 1)
        strides = np.asarray(self.tiled.stride()[self.tensor.ndim - self.k :], np.int64)
        places: _Ints = int(self.tiled.storage_offset()) + starts @ strides
        return places

    def window(self, block: Block, places: _Ints) -> torch.Tensor:
        """``T_u R`` for the rows of ``block``, shaped (*counts, *R.shape): one view."""
        i, _, counts, _, steps = block
        shape = (*counts, *self.tensor.shape)
        return torch.as_strided(self.tiled, shape, (*steps, *self.tiled.stride()), int(places[i]))


def block_rows(batch: torch.Tensor, block: Block, rows: _Ints) -> torch.Tensor:
    """The rows of ``batch`` (B, ...) that ``block`` covers, shaped (*counts, ...): a view.

    Examples:
        >>> batch, rows = torch.arange(6.0).reshape(6, 1), np.array([1, 3, 5])
        >>> block_rows(batch, blocks(rows, np.zeros(3, np.int64))[0], rows).tolist()
        [[1.0], [3.0], [5.0]]
    """
    i, _, counts, row_steps, _ = block
    first, stride = int(rows[i]), batch.stride()
    shape, jumps = (*counts, *batch.shape[1:]), [r * stride[0] for r in row_steps]
    return torch.as_strided(
        batch, shape, (*jumps, *stride[1:]), batch.storage_offset() + first * stride[0]
    )


class Workspace:
    """Buffers reused from batch to batch and layer to layer (no allocation per call).

    Examples:
        >>> space = Workspace()
        >>> first = space.get(0, (2, 3), torch.zeros(1))
        >>> again = space.get(0, (3, 2), torch.zeros(1))  # the same memory, reshaped
        >>> again.data_ptr() == first.data_ptr(), tuple(again.shape)
        (True, (3, 2))
    """

    def __init__(self) -> None:
        """Start with no buffers."""
        self.buffers: dict[int, torch.Tensor] = {}

    def get(self, slot: int, shape: Sequence[int], like: torch.Tensor) -> torch.Tensor:
        """A buffer of ``shape`` on ``like``'s device, float32 or float64."""
        dtype = like.dtype if like.dtype in (torch.float32, torch.float64) else torch.float32
        size, buffer = math.prod(shape), self.buffers.get(slot)
        fits = buffer is not None and buffer.dtype == dtype and buffer.device == like.device
        if buffer is None or not fits or buffer.numel() < size:
            buffer = self.buffers[slot] = torch.empty(size, dtype=dtype, device=like.device)
        return buffer[:size].view(*shape)
