"""Layers that know absolute position: coordinate channels, CoordConv and position embeddings.

A convolution applies the same weights at every position, which is why it commutes with
shifts. The layers here add what a position is, so they do not:

* ``CoordConv2d`` (Liu et al. 2018) appends two fixed coordinate channels in [-1, 1]
  (``coordinate_channels``) and convolves. By linearity it is a convolution of the input
  plus a fixed map made from the coordinates, so it is a plain convolution exactly when
  the weights on the coordinate channels are zero;
* ``AbsolutePositionEmbedding`` adds a learned (C, H, W) map, one vector per position
  (the learned embeddings of Vaswani et al. 2017 and Dosovitskiy et al. 2021).

Their relatives keep or drop other parts of the symmetry: ``shiftlab.layers.attention``
(a bias per offset, equivariant under circular shifts) and ``shiftlab.layers.untied``
(a filter per position). The guide's page "Position-aware layers" measures all of them.
Tensors are (N, C, H, W). Checked against direct formulas in tests/test_position.py.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from shiftlab.layers.padding import (
    LayerPadding,
    _check_map,
    _check_mode,
    _positive_int,
    pad2d,
    split_padding,
)


def coordinate_channels(
    height: int,
    width: int,
    *,
    dtype: torch.dtype = torch.float32,
    device: torch.device | None = None,
) -> torch.Tensor:
    """The CoordConv channels: row coordinate, then column coordinate, linear in [-1, 1].

    Channel 0 holds ``(2 i - (H - 1)) / (H - 1)`` at row ``i`` (the same on every column),
    channel 1 ``(2 j - (W - 1)) / (W - 1)`` at column ``j``: -1 on the first row or
    column, exactly 1 on the last, symmetric about the centre (0 on the middle row of an
    odd size; no sample is 0 on an even size). A size of 1 has no such scale (the formula
    is 0 / 0), so it raises: the reference code divides by zero there.

    Args:
        height: Rows H, at least 2.
        width: Columns W, at least 2.
        dtype: Floating dtype of the result.
        device: Device of the result.

    Returns:
        Tensor of shape (2, H, W).

    Raises:
        TypeError: If a size is not an integer or ``dtype`` is not floating.
        ValueError: If a size is smaller than 2.

    Examples:
        >>> rows, cols = coordinate_channels(3, 4)
        >>> rows[:, 0].tolist(), [round(c, 4) for c in cols[0].tolist()]
        ([-1.0, 0.0, 1.0], [-1.0, -0.3333, 0.3333, 1.0])
    """
    H = _positive_int(height, "height", 0)
    W = _positive_int(width, "width", 0)
    if H < 2 or W < 2:
        raise ValueError(f"coordinate channels need H and W >= 2 to span [-1, 1], got {(H, W)}")
    if not dtype.is_floating_point:
        raise TypeError(f"dtype must be floating, got {dtype}")
    # Integers first, one division last: the endpoints are exactly -1 and 1, and
    # c[i] == -c[H - 1 - i] holds exactly.
    i = torch.arange(H, device=device, dtype=torch.float64)
    j = torch.arange(W, device=device, dtype=torch.float64)
    rows = ((2 * i - (H - 1)) / (H - 1))[:, None].expand(H, W)
    cols = ((2 * j - (W - 1)) / (W - 1))[None, :].expand(H, W)
    return torch.stack([rows, cols]).to(dtype)  # (2, H, W)


def _check_channels(x: torch.Tensor, channels: int) -> torch.Tensor:
    if x.shape[1] != channels:
        raise ValueError(f"x must have {channels} channels, got shape {tuple(x.shape)}")
    return x


def _check_std(std: object) -> float:
    if isinstance(std, bool) or not isinstance(std, int | float) or not 0 <= std < math.inf:
        raise ValueError(f"std must be a finite number >= 0, got {std!r}")
    return float(std)


def _check_grid(x: torch.Tensor, grid: tuple[int, int], what: str) -> torch.Tensor:
    if tuple(x.shape[2:]) != grid:
        raise ValueError(f"{what} is built for (H, W) = {grid}, got x of shape {tuple(x.shape)}")
    return x


class CoordConv2d(nn.Module):
    """Append the coordinate channels to the input, then convolve (Liu et al. 2018).

    ``y = conv([x; c])`` with ``c = coordinate_channels(H, W)`` and "same" padding split
    as ``split_padding(kernel_size)``. The convolution is ``self.conv`` with
    ``in_channels + 2`` inputs; its last two input channels act on the coordinates
    (rows, then columns). Since a convolution is linear in its input channels,
    ``y = conv_x(x) + conv_c(c)``: the input's convolution plus a map that does not
    depend on ``x``. With circular padding ``y(T_v x) - T_v y(x) = b - T_v b`` for that
    map ``b``, so the layer is equivariant exactly when ``b`` is (for instance when the
    coordinate weights are zero). The padding mode pads the coordinates too.

    Examples:
        >>> layer = CoordConv2d(1, 1, kernel_size=1)
        >>> with torch.no_grad():  # read only the row coordinate
        ...     _ = layer.conv.weight.copy_(torch.tensor([0.0, 1.0, 0.0]).view(1, 3, 1, 1))
        ...     _ = layer.conv.bias.zero_()
        >>> layer(torch.zeros(1, 1, 2, 3)).tolist()
        [[[[-1.0, -1.0, -1.0], [1.0, 1.0, 1.0]]]]
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        *,
        padding_mode: LayerPadding = "zero",
        bias: bool = True,
    ) -> None:
        """Build the layer; torch's default initialisation for ``self.conv``.

        Args:
            in_channels: Input channels ``C_in``, not counting the two coordinates.
            out_channels: Output channels ``C_out``.
            kernel_size: Kernel size, at least 1.
            padding_mode: "zero" (the reference code's "same"), "circular", "reflect"
                or "replicate".
            bias: Whether the convolution has a bias.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range or the padding mode is unknown.
        """
        super().__init__()
        self.in_channels = _positive_int(in_channels, "in_channels")
        c_out = _positive_int(out_channels, "out_channels")
        self.kernel_size = _positive_int(kernel_size, "kernel_size")
        self.padding_mode = _check_mode(padding_mode)
        self.conv = nn.Conv2d(self.in_channels + 2, c_out, self.kernel_size, bias=bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Convolve a floating (N, C_in, H, W) tensor, H, W >= 2, with its coordinates.

        Returns:
            Tensor of shape (N, C_out, H, W).

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D, has the wrong channels or H or W < 2.
        """
        x = _check_channels(_check_map(x), self.in_channels)
        N, _, H, W = x.shape
        coords = coordinate_channels(H, W, dtype=x.dtype, device=x.device).expand(N, 2, H, W)
        both = torch.cat([x, coords], dim=1)  # (N, C_in + 2, H, W)
        out: torch.Tensor = self.conv(
            pad2d(both, split_padding(self.kernel_size), self.padding_mode)
        )
        return out

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"padding_mode={self.padding_mode!r}"


class AbsolutePositionEmbedding(nn.Module):
    """Add a learned map ``P`` of shape (C, H, W): ``y = x + P``, one vector per position.

    ``y(T_v x) - T_v y(x) = P - T_v P`` for every input, so the error is the embedding's
    own change under the shift, whatever ``x`` is; it vanishes for all shifts only when
    ``P`` is constant over positions, a per-channel bias.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> embed = AbsolutePositionEmbedding(2, 3, 3)
        >>> y = embed(torch.zeros(1, 2, 3, 3))
        >>> tuple(embed.embedding.shape), bool(y.equal(embed.embedding[None]))
        ((2, 3, 3), True)
    """

    def __init__(self, channels: int, height: int, width: int, *, std: float = 0.02) -> None:
        """Build the layer, with ``P`` drawn from a normal of standard deviation ``std``.

        Args:
            channels: Channels C.
            height: Rows H of every input.
            width: Columns W of every input.
            std: Standard deviation of the initial embedding, >= 0.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is smaller than 1 or ``std`` is negative or not finite.
        """
        super().__init__()
        shape = (
            _positive_int(channels, "channels"),
            _positive_int(height, "height"),
            _positive_int(width, "width"),
        )
        self.embedding = nn.Parameter(torch.randn(shape) * _check_std(std))  # (C, H, W)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Add the embedding to a floating (N, C, H, W) tensor of the layer's C, H, W.

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D or its (C, H, W) differs from the embedding's.
        """
        C, H, W = self.embedding.shape
        x = _check_grid(_check_channels(_check_map(x), C), (H, W), "the embedding")
        return x + self.embedding
