"""Shifts of arrays: circular, zero-fill and sub-pixel (Fourier).

Conventions used by every module of shiftlab:

* Circular shift ``(T_v x)[i] = x[(i - v) mod n]``: a positive ``v`` moves content
  toward higher indices (down / right). This is exactly ``np.roll(x, v, axis)`` and
  ``torch.roll(x, v, dim)``, same sign.
* In n-D, ``v = (v_0, ..., v_{k-1})`` acts on the last ``k`` axes in array-axis order.
  Tensors are (N, C, H, W), so a 2-D shift is ``(dy, dx)`` acting on (H, W); math texts
  that write ``(x, y)`` list the same two numbers in the opposite order.
* Zero-fill shift ``(Z_v x)[i] = x[i - v]`` if ``0 <= i - v < n``, else 0. Content that
  leaves the grid is lost, so ``Z_v`` has no inverse and ``Z_a Z_b != Z_{a+b}`` in
  general: it is not a group action.

Checked against ``np.roll`` and ``torch.roll`` and, for the group laws, by property
tests: see tests/test_shifts.py and tests/test_properties.py.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray


def _as_int(value: object, name: str) -> int:
    # bool is an int subclass, but a shift of True is almost certainly a bug.
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    return int(value)


def _as_int_tuple(value: object, name: str) -> tuple[int, ...]:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]  # a 0-d array is a scalar
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return (int(value),)
    if not isinstance(value, Sequence | np.ndarray) or isinstance(value, str):
        raise TypeError(f"{name} must be an integer or a sequence of integers, got {value!r}")
    return tuple(_as_int(item, f"every entry of {name}") for item in value)


def _per_axis(value: object, count: int, name: str) -> tuple[int, ...]:
    values = _as_int_tuple(value, name)
    if len(values) == 1 and not isinstance(value, Sequence | np.ndarray):
        return values * count
    if len(values) != count:
        raise ValueError(f"{name} must be an integer or {count} integers, got {value!r}")
    return values


def _real_array(x: ArrayLike, name: str) -> NDArray[Any]:
    arr = np.asarray(x)
    # By kind, not by np.number: timedelta64 counts as a number there.
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be real (bool, integer or floating), got dtype {arr.dtype}")
    return arr


def _numeric_array(x: ArrayLike, name: str) -> NDArray[Any]:
    arr = np.asarray(x)
    if arr.dtype.kind not in "biufc":
        raise TypeError(
            f"{name} must be numeric (bool, integer, floating or complex), got dtype {arr.dtype}"
        )
    return arr


def _resolve_axes(ndim: int, count: int, axes: int | Sequence[int] | None) -> tuple[int, ...]:
    if axes is None:
        if count > ndim:
            raise ValueError(f"a shift with {count} components needs {count} axes, x has {ndim}")
        return tuple(range(ndim - count, ndim))
    resolved = _as_int_tuple(axes, "axes")
    if len(resolved) != count:
        raise ValueError(f"shift has {count} components but axes has {len(resolved)}: {axes!r}")
    for axis in resolved:
        if not -ndim <= axis < ndim:
            raise ValueError(f"axis {axis} is out of range for an array with {ndim} axes")
    normal = tuple(axis % ndim for axis in resolved)
    if len(set(normal)) != len(normal):
        raise ValueError(f"axes must be distinct, got {axes!r}")
    return normal


def circular_shift(
    x: ArrayLike, shift: int | Sequence[int], axes: int | Sequence[int] | None = None
) -> NDArray[Any]:
    """Shift ``x`` circularly: ``(T_v x)[i] = x[(i - v) mod n]`` on each shifted axis.

    The circular shift is the translation of the cyclic grid: the shifts form a group,
    and a map is translation equivariant when it commutes with them.

    Args:
        x: Array to shift, any shape.
        shift: Shift ``v``, one integer per shifted axis; positive moves content toward
            higher indices.
        axes: Axes to shift; by default the last ``len(shift)`` axes.

    Returns:
        A new array, equal to ``np.roll(x, shift, axes)``; shifts of any size are
        taken modulo the axis size first.

    Raises:
        TypeError: If ``x`` is not numeric, or a shift or axis is not an integer (bool
            and float are rejected).
        ValueError: If ``shift`` and ``axes`` differ in length, or an axis is out of
            range or repeated.

    Examples:
        >>> circular_shift([1, 2, 3, 4], 1).tolist()
        [4, 1, 2, 3]
        >>> circular_shift([[1, 2], [3, 4]], (1, 0)).tolist()
        [[3, 4], [1, 2]]
    """
    arr = _numeric_array(x, "x")
    shifts = _as_int_tuple(shift, "shift")
    resolved = _resolve_axes(arr.ndim, len(shifts), axes)
    if not shifts:
        return arr.copy()
    # Exact integer reduction first: np.roll takes only shifts that fit in an int64.
    sizes = [arr.shape[axis] for axis in resolved]
    reduced = tuple(v % n if n else 0 for v, n in zip(shifts, sizes, strict=True))
    return np.roll(arr, reduced, axis=resolved)


def zero_shift(
    x: ArrayLike, shift: int | Sequence[int], axes: int | Sequence[int] | None = None
) -> NDArray[Any]:
    """Shift ``x`` with zero fill: ``(Z_v x)[i] = x[i - v]`` inside the grid, else 0.

    This is what a translation looks like on a finite image with zero padding. Content
    pushed off the grid is lost, which is why ``Z_v`` is not invertible; zero-padded
    layers commute with it on the interior, away from the border.

    Args:
        x: Array to shift, any shape.
        shift: Shift ``v``, one integer per shifted axis; magnitudes at least the axis
            size give all zeros.
        axes: Axes to shift; by default the last ``len(shift)`` axes.

    Returns:
        A new array of the same shape and dtype as ``x``.

    Raises:
        TypeError: If ``x`` is not numeric, or a shift or axis is not an integer.
        ValueError: If ``shift`` and ``axes`` differ in length, or an axis is out of
            range or repeated.

    Examples:
        >>> zero_shift([1, 2, 3, 4], 1).tolist()
        [0, 1, 2, 3]
        >>> zero_shift([1, 2, 3, 4], -3).tolist()
        [4, 0, 0, 0]
    """
    arr = _numeric_array(x, "x")
    shifts = _as_int_tuple(shift, "shift")
    resolved = _resolve_axes(arr.ndim, len(shifts), axes)
    out = np.zeros_like(arr)
    target: list[slice] = [slice(None)] * arr.ndim
    source: list[slice] = [slice(None)] * arr.ndim
    for axis, v in zip(resolved, shifts, strict=True):
        n = arr.shape[axis]
        if abs(v) >= n:
            return out
        target[axis] = slice(v, None) if v >= 0 else slice(None, n + v)
        source[axis] = slice(None, n - v) if v >= 0 else slice(-v, None)
    out[tuple(target)] = arr[tuple(source)]
    return out


def _as_real(value: object) -> int | float:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise TypeError(f"every entry of shift must be a real number, got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)  # kept exact, so that it can be reduced modulo n exactly
    if not math.isfinite(value):
        raise ValueError(f"every entry of shift must be finite, got {value!r}")
    return float(value)


def fourier_shift(
    x: ArrayLike, shift: float | Sequence[float], axes: int | Sequence[int] | None = None
) -> NDArray[np.float64]:
    """Shift ``x`` circularly by a possibly fractional amount, through the DFT.

    A shift is a phase factor in the Fourier domain: the DFT coefficient of signed
    frequency ``k`` is multiplied by ``exp(-2 pi i k v / n)``. For integer ``v`` this is
    ``circular_shift`` (to about 1e-12); in between it interpolates band-limited.

    The output is the real part of the inverse transform. For odd ``n`` that loses
    nothing and ``T_a T_b = T_{a+b}`` holds exactly. For even ``n`` the Nyquist bin
    ``k = -n/2`` ends up multiplied by ``cos(pi v)`` instead, so the group law holds only
    for integer shifts or when that component of ``x`` is zero.

    Args:
        x: Real array (bool, integer or floating), any shape.
        shift: Shift ``v``, one real number per shifted axis.
        axes: Axes to shift; by default the last ``len(shift)`` axes.

    Returns:
        A new float64 array of the same shape as ``x``.

    Raises:
        TypeError: If ``x`` is not real, or a shift is not a real number.
        ValueError: If a shift is not finite, or the axes are invalid.

    Examples:
        >>> x = np.array([0.0, 1.0, 5.0, 2.0, 0.0])
        >>> bool(np.allclose(fourier_shift(x, 2), circular_shift(x, 2)))
        True
        >>> half = fourier_shift(fourier_shift(x, 0.5), 0.5)  # odd size: exact group law
        >>> bool(np.allclose(half, circular_shift(x, 1)))
        True
    """
    arr = _real_array(x, "x")
    raw: list[object] = [shift]
    if isinstance(shift, Sequence | np.ndarray) and np.ndim(shift) > 0:
        raw = list(shift)
    shifts = tuple(_as_real(v) for v in raw)
    resolved = _resolve_axes(arr.ndim, len(shifts), axes)
    if not shifts or arr.size == 0:  # nothing to shift
        return arr.astype(np.float64)
    spectrum = np.fft.fftn(arr.astype(np.float64), axes=resolved)
    for axis, v in zip(resolved, shifts, strict=True):
        n = arr.shape[axis]
        # The phase has period n in v: reduce first (exactly for integers), or a large v
        # loses its fractional digits in k * v / n and an integer shift drifts.
        reduced = v % n
        k = np.rint(np.fft.fftfreq(n) * n)  # signed frequencies 0, 1, ..., -1
        phase = np.exp(-2j * np.pi * k * reduced / n)
        spectrum *= phase.reshape([-1 if a == axis else 1 for a in range(arr.ndim)])
    return np.fft.ifftn(spectrum, axes=resolved).real


def centered_shifts(shape: int | Sequence[int]) -> list[tuple[int, ...]]:
    """List every circular shift of a grid exactly once, centred on zero.

    On an axis of size ``n`` the shifts ``v`` and ``v + n`` are the same map, so one
    representative per class is enough to test equivariance exhaustively. Components
    lie in ``[-((n - 1) // 2), n // 2]``.

    Args:
        shape: Size of each shifted axis, e.g. (H, W); one integer for one axis.

    Returns:
        All shifts in lexicographic order, ``prod(shape)`` tuples.

    Raises:
        TypeError: If a size is not an integer.
        ValueError: If a size is smaller than 1.

    Examples:
        >>> centered_shifts((4,))
        [(-1,), (0,), (1,), (2,)]
        >>> len(centered_shifts((3, 5)))
        15
    """
    sizes = _as_int_tuple(shape, "shape")
    if any(n < 1 for n in sizes):
        raise ValueError(f"every size in shape must be at least 1, got {sizes}")
    ranges = [range(-((n - 1) // 2), n // 2 + 1) for n in sizes]
    return list(itertools.product(*ranges))
