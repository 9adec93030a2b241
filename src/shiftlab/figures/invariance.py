"""Figures for "Global pooling and invariance": the shifted-digits experiment, drawn.

The numbers come from ``shiftlab.experiments.run("shifted-digits")``, which reads the
stored result when the code and parameters are unchanged (``make experiments`` fills the
cache) and trains the networks otherwise.
"""

from __future__ import annotations

from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH


def _digits() -> tuple[Any, dict[str, str]]:
    # Imported here: torch is loaded only when one of these figures is drawn.
    from shiftlab.experiments import run  # noqa: PLC0415
    from shiftlab.experiments.digits import LABELS  # noqa: PLC0415

    return run("shifted-digits"), LABELS


def _styles(palette: Palette) -> list[dict[str, Any]]:
    green = mpl.colormaps[palette.image_cmap](0.75)  # a fifth colour that reads on both
    colours = [palette.accent, palette.primary, palette.foreground, palette.muted, green]
    lines = ["-", "-", "--", ":", "-."]
    markers = ["o", "s", "^", "D", "v"]
    return [
        {"color": c, "linestyle": ls, "marker": m}
        for c, ls, m in zip(colours, lines, markers, strict=True)
    ]


def digits_accuracy_maps(palette: Palette) -> Figure:
    """Test accuracy of each network for every shift ``(dy, dx)`` in ``[-4, 4]^2``.

    One heat map per network on one colour scale (0 to 1, the bar in the free cell);
    the centre is the training position. Period-4 repetition shows where the total stride
    4 lets a shift through exactly.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 3 x 2 grid: five maps and the colour bar.
    """
    result, names = _digits()
    accuracy = result.arrays["accuracy"]  # (5, 9, 9)
    models = result.metrics["models"]
    m = (accuracy.shape[-1] - 1) // 2
    fig = Figure(figsize=(WIDTH, 7.4), layout="constrained")
    axes = fig.subplots(3, 2).ravel()
    ticks = [-m, 0, m]
    image = None
    for ax, model, grid in zip(axes, models, accuracy, strict=False):
        image = ax.imshow(
            grid,
            vmin=0.0,
            vmax=1.0,
            cmap=palette.image_cmap,
            extent=(-m - 0.5, m + 0.5, m + 0.5, -m - 0.5),
        )
        ax.set_title(f"{names[model]}\nmean {result.metrics[model]['accuracy_mean']:.3f}")
        ax.set_xticks(ticks)
        ax.set_yticks(ticks)
        ax.set_xlabel("dx")
        ax.set_ylabel("dy")
    axes[-1].axis("off")
    if image is not None:
        cax = axes[-1].inset_axes((0.05, 0.45, 0.9, 0.1))  # a horizontal bar in the free cell
        bar = fig.colorbar(image, cax=cax, orientation="horizontal")
        bar.set_label("test accuracy", labelpad=4)
        bar.ax.xaxis.set_label_position("top")
    fig.suptitle("accuracy under every shift; trained at (0, 0)", fontsize=10)
    return fig


def digits_diagonal(palette: Palette) -> Figure:
    """Test accuracy along the diagonal shift ``(d, d)``, ``d = -4..4``, per network.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        One line per network.
    """
    result, names = _digits()
    accuracy = result.arrays["accuracy"]  # (5, 9, 9)
    m = (accuracy.shape[-1] - 1) // 2
    d = np.arange(-m, m + 1)
    fig = Figure(figsize=(WIDTH, 4.0), layout="constrained")
    ax = fig.subplots()
    models = result.metrics["models"]
    for model, grid, style in zip(models, accuracy, _styles(palette), strict=True):
        ax.plot(d, np.diagonal(grid), label=names[model], markersize=4, **style)
    ax.set_xticks(d)
    ax.set_ylim(0.0, 1.02)
    ax.set_xlabel("diagonal shift (d, d)")
    ax.set_ylabel("test accuracy")
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    ax.set_title("trained at d = 0; the total stride is 4", loc="left")
    return fig
