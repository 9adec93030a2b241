"""Figures for "Nonlinearities, bias, normalisation": measured errors, and LayerNorm's affine.

matplotlib lives here and torch may not, so the layers are written out in numpy, a few
lines each, with torch's definitions: biased variance, ``eps = 1e-5``, inverted dropout.
Every bar and every panel is measured on real arrays with `equivariance_error`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import NDArray

from shiftlab.convolution import correlate
from shiftlab.figures.palette import Palette
from shiftlab.figures.panels import WIDTH, colour_bar
from shiftlab.measures import equivariance_error
from shiftlab.shifts import circular_shift

_Array = NDArray[np.float64]
_EPS = 1e-5  # torch's default for every normalisation layer
_EXACT = 1e-12  # float64 round-off: below this, the two routes agree


def _normalise(x: _Array, axes: tuple[int, ...]) -> _Array:
    """(x - mean) / sqrt(var + eps), statistics over `axes` (biased variance, as torch)."""
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    normalised: _Array = (x - mean) / np.sqrt(var + _EPS)
    return normalised


def _per_channel(values: _Array) -> _Array:
    return values[:, None, None]  # (C,) -> (C, 1, 1): the same number at every position


def _layers(rng: np.random.Generator, c: int, h: int, w: int) -> dict[str, Callable[..., Any]]:
    """The measured components, numpy in, numpy out, each as after training: random weights."""
    gamma, beta = rng.uniform(0.5, 2.0, c), rng.uniform(-1.0, 1.0, c)  # (C,) affine
    gamma_map, beta_map = rng.uniform(0.5, 2.0, (c, h, w)), rng.uniform(-1.0, 1.0, (c, h, w))
    mu, var = rng.normal(size=c), rng.uniform(0.5, 2.0, c)  # running statistics
    kernel, bias = rng.normal(size=(c, c, 3, 3)), rng.normal(size=c)
    fresh = np.random.default_rng(1)  # one generator for all calls: a new mask per call

    def affine(y: _Array) -> _Array:
        return _per_channel(gamma) * y + _per_channel(beta)

    def conv_bias_relu(x: _Array) -> _Array:
        y: _Array = np.maximum(correlate(x, kernel, bias, padding="circular"), 0.0)
        return y

    def batch_norm_eval(x: _Array) -> _Array:
        return affine((x - _per_channel(mu)) / np.sqrt(_per_channel(var) + _EPS))

    def layer_norm_trained(x: _Array) -> _Array:
        return gamma_map * _normalise(x, (1, 2, 3)) + beta_map

    def group_norm(x: _Array, groups: int = 2) -> _Array:
        grouped = x.reshape(x.shape[0], groups, c // groups, h, w)  # (N, G, C/G, H, W)
        return affine(_normalise(grouped, (2, 3, 4)).reshape(x.shape))

    def dropout(x: _Array, rng: np.random.Generator, p: float = 0.5) -> _Array:
        return x * (rng.random(x.shape) >= p) / (1 - p)

    return {
        "conv + bias + ReLU": conv_bias_relu,
        "BatchNorm2d, train": lambda x: affine(_normalise(x, (0, 2, 3))),
        "BatchNorm2d, eval": batch_norm_eval,
        "LayerNorm(C, H, W), initial affine": lambda x: _normalise(x, (1, 2, 3)),
        "LayerNorm(C, H, W), trained affine": layer_norm_trained,
        "GroupNorm, 2 groups": group_norm,
        "InstanceNorm2d, affine": lambda x: affine(_normalise(x, (2, 3))),
        "Dropout, train, fresh mask": lambda x: dropout(x, fresh),
        "Dropout, train, fixed mask": lambda x: dropout(x, np.random.default_rng(2)),
        "Dropout, eval": lambda x: x,
    }


def component_errors(seed: int = 0) -> dict[str, float]:
    """Largest relative L2 equivariance error of each component over all circular shifts.

    The input is (2, 4, 8, 8); every call of a component sees the whole batch shifted by
    one ``v`` (``batch_size=1``), as a train-mode BatchNorm needs.

    Args:
        seed: Seed of the input and of the random weights.

    Returns:
        Component name -> max relative L2 error over the 64 shifts.

    Examples:
        >>> errors = component_errors()
        >>> [name for name, e in errors.items() if e > 1e-12]  # doctest: +NORMALIZE_WHITESPACE
        ['LayerNorm(C, H, W), trained affine',
         'Dropout, train, fresh mask', 'Dropout, train, fixed mask']
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2, 4, 8, 8))  # (N, C, H, W)
    layers = _layers(rng, *x.shape[1:])
    return {
        name: equivariance_error(f, x, batch_size=1).max_relative_l2 for name, f in layers.items()
    }


def normalisation_errors(palette: Palette) -> Figure:
    """Measured equivariance error of pointwise maps, normalisations and dropout.

    One bar per component: the largest relative L2 error of ``f(T_v x)`` against
    ``T_v f(x)`` over all 64 circular shifts of an 8x8 input; components below 1e-12
    (float64 round-off) are marked exact.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with one horizontal bar chart.

    Examples:
        >>> from shiftlab.figures.palette import LIGHT
        >>> labels = normalisation_errors(LIGHT).axes[0].get_yticklabels()
        >>> len(labels), labels[0].get_text()
        (10, 'conv + bias + ReLU')
    """
    errors = component_errors()
    names = list(errors)
    values = np.array([errors[name] for name in names])
    exact = values < _EXACT
    fig = Figure(figsize=(WIDTH, 4.6), layout="constrained")
    ax = fig.subplots()
    rows = np.arange(len(names))
    colours = [palette.primary if e else palette.accent for e in exact]
    ax.barh(rows, np.where(exact, 0.0, values), height=0.6, color=colours)
    for row, (value, is_exact) in enumerate(zip(values, exact, strict=True)):
        label = "exact (< 1e-12)" if is_exact else f"{value:.2f}"
        colour = palette.primary if is_exact else palette.foreground
        ax.text(0.0 if is_exact else float(value), row, f"  {label}", va="center", color=colour)
    ax.set_yticks(rows, names)
    ax.invert_yaxis()  # first component on top
    ax.set_xlim(0, 1.3 * float(values.max()))
    ax.axvline(0, color=palette.muted, linewidth=0.8)
    ax.set_xlabel("max relative L2 error of $f(T_v x)$ vs $T_v f(x)$\nover all 64 circular shifts")
    fig.suptitle(
        "numpy versions of the torch layers, input (2, 4, 8, 8);\nrandom weights and "
        "running statistics stand in for training",
        fontsize=10,
    )
    return fig


def layernorm_affine(palette: Palette) -> Figure:
    r"""Why a trained LayerNorm([C, H, W]) is not equivariant: its weight does not move.

    Top row: the normalised input before and after the shift (it moves with ``v``).
    Middle row: ``T_v f(x)`` and ``f(T_v x)`` for ``f(x) = gamma * LayerNorm(x)``. Bottom
    row: the weight map ``gamma`` of channel 0, a ramp along W standing in for a trained
    one, and the difference of the two routes. Its relative L2 norm is for this one shift
    and this ramp; the page's bars measure other weights, the largest over all shifts.

    Args:
        palette: Colours of the variant to draw.

    Returns:
        A figure with six image panels.

    Examples:
        >>> from shiftlab.figures.palette import DARK
        >>> titles = [ax.get_title().splitlines() for ax in layernorm_affine(DARK).axes]
        >>> titles[4][0], titles[5][1]
        ('weight $\\gamma$: does not move,', 'L2 0.87 (this $v$, this $\\gamma$)')
    """
    rng = np.random.default_rng(3)
    c, size, v = 2, 12, (3, 4)  # v = (dy, dx)
    x = 0.2 * rng.normal(size=(1, c, size, size))  # (N, C, H, W)
    x[:, :, 2:7, 2:4] += 2.0  # a bar, so the shift is easy to follow
    ramp = np.linspace(0.25, 2.0, size)  # grows along W
    gamma = np.broadcast_to(ramp, (c, size, size))  # (C, H, W): one weight per position
    normalised = _normalise(x, (1, 2, 3))
    normalised_shifted = _normalise(circular_shift(x, v), (1, 2, 3))
    moved = circular_shift(gamma * normalised, v)  # T_v f(x)
    direct = gamma * normalised_shifted  # f(T_v x)
    gap = float(np.abs(normalised_shifted - circular_shift(normalised, v)).max())
    relative = float(np.linalg.norm(direct - moved) / np.linalg.norm(moved))
    gap_text = "< 1e-12" if gap < _EXACT else f"{gap:.1e}"
    panels = [  # channel 0 of each, (H, W), in reading order of a 3 x 2 grid
        (normalised[0, 0], "$\\hat x$ = LayerNorm$(x)$\nchannel 0 of 2"),
        (normalised_shifted[0, 0], f"LayerNorm$(T_v x) = T_v \\hat x$\ngap {gap_text}"),
        (moved[0, 0], "$T_v f(x)$, $f(x) = \\gamma \\hat x$:\nthe bar keeps its weight"),
        (direct[0, 0], "$f(T_v x)$: the bar\nmeets larger weights"),
        (gamma[0], "weight $\\gamma$: does not move,\n0.25 (left) to 2 (right)"),
        (
            (direct - moved)[0, 0],
            f"$f(T_v x) - T_v f(x)$: relative\nL2 {relative:.2f} (this $v$, this $\\gamma$)",
        ),
    ]
    weight = 4  # the index of the weight map in `panels`
    lim = max(float(np.abs(image).max()) for i, (image, _) in enumerate(panels) if i != weight)
    fig = Figure(figsize=(WIDTH, 7.6), layout="constrained")
    axes = fig.subplots(3, 2)
    signed = weight_image = None
    for i, (ax, (image, title)) in enumerate(zip(axes.flat, panels, strict=True)):
        if i == weight:  # the weight map: positive, on its own scale
            weight_image = ax.imshow(
                image, cmap=palette.image_cmap, vmin=0, vmax=2, interpolation="nearest"
            )
        else:
            style = {"cmap": palette.signed_cmap, "vmin": -lim, "vmax": lim}
            signed = ax.imshow(image, interpolation="nearest", **style)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title, fontsize=10)
    if signed is not None and weight_image is not None:
        colour_bar(fig, signed, axes, "value (channel 0)", shrink=0.6)
        colour_bar(fig, weight_image, axes[2, 0], "weight $\\gamma$", location="left")
    fig.suptitle(
        f"LayerNorm over (C, H, W) with a per-position\nweight; shift $v = (dy, dx) = {v}$",
        fontsize=10,
    )
    return fig
