"""Pooling and subsampling over the spatial axes of (N, C, *S) arrays.

A local pool applies one function to every window, so with stride 1 and circular padding
that keeps the size (``2p = k - 1``) it commutes with every circular shift. Constant
padding (``-inf`` for max, zeros for average, as torch pads) treats the border specially:
under circular shifts it is exact only away from the border, and under zero-fill shifts
exact on an interior crop. A stride ``s`` is the stride-1 pool followed by subsampling,
``max_pool(x, k, s) == subsample(max_pool(x, k, 1), s)``, and ``D_s T_v = T_{v/s} D_s``
gives an integer output shift only when ``s`` divides ``v`` and ``N``. Global pooling is
exactly invariant to circular shifts.

``max_pool`` / ``avg_pool`` match ``torch.nn.functional.max_pool1d/2d/3d`` and
``avg_pool1d/2d/3d``; the global pools match ``x.mean(dim)`` and
``adaptive_max_pool2d(x, 1)``; see tests/test_pooling.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from shiftlab.shifts import _as_int, _per_axis, _real_array

PoolPadding = Literal["constant", "circular"]
"""How a local pool pads: "constant" (``-inf`` for max, 0 for average, as torch) or "circular"."""


def _spatial(x: ArrayLike, *, nonempty: bool = False) -> NDArray[Any]:
    arr = _real_array(x, "x")
    if arr.ndim < 3:
        raise ValueError(
            f"x must have shape (N, C, *S) with 1 or more spatial axes, got {arr.shape}"
        )
    if nonempty and 0 in arr.shape[2:]:
        raise ValueError(f"x must have at least one sample on every spatial axis, got {arr.shape}")
    return arr


def _padded(
    x: ArrayLike,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None,
    padding: int | Sequence[int],
    *,
    padding_mode: object,
    max_fill: bool,
) -> tuple[NDArray[Any], tuple[int, ...], tuple[int, ...]]:
    """Check the arguments and pad; returns (padded (N, C, *S_padded), kernel, stride)."""
    arr = _spatial(x)
    if not isinstance(padding_mode, str) or padding_mode not in ("constant", "circular"):
        raise ValueError(f"padding_mode must be 'constant' or 'circular', got {padding_mode!r}")
    k = arr.ndim - 2
    kernel = _per_axis(kernel_size, k, "kernel_size")
    steps = kernel if stride is None else _per_axis(stride, k, "stride")
    pads = _per_axis(padding, k, "padding")
    if min(kernel) < 1 or min(steps) < 1:
        raise ValueError(f"kernel_size and stride must be >= 1, got {kernel} and {steps}")
    # torch's limit: with more padding a window could hold nothing but padding.
    if any(not 0 <= p <= size // 2 for p, size in zip(pads, kernel, strict=True)):
        raise ValueError(f"padding must be between 0 and kernel_size // 2, got {pads} for {kernel}")
    if any(size > n + 2 * p for size, n, p in zip(kernel, arr.shape[2:], pads, strict=True)):
        raise ValueError(f"kernel {kernel} does not fit in spatial shape {arr.shape[2:]} + {pads}")
    fill: float | int | bool = 0
    if max_fill and np.issubdtype(arr.dtype, np.floating):
        fill = -np.inf
    elif max_fill and np.issubdtype(arr.dtype, np.integer):
        fill = int(np.iinfo(arr.dtype).min)
    widths = ((0, 0), (0, 0), *((p, p) for p in pads))
    if padding_mode == "circular":
        if any(p and n == 0 for p, n in zip(pads, arr.shape[2:], strict=True)):
            raise ValueError(f"circular padding needs samples to wrap, got shape {arr.shape}")
        return np.pad(arr, widths, mode="wrap"), kernel, steps
    return np.pad(arr, widths, constant_values=fill), kernel, steps


def _reduce_windows(
    padded: NDArray[Any], kernel: tuple[int, ...], steps: tuple[int, ...], combine: np.ufunc
) -> NDArray[Any]:
    """Combine every window's samples with ``combine`` (``np.maximum`` or ``np.add``).

    Both are separable: the maximum (sum) over a box is the maximum (sum) along one
    axis of the maxima (sums) along the others. So each spatial axis in turn takes
    its ``K`` taps, each a strided view of the whole array (the tap ``t`` of every
    kept window), and combines them in place: a loop over taps, never over positions,
    and no copy of the windows.
    """
    out = padded  # (N, C, *S_padded), axes already pooled have their output size
    for axis, (size, step) in enumerate(zip(kernel, steps, strict=True), start=2):
        count = (out.shape[axis] - size) // step + 1  # windows kept along this axis
        before = (slice(None),) * axis
        taps = [out[(*before, slice(t, t + step * (count - 1) + 1, step))] for t in range(size)]
        pooled = taps[0].copy()  # (N, C, ..., count, ...)
        for tap in taps[1:]:
            combine(pooled, tap, out=pooled)
        out = pooled
    return out


def max_pool(
    x: ArrayLike,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    padding_mode: PoolPadding = "constant",
) -> NDArray[Any]:
    """Take the maximum over each window of the spatial axes.

    The same window everywhere makes the stride-1 pool commute with circular shifts
    when the padding wraps and keeps the size (``padding_mode="circular"``,
    ``2 * padding = kernel_size - 1``). Constant padding uses ``-inf`` (the smallest
    integer for integer input), so it never wins a window but still marks the border:
    under circular shifts ``k = 3, s = 1, p = 1`` is not exact near it. With stride
    ``s`` the pool is ``subsample`` of the stride-1 pool, and gives an integer output
    shift only for shifts that ``s`` divides (and ``s | N``).

    Args:
        x: Input of shape (N, C, *S), one or more spatial axes.
        kernel_size: Window size, one integer or one per spatial axis.
        stride: Step between windows; None means ``kernel_size``.
        padding: Padding on both sides, at most ``kernel_size // 2`` (as torch).
        padding_mode: "constant" (``-inf``, as torch) or "circular" (wrap around).

    Returns:
        Array of shape (N, C, *S_out), ``S_out = (S + 2 * padding - kernel_size) //
        stride + 1``, same dtype as ``x``.

    Raises:
        TypeError: If ``x`` is not real or a size is not an integer.
        ValueError: If shapes or sizes are invalid.

    Examples:
        >>> x = np.array([[[0, 0, 1, 1, 0, 0, 1, 1]]])  # (N, C, W)
        >>> max_pool(x, 2).tolist()
        [[[0, 1, 0, 1]]]
        >>> max_pool(np.roll(x, 1, axis=-1), 2).tolist()
        [[[1, 1, 1, 1]]]
        >>> max_pool(x, 3, stride=1, padding=1, padding_mode="circular").tolist()
        [[[1, 1, 1, 1, 1, 1, 1, 1]]]
    """
    padded, kernel, steps = _padded(
        x, kernel_size, stride, padding, padding_mode=padding_mode, max_fill=True
    )
    return _reduce_windows(padded, kernel, steps, np.maximum)  # (N, C, *S_out)


def avg_pool(
    x: ArrayLike,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    padding_mode: PoolPadding = "constant",
) -> NDArray[Any]:
    """Average over each window of the spatial axes, padding counted in the divisor.

    Averaging is a correlation with a constant kernel, so it commutes with circular
    shifts exactly when a convolution does: stride 1 and size-preserving circular
    padding. Zero padding (the default, as torch with ``count_include_pad=True``) is
    exact only away from the border; a stride again makes the result depend on the
    polyphase component.

    Args:
        x: Input of shape (N, C, *S), one or more spatial axes.
        kernel_size: Window size, one integer or one per spatial axis.
        stride: Step between windows; None means ``kernel_size``.
        padding: Padding on both sides, at most ``kernel_size // 2`` (as torch).
        padding_mode: "constant" (zeros, as torch) or "circular" (wrap around).

    Returns:
        Array of shape (N, C, *S_out), floating (float64 for integer input).

    Raises:
        TypeError: If ``x`` is not real or a size is not an integer.
        ValueError: If shapes or sizes are invalid.

    Examples:
        >>> avg_pool(np.array([[[1.0, 3.0, 5.0, 7.0]]]), 2).tolist()
        [[[2.0, 6.0]]]
        >>> avg_pool(np.array([[[2.0, 4.0]]]), 2, stride=1, padding=1).tolist()
        [[[1.0, 3.0, 2.0]]]
        >>> avg_pool(np.array([[[3.0, 0.0, 0.0]]]), 3, 1, 1, padding_mode="circular").tolist()
        [[[1.0, 1.0, 1.0]]]
    """
    padded, kernel, steps = _padded(
        x, kernel_size, stride, padding, padding_mode=padding_mode, max_fill=False
    )
    # The output dtype of np.mean: float64 for integers, else the input's; the sum is
    # taken in at least float32, as np.mean takes it for half precision.
    dtype = padded.dtype if np.issubdtype(padded.dtype, np.floating) else np.dtype(np.float64)
    summed = padded.astype(np.promote_types(dtype, np.float32), copy=False)
    total = _reduce_windows(summed, kernel, steps, np.add)  # (N, C, *S_out)
    total /= math.prod(kernel)  # the divisor counts the padding, as torch's count_include_pad
    return total.astype(dtype, copy=False)


def global_avg_pool(x: ArrayLike) -> NDArray[Any]:
    """Average over all spatial axes.

    Every circular shift only permutes the samples being averaged, so the mean is
    invariant to circular shifts; in floating point up to rounding, since the sum is
    taken in another order. A zero-fill shift keeps it only when what leaves is zero.

    Args:
        x: Input of shape (N, C, *S), one or more spatial axes, none of them empty.

    Returns:
        Array of shape (N, C).

    Raises:
        TypeError: If ``x`` is not real.
        ValueError: If ``x`` has fewer than 3 axes or an empty spatial axis.

    Examples:
        >>> global_avg_pool(np.arange(8.0).reshape(1, 2, 2, 2)).tolist()
        [[1.5, 5.5]]
    """
    arr = _spatial(x, nonempty=True)
    pooled: NDArray[Any] = arr.mean(axis=tuple(range(2, arr.ndim)))
    return pooled


def global_max_pool(x: ArrayLike) -> NDArray[Any]:
    """Take the maximum over all spatial axes.

    The maximum does not depend on the order of the samples, so it is exactly (bit for
    bit) invariant to circular shifts.

    Args:
        x: Input of shape (N, C, *S), one or more spatial axes, none of them empty.

    Returns:
        Array of shape (N, C), same dtype as ``x``.

    Raises:
        TypeError: If ``x`` is not real.
        ValueError: If ``x`` has fewer than 3 axes or an empty spatial axis.

    Examples:
        >>> global_max_pool(np.arange(8).reshape(1, 2, 2, 2)).tolist()
        [[3, 7]]
    """
    arr = _spatial(x, nonempty=True)
    pooled: NDArray[Any] = arr.max(axis=tuple(range(2, arr.ndim)))
    return pooled


def subsample(
    x: ArrayLike, stride: int | Sequence[int], offset: int | Sequence[int] = 0
) -> NDArray[Any]:
    """Keep every ``stride``-th sample of every spatial axis, starting at ``offset``.

    This is the subsampling ``D_s``; ``offset`` picks the polyphase component. On a
    cyclic grid with ``s | N``, a circular shift by ``v`` with ``s`` not dividing ``v``
    moves the content to another polyphase component (``D_s T_v = T_{ceil(v/s)}
    D_s^{(-v mod s)}``), which is how fixed strides break equivariance.

    Args:
        x: Input of shape (N, C, *S), one or more spatial axes.
        stride: Subsampling factor ``s``, one integer or one per spatial axis.
        offset: Polyphase component, ``0 <= offset < stride`` on every axis.

    Returns:
        A new array ``x[..., offset::stride]`` of shape (N, C, *ceil((S - offset) / s)).

    Raises:
        TypeError: If ``x`` is not real or a stride or offset is not an integer.
        ValueError: If ``x`` has fewer than 3 axes, ``stride < 1`` or the offset is
            outside ``[0, stride)``.

    Examples:
        >>> x = np.arange(6).reshape(1, 1, 6)  # (N, C, W)
        >>> subsample(x, 2).tolist(), subsample(x, 2, offset=1).tolist()
        ([[[0, 2, 4]]], [[[1, 3, 5]]])
    """
    arr = _spatial(x)
    k = arr.ndim - 2
    steps, offsets = _per_axis(stride, k, "stride"), _per_axis(offset, k, "offset")
    if min(steps) < 1:
        raise ValueError(f"stride must be >= 1, got {stride!r}")
    if any(not 0 <= o < s for o, s in zip(offsets, steps, strict=True)):
        raise ValueError(f"offset must satisfy 0 <= offset < stride, got {offset!r} for {steps}")
    kept = tuple(slice(o, None, s) for o, s in zip(offsets, steps, strict=True))
    return arr[(slice(None), slice(None), *kept)].copy()  # (N, C, *S_out)


def binomial_filter(size: int) -> NDArray[np.float64]:
    """The 2-D binomial blur: outer product of a row of Pascal's triangle, summing to 1.

    Row ``size - 1`` of Pascal's triangle approximates a Gaussian; its frequency
    response ``|cos(w / 2)| ** (size - 1)`` vanishes at Nyquist (for ``size >= 2``), the
    frequency a stride of 2 folds onto the constant. The entries ``C(size-1, i) *
    C(size-1, j) / 4 ** (size - 1)`` are dyadic fractions, exact in float32 and float64.
    These are the filters of Zhang's BlurPool (2019), ``shiftlab.layers.BlurPool``.

    Args:
        size: Number of taps per axis, 1 to 7 (Zhang's sizes; 1 means no blur).

    Returns:
        float64 array of shape (size, size).

    Raises:
        TypeError: If ``size`` is not an integer.
        ValueError: If ``size`` is not between 1 and 7.

    Examples:
        >>> (binomial_filter(3) * 16).tolist()
        [[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]
        >>> float(binomial_filter(7).sum())
        1.0
    """
    if not 1 <= _as_int(size, "filter_size") <= 7:
        raise ValueError(f"filter_size must be between 1 and 7, got {size!r}")
    row = np.array([math.comb(size - 1, i) for i in range(size)], dtype=np.float64)
    kernel: NDArray[np.float64] = np.outer(row, row) / row.sum() ** 2  # (size, size)
    return kernel
