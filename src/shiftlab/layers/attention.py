"""Self-attention with a relative position bias: position-aware, yet equivariant on the torus.

Self-attention without positions treats the H W positions as a set, so it commutes with
every permutation of them, shifts included, and cannot tell where anything is. A bias
that depends on the offset ``p - q`` between query and key (Swin's relative position
bias, Liu et al. 2021; relative representations go back to Shaw et al. 2018) tells it
how far apart two positions are but not where they are. Taken modulo the grid, the offset
is unchanged by a circular shift, and the layer commutes with every circular shift; as a
plain difference, as inside Swin's windows, it changes by H or W for pairs that a shift
carries across the seam. Checked against a direct formula in tests/test_position.py.
"""

from __future__ import annotations

import math
from typing import Literal, get_args

import torch
from torch import nn

from shiftlab.layers.padding import _check_map, _positive_int
from shiftlab.layers.position import _check_channels, _check_grid, _check_std

Offsets = Literal["circular", "linear"]
"""How the bias indexes offsets: modulo the grid ("circular"), or as plain differences."""


class RelativePositionSelfAttention(nn.Module):
    """Self-attention over all H W positions with a learned bias per offset.

    With ``q, k, v`` from 1 x 1 convolutions (``heads`` heads of ``head_channels``),
    ``a[p, q] = <q_p, k_q> / sqrt(d) + B[p - q]``, ``y_p = sum_q softmax_q(a[p, :]) v_q``,
    then a 1 x 1 output convolution. ``offsets="circular"`` reads ``B`` from an (H, W)
    table at ``(p - q) mod (H, W)``: the bias depends only on the offset on the torus, and
    the layer commutes with every circular shift (proof on the guide's page).
    ``offsets="linear"`` reads it from a (2H - 1, 2W - 1) table at the plain difference
    ``p - q``, as Swin's windows do; a circular shift can move a pair across the seam,
    where its plain offset changes by H or W, so it is equivariant only if the table is
    periodic. The table is ``self.bias`` of shape (heads, *table).

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> attend = RelativePositionSelfAttention(2, 4, 4)
        >>> x = torch.randn(1, 2, 4, 4, dtype=torch.float64)
        >>> attend = attend.double()
        >>> moved = attend(torch.roll(x, (1, 2), dims=(2, 3)))
        >>> bool(torch.allclose(moved, torch.roll(attend(x), (1, 2), dims=(2, 3))))
        True
    """

    index: torch.Tensor

    def __init__(
        self,
        channels: int,
        height: int,
        width: int,
        *,
        heads: int = 1,
        head_channels: int | None = None,
        offsets: Offsets = "circular",
        std: float = 0.02,
    ) -> None:
        """Build the layer; the bias table starts as a normal of standard deviation ``std``.

        Args:
            channels: Input and output channels C.
            height: Rows H of every input.
            width: Columns W of every input.
            heads: Attention heads, each with its own bias table.
            head_channels: Channels d per head (default: ``channels``).
            offsets: "circular" (modulo the grid) or "linear" (plain differences).
            std: Standard deviation of the initial bias table, >= 0.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range, ``offsets`` is unknown or ``std`` is
                negative or not finite.
        """
        super().__init__()
        self.channels = _positive_int(channels, "channels")
        self.grid = (_positive_int(height, "height"), _positive_int(width, "width"))
        self.heads = _positive_int(heads, "heads")
        d = _positive_int(channels if head_channels is None else head_channels, "head_channels")
        self.head_channels = d
        if not isinstance(offsets, str) or offsets not in get_args(Offsets):
            raise ValueError(f"offsets must be 'circular' or 'linear', got {offsets!r}")
        self.offsets: Offsets = offsets
        self.qkv = nn.Conv2d(self.channels, 3 * self.heads * d, 1)
        self.out = nn.Conv2d(self.heads * d, self.channels, 1)
        H, W = self.grid
        table = (H, W) if offsets == "circular" else (2 * H - 1, 2 * W - 1)
        start = torch.randn(self.heads, *table) * _check_std(std)
        self.bias = nn.Parameter(start)  # (heads, *table)
        i, j = torch.meshgrid(torch.arange(H), torch.arange(W), indexing="ij")
        di = i.flatten()[:, None] - i.flatten()[None, :]  # (HW, HW): row of p minus row of q
        dj = j.flatten()[:, None] - j.flatten()[None, :]
        if offsets == "circular":
            index = (di % H) * W + dj % W
        else:
            index = (di + H - 1) * (2 * W - 1) + dj + W - 1
        self.register_buffer("index", index, persistent=False)  # (HW, HW) into the table

    def position_bias(self) -> torch.Tensor:
        """``B[p - q]`` for every query ``p`` and key ``q`` (raster order): (heads, H W, H W)."""
        return self.bias.flatten(1)[:, self.index]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Attend over the positions of a floating (N, C, H, W) tensor of the layer's C, H, W.

        Returns:
            Tensor of shape (N, C, H, W).

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D or its (C, H, W) differs from the layer's.
        """
        x = _check_grid(_check_channels(_check_map(x), self.channels), self.grid, "the layer")
        N, _, H, W = x.shape
        q, k, v = self.qkv(x).reshape(N, 3, self.heads, self.head_channels, H * W).unbind(1)
        logits = torch.einsum("nhdp,nhdq->nhpq", q, k) / math.sqrt(self.head_channels)
        weights = torch.softmax(logits + self.position_bias(), dim=-1)
        mixed = torch.einsum("nhpq,nhdq->nhdp", weights, v)  # (N, heads, d, HW)
        out: torch.Tensor = self.out(mixed.reshape(N, self.heads * self.head_channels, H, W))
        return out

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"{self.channels}, grid={self.grid}, heads={self.heads}, offsets={self.offsets!r}"
