"""The figure of a probe report: the relative L2 error of every layer under every shift.

A heat map, one column per measured layer call (in the order they ran) and one row per
shift, on a log colour scale. A shift the layer's stride does not divide has no output
action: its cell is grey and crossed, never a colour of the scale; a defined shift
without evidence (nan: nothing compared, or both sides zero) is left open with a dot.
Exact zeros sit at the bottom of the scale, at ``1e-12``.

Takes a ``shiftlab.probe.ProbeReport`` or its ``to_dict()`` (for instance read back from
``shiftlab probe ... --json``), so drawing needs no torch.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.colors import LogNorm, to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from shiftlab.figures.palette import Palette

if TYPE_CHECKING:
    from shiftlab.probe import ProbeReport

FLOOR, CEILING = 1e-12, 10.0  # the colour scale; exact zeros are drawn at the floor
_MARKED = 400  # up to this many cells, undefined ones are crossed and nan ones dotted


def _label(row: Mapping[str, Any]) -> str:
    call = f" call {row['call']}" if row["call"] else ""
    return f"{row['name'] or '(model)'}{call}\n{row['type']}"


def _grid(data: Mapping[str, Any]) -> tuple[list[str], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Column labels, errors (S, L) with nan for no evidence, and which cells are defined."""
    rows = [row for row in data["layers"] if "relative_l2" in row]
    labels = [_label(row) for row in rows]
    shifts = len(data["shifts"])
    errors, defined = np.full((shifts, len(rows)), math.nan), np.zeros((shifts, len(rows)), bool)
    for j, row in enumerate(rows):
        for i, (moved, value) in enumerate(
            zip(row["output_shifts"], row["relative_l2"], strict=True)
        ):
            defined[i, j] = moved is not None
            if moved is not None and value is not None:
                errors[i, j] = math.inf if value == "inf" else float(value)
    return labels, errors, defined


def probe_figure(report: ProbeReport | Mapping[str, Any], palette: Palette) -> Figure:
    r"""Draw the error of every measured layer under every shift of a probe report.

    Args:
        report: A ``ProbeReport`` or its ``to_dict()``.
        palette: The site palette (``LIGHT`` or ``DARK``).

    Returns:
        The figure; undefined cells grey and crossed, nan cells open, never drawn as 0.

    Raises:
        ValueError: If the report has no measured layer.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> report = {"model": "Net", "shift_mode": "circular", "shifts": [[0], [1]],
        ...           "layers": [{"name": "pool", "call": 0, "type": "MaxPool1d",
        ...                       "output_shifts": [[0], None], "relative_l2": [0.0, None]}]}
        >>> figure = probe_figure(report, LIGHT)
        >>> [text.get_text() for text in figure.axes[0].get_xticklabels()]
        ['pool\nMaxPool1d']
    """
    data = report if isinstance(report, Mapping) else report.to_dict()
    labels, errors, defined = _grid(data)
    if not labels:
        raise ValueError("the report has no measured layer to draw")
    shifts, columns = errors.shape
    # Narrow columns, labels turned upright: 8 layers give 5.4 inches, so 10-point text
    # shows at 9 px or more on a phone (tests/test_figure_scales.py).
    figure = Figure(
        figsize=(1.8 + 0.45 * columns, 3.8 + min(0.22 * shifts, 5.0)), layout="constrained"
    )
    axes = figure.add_subplot()
    shown = np.ma.masked_invalid(np.clip(errors, FLOOR, CEILING))
    image = axes.imshow(
        shown,
        cmap=palette.image_cmap,
        norm=LogNorm(FLOOR, CEILING),
        aspect="auto",
        interpolation="nearest",
    )
    grey = np.zeros((shifts, columns, 4))
    grey[~defined] = to_rgba(palette.muted, 0.85)
    axes.imshow(grey, aspect="auto", interpolation="nearest")
    if shifts * columns <= _MARKED:
        for i, j in zip(*np.nonzero(~defined), strict=True):
            axes.plot(j, i, marker="x", color=palette.foreground, markersize=5)
        for i, j in zip(*np.nonzero(defined & np.isnan(errors)), strict=True):
            axes.plot(j, i, marker=".", color=palette.foreground, markersize=4)
    axes.set_xticks(range(columns), labels, rotation=90)
    step = max(1, shifts // 16)
    axes.set_yticks(range(0, shifts, step), [str(tuple(v)) for v in data["shifts"][::step]])
    axes.set_ylabel("shift v")
    axes.set_title(
        f"{data['model']}: relative L2 error of each\nlayer vs T_(v/s), {data['shift_mode']} shifts"
    )
    bar = figure.colorbar(image, ax=axes, extend="both")
    bar.set_label("relative L2 error\n(exact 0 drawn at 1e-12)")
    figure.legend(
        handles=[
            Patch(color=palette.muted, label="undefined: s does not divide v"),
            Patch(facecolor="none", edgecolor=palette.muted, label="no evidence (nan)"),
        ],
        loc="outside lower center",
        ncols=1,
        frameon=False,
    )
    return figure
