"""Figures read on a phone: text at least 9 px at 390 px wide, and a scale on every heat map.

A figure is an SVG of W inches, 72 user units per inch, shown at its natural size
(W * 96 CSS px) or shrunk to the text column, whichever is narrower. A font of f points
therefore shows at f * column / (72 W) px once the column is narrower than the figure.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends import backend_svg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from shiftlab.figures import FIGURES, LIGHT

COLUMN_390_PX = 358.0
"""Width of the text column in a 390 px wide viewport, in CSS px.

Measured in Chromium on the built site (viewport 390 x 900, every element forced to
``content-visibility: visible``): ``.md-content .md-typeset`` has ``clientWidth`` 358 on
through-a-cnn/stride-and-pooling/, and so has the ``img`` of a figure wider than it.
"""
COLUMN_1280_PX = 688.0
"""The same column in a 1280 px wide viewport, measured the same way."""
MIN_PX = 9.0  # smallest readable in-figure text on a phone
MAX_SMALLEST_PX_1280 = 16.0  # the smallest text on a desktop stays below body size (16 px)

EXEMPT: dict[tuple[str, str], str] = {
    ("corner-placements", "patch top-left"): "a picture of the input patch, drawn in grey",
    ("corner-placements", "patch bottom-right"): "a picture of the input patch, drawn in grey",
    ("coordconv-quadrant", "CoordConv"): "two categories (hit or miss), named in the legend",
    ("coordconv-quadrant", "plain (transposed) conv"): "two categories, named in the legend",
}
"""Heat maps without a colour bar: (figure, first line of the panel title) -> why."""


@dataclass(frozen=True)
class Drawn:
    """A figure as saved: the figure, its SVG width in points and every drawn text."""

    figure: Figure
    width_pt: float
    texts: tuple[tuple[float, str], ...]  # (font size in points, text)


@cache
def drawn(name: str) -> Drawn:
    """Draw one figure to SVG, recording the size of every text the renderer draws."""
    texts: list[tuple[float, str]] = []
    original: Callable[..., None] = backend_svg.RendererSVG.draw_text

    def recording(self: Any, *args: Any, **kwargs: Any) -> None:
        # draw_text(gc, x, y, s, prop, angle, ...): only text that is drawn gets here
        text, prop = args[3], args[4]
        texts.append((float(prop.get_size_in_points()), text))
        original(self, *args, **kwargs)

    backend_svg.RendererSVG.draw_text = recording  # type: ignore[method-assign]
    try:
        with mpl.rc_context(LIGHT.rc()):
            figure = FIGURES[name](LIGHT)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        backend_svg.RendererSVG.draw_text = original  # type: ignore[method-assign]
    found = re.search(rb'<svg [^>]*width="([0-9.]+)pt"', buffer.getvalue())
    assert found is not None, f"{name}: the SVG states no width in points"
    return Drawn(figure, float(found[1]), tuple(texts))


def shown_px(figure: Drawn, points: float, column: float) -> float:
    """CSS px of a `points` font when the figure is shown in a column `column` px wide."""
    natural = figure.width_pt * 96 / 72
    return points * min(natural, column) / figure.width_pt


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_text_is_readable_on_a_phone(name: str) -> None:
    figure = drawn(name)
    assert figure.texts, f"{name}: no text drawn"
    size, text = min(t for t in figure.texts if t[1].strip())
    px = shown_px(figure, size, COLUMN_390_PX)
    assert px >= MIN_PX, (
        f"{name}: {text!r} at {size} pt shows at {px:.1f} px in a 390 px viewport "
        f"(figure {figure.width_pt / 72:.2f} in wide); want >= {MIN_PX} px"
    )
    desktop = shown_px(figure, size, COLUMN_1280_PX)
    assert desktop <= MAX_SMALLEST_PX_1280, f"{name}: smallest text {desktop:.1f} px at 1280"


def _scale(image: AxesImage) -> tuple[str, str, str, str]:
    norm = image.norm
    return image.get_cmap().name, type(norm).__name__, repr(norm.vmin), repr(norm.vmax)


def _title(image: AxesImage) -> str:
    axes = image.axes
    titles = [axes.get_title(loc) for loc in ("center", "left", "right")]
    return next((t for t in titles if t), "").split("\n")[0]


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_heat_map_has_a_colour_bar(name: str) -> None:
    figure = drawn(name).figure
    images = [image for axes in figure.axes for image in axes.get_images()]
    heat_maps = [im for im in images if np.ndim(np.asarray(im.get_array())) == 2]  # not RGB(A)
    bars = [im.colorbar for im in heat_maps if im.colorbar is not None]
    scales = {_scale(im) for im in heat_maps if im.colorbar is not None}
    for bar in bars:
        assert bar.ax.get_ylabel() or bar.ax.get_xlabel(), f"{name}: a colour bar without label"
    for image in heat_maps:
        if (name, _title(image)) in EXEMPT:
            continue
        assert image.colorbar is not None or _scale(image) in scales, (
            f"{name}: the heat map {_title(image)!r} has no colour bar on its scale "
            f"{_scale(image)}; bars: {sorted(map(str, scales))}"
        )


def test_exemptions_name_existing_panels() -> None:
    for figure_name, title in EXEMPT:
        images = [im for ax in drawn(figure_name).figure.axes for im in ax.get_images()]
        assert title in {_title(im) for im in images}, (figure_name, title)
