"""Figures for "Stride and pooling": polyphase components, pooling blocks, aliasing.

Each panel is computed with the library's `subsample`, `max_pool` and `fourier_shift`
from fixed arrays: what a figure shows is what the code does.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from numpy.typing import NDArray

from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, stems
from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import circular_shift, fourier_shift


def polyphase_of_shift(x: NDArray[np.float64], v: int, s: int) -> tuple[int, int]:
    """Which polyphase component of `x`, and which shift of it, `D_s T_v x` is.

    This is how a stride breaks equivariance: unless `s` divides `v`, the shift selects
    another polyphase component instead of moving the same one. Found by comparing
    `D_s T_v x` with every `T_u D_s^(o) x`; the guide proves that the answer is
    `o = -v mod s`, `u = ceil(v / s)`.

    Args:
        x: Signal of shape (W,), W divisible by `s`, with distinct values.
        v: Circular shift of `x`.
        s: Subsampling factor.

    Returns:
        The pair `(o, u)` with `D_s T_v x = T_u D_s^(o) x`.

    Raises:
        ValueError: If no polyphase component matches (W not divisible by `s`).

    Examples:
        >>> x = np.arange(12.0)
        >>> polyphase_of_shift(x, 1, 3), polyphase_of_shift(x, 4, 3)
        ((2, 1), (2, 2))
    """
    moved = subsample(circular_shift(x, v)[None, None], s)  # (1, 1, W / s)
    for o in range(s):
        component = subsample(x[None, None], s, o)
        for u in range(component.shape[-1]):
            if np.array_equal(moved, circular_shift(component, u)):
                return o, u
    raise ValueError(f"D_{s} T_{v} x is no shifted polyphase component of x (shape {x.shape})")


def _stems(ax: Axes, values: NDArray[np.float64], colours: list[str], palette: Palette) -> None:
    stems(ax, values, colours, palette)
    ax.set_xticks(np.arange(len(values)))
    ax.set_xlim(-0.7, len(values) - 0.3)


def polyphase_shifts(palette: Palette) -> Figure:
    """A signal's two polyphase components, and the one `D_2 T_v x` picks for v = 0..3.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Five stem plots: `x` with even and odd samples coloured apart, then `D_2 T_v x`.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> fig = polyphase_shifts(LIGHT)
        >>> len(fig.axes), fig.axes[2].get_title(loc="left")
        (5, '$D_2 T_1 x = T_1 D_2^{(1)} x$: the odd samples')
    """
    n = 16
    i = np.arange(n)
    x = 1.0 + 0.9 * np.sin(2 * np.pi * i / n) + 0.05 * i  # distinct values, visible shape
    phase = [palette.primary, palette.accent]  # even samples, odd samples
    fig = Figure(figsize=(WIDTH, 7.2), layout="constrained")
    axes = fig.subplots(5, 1, sharey=True, gridspec_kw={"height_ratios": [1.3, 1, 1, 1, 1]})
    _stems(axes[0], x, [phase[k % 2] for k in i], palette)
    axes[0].set_title("$x$: even samples $D_2^{(0)} x$, odd samples $D_2^{(1)} x$", loc="left")
    names = ["the even samples", "the odd samples"]
    for v, ax in enumerate(axes[1:]):
        o, u = polyphase_of_shift(x, v, 2)
        moved = subsample(circular_shift(x, v)[None, None], 2)[0, 0]  # D_2 T_v x, (8,)
        _stems(ax, moved, [phase[o]] * len(moved), palette)
        ax.set_title(f"$D_2 T_{v} x = T_{u} D_2^{{({o})}} x$: {names[o]}", loc="left")
    axes[-1].set_xlabel("index on the subsampled grid")
    fig.suptitle(
        "a shift by $v$, then subsampling by 2:\nodd $v$ select the other polyphase component",
        fontsize=10,
    )
    return fig


def landing_cell(position: tuple[int, int], size: int, levels: int) -> tuple[int, int]:
    """Where one bright pixel ends up after `levels` max pools with window 2 and stride 2.

    Two pixels meet when their positions agree after floor division by `2^levels`, so
    what pooling brings together depends on the grid, not only on the distance.

    Args:
        position: (row, col) of the pixel in a `size` x `size` image of zeros.
        size: Height and width of the image, divisible by `2 ** levels`.
        levels: Number of pooling levels.

    Returns:
        (row, col) of the pooled map that holds the pixel: `floor(position / 2^levels)`.

    Examples:
        >>> landing_cell((7, 8), 16, 1), landing_cell((7, 8), 16, 3)
        ((3, 4), (0, 1))
    """
    image = np.zeros((1, 1, size, size))  # (N, C, H, W)
    image[0, 0, position[0], position[1]] = 1.0
    for _ in range(levels):
        image = max_pool(image, 2)
    row, col = np.unravel_index(int(image.argmax()), image.shape[2:])
    return int(row), int(col)


def _grid(ax: Axes, step: int, size: int, colour: str, width: float) -> None:
    lines = np.arange(0, size + 1, step) - 0.5
    ax.hlines(lines, -0.5, size - 0.5, colors=colour, linewidth=width)
    ax.vlines(lines, -0.5, size - 0.5, colors=colour, linewidth=width)


def pooling_blocks(palette: Palette) -> Figure:
    """Three bright pixels max-pooled (k2, s2) up to four times on a 16 x 16 image.

    One row per level `L = 1..4`. Left: the input with the aligned blocks of `2^L` pixels
    that land in one output; a block holding several bright pixels is shaded. Right: the
    pooled map, each output cell drawn over the block it comes from, so the pixels a
    block merges become one square.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A 4x2 panel figure.

    Examples:
        >>> from shiftlab.figures.palette import DARK
        >>> fig = pooling_blocks(DARK)
        >>> len(fig.axes), fig.axes[5].get_title()
        (8, 'pooled: 2 x 2 output')
    """
    size = 16
    green = to_hex(mpl.colormaps[palette.image_cmap](0.75))  # a third colour for both palettes
    pixels = {(2, 2): palette.primary, (7, 7): palette.accent, (8, 8): green}
    fig = Figure(figsize=(4.8, 9.0), layout="constrained")
    axes = fig.subplots(4, 2)
    for row, level in enumerate(range(1, 5)):
        block, out = 2**level, size // 2**level
        left, right = axes[row]
        for ax in (left, right):
            ax.set_xlim(-0.5, size - 0.5)
            ax.set_ylim(size - 0.5, -0.5)  # row 0 at the top, as in an image
            ax.set_aspect("equal")
            ax.set_xticks([])
            ax.set_yticks([])
            _grid(ax, block, size, palette.muted, 0.9)  # the blocks / the output cells
        _grid(left, 1, size, palette.muted, 0.3)  # faint: the input's own pixels
        landed: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for p in pixels:  # p // 2^L, as the guide proves; computed with max_pool
            landed.setdefault(landing_cell(p, size, level), []).append(p)
        for cell, members in landed.items():
            corner = (cell[1] * block - 0.5, cell[0] * block - 0.5)  # (x, y) of the block
            if len(members) == 1:
                right.add_patch(Rectangle(corner, block, block, color=pixels[members[0]], lw=0))
                continue
            for ax in (left, right):  # the merging block, one shape on input and output
                merge = Rectangle(corner, block, block, facecolor=palette.muted, alpha=0.35)
                ax.add_patch(merge)
                ax.add_patch(
                    Rectangle(corner, block, block, fill=False, ec=palette.foreground, lw=2.2)
                )
            centre = (corner[0] + block / 2, corner[1] + block / 2)
            right.text(*centre, f"{len(members)} pixels\nmerged", ha="center", va="center")
        for p, colour in pixels.items():
            left.add_patch(Rectangle((p[1] - 0.5, p[0] - 0.5), 1, 1, color=colour, lw=0))
        left.set_title(f"L = {level}: blocks of {block} x {block}")
        right.set_title(f"pooled: {out} x {out} output")
    fig.suptitle(
        "pixels (2, 2), (7, 7), (8, 8): (2, 2) and (7, 7)\n"
        "merge at L = 3; (7, 7) and (8, 8), one pixel\n"
        "apart, only at L = 4, the global max",
        fontsize=10,
    )
    return fig


def _interpolate(y: NDArray[np.float64], per_sample: int) -> NDArray[np.float64]:
    """Band-limited (Fourier) interpolation of a periodic signal, `per_sample` points each."""
    # (T_{-t} y)[i] = y(i + t): one Fourier shift per fractional offset t.
    offsets = [fourier_shift(y, -j / per_sample) for j in range(per_sample)]
    return np.stack(offsets, axis=1).ravel()  # (len(y) * per_sample,)


def subsampling_aliasing(palette: Palette) -> Figure:
    """Do the even samples of `x` determine its odd samples? Only without aliasing.

    The curve interpolates `D_2 x` (every second sample) band-limited; its values
    halfway between them are `T_{1/2} D_2 x`. The odd samples `D_2 T_1 x` lie on it
    exactly when `x` has no content at or above the new Nyquist frequency.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        Two panels: a band-limited signal and white noise, 30 samples each.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> fig = subsampling_aliasing(LIGHT)
        >>> fig.axes[0].get_title(loc="left")
        'band-limited $x$: relative error 0.000'
    """
    n, m = 30, 15  # m odd: the subsampled grid has no Nyquist bin
    rng = np.random.default_rng(0)
    k = np.fft.fftfreq(n) * n
    noise = rng.normal(size=n)
    band_limited = np.fft.ifft(np.where(np.abs(k) < m / 2, np.fft.fft(noise), 0)).real
    fig = Figure(figsize=(WIDTH, 5.6), layout="constrained")
    axes = fig.subplots(2, 1, sharex=True)
    per_sample = 16
    signals = [("band-limited", band_limited), ("white noise", noise)]
    for ax, (name, x) in zip(axes, signals, strict=True):
        even, odd = x[::2], np.roll(x, 1)[::2]  # D_2 x and D_2 T_1 x
        half = fourier_shift(even, 0.5)  # T_{1/2} D_2 x
        relative = float(np.linalg.norm(odd - half) / np.linalg.norm(even))
        curve = _interpolate(even, per_sample)
        fine = np.arange(len(curve)) * 2 / per_sample  # positions on the original grid
        ax.plot(fine, curve, color=palette.muted, linewidth=1.2)
        ax.plot(np.arange(0, n, 2), even, "o", color=palette.primary, markersize=5)
        ax.plot(np.arange(-1, n - 1, 2) % n, odd, "D", color=palette.accent, markersize=5)
        ax.axhline(0, color=palette.muted, linewidth=0.6)
        ax.set_title(f"{name} $x$: relative error {relative:.3f}", loc="left")
    fig.legend(
        axes[0].lines[:3],
        ["interpolation of $D_2 x$", "$D_2 x$: even samples", "$D_2 T_1 x$: odd samples"],
        loc="outside lower center",
        frameon=False,
        ncols=2,
    )
    axes[-1].set_xlabel("index $i$ on the original grid of 30 samples")
    fig.suptitle(
        "the odd samples lie on the curve through the even\nones iff nothing aliases; "
        "relative error\n$\\|D_2 T_1 x - T_{1/2} D_2 x\\| / \\|D_2 x\\|$",
        fontsize=10,
    )
    return fig
