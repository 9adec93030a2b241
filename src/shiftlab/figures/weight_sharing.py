"""Figures for "Weight sharing <=> equivariance": weight layouts and the group average.

Both draw matrices of real linear maps on a cyclic grid of N samples, computed with numpy
and the library's `correlate`, and print the commutators they measure with the shift.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, colour_bar, commutator_norm, matrix_of, shift_matrix

_N = 8  # grid size of the drawn matrices: small enough to see every entry


def _weights(rng: np.random.Generator, *shape: int) -> NDArray[np.float64]:
    """Random weights of magnitude 0.3 to 1 and random sign, so none looks like a zero."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.3, 1.0, size=shape)


def _layouts(rng: np.random.Generator) -> dict[str, tuple[NDArray[np.float64], int]]:
    """Matrices of a dense, a locally connected and a convolution layer, with weight counts."""
    n, k = _N, 3
    rows, taps = np.indices((n, k))
    cols = (rows + taps - 1) % n  # the window of output i: inputs i - 1, i, i + 1 (circular)
    untied = np.zeros((n, n))
    untied[rows, cols] = _weights(rng, n, k)  # a 3-tap filter of its own per row
    h = _weights(rng, 1, 1, k)  # (C_out, C_in, k): one filter for every row
    conv = matrix_of(lambda b: correlate(b, h, padding="circular"), n)  # column j = f(e_j)
    return {
        "dense": (_weights(rng, n, n), n * n),
        "locally connected": (untied, n * k),
        "convolution": (conv, k),
    }


def _matrix_axes(ax: Axes, palette: Palette) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(palette.muted)


def weight_layouts(palette: Palette) -> Figure:
    """Dense, locally connected and convolution layers as matrices on 8 samples.

    Structural zeros are left blank, so the band of the locally connected layer and the
    circulant band of the convolution show; each title gives the number of free weights
    and the measured commutator with the shift T_1.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with three matrix panels side by side.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> [ax.get_title().splitlines()[:2] for ax in weight_layouts(LIGHT).axes[:3]]
        [['dense', '64 weights'], ['locally connected', '24 weights'], ['convolution', '3 weights']]
    """
    layouts = _layouts(np.random.default_rng(5))  # a kernel with taps of both signs
    fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
    axes = fig.subplots(1, 3)
    for ax, (name, (m, count)) in zip(axes, layouts.items(), strict=True):
        shown = np.ma.masked_where(m == 0, m)  # structural zeros stay blank
        image = ax.imshow(shown, cmap=palette.signed_cmap, vmin=-1, vmax=1, interpolation="nearest")
        _matrix_axes(ax, palette)
        ax.set_title(f"{name}\n{count} weights\n$\\|A T_1 - T_1 A\\|$ = {commutator_norm(m):.2f}")
    colour_bar(fig, image, axes, "weight", location="bottom", shrink=0.5)
    c_in, c_out, size, k = 3, 16, 32, 3
    counts = (size * size * c_in * size * size * c_out, size * size * c_out * c_in * k * k)
    fig.suptitle(
        f"one channel, $N = {_N}$ samples, 3 taps, circular padding;\n"
        f"blank = always zero. For $({c_in}, {size}, {size}) \\to ({c_out}, {size}, {size})$"
        " with 3x3 filters:\n"
        f"{counts[0]:,} / {counts[1]:,} / {c_out * c_in * k * k:,} weights",
        fontsize=10,
    )
    return fig


def group_average(palette: Palette) -> Figure:
    """A random matrix A, its group average P(A) and the kernel of P(A).

    P(A) = (1/N) sum_v T_v A T_-v is circulant; each of its wrapped diagonals holds the
    mean of the same diagonal of A (one diagonal is outlined in both matrices).

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with the two matrices and a stem plot of the kernel.

    Examples:
        >>> from shiftlab.figures.palette import DARK
        >>> [ax.get_title().splitlines()[0] for ax in group_average(DARK).axes[:3]]
        ['random $A$', 'group average $P(A)$', 'kernel $h = P(A)[:, 0]$']
    """
    n, diagonal = _N, 2
    a = np.random.default_rng(1).normal(size=(n, n))
    shifts = [shift_matrix(n, v) for v in range(n)]
    average = sum((t @ a @ t.T for t in shifts), np.zeros((n, n))) / n  # T_-v = T_v^T
    index = np.arange(n)
    means = np.array([a[(index + k) % n, index].mean() for k in range(n)])  # A[j + k, j]
    fig = Figure(figsize=(WIDTH, 6.0), layout="constrained")
    top, bottom = np.asarray(fig.subfigures(2, 1, height_ratios=[1.15, 1])).ravel()
    axes = [*top.subplots(1, 2), bottom.subplots()]
    commutes = "< 1e-12" if commutator_norm(average) < 1e-12 else f"{commutator_norm(average):.2e}"
    panels = [
        (a, f"random $A$\n$\\|A T_1 - T_1 A\\|$ = {commutator_norm(a):.2f}"),
        (average, f"group average $P(A)$\n$\\|P(A) T_1 - T_1 P(A)\\|$ {commutes}"),
    ]
    for ax, (m, title) in zip(axes[:2], panels, strict=True):
        lim = float(np.abs(m).max())  # each its own scale: averaging shrinks the entries
        image = ax.imshow(m, cmap=palette.signed_cmap, vmin=-lim, vmax=lim, interpolation="nearest")
        colour_bar(top, image, ax, "entry", location="bottom", shrink=0.8)
        _matrix_axes(ax, palette)
        ax.set_title(title)
        for j in range(n):  # outline the wrapped diagonal A[j + 2, j]
            cell = Rectangle(
                (j - 0.5, (j + diagonal) % n - 0.5), 1, 1,
                fill=False, edgecolor=palette.accent, linewidth=1.6,
            )  # fmt: skip
            ax.add_patch(cell)
    ax = axes[2]
    ax.axvspan(diagonal - 0.4, diagonal + 0.4, color=palette.accent, alpha=0.2, linewidth=0)
    ax.vlines(index, 0, average[:, 0], color=palette.primary, linewidth=2)
    ax.plot(index, average[:, 0], "o", color=palette.primary, markersize=5, label="$P(A)[k, 0]$")
    ax.plot(index, means, "x", color=palette.accent, markersize=9, label="mean of diagonal $k$")
    ax.axhline(0, color=palette.muted, linewidth=0.8)
    ax.set_xticks(index)
    ax.set_xlabel("$k$ (diagonal $A[j + k, j]$, indices mod $N$)")
    ax.set_title(f"kernel $h = P(A)[:, 0]$\n$k = {diagonal}$ is the outlined diagonal")
    ax.legend(frameon=False, loc="best")
    return fig
