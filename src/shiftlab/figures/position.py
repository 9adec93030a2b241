"""Figures for "Position-aware layers": the coordinate classification experiment, drawn.

The numbers come from ``shiftlab.experiments.run("coordconv-quadrant")``, which reads the
stored result when the code and parameters are unchanged and trains the two networks
otherwise; it is imported inside the function, so importing the figures needs no torch.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH

_TITLES = {"coordconv": "CoordConv", "deconv": "plain (transposed) conv"}


def coordconv_quadrant(palette: Palette) -> Figure:
    """Which targets each network gets right, and its softmax for one unseen target.

    Top row: one cell per target pixel, filled when the network's most likely pixel is
    the target; the dashed white square is the quadrant held out of training. Bottom row: the
    softmax over all pixels for one held-out target (the ring), on one colour scale.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 2 x 2 grid of maps, one column per network.
    """
    from shiftlab.experiments import run  # noqa: PLC0415  # torch only when drawn

    result = run("coordconv-quadrant")
    models, N = result.metrics["models"], result.metrics["size"]
    predicted, probability = result.arrays["predicted"], result.arrays["probability"]
    example = divmod(result.metrics["example"], N)
    fig = Figure(figsize=(WIDTH, 6.3), layout="constrained")
    axes = fig.subplots(2, 2)
    hits = ListedColormap([palette.accent, palette.primary])
    top = float(probability.max())
    image = None
    for column, model in enumerate(models):
        right = predicted[column] == np.arange(N * N).reshape(N, N)
        metrics = result.metrics[model]
        ax = axes[0, column]
        ax.imshow(right, cmap=hits, vmin=0, vmax=1)
        ax.set_title(
            f"{_TITLES[model]}\nright on {metrics['train_accuracy']:.3f} trained,\n"
            f"{metrics['heldout_accuracy']:.3f} held out"
        )
        ax = axes[1, column]
        image = ax.imshow(probability[column], cmap=palette.image_cmap, vmin=0.0, vmax=top)
        ax.plot(*example[::-1], "o", ms=11, mfc="none", mec=palette.accent, mew=1.8)
        ax.set_title(f"softmax for target {example}")
        for ax in axes[:, column]:
            quadrant = Rectangle((N / 2 - 0.5, N / 2 - 0.5), N / 2, N / 2, fill=False, lw=1.6)
            quadrant.set(edgecolor="white", linestyle="--")  # on the maps, in both palettes
            ax.add_patch(quadrant)
            ax.set_xticks([0, N - 1])
            ax.set_yticks([0, N - 1])
            ax.set_xlabel("column j")
            ax.set_ylabel("row i")
    fig.legend(
        handles=[
            Patch(color=palette.primary, label="most likely pixel = target"),
            Patch(color=palette.accent, label="another pixel"),
        ],
        loc="outside upper center",
        ncols=2,
        frameon=False,
    )
    if image is not None:
        fig.colorbar(image, ax=axes[1, :], shrink=0.8, label="probability")
    return fig
