"""Padding of the spatial axes of (N, C, *S) arrays.

Padding decides what a convolution sees beyond the border, and with it whether the
layer commutes with shifts: circular padding that keeps the size makes the grid a torus
(exact equivariance under circular shifts), every other mode treats the border specially
and so leaks absolute position into the features near it.

Matches ``torch.nn.functional.pad`` (modes constant / circular / reflect / replicate)
and torch's ``padding="same"`` split, see tests/test_padding.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from shiftlab.shifts import _as_int, _as_int_tuple, _per_axis

PaddingMode = Literal["valid", "zero", "circular", "reflect", "replicate"]
"""How a convolution treats the border; "valid" means no padding at all."""

_NUMPY_MODES: dict[str, Literal["constant", "wrap", "reflect", "edge"]] = {
    "zero": "constant",
    "circular": "wrap",
    "reflect": "reflect",
    "replicate": "edge",
}


# Larger pads cannot be indexed (numpy's index type is intp), let alone allocated.
_MAX_PAD = int(np.iinfo(np.intp).max) // 4


def _check_mode(mode: object) -> None:
    if not isinstance(mode, str) or (mode != "valid" and mode not in _NUMPY_MODES):
        modes = ", ".join(repr(m) for m in ("valid", *_NUMPY_MODES))
        raise ValueError(f"padding mode must be one of {modes}, got {mode!r}")


def _pad_widths(
    pad: int | Sequence[int] | Sequence[tuple[int, int]], count: int
) -> tuple[tuple[int, int], ...]:
    if not isinstance(pad, Sequence):
        amount = _as_int(pad, "pad")
        widths: tuple[tuple[int, int], ...] = ((amount, amount),) * count
    elif len(pad) != count:
        raise ValueError(f"pad must have one entry per spatial axis ({count}), got {pad!r}")
    else:
        pairs = [item if isinstance(item, Sequence) else (item, item) for item in pad]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(f"each entry of pad must be an integer or a pair, got {pad!r}")
        widths = tuple((_as_int(b, "pad"), _as_int(a, "pad")) for b, a in pairs)
    if any(min(pair) < 0 for pair in widths):
        raise ValueError(f"pad must not be negative, got {pad!r}")
    if any(max(pair) > _MAX_PAD for pair in widths):
        raise ValueError(f"pad must be at most {_MAX_PAD} samples per side, got {pad!r}")
    return widths


def same_padding(
    kernel_size: Sequence[int], dilation: Sequence[int] | int = 1
) -> tuple[tuple[int, int], ...]:
    """Padding that keeps the spatial size of a stride-1 convolution ("same").

    Each axis gets ``d * (k - 1)`` padded samples in total, ``before = total // 2`` and
    the rest after, as torch's ``padding="same"`` does. For even kernels the split is
    uneven, so the output grid sits half a sample off the input grid.

    Args:
        kernel_size: Kernel size per spatial axis, e.g. (kh, kw).
        dilation: Dilation, one integer or one per spatial axis.

    Returns:
        One ``(before, after)`` pair per spatial axis.

    Raises:
        TypeError: If a size or dilation is not an integer.
        ValueError: If a size or dilation is smaller than 1, or the lengths differ.

    Examples:
        >>> same_padding((3, 4))
        ((1, 1), (1, 2))
        >>> same_padding((3,), dilation=2)
        ((2, 2),)
    """
    sizes = _as_int_tuple(kernel_size, "kernel_size")
    dilations = _per_axis(dilation, len(sizes), "dilation")
    if any(k < 1 for k in sizes):
        raise ValueError(f"kernel_size must be at least 1 on every axis, got {sizes}")
    if any(d < 1 for d in dilations):
        raise ValueError(f"dilation must be at least 1, got {dilation!r}")
    totals = [d * (k - 1) for k, d in zip(sizes, dilations, strict=True)]
    return tuple((total // 2, total - total // 2) for total in totals)


def pad_spatial(
    x: ArrayLike,
    pad: int | Sequence[int] | Sequence[tuple[int, int]],
    mode: PaddingMode,
) -> NDArray[Any]:
    """Pad the spatial axes of an (N, C, *S) array.

    The mode is the boundary model of the layer: "circular" wraps around (with
    ``d * (K - 1)`` padded samples per axis, the mode under which a generic convolution
    commutes exactly with circular shifts), "zero" fills with zeros, "reflect" mirrors
    without repeating the edge, "replicate" repeats the edge.

    Args:
        x: Array of shape (N, C, *S) with at least one spatial axis.
        pad: One integer for every side, one integer per spatial axis (both sides), or
            one ``(before, after)`` pair per spatial axis.
        mode: Padding mode; "valid" means no padding and accepts only zero amounts.

    Returns:
        A new array of shape (N, C, *S_padded).

    Raises:
        TypeError: If a pad amount is not an integer.
        ValueError: If ``x`` has fewer than 3 axes, ``pad`` does not fit the spatial
            axes, is negative or absurdly large, the mode is unknown, "valid" gets a
            non-zero pad, a reflect pad is not smaller than the axis it pads, or a mode
            other than "zero" is asked to pad an empty axis.

    Examples:
        >>> x = np.array([[[1, 2, 3]]])
        >>> pad_spatial(x, 2, "circular").tolist()
        [[[2, 3, 1, 2, 3, 1, 2]]]
        >>> pad_spatial(x, [(1, 2)], "reflect").tolist()
        [[[2, 1, 2, 3, 2, 1]]]
    """
    arr = np.asarray(x)
    if arr.ndim < 3:
        raise ValueError(
            f"x must have shape (N, C, *S) with 1 or more spatial axes, got {arr.shape}"
        )
    _check_mode(mode)
    widths = _pad_widths(pad, arr.ndim - 2)
    if mode == "valid":
        if any(any(pair) for pair in widths):
            raise ValueError(f"padding 'valid' means no padding, got pad {pad!r}")
        return arr.copy()
    for pair, size in zip(widths, arr.shape[2:], strict=True):
        if mode == "reflect" and max(pair) >= size:
            raise ValueError(
                f"reflect pad must be smaller than the axis it pads, got {pair} for size {size}"
            )
        if mode != "zero" and size == 0 and max(pair) > 0:
            raise ValueError(f"{mode} padding needs samples to copy, got an empty axis {arr.shape}")
    return np.pad(arr, ((0, 0), (0, 0), *widths), mode=_NUMPY_MODES[mode])
