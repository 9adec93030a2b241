"""Padding and input checks for the torch layers: (N, C, H, W) tensors only.

The padding mode is the layer's boundary model, as in ``shiftlab.padding``: "circular"
makes the grid a torus, the only mode under which the layers commute exactly with
circular shifts (by multiples of their stride); the other modes treat the border
specially. The split of a window's padding before and after follows Zhang's
antialiased-cnns code and torch's ``padding="same"``.

``pad2d`` matches ``shiftlab.padding.pad_spatial`` mode by mode, see tests/test_layers.py.
"""

from __future__ import annotations

from typing import Literal, cast, get_args

import torch
import torch.nn.functional as F  # noqa: N812 - the usual name for torch's functional API

LayerPadding = Literal["reflect", "zero", "replicate", "circular"]
"""How a layer pads: "reflect" (Zhang's default), "zero", "replicate" or "circular"."""

_TORCH_MODES = {"reflect": "reflect", "zero": "constant", "replicate": "replicate"}


def _positive_int(value: object, name: str, low: int = 1, high: int | None = None) -> int:
    # bool is an int subclass, but a size of True is almost certainly a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise ValueError(f"{name} must be {bounds}, got {value}")
    return value


def _check_mode(mode: object) -> LayerPadding:
    modes = get_args(LayerPadding)
    if not isinstance(mode, str) or mode not in modes:
        raise ValueError(f"padding_mode must be one of {', '.join(map(repr, modes))}, got {mode!r}")
    return cast(LayerPadding, mode)


def _check_map(x: object) -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x must be a torch.Tensor, got {type(x).__name__}")
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W), got {tuple(x.shape)}")
    if not x.is_floating_point():
        raise TypeError(f"x must be floating (e.g. float32 or float64), got {x.dtype}")
    if 0 in x.shape[1:]:
        raise ValueError(f"x must have at least one channel, row and column, got {tuple(x.shape)}")
    return x


def split_padding(size: int) -> tuple[int, int]:
    """Padding before and after for a window of ``size`` that keeps the grid ("same").

    ``before = floor((size - 1) / 2)``, ``after = ceil((size - 1) / 2)``: Zhang's split,
    also torch's ``padding="same"``. For even sizes the window sits half a sample
    toward the end of the axis.

    Args:
        size: Window (filter or kernel) size, at least 1.

    Returns:
        ``(before, after)``.

    Examples:
        >>> split_padding(3), split_padding(4)
        ((1, 1), (1, 2))
    """
    return (size - 1) // 2, size // 2


def pad2d(x: torch.Tensor, pads: tuple[int, int], mode: LayerPadding) -> torch.Tensor:
    """Pad H and W of an (N, C, H, W) tensor by ``pads = (before, after)`` on each axis.

    "circular" indexes modulo the size, so it works for pads larger than the axis (the
    torus has no border); the other modes use ``torch.nn.functional.pad``.

    Args:
        x: Tensor of shape (N, C, H, W).
        pads: ``(before, after)``, the same on both spatial axes.
        mode: Padding mode.

    Returns:
        Tensor of shape (N, C, H + before + after, W + before + after).

    Raises:
        ValueError: If reflect padding is not smaller than H or W.
    """
    before, after = pads
    if not before and not after:
        return x
    H, W = x.shape[2:]
    if mode == "circular":
        rows = torch.arange(-before, H + after, device=x.device) % H
        cols = torch.arange(-before, W + after, device=x.device) % W
        return x[:, :, rows][:, :, :, cols]  # (N, C, H_padded, W_padded)
    if mode == "reflect" and after >= min(H, W):
        raise ValueError(f"reflect padding {pads} needs H and W larger than {after}, got {(H, W)}")
    return F.pad(x, (before, after, before, after), mode=_TORCH_MODES[mode])
