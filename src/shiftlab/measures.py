"""Measure how far a function is from shift equivariance or invariance.

``f`` is equivariant when ``f(T_v x) = T'_v f(x)`` for every shift ``v``; with total output
stride ``s``, ``T'_v = T_{v/s}``, defined only when ``s`` divides ``v``. Invariance is the
case ``T'_v = identity``. The measures return numbers; pass or fail is the caller's call.
Checked on maps whose symmetry is known exactly (circular and zero-padded correlation,
strides, global pooling, position-weighted sums), see tests/test_measures.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from shiftlab.shifts import (
    _as_int,
    _as_int_tuple,
    _per_axis,
    centered_shifts,
    circular_shift,
    zero_shift,
)

_SHIFTS = {"circular": circular_shift, "zero": zero_shift}


@dataclass(frozen=True)
class ShiftError:
    """The equivariance (or invariance) error of one shift.

    Attributes:
        shift: Input shift ``v``, one integer per spatial axis.
        output_shift: ``v / s``; ``()`` for invariance; None if the stride does not divide v.
        relative_l2: ``||f(T_v x) - T' f(x)|| / ||T' f(x)||``, nan when undefined.
        max_abs: ``max |f(T_v x) - T' f(x)|``, nan when undefined.

    Examples:
        >>> ShiftError((1,), None, math.nan, math.nan).defined
        False
    """

    shift: tuple[int, ...]
    output_shift: tuple[int, ...] | None
    relative_l2: float
    max_abs: float

    @property
    def defined(self) -> bool:
        """Whether the output action exists for this shift."""
        return self.output_shift is not None


@dataclass(frozen=True)
class ShiftReport:
    """The errors of all measured shifts, in the order the shifts were given.

    Shifts that the stride does not divide stay in it as undefined: a stride cannot hide
    the shifts that break the symmetry.

    Attributes:
        errors: One ``ShiftError`` per shift.

    Examples:
        >>> report = ShiftReport((ShiftError((0,), (0,), 0.0, 0.0),))
        >>> len(report), report.max_relative_l2, report.undefined_shifts
        (1, 0.0, ())
    """

    errors: tuple[ShiftError, ...]

    def __iter__(self) -> Iterator[ShiftError]:
        """Iterate over the errors."""
        return iter(self.errors)

    def __len__(self) -> int:
        """Return the number of measured shifts."""
        return len(self.errors)

    @property
    def defined(self) -> tuple[ShiftError, ...]:
        """The errors of the shifts whose output action exists."""
        return tuple(e for e in self.errors if e.defined)

    @property
    def undefined_shifts(self) -> tuple[tuple[int, ...], ...]:
        """The shifts that the stride does not divide."""
        return tuple(e.shift for e in self.errors if not e.defined)

    @property
    def max_relative_l2(self) -> float:
        """Largest relative L2 error over the defined shifts (nan if there are none)."""
        return float(np.max([e.relative_l2 for e in self.defined] or [math.nan]))

    @property
    def max_abs(self) -> float:
        """Largest absolute error over the defined shifts (nan if there are none)."""
        return float(np.max([e.max_abs for e in self.defined] or [math.nan]))


_Shift = tuple[int, ...]
_Plan = list[tuple[_Shift, _Shift | None]]  # (input shift, output shift or None)
_Map = Callable[[NDArray[Any]], ArrayLike]


def _plan(
    x: ArrayLike, shifts: Iterable[object] | None, stride: object, crop: object
) -> tuple[NDArray[Any], _Plan, _Shift]:
    arr = np.asarray(x)
    if arr.ndim < 3:
        raise ValueError(f"x must have shape (N, C, *S) with spatial axes, got {arr.shape}")
    k = arr.ndim - 2
    if shifts is None:
        shifts = centered_shifts(arr.shape[2:])
    vectors = [_as_int_tuple(v, "shift") for v in shifts]
    for v in vectors:
        if len(v) != k:
            raise ValueError(f"each shift needs one integer per spatial axis of {arr.shape}: {v}")
    if stride is None:  # invariance: the trivial output action, no output grid to crop
        return arr, [(v, ()) for v in vectors], ()
    steps, crops = _per_axis(stride, k, "stride"), _per_axis(crop, k, "crop")
    if min(steps) < 1 or min(crops) < 0:
        raise ValueError(f"stride must be >= 1 and crop >= 0, got {stride!r} and {crop!r}")
    plan: _Plan = []
    for v in vectors:
        q, r = np.divmod(v, steps)  # v / s exists only when s divides v: never round
        plan.append((v, None if r.any() else tuple(q.tolist())))
    return arr, plan, crops


def _measure(
    f: _Map, x: NDArray[Any], plan: _Plan, crops: _Shift, *, shift_mode: str, batch_size: int
) -> ShiftReport:
    if shift_mode not in _SHIFTS:
        raise ValueError(f"shift_mode must be 'circular' or 'zero', got {shift_mode!r}")
    if _as_int(batch_size, "batch_size") < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    shift = _SHIFTS[shift_mode]
    errors = [ShiftError(v, None, math.nan, math.nan) for v, _ in plan]
    todo = [(i, v, u) for i, (v, u) in enumerate(plan) if u is not None]
    if not todo:
        return ShiftReport(tuple(errors))
    reference = np.asarray(f(x))
    n, k = x.shape[0], len(crops)
    if reference.ndim < 1 + k or reference.shape[0] != n:
        raise ValueError(f"f(x) must have shape ({n}, ..., *{k} spatial), got {reference.shape}")
    out_size = reference.shape[reference.ndim - k :]
    if any(2 * c >= size for c, size in zip(crops, out_size, strict=True)):
        raise ValueError(f"crop {crops} leaves nothing of the output spatial shape {out_size}")
    spatial, dtype = tuple(range(2, x.ndim)), np.result_type(reference, np.float64)
    for start in range(0, len(todo), batch_size):
        chunk = todo[start : start + batch_size]
        batch = np.concatenate([shift(x, v, spatial) for _, v, _ in chunk])  # (B * N, C, *S)
        outputs = np.asarray(f(batch))
        if outputs.shape != (len(chunk) * n, *reference.shape[1:]):
            raise ValueError(f"f must map samples 1:1, got {outputs.shape} from {batch.shape}")
        outputs = outputs.reshape(len(chunk), *reference.shape)  # (B, N, ...)
        for (i, v, u), output in zip(chunk, outputs, strict=True):
            expected = shift(reference, u)  # acts on the last len(u) axes
            # Zero fill brings in zeros that f never produced, and next to them f(Z_v x)
            # sees content whose features the original frame cut off: on the side the
            # zeros come in from, skip the band and a crop's width beyond it.
            band = zip(crops, out_size, u if shift_mode == "zero" else (0,) * k, strict=True)
            kept = [slice(c + max(w, 0), m - c + min(w, 0)) for c, m, w in band]
            window: tuple[Any, ...] = (..., *kept)
            a, b = (np.asarray(y[window], dtype=dtype).ravel() for y in (output, expected))
            if a.size == 0:  # nothing left to compare is no evidence of equivariance
                errors[i] = ShiftError(v, u, math.nan, math.nan)
                continue
            diff, scale = float(np.linalg.norm(a - b)), float(np.linalg.norm(b))
            relative = diff / scale if scale else (0.0 if diff == 0 else math.inf)  # 0/0 := 0
            errors[i] = ShiftError(v, u, relative, float(np.max(np.abs(a - b), initial=0.0)))
    return ShiftReport(tuple(errors))


def equivariance_error(
    f: Callable[[NDArray[Any]], ArrayLike],
    x: ArrayLike,
    shifts: Iterable[int | Sequence[int]] | None = None,
    *,
    stride: int | Sequence[int] = 1,
    crop: int | Sequence[int] = 0,
    shift_mode: Literal["circular", "zero"] = "circular",
    batch_size: int = 64,
) -> ShiftReport:
    """Compare ``f(T_v x)`` with ``T_{v/s} f(x)`` for every shift ``v``.

    A shift that the stride ``s`` does not divide has no output action: it is reported
    as undefined (never rounded) and ``f`` is not run on it. For zero padding use
    ``shift_mode="zero"`` and ``crop`` = receptive-field radius: the comparison then also
    skips the band where ``Z_u`` moves in zeros ``f`` never produced, widened by the crop
    (``crop + |u|`` on that side), which makes the comparison exact for any stack of
    zero-padded layers with total radius ``crop``, not just one layer. If that leaves
    nothing to compare, both errors are nan: no evidence either way, and the report's
    maxima become nan rather than a reassuring 0.

    Args:
        f: Numpy-in, numpy-out map keeping the batch axis first; ends with ``len(S)`` axes.
        x: Input of shape (N, C, *S), one or more spatial axes.
        shifts: One integer per spatial axis each; None means ``centered_shifts(S)``.
        stride: Total output stride ``s``, one integer or one per spatial axis.
        crop: Output samples dropped on both sides of each spatial axis before comparing.
        shift_mode: "circular" (``T_v``) or "zero" (zero-fill ``Z_v``), on input and output.
        batch_size: Shifted copies of ``x`` per call of ``f`` (on axis 0), so ``f`` must treat
            samples independently: use 1 if it mixes them (train-mode BatchNorm).

    Returns:
        A report with one ``ShiftError`` per shift.

    Raises:
        TypeError: If a shift, stride, crop or batch size is not an integer.
        ValueError: If a shape, shift, stride, crop, mode or batch size is invalid.

    Examples:
        >>> x = np.arange(8.0).reshape(1, 1, 8)  # (N, C, W)
        >>> report = equivariance_error(lambda a: a[..., ::2], x, [1, 2], stride=2)
        >>> report.undefined_shifts, report.max_relative_l2
        (((1,),), 0.0)
    """
    arr, plan, crops = _plan(x, shifts, stride, crop)
    return _measure(f, arr, plan, crops, shift_mode=shift_mode, batch_size=batch_size)


def invariance_error(
    f: Callable[[NDArray[Any]], ArrayLike],
    x: ArrayLike,
    shifts: Iterable[int | Sequence[int]] | None = None,
    *,
    shift_mode: Literal["circular", "zero"] = "circular",
    batch_size: int = 64,
) -> ShiftReport:
    """Compare ``f(T_v x)`` with ``f(x)`` for every shift ``v``.

    Invariance, what a classifier wants, is equivariance with the trivial output
    action, recorded as ``output_shift == ()``.

    Args:
        f: Numpy-in, numpy-out function; any output shape with the batch axis first.
        x: Input of shape (N, C, *S), one or more spatial axes.
        shifts: Shifts acting on S, as in ``equivariance_error``.
        shift_mode: "circular" or "zero" (zero-fill), applied to the input.
        batch_size: Shifted copies per call of ``f``, as in ``equivariance_error``.

    Returns:
        A report with one ``ShiftError`` per shift.

    Raises:
        TypeError: If a shift or the batch size is not an integer.
        ValueError: If a shape, shift, mode or batch size is invalid.

    Examples:
        >>> x = np.arange(6.0).reshape(1, 1, 6)  # (N, C, W)
        >>> invariance_error(lambda a: a.sum(axis=-1), x).max_abs
        0.0
        >>> invariance_error(lambda a: (a * np.arange(6.0)).sum(axis=-1), x).max_abs
        27.0
    """
    arr, plan, crops = _plan(x, shifts, None, 0)
    return _measure(f, arr, plan, crops, shift_mode=shift_mode, batch_size=batch_size)
