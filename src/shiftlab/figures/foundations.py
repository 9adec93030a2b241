"""Figures for Part I of the guide: the commutative diagram, kinds of shift, circulant maps.

Each function draws from real arrays computed with the library, so a figure cannot
show something the code does not do.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import ConnectionPatch
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, colour_bar, commutator, matrix_of, stems
from shiftlab.shifts import circular_shift, fourier_shift, zero_shift

SOBEL_X = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])


def letter_image(size: int = 24) -> NDArray[np.float64]:
    """A small asymmetric test image (an "L" and a dot), so any shift is visible.

    Args:
        size: Height and width of the square image.

    Returns:
        Array of shape (size, size) with values in [0, 1].

    Examples:
        >>> letter_image().shape
        (24, 24)
    """
    image = np.zeros((size, size))
    image[4:14, 4:7] = 1.0  # vertical bar of the L
    image[11:14, 4:12] = 1.0  # its foot
    image[3:6, 14:17] = 0.6  # a dot, off the L's axis
    return image


def _arrow(fig: Figure, a: Axes, b: Axes, label: str, *, palette: Palette, down: bool) -> None:
    """Draw a labelled arrow from the edge of axes `a` to the facing edge of axes `b`."""
    start, end = ((0.5, -0.06), (0.5, 1.22)) if down else ((1.06, 0.5), (-0.06, 0.5))
    arrow = ConnectionPatch(
        start, end, "axes fraction", "axes fraction", axesA=a, axesB=b,
        arrowstyle="-|>", mutation_scale=14, color=palette.foreground, linewidth=1.2,
    )  # fmt: skip
    fig.add_artist(arrow)
    x, y = (0.56, -0.3) if down else (1.17, 0.58)
    a.text(x, y, label, transform=a.transAxes, fontsize=12, ha="left", va="center")


def commutative_diagram(palette: Palette) -> Figure:
    """The diagram f(T_v x) = T_v f(x), drawn from a real image and a real convolution.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 2x2 panel figure with the arrows T_v (right) and f (down).

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> [ax.get_title() for ax in commutative_diagram(LIGHT).axes][3]
        '$f(T_v x) = T_v f(x)$'
    """
    x = letter_image()
    v = (6, 8)  # (dy, dx)
    weight = SOBEL_X[None, None]  # (C_out, C_in, kh, kw)

    def f(image: NDArray[np.float64]) -> NDArray[np.float64]:
        out = correlate(image[None, None], weight, padding="circular")  # (1, 1, H, W)
        return np.asarray(out[0, 0], dtype=np.float64)

    fx, moved = f(x), f(circular_shift(x, v))
    err = float(np.abs(moved - circular_shift(fx, v)).max())
    fig = Figure(figsize=(WIDTH, 6.2), layout="constrained")
    axes = fig.subplots(2, 2, gridspec_kw={"hspace": 0.25, "wspace": 0.25})
    lim = float(np.abs(fx).max())
    inputs: dict[str, Any] = {"cmap": palette.image_cmap, "vmin": 0, "vmax": 1}
    outputs: dict[str, Any] = {"cmap": palette.signed_cmap, "vmin": -lim, "vmax": lim}
    panels: list[tuple[NDArray[np.float64], str, dict[str, Any]]] = [
        (x, "input $x$", inputs),
        (circular_shift(x, v), "shifted input $T_v x$", inputs),
        (fx, "feature map $f(x)$", outputs),
        (moved, "$f(T_v x) = T_v f(x)$", outputs),
    ]
    images = []
    for ax, (image, title, style) in zip(axes.flat, panels, strict=True):
        images.append(ax.imshow(image, interpolation="nearest", **style))
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
    colour_bar(fig, images[0], axes[0], "input value", shrink=0.8)
    colour_bar(fig, images[2], axes[1], "filter response", shrink=0.8)
    _arrow(fig, axes[0, 0], axes[0, 1], "$T_v$", palette=palette, down=False)
    _arrow(fig, axes[1, 0], axes[1, 1], "$T_v$", palette=palette, down=False)
    _arrow(fig, axes[0, 0], axes[1, 0], "$f$", palette=palette, down=True)
    _arrow(fig, axes[0, 1], axes[1, 1], "$f$", palette=palette, down=True)
    fig.suptitle(
        f"$v = (dy, dx) = {v}$; $f$ = 3x3 horizontal gradient,\n"
        f"circular padding; measured max $|f(T_v x) - T_v f(x)|$ = {err:.1e}",
        fontsize=10,
    )
    return fig


def shift_kinds(palette: Palette) -> Figure:
    """One signal under a circular, a zero-fill and a sub-pixel (Fourier) shift.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Four stacked stem plots sharing the index axis.

    Examples:
        >>> from shiftlab.figures.palette import DARK
        >>> len(shift_kinds(DARK).axes)
        4
    """
    n = 15  # odd, so the Fourier shift of a real signal is real for every shift
    x = np.zeros(n)
    x[8:14] = [1.0, 3.0, 4.0, 2.5, 1.5, 0.5]
    rows = [
        (x, "$x$", palette.primary),
        (circular_shift(x, 4), "circular $T_4 x$: the tail wraps around", palette.accent),
        (zero_shift(x, 4), "zero-fill $Z_4 x$: the tail is lost", palette.accent),
        (fourier_shift(x, 2.5), "Fourier $T_{2.5} x$: a sub-pixel shift", palette.accent),
    ]
    fig = Figure(figsize=(WIDTH, 5.4), layout="constrained")
    axes = fig.subplots(len(rows), 1, sharex=True, sharey=True)
    for ax, (signal, title, colour) in zip(axes, rows, strict=True):
        stems(ax, signal, colour, palette)
        ax.set_title(title, loc="left")
    axes[-1].set_xticks(np.arange(n))
    axes[-1].set_xlabel("index $i$ (a positive shift moves content to higher $i$)")
    return fig


def circulant_matrices(palette: Palette) -> Figure:
    r"""Circular correlation is a circulant matrix and commutes with the shift matrix.

    The zero-padded "same" correlation is a banded Toeplitz matrix without the wrapped
    corners; its commutator with the shift is non-zero only in the border rows.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 2x2 panel figure: the two matrices (top) and their commutators with T_1.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> [ax.get_title() for ax in circulant_matrices(LIGHT).axes][2:4]
        ['$C T_1 - T_1 C$\nnorm 0.00', '$C T_1 - T_1 C$\nnorm 2.00']
    """
    n = 10
    h = np.array([1.0, 2.0, -1.0])[None, None]  # (C_out, C_in, k)
    matrices = {
        "circular": matrix_of(lambda b: correlate(b, h, padding="circular"), n),
        "zero": matrix_of(lambda b: correlate(b, h, padding="zero"), n),
    }
    fig = Figure(figsize=(WIDTH, 5.6), layout="constrained")
    axes = fig.subplots(2, 2)
    style = {"cmap": palette.signed_cmap, "vmin": -2.5, "vmax": 2.5, "interpolation": "nearest"}
    for col, (name, m) in enumerate(matrices.items()):
        difference = commutator(m)
        image = axes[0, col].imshow(m, **style)
        axes[0, col].set_title(f"{name} padding:\nmatrix $C$")
        axes[1, col].imshow(difference, **style)
        norm = float(np.linalg.norm(difference))
        axes[1, col].set_title(f"$C T_1 - T_1 C$\nnorm {norm:.2f}")
        for ax in axes[:, col]:
            ax.set_xticks([])
            ax.set_yticks([])
    colour_bar(fig, image, axes, "matrix entry", shrink=0.6)
    fig.suptitle(f"correlation with $h = {h.ravel().tolist()}$ on $N = {n}$ samples", fontsize=10)
    return fig
