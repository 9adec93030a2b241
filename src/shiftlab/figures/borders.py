"""Figures for "Borders and padding": where zero padding is exact, and what padding leaks.

The error maps are computed here with the library's reference convolution; the corner
and read-out figures draw the stored results of ``shiftlab.experiments.run`` (imported
inside the functions, so importing this module needs no torch).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LogNorm, to_rgba
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, colour_bar
from shiftlab.padding import PaddingMode
from shiftlab.shifts import zero_shift

_Array = NDArray[np.float64]
FLOOR = 1e-4  # smaller nonzero errors are drawn in the lowest colour, never as exact


def _stack(
    x: _Array, layers: list[tuple[_Array, _Array]], padding: PaddingMode, relu: bool
) -> _Array:
    for w, b in layers:
        y = correlate(x, w, b, padding=padding).astype(np.float64)
        x = np.maximum(y, 0.0) if relu else y
    return x


def shift_error_map(
    x: _Array,
    layers: list[tuple[_Array, _Array]],
    v: tuple[int, int],
    padding: PaddingMode,
    *,
    relu: bool = True,
) -> _Array:
    """``|f(Z_v x) - Z_v f(x)|``, largest over channels, for a stack of convolutions.

    Args:
        x: Input of shape (1, C, H, W).
        layers: (weight, bias) pairs of stride-1 convolutions that keep the size.
        v: The zero-fill shift (dy, dx).
        padding: The convolutions' padding.
        relu: Whether a ReLU follows each convolution.

    Returns:
        Array of shape (H, W).

    Examples:
        >>> x = np.ones((1, 1, 5, 5))
        >>> err = shift_error_map(x, [(np.ones((1, 1, 3, 3)), np.zeros(1))], (0, 1), "zero")
        >>> err[2].tolist()  # the zero band, exact, then the far border
        [3.0, 0.0, 0.0, 0.0, 3.0]
    """
    moved_first = _stack(zero_shift(x, v), layers, padding, relu)
    moved_after = zero_shift(_stack(x, layers, padding, relu), v)
    out: _Array = np.abs(moved_first - moved_after).max(axis=(0, 1))
    return out


def _tint(ax: Axes, shape: tuple[int, ...], palette: Palette) -> None:
    """A neutral tint under the cells (not the axes face: SVGs are saved transparent)."""
    tint = np.broadcast_to(np.array(to_rgba(palette.muted, 0.22)), (*shape[-2:], 4))
    ax.imshow(tint, interpolation="nearest")
    for spine in ax.spines.values():
        spine.set_visible(True)


def _error_panel(
    ax: Axes, err: _Array, window: tuple[int, int, int, int], top: float, palette: Palette
) -> AxesImage:
    """Draw an error map: exact cells in a neutral tint, the others on a log scale."""
    _tint(ax, err.shape, palette)
    shown = np.ma.masked_less_equal(np.where(err > 1e-12, np.maximum(err, FLOOR), 0.0), 0.0)
    image = ax.imshow(
        shown, cmap=palette.image_cmap, norm=LogNorm(FLOOR, top), interpolation="nearest"
    )
    top, left, bottom, right = window  # first and last rows and columns of the window
    box = Rectangle(
        (left - 0.5, top - 0.5), right - left + 1, bottom - top + 1,
        fill=False, edgecolor=palette.accent, linewidth=1.6, linestyle="--",
    )  # fmt: skip
    ax.add_patch(box)
    ax.set_xticks([])
    ax.set_yticks([])
    return image


def zero_padding_error_map(palette: Palette) -> Figure:
    """One 5 x 5 layer under a zero-fill shift: where it commutes, zero vs reflect padding.

    A random 5 x 5 convolution with bias (radius R = 2) on noise filling a
    24 x 24 frame, moved by v = (3, 5) on its zero canvas. The dashed box is the window
    at least R from the border before and after the shift.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Three panels: the moved input, and the error maps for zero and reflect padding.
    """
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1, 1, 24, 24))  # (N, C, H, W)
    layers = [(rng.normal(size=(1, 1, 5, 5)) / 5, rng.normal(size=1))]
    v, r, n = (3, 5), 2, 24
    window = (v[0] + r, v[1] + r, n - 1 - r, n - 1 - r)
    fig = Figure(figsize=(WIDTH, 3.4), layout="constrained")
    axes = fig.subplots(1, 3)
    moved = zero_shift(x, v)[0, 0]
    lim = float(np.abs(x).max())
    style = {"cmap": palette.signed_cmap, "vmin": -lim, "vmax": lim}
    picture = axes[0].imshow(moved, interpolation="nearest", **style)
    colour_bar(fig, picture, axes[0], "input value", location="bottom")
    for spine in axes[0].spines.values():
        spine.set_visible(True)
    axes[0].set_title("input moved\nby v = (3, 5)")
    axes[0].set_xticks([])
    axes[0].set_yticks([])
    errors = [shift_error_map(x, layers, v, p, relu=False) for p in ("zero", "reflect")]
    top = max(float(err.max()) for err in errors)
    for ax, err, padding in zip(axes[1:], errors, ("zero", "reflect"), strict=True):
        image = _error_panel(ax, err, window, top, palette)
        ax.set_title(f"error,\n{padding} padding")
    colour_bar(fig, image, axes[1:], "error (grey: exact 0)", location="bottom", shrink=0.9)
    return fig


def zero_padding_depth(palette: Palette) -> Figure:
    """How the inexact band widens with depth: 1, 2 and 4 zero-padded 3 x 3 layers.

    Random 3 x 3 convolutions with bias and ReLU (4 channels, R = depth) on noise filling
    a 32 x 32 frame, moved by v = (4, 6) on the zero canvas; the dashed box is the window
    at least R from the border before and after the shift.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Three error maps and a colour bar.
    """
    rng = np.random.default_rng(1)
    x = rng.normal(size=(1, 4, 32, 32))  # (N, C, H, W)
    layers = [(rng.normal(size=(4, 4, 3, 3)) / 6, rng.normal(size=4)) for _ in range(4)]
    v, n = (4, 6), 32
    fig = Figure(figsize=(WIDTH, 3.2), layout="constrained")
    axes = fig.subplots(1, 3)
    errors = [shift_error_map(x, layers[:depth], v, "zero") for depth in (1, 2, 4)]
    top = max(float(err.max()) for err in errors)
    for ax, err, depth in zip(axes, errors, (1, 2, 4), strict=True):
        window = (v[0] + depth, v[1] + depth, n - 1 - depth, n - 1 - depth)
        image = _error_panel(ax, err, window, top, palette)
        ax.set_title(f"{depth} layer{'s' if depth > 1 else ''}, R = {depth}")
    colour_bar(fig, image, axes, "error (grey: exact 0)", location="bottom", shrink=0.7)
    return fig


def corner_placements(palette: Palette) -> Figure:
    """One trained filter of the zero-padding corner network, on both placements.

    The filter of the trained zero-padding network whose pooled values differ most for
    the first test patch, applied with zero "same" padding and with full padding to the
    patch in the top-left and in the bottom-right corner (ReLU maps; the cross marks the
    global max). Full padding gives translated copies of one map.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 2 x 3 grid: input, zero-padded map, full-padded map, per placement.
    """
    from shiftlab.experiments import run  # noqa: PLC0415  # torch only when drawn

    result = run("corner-padding")
    zero = result.metrics["modes"].index("zero")
    example = result.arrays["example"].astype(np.float64)  # (2, 1, H, W)
    gap = np.abs(np.subtract(*result.arrays["pooled"][zero, :, 0]))  # (channels,)
    c = int(np.argmax(gap))
    w = result.arrays["weights"][zero, c : c + 1].astype(np.float64)  # (1, 1, 5, 5)
    b = result.arrays["biases"][zero, c : c + 1].astype(np.float64)
    same = np.maximum(correlate(example, w, b, padding="zero"), 0.0)[:, 0]
    full = np.maximum(correlate(example, w, b, padding="zero", pad=4), 0.0)[:, 0]
    top = max(float(same.max()), float(full.max()))
    fig = Figure(figsize=(WIDTH, 4.4), layout="constrained")
    axes = fig.subplots(2, 3)
    image = None
    for row, name in enumerate(("top-left", "bottom-right")):
        axes[row, 0].imshow(example[row, 0], cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        axes[row, 0].set_title(f"patch {name}")
        for ax, maps, label in ((axes[row, 1], same, "zero"), (axes[row, 2], full, "full")):
            style = {"cmap": palette.image_cmap, "vmin": 0, "vmax": top}
            image = ax.imshow(maps[row], interpolation="nearest", **style)
            i, j = np.unravel_index(np.argmax(maps[row]), maps[row].shape)
            ax.plot(j, i, marker="x", color=palette.accent, markersize=9, mew=2)
            ax.set_title(f"{label}: max {maps[row].max():.2f}")
        for ax in axes[row]:
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_visible(True)
    if image is not None:
        colour_bar(fig, image, axes[:, 1:], "ReLU output", shrink=0.8)
    return fig


def position_readout_maps(palette: Palette) -> Figure:
    """The position read-out's target and outputs, per padding mode.

    Top: the target and each network's output for one noise image; bottom: the mean
    output over the 256 test images. The valid network's smaller map is drawn in the
    middle of the input grid, where its outputs sit.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 2 x 4 grid on one colour scale, 0 to 1.
    """
    from shiftlab.experiments import run  # noqa: PLC0415  # torch only when drawn

    result = run("position-readout")
    size = result.params["size"]
    fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
    axes = fig.subplots(2, 4)
    style: dict[str, Any] = {
        "cmap": palette.image_cmap, "vmin": 0.0, "vmax": 1.0, "interpolation": "nearest"
    }  # fmt: skip
    image = axes[0, 0].imshow(np.tile(np.linspace(0, 1, size), (size, 1)), **style)
    axes[0, 0].set_title("target")
    axes[1, 0].axis("off")
    for column, mode in enumerate(result.metrics["modes"], start=1):
        m = result.metrics[mode]
        side, lo = m["output_side"], (size - m["output_side"]) / 2
        extent = (lo - 0.5, lo + side - 0.5, lo + side - 0.5, lo - 0.5)
        for row, key in enumerate(("example", "mean")):
            ax = axes[row, column]
            _tint(ax, (size, size), palette)  # where the valid network has no output
            ax.imshow(result.arrays[f"{key}-{mode}"], extent=extent, **style)
            ax.set_xlim(-0.5, size - 0.5)
            ax.set_ylim(size - 0.5, -0.5)
        axes[0, column].set_title(f"{mode}\n$\\rho$ = {m['spearman_mean']:.3f}")
    axes[1, 1].set_ylabel("mean of 256")
    axes[0, 1].set_ylabel("one input")
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    colour_bar(fig, image, axes, "output (target: 0 to 1)", shrink=0.8)
    return fig
