"""Figures for "Anti-aliasing": the binomial filters, and BlurPool's errors against the shift.

torch may not be imported here, so the measured layer is written out with the numpy core:
``correlate`` with circular padding for the convolutions, a stride-1 max pool on the
circularly padded map, and the binomial blur applied channel by channel with the stride of
``shiftlab.layers.BlurPool`` (the same filter, padding split and subsampling). Inputs and
weights come from ``np.random.default_rng(0)`` in the order the page's snippet
``snippets/anti-aliasing/blurpool_layer.py`` draws them, so the curves pass through the
numbers that snippet prints with torch's layers.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH
from shiftlab.padding import pad_spatial
from shiftlab.pooling import binomial_filter, max_pool
from shiftlab.shifts import circular_shift, fourier_shift

_Array = NDArray[np.float64]
_SIZES = (1, 3, 5, 7)  # filter sizes drawn in the error figure


def _blend(palette: Palette, t: float) -> str:
    """A colour between the palette's primary (t = 0) and accent (t = 1)."""
    a, b = to_rgb(palette.primary), to_rgb(palette.accent)
    red, green, blue = ((1 - t) * p + t * q for p, q in zip(a, b, strict=True))
    return to_hex((red, green, blue))


def blur_pool(x: _Array, size: int, stride: int = 2) -> _Array:
    """Circular BlurPool in numpy: blur each channel with ``binomial_filter(size)``, subsample.

    The padding is split as ``shiftlab.layers.split_padding`` does, ``((size - 1) // 2,
    size // 2)`` on each axis, and the filter is applied channel by channel; size 1 is
    plain subsampling.

    Args:
        x: Array of shape (N, C, H, W).
        size: Filter size, 1 to 7.
        stride: Subsampling factor.

    Returns:
        Array of shape (N, C, ceil(H / stride), ceil(W / stride)).

    Examples:
        >>> x = np.zeros((1, 1, 4, 4))
        >>> x[0, 0, :, 1] = 1.0  # a vertical line on an odd column
        >>> blur_pool(x, 1).tolist(), blur_pool(x, 3).tolist()
        ([[[[0.0, 0.0], [0.0, 0.0]]]], [[[[0.25, 0.25], [0.25, 0.25]]]])
    """
    N, C, H, W = x.shape
    split = ((size - 1) // 2, size // 2)
    kernel = binomial_filter(size)[None, None]  # (1, 1, size, size), one channel at a time
    blurred = correlate(
        x.reshape(N * C, 1, H, W), kernel, padding="circular", pad=(split, split), stride=stride
    )  # (N * C, 1, ceil(H / s), ceil(W / s))
    return blurred.reshape(N, C, *blurred.shape[2:]).astype(np.float64)


def _conv_relu(x: _Array, w: _Array) -> _Array:
    relu: _Array = np.maximum(correlate(x, w, padding="circular"), 0.0)  # 3x3, keeps the size
    return relu


def _max_blur_pool(x: _Array, size: int) -> _Array:
    """MaxBlurPool(2, size, circular): a 2 x 2 max with stride 1 (split (0, 1)), then BlurPool."""
    wrapped = pad_spatial(x, [(0, 1), (0, 1)], "circular")  # (N, C, H + 1, W + 1)
    return blur_pool(max_pool(wrapped, 2, stride=1), size)


def shift_errors(
    shifts: tuple[int, ...] = tuple(range(7)),
) -> dict[int, tuple[list[float], list[float]]]:
    """Measure the BlurPool layer of the page against shifts ``v = (0, d)``.

    The layer ``f``: circular 3x3 conv (3 -> 8 channels), ReLU, MaxBlurPool(2, m, stride 2,
    circular), on eight 32 x 32 inputs. The read-out ``g``: ``f``, a circular 3x3 conv
    (8 -> 8), ReLU, global average pool. For each filter size ``m`` in (1, 3, 5, 7):

    * the layer error ``||f(T_v x) - T_{(0, d/2)} f(x)|| / ||f(x)||`` with the sub-pixel
      (Fourier) shift, exact (to rounding) for even ``d``;
    * the read-out change ``||g(T_v x) - g(x)|| / ||g(x)||``.

    Both palettes of the figure draw the same numbers, so they are computed once per
    ``shifts``.

    Args:
        shifts: The values of ``d``.

    Returns:
        ``{m: (layer errors, read-out changes)}``, one value per ``d``.

    Examples:
        >>> errors = shift_errors((0, 1))
        >>> [round(errors[m][0][1], 3) for m in (1, 7)], round(100 * errors[1][1][1], 2)
        ([0.469, 0.016], 1.86)
    """
    return {m: (list(layer), list(readout)) for m, layer, readout in _measured(tuple(shifts))}


@cache
def _measured(
    shifts: tuple[int, ...],
) -> tuple[tuple[int, tuple[float, ...], tuple[float, ...]], ...]:
    rng = np.random.default_rng(0)
    x, w1, w2 = (rng.normal(size=shape) for shape in [(8, 3, 32, 32), (8, 3, 3, 3), (8, 8, 3, 3)])
    results = []
    for m in _SIZES:
        fx = _max_blur_pool(_conv_relu(x, w1), m)  # (8, 8, 16, 16)
        gx = _conv_relu(fx, w2).mean(axis=(2, 3))  # (8, 8)
        layer, readout = [], []
        for d in shifts:
            moved = _max_blur_pool(_conv_relu(circular_shift(x, (0, d)), w1), m)
            reference = fourier_shift(fx, (0, d / 2))
            layer.append(float(np.linalg.norm(moved - reference) / np.linalg.norm(fx)))
            g_moved = _conv_relu(moved, w2).mean(axis=(2, 3))
            readout.append(float(np.linalg.norm(g_moved - gx) / np.linalg.norm(gx)))
        results.append((m, tuple(layer), tuple(readout)))
    return tuple(results)


def binomial_filters(palette: Palette) -> Figure:
    """The 1-D binomial rows of sizes 1 to 7, and their frequency responses.

    Left: row ``k - 1`` of Pascal's triangle divided by ``2^(k - 1)``, centred. Right:
    ``|H(w)| = |cos(w / 2)|^(k - 1)``, computed as the DFT of the zero-padded row, with the
    band a stride of 2 folds (``pi/2 <= w <= pi``) shaded.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with two panels.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> fig = binomial_filters(LIGHT)
        >>> len(fig.axes), len(fig.axes[1].get_lines())
        (2, 8)
    """
    n = 1024
    w = 2 * np.pi * np.arange(n // 2 + 1) / n  # 0 .. pi
    fig = Figure(figsize=(WIDTH, 5.8), layout="constrained")
    rows, responses = fig.subplots(2, 1)
    responses.axvspan(np.pi / 2, np.pi, color=palette.muted, alpha=0.15, linewidth=0)
    responses.axvline(np.pi / 2, color=palette.muted, linewidth=0.8, linestyle="--")
    for k in range(1, 8):
        colour = _blend(palette, (k - 1) / 6)
        row = binomial_filter(k).sum(axis=0)  # the normalised row of Pascal's triangle
        taps = np.arange(k) - (k - 1) / 2
        rows.plot(taps, row, "o-", color=colour, markersize=4, linewidth=1.2, label=f"k = {k}")
        response = np.abs(np.fft.rfft(row, n))  # |H(w)| at w = 2 pi j / n
        responses.plot(w, response, color=colour, linewidth=1.5)
    rows.set_xlabel("tap (centred)")
    rows.set_title("rows: $\\binom{k-1}{i} / 2^{k-1}$", loc="left")
    rows.set_ylim(0, 1.05)
    rows.legend(frameon=False, loc="upper right", ncols=2)
    responses.set_xticks([0, np.pi / 4, np.pi / 2, 3 * np.pi / 4, np.pi])
    responses.set_xticklabels(["0", "$\\pi/4$", "$\\pi/2$", "$3\\pi/4$", "$\\pi$"])
    responses.set_xlim(0, np.pi)
    responses.set_ylim(0, 1.05)
    responses.set_xlabel("frequency $\\omega$ (radians per sample)")
    responses.set_title("response $|\\cos(\\omega/2)|^{k-1}$", loc="left")
    responses.text(0.75 * np.pi, 0.9, "folded by a\nstride of 2", ha="center", va="top")
    fig.suptitle(
        "binomial filters of sizes 1 to 7: all pass the mean,\nall but k = 1 remove Nyquist",
        fontsize=10,
    )
    return fig


def blurpool_shift_errors(palette: Palette) -> Figure:
    """BlurPool's layer error and read-out change against the shift, for filter sizes 1 to 7.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Two panels over ``d = 0..6``: the layer error against the sub-pixel shift, and the
        read-out change in percent; one line per filter size.

    Examples:
        >>> from shiftlab.figures.palette import DARK
        >>> fig = blurpool_shift_errors(DARK)
        >>> len(fig.axes), len(fig.axes[0].get_lines())
        (2, 4)
    """
    shifts = tuple(range(7))
    errors = shift_errors(shifts)
    fig = Figure(figsize=(WIDTH, 5.8), layout="constrained")
    layer_ax, readout_ax = fig.subplots(2, 1, sharex=True)
    markers = {1: "o", 3: "s", 5: "D", 7: "^"}
    for i, m in enumerate(_SIZES):
        colour = _blend(palette, i / (len(_SIZES) - 1))
        layer, readout = errors[m]
        style = {"color": colour, "marker": markers[m], "markersize": 4, "linewidth": 1.3}
        label = "no blur" if m == 1 else f"filter {m}"
        layer_ax.plot(list(shifts), layer, label=label, **style)
        readout_ax.plot(list(shifts), [100 * e for e in readout], **style)
    layer_ax.set_title("layer: $\\|f(T_v x) - T_{(0, d/2)} f(x)\\| / \\|f(x)\\|$", loc="left")
    readout_ax.set_title("read-out $g$: relative change, %", loc="left")
    readout_ax.set_xlabel("shift $v = (0, d)$: $d$")
    for ax in (layer_ax, readout_ax):
        ax.set_xticks(list(shifts))
        ax.set_ylim(bottom=0)
    fig.legend(
        layer_ax.get_lines(),
        [line.get_label() for line in layer_ax.get_lines()],
        loc="outside lower center",
        frameon=False,
        ncols=len(_SIZES),
    )
    fig.suptitle(
        "circular conv, ReLU, MaxBlurPool(2, m):\neven shifts exact, odd shifts smaller with m",
        fontsize=10,
    )
    return fig
