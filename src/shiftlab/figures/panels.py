"""Pieces several figures share: stem plots, and linear maps written as matrices.

The matrices are built from the library's own functions applied to basis vectors, so
a drawn matrix is exactly the map the code computes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colorbar import Colorbar
from matplotlib.figure import Figure
from numpy.typing import NDArray

from shiftlab.figures.palette import Palette
from shiftlab.shifts import circular_shift

_Array = NDArray[np.float64]


def stems(
    ax: Axes, values: _Array, colour: str | Sequence[str], palette: Palette, size: float = 4.0
) -> None:
    """Draw `values` as a stem plot on a zero line: one stem and dot per sample.

    Args:
        ax: Axes to draw on.
        values: Signal of shape (W,).
        colour: One colour for every stem, or one per sample.
        palette: Colours of the variant being drawn (the zero line is `muted`).
        size: Dot diameter in points.

    Examples:
        >>> from matplotlib.figure import Figure
        >>> from shiftlab.figures.palette import LIGHT
        >>> ax = Figure().subplots()
        >>> stems(ax, np.array([0.0, 1.0, -1.0]), LIGHT.primary, LIGHT)
        >>> len(ax.collections)  # the stems and the dots
        2
    """
    index = np.arange(len(values))
    ax.vlines(index, 0, values, colors=colour, linewidth=2)
    ax.scatter(index, values, c=colour, s=size**2, zorder=3)
    ax.axhline(0, color=palette.muted, linewidth=0.8)


def matrix_of(linear_map: Callable[[_Array], Any], n: int) -> _Array:
    """The n x n matrix of a linear map on one-channel signals of length n.

    Args:
        linear_map: Maps an array of shape (N, 1, n) to one of shape (N, 1, n).
        n: Signal length.

    Returns:
        Array of shape (n, n) whose column j is the map applied to the unit vector e_j.

    Examples:
        >>> matrix_of(lambda b: 2 * b, 2).tolist()
        [[2.0, 0.0], [0.0, 2.0]]
    """
    basis = np.eye(n)[:, None, :]  # (n, 1, n): n one-channel signals
    return np.asarray(linear_map(basis), dtype=np.float64)[:, 0, :].T


def shift_matrix(n: int, v: int = 1) -> _Array:
    """The n x n permutation matrix of the circular shift T_v, column j = T_v e_j.

    Args:
        n: Length of the signals.
        v: Shift; positive moves content toward higher indices.

    Returns:
        Array of shape (n, n) with one 1 per row and column.

    Examples:
        >>> shift_matrix(3).astype(int).tolist()
        [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
    """
    return matrix_of(lambda b: circular_shift(b, v), n)


def commutator(a: _Array) -> _Array:
    """A T_1 - T_1 A: zero exactly when the map A commutes with every circular shift.

    Args:
        a: Square matrix of a linear map on length-n signals.

    Returns:
        The commutator, same shape as `a`.

    Examples:
        >>> commutator(np.eye(3)).tolist() == np.zeros((3, 3)).tolist()
        True
    """
    t = shift_matrix(len(a))
    result: _Array = a @ t - t @ a
    return result


def commutator_norm(a: _Array) -> float:
    """Frobenius norm of `commutator(a)`.

    Args:
        a: Square matrix of a linear map on length-n signals.

    Returns:
        The norm, a non-negative float.

    Examples:
        >>> commutator_norm(np.eye(4)), round(commutator_norm(np.diag([1.0, 0, 0, 0])), 4)
        (0.0, 1.4142)
    """
    return float(np.linalg.norm(commutator(a)))


WIDTH = 5.4
"""Width of a figure in inches: 10-point text then shows at 9.2 px in a phone's column.

A figure W inches wide is shrunk to the 358 px text column of a 390 px viewport, so a
font of f points shows at f * 358 / (72 W) px; tests/test_figure_scales.py checks >= 9.
"""


def colour_bar(
    fig: Figure, image: ScalarMappable, axes: Axes | Iterable[Axes], label: str, **options: Any
) -> Colorbar:
    """Add a labelled colour bar for `image` next to `axes` (one axes or several).

    Args:
        fig: The figure.
        image: The mappable whose scale the bar shows (an `AxesImage`).
        axes: The axes the bar sits next to; several share it.
        label: What the colour measures.
        **options: More keyword arguments for `Figure.colorbar` (e.g. `location`).

    Returns:
        The `Colorbar`.

    Examples:
        >>> from matplotlib.figure import Figure
        >>> fig = Figure()
        >>> ax = fig.subplots()
        >>> colour_bar(fig, ax.imshow(np.eye(2)), ax, "value").ax.get_ylabel()
        'value'
    """
    bar = fig.colorbar(image, ax=axes, **options)
    bar.set_label(label)
    return bar
