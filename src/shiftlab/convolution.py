"""Reference convolution in numpy: cross-correlation and true convolution, 1-D to 3-D.

Both are sums of the same weights applied at every position, which is why they commute
with circular shifts: ``correlate(T_v x) = T_v correlate(x)`` exactly with stride 1 and
circular padding that keeps the size (``2p = d(K - 1)``, the default ``pad``). With stride
``s`` and ``s | N`` the output moves by ``T_{v/s}`` for the shifts ``s`` divides; with
zero padding the identity holds only away from the border, under zero-fill shifts.

``correlate`` matches ``torch.nn.functional.conv1d`` / ``conv2d`` / ``conv3d`` for every
padding mode, stride and dilation, see tests/test_convolution.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from shiftlab.padding import PaddingMode, _check_mode, _pad_widths, pad_spatial, same_padding
from shiftlab.shifts import _per_axis, _real_array

_Pad = int | Sequence[int] | Sequence[tuple[int, int]]


def _checked(
    x: ArrayLike,
    weight: ArrayLike,
    bias: ArrayLike | None,
    *,
    stride: int | Sequence[int],
    padding: PaddingMode,
    pad: _Pad | None,
    dilation: int | Sequence[int],
) -> tuple[
    NDArray[Any],
    NDArray[Any],
    NDArray[Any] | None,
    tuple[int, ...],
    tuple[int, ...],
    tuple[tuple[int, int], ...],
]:
    xs, w = _real_array(x, "x"), _real_array(weight, "weight")
    if not 3 <= w.ndim <= 5:
        raise ValueError(
            "weight must have shape (C_out, C_in, *kernel) with 1 to 3 spatial axes, "
            f"got shape {w.shape}"
        )
    k = w.ndim - 2
    if xs.ndim != w.ndim:
        raise ValueError(f"x must have shape (N, C_in, *S) with {k} spatial axes, got {xs.shape}")
    if xs.shape[1] != w.shape[1]:
        raise ValueError(f"x has {xs.shape[1]} channels but weight expects C_in = {w.shape[1]}")
    if min(w.shape[2:]) < 1:
        raise ValueError(f"kernel sizes must be at least 1, got weight shape {w.shape}")
    strides, dilations = _per_axis(stride, k, "stride"), _per_axis(dilation, k, "dilation")
    if min(strides) < 1 or min(dilations) < 1:
        raise ValueError(f"stride and dilation must be >= 1, got {stride!r} and {dilation!r}")
    _check_mode(padding)
    if pad is None:
        pad = 0 if padding == "valid" else same_padding(w.shape[2:], dilations)
    widths = _pad_widths(pad, k)
    for n, (before, after), size, d in zip(
        xs.shape[2:], widths, w.shape[2:], dilations, strict=True
    ):
        if d * (size - 1) + 1 > n + before + after:
            raise ValueError(
                f"kernel {w.shape[2:]} with dilation {dilations} does not fit in the padded "
                f"input: spatial shape {xs.shape[2:]} padded by {widths}"
            )
    dtype = np.float32 if xs.dtype == w.dtype == np.float32 else np.float64
    b = None if bias is None else _real_array(bias, "bias").astype(dtype)
    if b is not None and b.shape != (w.shape[0],):
        raise ValueError(f"bias must have shape (C_out,) = ({w.shape[0]},), got {b.shape}")
    # copy=False: float input of the right type is used as it is, not copied once more.
    return xs.astype(dtype, copy=False), w.astype(dtype, copy=False), b, strides, dilations, widths


# --8<-- [start:correlate-signature]
def correlate(
    x: ArrayLike,
    weight: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    stride: int | Sequence[int] = 1,
    padding: PaddingMode = "valid",
    pad: int | Sequence[int] | Sequence[tuple[int, int]] | None = None,
    dilation: int | Sequence[int] = 1,
) -> NDArray[np.floating[Any]]:
    # --8<-- [end:correlate-signature]
    """Cross-correlate: what deep learning calls convolution (``torch.nn.Conv2d``).

    ``out[n, o, i] = bias[o] + sum_{c, t} weight[o, c, t] * x_padded[n, c, s * i + d * t]``
    with ``i`` and ``t`` multi-indices over the 1 to 3 spatial axes. The same weights
    at every position make it shift-equivariant.

    Args:
        x: Input of shape (N, C_in, *S).
        weight: Kernel of shape (C_out, C_in, *K); its number of axes sets the
            number of spatial axes (1 to 3).
        bias: Optional bias of shape (C_out,).
        stride: Step between output samples, one integer or one per spatial axis.
        padding: Padding mode.
        pad: Padding amount (see ``pad_spatial``). None means none for "valid" and
            ``same_padding(K, dilation)`` for every other mode.
        dilation: Spacing between kernel taps, one integer or one per spatial axis.

    Returns:
        Output of shape (N, C_out, *S_out) with
        ``S_out = (S + pads - dilation * (K - 1) - 1) // stride + 1``; float32 if ``x``
        and ``weight`` are both float32, float64 otherwise.

    Raises:
        TypeError: If an input is not real or a stride, dilation or pad is not an integer.
        ValueError: If shapes do not match, the kernel does not fit in the padded input,
            stride or dilation is below 1, or the padding mode is unknown.

    Examples:
        >>> x = np.arange(5.0).reshape(1, 1, 5)  # (N, C, W)
        >>> correlate(x, np.array([[[-1.0, 0.0, 1.0]]])).tolist()
        [[[2.0, 2.0, 2.0]]]
        >>> correlate(x, np.ones((1, 1, 2)), padding="circular").tolist()
        [[[1.0, 3.0, 5.0, 7.0, 4.0]]]
    """
    # --8<-- [start:correlate-body]
    x, w, b, strides, dilations, widths = _checked(
        x,
        weight,
        bias,
        stride=stride,
        padding=padding,
        pad=pad,
        dilation=dilation,
    )
    k = w.ndim - 2  # number of spatial axes
    padded = pad_spatial(x, widths, padding)  # (N, C_in, *S_padded)
    kernel = zip(dilations, w.shape[2:], strict=True)
    extent = tuple(d * (n - 1) + 1 for d, n in kernel)  # dilated kernel size
    spatial = tuple(range(2, 2 + k))
    # (N, C_in, *S_valid, *extent): every window once per output position,
    windows = sliding_window_view(padded, extent, axis=spatial)
    # then only the taps the dilation uses: (N, C_in, *S_out, *K).
    steps = tuple(slice(None, None, s) for s in strides)
    taps = tuple(slice(None, None, d) for d in dilations)
    windows = windows[(slice(None), slice(None), *steps, *taps)]
    # The weight first: tensordot then copies the windows as
    # (C_in, *K, N, *S_out), a row of output positions at a time, and makes
    # one matrix product of them (C_out x C_in*K times C_in*K x N*S_out);
    # windows first would copy them a few samples at a time.
    w_axes, window_axes = [1, *range(2, 2 + k)], [1, *range(2 + k, 2 + 2 * k)]
    # (C_out, N, *S_out)
    out = np.tensordot(w, windows, axes=(w_axes, window_axes))
    out = np.moveaxis(out, 0, 1)  # (N, C_out, *S_out)
    if b is not None:
        # (C_out, 1, ...): the same bias at every position
        out = out + b.reshape(-1, *(1,) * k)
    return out
    # --8<-- [end:correlate-body]


def convolve(
    x: ArrayLike,
    weight: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    stride: int | Sequence[int] = 1,
    padding: PaddingMode = "valid",
    pad: int | Sequence[int] | Sequence[tuple[int, int]] | None = None,
    dilation: int | Sequence[int] = 1,
) -> NDArray[np.floating[Any]]:
    """Convolve in the mathematical sense: ``correlate`` with the kernel flipped.

    Flipping the kernel on every spatial axis turns cross-correlation into convolution;
    both apply one kernel everywhere, so both are shift-equivariant. Convolution is
    also commutative and is what the DFT diagonalises.

    Args:
        x: Input of shape (N, C_in, *S).
        weight: Kernel of shape (C_out, C_in, *K), 1 to 3 spatial axes.
        bias: Optional bias of shape (C_out,).
        stride: Step between output samples, one integer or one per spatial axis.
        padding: Padding mode.
        pad: Padding amount, as in ``correlate``.
        dilation: Spacing between kernel taps, one integer or one per spatial axis.

    Returns:
        Output of shape (N, C_out, *S_out), as in ``correlate``.

    Raises:
        TypeError: As in ``correlate``.
        ValueError: As in ``correlate``.

    Examples:
        >>> x = np.array([[[0.0, 1.0, 0.0, 0.0]]])  # (N, C, W)
        >>> convolve(x, np.array([[[1.0, 2.0, 3.0]]]), padding="zero").tolist()
        [[[1.0, 2.0, 3.0, 0.0]]]
    """
    w = np.asarray(weight)
    flipped = np.flip(w, axis=tuple(range(2, w.ndim)))
    return correlate(x, flipped, bias, stride=stride, padding=padding, pad=pad, dilation=dilation)
