"""Figures for the page on equivariance vs invariance: four maps, one signal, one shift.

Each panel is computed with the library from the same signal and its circular shift, so
what moves, what stays and what changes is measured, not drawn.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import NDArray

from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, stems
from shiftlab.pooling import global_max_pool
from shiftlab.shifts import circular_shift


def example_signal(n: int = 16) -> NDArray[np.float64]:
    """A signed 1-D test signal with a unique maximum near its end, so a shift wraps it.

    Args:
        n: Number of samples (at least 16, so the three bumps fit).

    Returns:
        Array of shape (n,): a tall bump at 13, a low bump at 4 and a dip at 8.

    Examples:
        >>> x = example_signal()
        >>> int(x.argmax()), int((x == x.max()).sum())
        (13, 1)
    """
    i = np.arange(n)

    def bump(centre: float, width: float) -> NDArray[np.float64]:
        values: NDArray[np.float64] = np.exp(-0.5 * ((i - centre) / width) ** 2)
        return values

    return 1.6 * bump(13, 1.0) + 0.9 * bump(4, 1.5) - 0.8 * bump(8, 1.2)


def _scalar(ax: Axes, value: float, limit: float, colour: str, palette: Palette) -> None:
    ax.barh([0], [value], height=0.5, color=colour)
    ax.axvline(0, color=palette.muted, linewidth=0.8)
    ax.text(value, 0.45, f"{value:.2f}", ha="center", va="bottom", fontsize=10)
    ax.set_xlim(-0.05 * limit, 1.1 * limit)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.set_ylim(-0.6, 1.2)
    ax.set_yticks([])


def _location(ax: Axes, signal: NDArray[np.float64], colour: str, palette: Palette) -> None:
    j = int(np.argmax(signal))
    index = np.arange(len(signal))
    ax.plot(index, np.zeros_like(index), "o", color=palette.muted, markersize=3)
    ax.plot([j], [0], "o", color=colour, markersize=10)
    ax.text(j, 0.45, f"{j}", ha="center", va="bottom", fontsize=10)
    ax.set_ylim(-0.6, 1.2)
    ax.set_yticks([])


def equivariance_examples(palette: Palette) -> Figure:
    """One signal and its circular shift under four maps: moved, kept, changed, relocated.

    Rows: the input; a pointwise ReLU (equivariant: the output moves by ``v``); the
    global max (invariant: one number that does not change); a ramp-weighted sum
    (neither: the number changes); the argmax location (equivariant with the action
    ``j -> (j + v) mod N`` on indices). Left column from ``x``, right from ``T_v x``.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 5x2 panel figure.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> fig = equivariance_examples(LIGHT)
        >>> len(fig.axes), fig.subfigs[4].get_suptitle()
        (10, 'argmax: 13 moves to (13 + 5) mod 16 = 2, equivariant')
    """
    x = example_signal()
    n, v = len(x), 5
    moved = circular_shift(x, v)
    ramp = np.arange(n) / (n - 1)  # w[i] = i / (N - 1): later positions count more

    def relu(a: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.maximum(a, 0.0)

    def gmax(a: NDArray[np.float64]) -> float:
        return float(global_max_pool(a[None, None])[0, 0])  # (N, C, W) -> (N, C)

    relu_error = float(np.abs(relu(moved) - circular_shift(relu(x), v)).max())
    weighted = (float(ramp @ x), float(ramp @ moved))  # w . x and w . T_v x
    j, k = int(np.argmax(x)), int(np.argmax(moved))
    fig = Figure(figsize=(WIDTH, 8.4), layout="constrained")
    titles = [
        f"left: input $x$; right: its shift $T_v x$, $v = {v}$",
        "pointwise ReLU: the output moves, equivariant",
        "global max: the same number, invariant",
        f"weighted sum $w \\cdot x$, $w_i = i / {n - 1}$: changed, neither",
        f"argmax: {j} moves to ({j} + {v}) mod {n} = {k}, equivariant",
    ]
    rows = np.asarray(fig.subfigures(5, 1, height_ratios=[1.3, 1.3, 0.85, 0.85, 0.95])).ravel()
    axes = np.array([row.subplots(1, 2, sharey=True) for row in rows])  # (5, 2)
    for row, title in zip(rows, titles, strict=True):
        row.suptitle(title, fontsize=10)
    for col, (signal, colour) in enumerate([(x, palette.primary), (moved, palette.accent)]):
        stems(axes[0, col], signal, colour, palette, size=3.5)
        stems(axes[1, col], relu(signal), colour, palette, size=3.5)
        _scalar(axes[2, col], gmax(signal), gmax(x), colour, palette)
        _scalar(axes[3, col], float(ramp @ signal), max(weighted), colour, palette)
        _location(axes[4, col], signal, colour, palette)
        for row in (0, 1, 4):
            axes[row, col].set_xticks(np.arange(0, n, 3))
            axes[row, col].set_xlim(-0.7, n - 0.3)
    for ax in axes[4]:
        ax.set_xlabel("index $i$")
    fig.suptitle(
        f"one signal ($N = {n}$) and its circular shift, under four maps;\n"
        f"measured: max $|$ReLU$(T_v x) - T_v\\,$ReLU$(x)| = {relu_error}$",
        fontsize=10,
    )
    return fig
