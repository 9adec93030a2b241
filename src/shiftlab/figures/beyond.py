"""Figures for "Beyond translation": a p4 feature map turning, and the stride-2 parity.

The p4 maps are computed with numpy and the library's ``correlate`` from the definition
of the lifting layer (orientation ``r`` is the correlation with the filter turned by
``np.rot90`` ``r`` times), the same formula ``shiftlab.layers.P4LiftingConv`` is tested
against; the figures stay torch-free.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import colour_bar

_Array = NDArray[np.float64]


def letter_f(n: int = 11) -> _Array:
    """An n x n image of the letter F: no rotation or mirror maps it onto itself.

    Args:
        n: Image size, at least 9.

    Returns:
        Array of shape (n, n) with ones on the letter and zeros elsewhere.

    Examples:
        >>> x = letter_f()
        >>> x.shape, int(x.sum())
        ((11, 11), 14)
        >>> any(np.array_equal(np.rot90(x, k), x) for k in (1, 2, 3)), np.array_equal(x[:, ::-1], x)
        (False, False)
    """
    x = np.zeros((n, n))
    x[2 : n - 2, 3] = 1.0  # the stem
    x[2, 4:8] = 1.0  # the top arm
    x[5, 4:7] = 1.0  # the middle arm
    return x


def lift(x: _Array, h: _Array) -> _Array:
    """The p4 lifting correlation of one image with one filter, zero "same" padding.

    Args:
        x: Image of shape (H, W).
        h: Filter of shape (k, k), k odd.

    Returns:
        Array of shape (4, H, W): orientation ``r`` is the correlation with
        ``np.rot90(h, r)``.

    Examples:
        >>> x, h = letter_f(), np.arange(9.0).reshape(3, 3)
        >>> y, y_turned = lift(x, h), lift(np.rot90(x), h)
        >>> bool(np.allclose(y_turned, np.roll(np.rot90(y, axes=(1, 2)), 1, axis=0)))
        True
    """
    turned = np.stack([np.rot90(h, r) for r in range(4)])[:, None]  # (4, 1, k, k)
    maps: _Array = correlate(x[None, None], turned, padding="zero")[0]  # (4, H, W)
    return maps


def _image(ax: Axes, values: _Array, palette: Palette, limit: float | None) -> AxesImage:
    """A feature map on the signed scale +-limit; with no limit, a picture of an input.

    The picture is the letter in the text colour on a transparent ground (an RGBA image,
    no colour scale): its values are 0 and 1, and only the shape matters.
    """
    if limit is None:
        picture = np.zeros((*values.shape, 4))
        picture[...] = to_rgba(palette.foreground)
        picture[..., 3] = np.clip(values, 0.0, 1.0)
        image = ax.imshow(picture, interpolation="nearest")
    else:
        image = ax.imshow(
            values, cmap=palette.signed_cmap, vmin=-limit, vmax=limit, interpolation="nearest"
        )
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(palette.muted)
    return image


def p4_feature_maps(palette: Palette) -> Figure:
    """The letter F and its quarter turn, each lifted to a p4 map with one edge filter.

    Left column: ``x`` and its four orientation maps. Right column: ``rot90 x`` and its
    four maps, each the quarter turn of the left map one orientation lower (cyclically):
    a rotation of the input turns every map and moves it one orientation up.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 5 x 2 panel figure.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> fig = p4_feature_maps(LIGHT)
        >>> len(fig.axes), fig.axes[5].get_title()
        (11, 'r = 1: rot90 of left r = 0')
    """
    x = letter_f()
    h = np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [-1.0, -1.0, -1.0]])  # responds to edges
    maps = [lift(x, h), lift(np.rot90(x), h)]
    error = float(np.abs(maps[1] - np.roll(np.rot90(maps[0], axes=(1, 2)), 1, axis=0)).max())
    limit = float(np.abs(maps[0]).max())
    fig = Figure(figsize=(4.6, 9.0), layout="constrained")
    axes = fig.subplots(5, 2)
    for col, (image, p4) in enumerate(zip([x, np.rot90(x)], maps, strict=True)):
        _image(axes[0, col], image, palette, None)  # a picture: black letter, white ground
        axes[0, col].set_title("input $x$" if col == 0 else "rot90 $x$")
        for r in range(4):
            response = _image(axes[r + 1, col], p4[r], palette, limit)
            turned = f": rot90 of left r = {(r - 1) % 4}" if col else ""
            axes[r + 1, col].set_title(f"r = {r}{turned}")
    colour_bar(fig, response, axes[1:], "filter response", location="bottom", shrink=0.7)
    fig.suptitle(
        "p4 lifting with one edge filter\n"
        f"measured: max |lift(rot90 x) - p4_rotate(lift x)| = {error:g}\n"
        "(integer-valued data)",
        fontsize=10,
    )
    return fig


def rot90_stride_parity(palette: Palette) -> Figure:
    """Which samples a stride of 2 keeps, and where rot90's i -> N - 1 - i sends them.

    For N = 9 the kept samples 0, 2, ..., 8 land on kept samples; for N = 8 the kept
    samples 0, 2, 4, 6 land on 7, 5, 3, 1, the samples the stride drops.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with one panel per size.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> [ax.get_title(loc="left") for ax in rot90_stride_parity(LIGHT).axes]
        ['N = 9: kept samples land on kept samples', 'N = 8: kept samples land on dropped ones']
    """
    fig = Figure(figsize=(5.0, 3.6), layout="constrained")
    axes = fig.subplots(2, 1)
    for ax, n in zip(axes, (9, 8), strict=True):
        i = np.arange(n)
        kept = i % 2 == 0
        for y in (1.0, 0.0):  # top: sample i, bottom: where rot90 puts it
            ax.scatter(i[kept], np.full(kept.sum(), y), s=90, color=palette.primary, zorder=3)
            ax.scatter(
                i[~kept],
                np.full((~kept).sum(), y),
                s=90,
                facecolors="none",
                edgecolors=palette.muted,
                zorder=3,
            )
            for j in i:
                ax.text(j, y + (0.22 if y else -0.36), str(j), ha="center", fontsize=10)
        for j in i[kept]:
            target = n - 1 - j
            colour = palette.primary if target % 2 == 0 else palette.accent
            ax.annotate(
                "",
                xy=(target, 0.1),
                xytext=(j, 0.9),
                arrowprops={"arrowstyle": "->", "color": colour, "linewidth": 1.4},
            )
        ax.text(-0.9, 1.0, "i", ha="right", va="center")
        ax.text(-0.9, 0.0, "N - 1 - i", ha="right", va="center")
        ax.set_xlim(-3.6, 8.6)
        ax.set_ylim(-0.55, 1.4)
        ax.axis("off")
        lands = "kept samples" if n % 2 else "dropped ones"
        ax.set_title(f"N = {n}: kept samples land on {lands}", loc="left")
    fig.suptitle(
        "stride 2 keeps the filled samples;\nrot90 maps sample i to N - 1 - i", fontsize=10
    )
    return fig
