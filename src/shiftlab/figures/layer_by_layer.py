"""Figures for "Layer by layer": the probe's profile of the page's network, and depth.

Both are measured, not drawn from formulas: ``layer_errors`` is
``shiftlab.figures.probe.probe_figure`` of a ``shiftlab.probe`` run on the page's network,
and ``readout_sensitivity`` plots ``shiftlab.experiments.layer_by_layer.readout_sensitivity``.
The torch side is imported inside the functions, so importing ``shiftlab.figures`` stays
free of torch.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH
from shiftlab.figures.probe import probe_figure

SHIFTS = [
    *((0, d) for d in range(7)),
    *((d, d) for d in range(1, 5)),
    (2, 4),
    (4, 8),
    (8, 8),
]
"""The shifts ``(dy, dx)`` of the profile: along a row, the diagonal, and a few larger ones."""


def layer_errors(palette: Palette) -> Figure:
    """The probe's relative L2 error of every layer of the page's network, per shift.

    Circular padding, circular shifts, MaxPool, 16 x 16 noise (``page_probe``).

    Args:
        palette: Colours of the variant to draw.

    Returns:
        The heat map of ``probe_figure``: exact zeros at the floor of the scale, undefined
        cells (the cumulative stride does not divide the shift) grey and crossed.
    """
    from shiftlab.experiments.layer_by_layer import page_probe  # noqa: PLC0415  # torch

    figure = probe_figure(page_probe(SHIFTS), palette)
    figure.axes[0].set_title("the page's network: error of\neach layer against T_(v/s)")
    return figure


def readout_sensitivity(palette: Palette) -> Figure:
    """Mean change of a global-mean read-out at each depth, for three downsamplers.

    For each layer ``l`` the network is cut after ``l`` and read out by a global mean
    over positions; the line is ``||g_l(T_v x) - g_l(x)|| / ||g_l(x)||`` averaged over all
    256 circular shifts of a 16 x 16 input (4 noise images), for MaxPool, BlurPool and
    APS networks with the same convolution weights.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        One line per downsampler, depth on the horizontal axis.
    """
    from shiftlab.experiments.layer_by_layer import (  # noqa: PLC0415  # torch
        DOWNSAMPLERS,
        LABELS,
        readout_sensitivity,
    )

    metrics, _ = readout_sensitivity()
    depths = metrics["depths"]
    fig = Figure(figsize=(WIDTH, 4.4), layout="constrained")
    ax = fig.subplots()
    styles: list[dict[str, Any]] = [
        {"color": palette.accent, "linestyle": "-", "marker": "o"},
        {"color": palette.primary, "linestyle": "--", "marker": "s"},
        {"color": palette.foreground, "linestyle": ":", "marker": "^"},
    ]
    for kind, style in zip(DOWNSAMPLERS, styles, strict=True):
        ax.plot(range(len(depths)), metrics[kind]["mean"], label=LABELS[kind], **style)
    for position, text in ((2, "stride 2"), (5, "stride 4")):
        ax.axvline(position, color=palette.muted, linewidth=0.8, linestyle=(0, (2, 3)))
        ax.annotate(
            text,
            (position, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -2),
            textcoords="offset points",
            va="top",
            color=palette.muted,
        )
    ax.set_xticks(range(len(depths)), depths, rotation=90)
    ax.set_ylim(bottom=-0.002)
    ax.set_xlabel("network cut after this layer (output: the scores)")
    ax.set_ylabel("mean relative change")
    ax.set_title("global mean of each layer's output,\nover all 256 circular shifts", loc="left")
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0.0, 0.92))
    return fig
