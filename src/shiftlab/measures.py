"""Measure how far a function is from shift equivariance or invariance.

``f`` is equivariant when ``f(T_v x) = T'_v f(x)`` for every shift ``v``. After a total
output stride ``s`` (and an optional integer up-factor ``q``) the output action asked for
is the integer shift ``T'_v = T_{v q / s}``: it exists only when ``s`` divides ``v q``,
and, for circular shifts, only when the output grid is the input grid rescaled,
``N q / s`` samples per axis. Invariance is the case ``T'_v = identity``. The measures
return numbers; pass or fail is the caller's call, and where there is no evidence (no
output action, nothing left to compare, both sides zero) they return nan, never 0.

Checked on maps whose symmetry is known exactly (circular and zero-padded correlation,
strides, transposed convolution, global pooling, position-weighted sums), see
tests/test_measures.py and tests/test_properties.py.
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
        output_shift: ``v q / s``; ``()`` for invariance; None where no integer output
            shift exists (``s`` does not divide ``v q``).
        relative_l2: ``||f(T_v x) - T' f(x)|| / ||T' f(x)||`` on the compared window; nan
            when undefined or without evidence, inf when only the reference is zero.
        max_abs: ``max |f(T_v x) - T' f(x)|`` on the compared window; nan when undefined
            or without evidence.

    Examples:
        >>> ShiftError((1,), None, math.nan, math.nan).defined
        False
        >>> ShiftError((2,), (1,), math.nan, math.nan).measured
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

    @property
    def measured(self) -> bool:
        """Whether the shift is defined and the comparison had evidence (no nan)."""
        return self.defined and not (math.isnan(self.relative_l2) or math.isnan(self.max_abs))


@dataclass(frozen=True)
class ShiftReport:
    """The errors of all measured shifts, in the order the shifts were given.

    Shifts without an output action stay in it as undefined: a stride cannot hide the
    shifts that break the symmetry. The maxima are taken over the defined shifts only,
    so read them together with ``fraction_defined`` (``str(report)`` shows both): a
    stride-8 map on an 8 x 8 grid has one defined shift of 64, the zero shift.

    Attributes:
        errors: One ``ShiftError`` per shift.

    Examples:
        >>> report = ShiftReport((ShiftError((0,), (0,), 0.0, 0.0),))
        >>> len(report), report.max_relative_l2, report.undefined_shifts
        (1, 0.0, ())
        >>> report = ShiftReport((*report.errors, ShiftError((1,), None, math.nan, math.nan)))
        >>> report.fraction_defined
        0.5
        >>> print(report)
        2 shifts, 1 defined (50%): max relative L2 0, max abs 0 over the defined ones
    """

    errors: tuple[ShiftError, ...]

    def __iter__(self) -> Iterator[ShiftError]:
        """Iterate over the errors."""
        return iter(self.errors)

    def __len__(self) -> int:
        """Return the number of measured shifts."""
        return len(self.errors)

    def __str__(self) -> str:
        """Summarise: how many shifts, how many defined, the maxima over those."""
        defined, count = len(self.defined), len(self.errors)
        share = f"{100 * defined / count:.0f}%" if count else "no shifts"
        text = (
            f"{count} shifts, {defined} defined ({share}): max relative L2 "
            f"{self.max_relative_l2:.3g}, max abs {self.max_abs:.3g} over the defined ones"
        )
        if self.unmeasured_shifts:
            text += f"; {len(self.unmeasured_shifts)} defined shifts had no evidence (nan)"
        return text

    @property
    def defined(self) -> tuple[ShiftError, ...]:
        """The errors of the shifts whose output action exists."""
        return tuple(e for e in self.errors if e.defined)

    @property
    def undefined_shifts(self) -> tuple[tuple[int, ...], ...]:
        """The shifts that have no (integer) output action."""
        return tuple(e.shift for e in self.errors if not e.defined)

    @property
    def unmeasured_shifts(self) -> tuple[tuple[int, ...], ...]:
        """Defined shifts without evidence: nothing left to compare, or both sides zero."""
        return tuple(e.shift for e in self.errors if e.defined and not e.measured)

    @property
    def fraction_defined(self) -> float:
        """The share of the shifts that have an output action (nan for no shifts)."""
        return len(self.defined) / len(self.errors) if self.errors else math.nan

    @property
    def max_relative_l2(self) -> float:
        """Largest relative L2 error over the defined shifts (nan if any is nan or none)."""
        return float(np.max([e.relative_l2 for e in self.defined] or [math.nan]))

    @property
    def max_abs(self) -> float:
        """Largest absolute error over the defined shifts (nan if any is nan or none)."""
        return float(np.max([e.max_abs for e in self.defined] or [math.nan]))


_Shift = tuple[int, ...]
_Plan = list[tuple[_Shift, _Shift | None]]  # (input shift, output shift or None)
_Map = Callable[[NDArray[Any]], ArrayLike]


@dataclass(frozen=True)
class _Action:
    """The output action ``T_{v q / s}`` per spatial axis, or None for invariance."""

    down: tuple[int, ...]  # s
    up: tuple[int, ...]  # q
    crop: tuple[int, ...]

    def output_shift(self, v: _Shift, sizes: _Shift, circular: bool) -> _Shift | None:
        # Circular shifts by v and v + N are one map: decide on v mod N. The output grid
        # check (N q / s samples) makes the answer the same for every representative.
        rep = [c % n if circular and n else c for c, n in zip(v, sizes, strict=True)]
        if any(c * q % s for c, q, s in zip(rep, self.up, self.down, strict=True)):
            return None  # no integer output shift: never round
        return tuple(c * q // s for c, q, s in zip(v, self.up, self.down, strict=True))


def _plan(
    x: ArrayLike, shifts: Iterable[object] | None, action: _Action | None, circular: bool
) -> tuple[NDArray[Any], _Plan]:
    arr = np.asarray(x)
    if arr.ndim < 3:
        raise ValueError(f"x must have shape (N, C, *S) with spatial axes, got {arr.shape}")
    k, sizes = arr.ndim - 2, arr.shape[2:]
    if shifts is None:
        shifts = centered_shifts(sizes)
    elif not isinstance(shifts, Iterable) or isinstance(shifts, str | bytes):
        raise TypeError(f"shifts must be an iterable of shifts, got {shifts!r}")
    vectors = [_as_int_tuple(v, "shift") for v in shifts]
    for v in vectors:
        if len(v) != k:
            raise ValueError(f"each shift needs one integer per spatial axis of {arr.shape}: {v}")
    if action is None:  # invariance: the trivial output action
        return arr, [(v, ()) for v in vectors]
    return arr, [(v, action.output_shift(v, sizes, circular)) for v in vectors]


def _action(stride: object, upsample: object, crop: object, k: int) -> _Action:
    down, up = _per_axis(stride, k, "stride"), _per_axis(upsample, k, "upsample")
    crops = _per_axis(crop, k, "crop")
    for name, values, least, given in (
        ("stride", down, 1, stride),
        ("upsample", up, 1, upsample),
        ("crop", crops, 0, crop),
    ):
        if min(values) < least:
            raise ValueError(f"{name} must be >= {least} on every axis, got {given!r}")
    return _Action(down, up, crops)


def _check_output_grid(action: _Action, in_size: _Shift, out_size: _Shift) -> None:
    # T_{vq/s} on the output is the action induced by T_v on the input only when the
    # output grid is the input grid rescaled: N q / s samples, so s must divide N q.
    axes = list(zip(in_size, action.up, action.down, out_size, strict=True))
    if any(n * q % s or m != n * q // s for n, q, s, m in axes):
        want = ", ".join(f"{n} * {q} / {s}" for n, q, s, _ in axes)
        raise ValueError(
            f"circular shifts need an output grid of N * upsample / stride samples per "
            f"axis ({want}), so the stride must divide N * upsample; got spatial shape "
            f"{out_size}. Use shift_mode='zero' for other output sizes"
        )


def _compare(a: NDArray[Any], b: NDArray[Any]) -> tuple[float, float]:
    """Relative L2 and max-abs error of ``a`` against the reference ``b``."""
    if a.size == 0:  # nothing left to compare is no evidence of equivariance
        return math.nan, math.nan
    peak = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))))
    if peak == 0:  # both sides zero (dead units): no evidence either way, not a 0
        return math.nan, math.nan
    max_abs = float(np.max(np.abs(a - b)))
    if math.isfinite(peak):  # scale first: squares of 1e160 overflow, of 1e-170 vanish
        a, b = a / peak, b / peak
    diff, scale = _norm(a - b), _norm(b)
    return (diff / scale if scale else math.inf), max_abs


def _norm(a: NDArray[Any]) -> float:
    # einsum, not np.linalg.norm: no BLAS call, whose threads can stall for milliseconds
    # on a busy machine, once per shift and layer.
    return math.sqrt(float(np.einsum("i,i->", a, a)))


def _window(crop: int, size: int, band: int) -> slice:
    # Drop `crop` samples on both sides and, on the side the zero fill comes in from,
    # the band of width |band| as well. Clamped to [0, size]: a bound that went negative
    # would otherwise count from the end and compare the wrong samples.
    lo = min(size, crop + max(band, 0))
    hi = max(lo, min(size, size - crop + min(band, 0)))
    return slice(lo, hi)


def _measure(
    f: _Map,
    x: NDArray[Any],
    plan: _Plan,
    action: _Action | None,
    *,
    shift_mode: str,
    batch_size: int,
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
    reference = np.asarray(f(x.copy()))  # a copy: an f that writes into its input is harmless
    n = x.shape[0]
    k = 0 if action is None else len(action.crop)
    if reference.ndim < 1 + k or reference.shape[0] != n:
        raise ValueError(f"f(x) must have shape ({n}, ..., *{k} spatial), got {reference.shape}")
    out_size = reference.shape[reference.ndim - k :]
    crops = (0,) * k if action is None else action.crop
    if action is not None and shift_mode == "circular":
        _check_output_grid(action, x.shape[2:], out_size)
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
            errors[i] = _shift_error(
                output, reference, v, u, crops=crops, shift_mode=shift_mode, dtype=dtype
            )
    return ShiftReport(tuple(errors))


def _shift_error(
    output: NDArray[Any],
    reference: NDArray[Any],
    v: _Shift,
    u: _Shift,
    *,
    crops: _Shift,
    shift_mode: str,
    dtype: Any,
) -> ShiftError:
    expected = _SHIFTS[shift_mode](reference, u)  # acts on the last len(u) axes
    # Zero fill brings in zeros that f never produced, and next to them f(Z_v x) sees
    # content whose features the original frame cut off: on the side the zeros come in
    # from, skip the band and a crop's width beyond it.
    k = len(crops)
    bands = u if shift_mode == "zero" else (0,) * k
    kept = map(_window, crops, output.shape[output.ndim - k :], bands)
    window: tuple[Any, ...] = (..., *kept)
    a, b = (np.asarray(y[window], dtype=dtype).ravel() for y in (output, expected))
    return ShiftError(v, u, *_compare(a, b))


def shift_error(
    shifted_output: ArrayLike,
    reference: ArrayLike,
    shift: int | Sequence[int],
    output_shift: Sequence[int] | None,
    *,
    crop: int | Sequence[int] = 0,
    shift_mode: Literal["circular", "zero"] = "circular",
) -> ShiftError:
    """Compare one shifted run with the shifted reference: ``f(T_v x)`` vs ``T_u f(x)``.

    The building block of ``equivariance_error``, for callers that run ``f`` themselves
    (the model probe does, with forward hooks): ``reference = f(x)``, ``shifted_output =
    f(T_v x)`` and ``u = output_shift`` (see ``output_shift``; None means no output
    action, and gives an undefined error). ``u`` acts on the last ``len(u)`` axes, with
    the crop and the zero-fill window of ``equivariance_error``, and nan where there is
    no evidence.

    Args:
        shifted_output: ``f(T_v x)``, any shape ending in the spatial axes.
        reference: ``f(x)``, the same shape.
        shift: The input shift ``v`` (recorded in the result).
        output_shift: ``u``, one integer per spatial axis of the output, or None.
        crop: Output samples dropped on both sides of each spatial axis.
        shift_mode: "circular" (``T_u``) or "zero" (``Z_u``).

    Returns:
        The error of this one shift.

    Raises:
        ValueError: If the shapes differ, the crop leaves nothing, or the mode is unknown.

    Examples:
        >>> x = np.arange(8.0)
        >>> shift_error(np.roll(x, 2), x, 2, (2,)).max_abs
        0.0
        >>> shift_error(np.roll(x, 1), x, 1, None).defined
        False
    """
    v = _as_int_tuple(shift, "shift")
    out, ref = np.asarray(shifted_output), np.asarray(reference)
    if out.shape != ref.shape:
        raise ValueError(
            f"shifted_output and reference must have one shape, got {out.shape} and {ref.shape}"
        )
    if shift_mode not in _SHIFTS:
        raise ValueError(f"shift_mode must be 'circular' or 'zero', got {shift_mode!r}")
    if output_shift is None:
        return ShiftError(v, None, math.nan, math.nan)
    u = _as_int_tuple(output_shift, "output_shift")
    if len(u) > out.ndim:
        raise ValueError(f"output_shift {u} has more axes than the output {out.shape}")
    crops = _per_axis(crop, len(u), "crop")
    size = out.shape[out.ndim - len(u) :]
    if min(crops, default=0) < 0 or any(2 * c >= n for c, n in zip(crops, size, strict=True)):
        raise ValueError(f"crop {crops} must be >= 0 and leave part of the spatial shape {size}")
    dtype = np.result_type(ref, np.float64)
    return _shift_error(out, ref, v, u, crops=crops, shift_mode=shift_mode, dtype=dtype)


def output_shift(
    shift: int | Sequence[int],
    *,
    stride: int | Sequence[int] = 1,
    upsample: int | Sequence[int] = 1,
    size: int | Sequence[int] | None = None,
) -> tuple[int, ...] | None:
    """The integer output shift ``v q / s`` that a shift ``v`` should cause, or None.

    None where ``s`` does not divide ``v q``: no integer output shift exists (a
    band-limited map can have a sub-pixel one, which this does not cover). With the input
    ``size`` ``N`` given, ``v`` is taken modulo ``N`` first, as circular shifts are.

    Args:
        shift: The input shift ``v``, one integer per spatial axis.
        stride: The total stride ``s``, one integer or one per axis.
        upsample: The total up-factor ``q``, one integer or one per axis.
        size: The input size per axis, for circular shifts; None for zero-fill shifts.

    Returns:
        ``v q / s`` per axis, or None.

    Raises:
        TypeError: If a value is not an integer.
        ValueError: If a stride or up-factor is below 1 or the lengths differ.

    Examples:
        >>> output_shift((2, 4), stride=2), output_shift((1, 4), stride=2)
        ((1, 2), None)
        >>> output_shift(3, upsample=2, stride=3), output_shift(-6, stride=4, size=8)
        ((2,), None)
    """
    v = _as_int_tuple(shift, "shift")
    action = _action(stride, upsample, 0, len(v))
    sizes = (0,) * len(v) if size is None else _per_axis(size, len(v), "size")
    return action.output_shift(v, sizes, size is not None)


def equivariance_error(
    f: Callable[[NDArray[Any]], ArrayLike],
    x: ArrayLike,
    shifts: Iterable[int | Sequence[int]] | None = None,
    *,
    stride: int | Sequence[int] = 1,
    upsample: int | Sequence[int] = 1,
    crop: int | Sequence[int] = 0,
    shift_mode: Literal["circular", "zero"] = "circular",
    batch_size: int = 64,
) -> ShiftReport:
    """Compare ``f(T_v x)`` with ``T_{v q / s} f(x)`` for every shift ``v``.

    What ``f`` must look like: it maps a batch (N, C, *S) to (N, ..., *S_out), batch axis
    first and the spatial axes last, and treats the samples of a batch independently.
    The output action is the integer shift by ``v q / s``, with ``s`` the total stride
    and ``q`` the up-factor (``ConvTranspose2d(kernel_size=2, stride=2)`` has ``q = 2``
    and commutes exactly with ``T_{2v}``). Where ``s`` does not divide ``v q`` no integer
    output shift exists: the shift is reported as undefined (never rounded) and ``f`` is
    not run on it. A sub-pixel output action can exist (band-limited features), but it
    is not what this measures.

    **Circular shifts** (``shift_mode="circular"``) act on a cyclic grid, where
    ``T_{v q / s}`` is the induced action only if the output has ``N q / s`` samples per
    axis: otherwise this raises (a stride that does not divide ``N``, a "valid" or "full"
    convolution). Shifts are then taken modulo ``N``, so ``v`` and ``v + N`` give the
    same answer.

    **Zero-fill shifts** (``shift_mode="zero"``, the translation of content on a zero
    canvas) allow any output size. ``crop`` is the number of output samples, on each side,
    whose receptive field reaches outside the input frame: the total receptive-field
    radius ``R`` for stride-1 layers with "same" zero padding, ``ceil(R / s)`` of the
    larger side after a total stride ``s`` (``R`` counted in input samples), ``k - 1`` for
    a full convolution, 0 for a "valid" one. On the side the zeros come in from, the
    comparison also skips the ``|v q / s|`` output samples of the zero band and ``crop``
    more. With that, any stack of local, position-independent layers without batch
    statistics (convolutions, biases, pointwise maps, local pools) is exactly equivariant
    on the compared window; statistics over positions (GroupNorm, train-mode BatchNorm)
    spread the border to every sample, and they are not.

    Errors are nan, not 0, where there is no evidence: for an undefined shift, when the
    window is empty, and when both sides are zero on it (dead units). The report's maxima
    are over the defined shifts; ``report.fraction_defined`` says how many those are.

    Args:
        f: Numpy-in, numpy-out map keeping the batch axis first; ends with ``len(S)`` axes.
        x: Input of shape (N, C, *S), one or more spatial axes; ``f`` gets copies.
        shifts: One integer per spatial axis each; None means ``centered_shifts(S)``.
        stride: Total output stride ``s``, one integer or one per spatial axis.
        upsample: Total up-factor ``q``, one integer or one per spatial axis.
        crop: Output samples dropped on both sides of each spatial axis before comparing.
        shift_mode: "circular" (``T_v``) or "zero" (zero-fill ``Z_v``), on input and output.
        batch_size: Shifted copies of ``x`` per call of ``f`` (stacked on axis 0). Any
            value is right for an ``f`` that treats samples independently; for one that
            mixes them, 1 gives ``f`` the whole batch shifted by one ``v`` per call.

    Returns:
        A report with one ``ShiftError`` per shift.

    Raises:
        TypeError: If a shift, stride, up-factor, crop or batch size is not an integer,
            or ``shifts`` is not iterable.
        ValueError: If a shape, shift, stride, crop, mode or batch size is invalid, or
            (circular shifts) the output grid is not the input grid rescaled.

    Examples:
        >>> x = np.arange(8.0).reshape(1, 1, 8)  # (N, C, W)
        >>> report = equivariance_error(lambda a: a[..., ::2], x, [1, 2], stride=2)
        >>> report.undefined_shifts, report.max_relative_l2, report.fraction_defined
        (((1,),), 0.0, 0.5)
        >>> upsampled = equivariance_error(lambda a: a.repeat(2, axis=-1), x, upsample=2)
        >>> upsampled.max_abs, upsampled.errors[1].output_shift
        (0.0, (-4,))
    """
    arr = np.asarray(x)
    k = max(arr.ndim - 2, 1)
    action = _action(stride, upsample, crop, k)
    arr, plan = _plan(arr, shifts, action, shift_mode == "circular")
    return _measure(f, arr, plan, action, shift_mode=shift_mode, batch_size=batch_size)


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
    action, recorded as ``output_shift == ()``. Every shift is defined; a shift whose
    two outputs are both all zeros reports nan, as in ``equivariance_error``.

    Args:
        f: Numpy-in, numpy-out function; any output shape with the batch axis first.
        x: Input of shape (N, C, *S), one or more spatial axes; ``f`` gets copies.
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
    arr, plan = _plan(x, shifts, None, shift_mode == "circular")
    return _measure(f, arr, plan, None, shift_mode=shift_mode, batch_size=batch_size)
