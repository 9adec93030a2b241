"""Locally connected (untied) convolution: a filter of its own at every output position.

Locality without weight sharing. DeepFace (Taigman et al. 2014) used such layers on
faces aligned to a fixed frame, where each region has its own kind of detail. Untied
weights do not commute with shifts; copying one filter to every position
(``LocallyConnected2d.from_conv``) gives back the convolution, which with circular
padding does. Checked against a direct formula in tests/test_position.py.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F  # noqa: N812 - the usual name for torch's functional API
from torch import nn

from shiftlab.layers.padding import (
    LayerPadding,
    _check_map,
    _check_mode,
    _positive_int,
    pad2d,
    split_padding,
)
from shiftlab.layers.position import _check_channels, _check_grid


class LocallyConnected2d(nn.Module):
    """A convolution whose filter and bias differ at every output position (untied weights).

    ``y[o, p] = b[o, p] + sum_{c, a} w[p, o, c, a] x_pad[c, p + a]`` over the k x k window
    ``a``, "same" padding split as ``split_padding(kernel_size)``; ``self.weight`` has
    shape (H W, C_out, C_in k k), positions in raster order, and ``self.bias`` (C_out, H, W).
    The initial values are uniform in +-1 / sqrt(C_in k k), the bound of torch's Conv2d.
    With the same filter and bias at every position it is that convolution
    (``from_conv``) and, with circular padding, commutes with every circular shift.

    Examples:
        >>> conv = nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular").double()
        >>> untied = LocallyConnected2d.from_conv(conv, 4, 4, padding_mode="circular")
        >>> x = torch.randn(1, 1, 4, 4, dtype=torch.float64)
        >>> bool(torch.allclose(untied(x), conv(x)))
        True
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int,
        height: int,
        width: int,
        *,
        padding_mode: LayerPadding = "zero",
        bias: bool = True,
    ) -> None:
        """Build the layer.

        Args:
            in_channels: Input channels ``C_in``.
            out_channels: Output channels ``C_out``.
            kernel_size: Window size k, at least 1.
            height: Rows H of every input.
            width: Columns W of every input.
            padding_mode: "zero", "circular", "reflect" or "replicate".
            bias: Whether every position has a bias.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range or the padding mode is unknown.
        """
        super().__init__()
        self.in_channels = _positive_int(in_channels, "in_channels")
        self.out_channels = _positive_int(out_channels, "out_channels")
        self.kernel_size = k = _positive_int(kernel_size, "kernel_size")
        self.grid = (_positive_int(height, "height"), _positive_int(width, "width"))
        self.padding_mode = _check_mode(padding_mode)
        H, W = self.grid
        bound = 1 / math.sqrt(self.in_channels * k * k)
        shape = (H * W, self.out_channels, self.in_channels * k * k)
        self.weight = nn.Parameter(torch.empty(shape).uniform_(-bound, bound))
        start = torch.empty(self.out_channels, H, W).uniform_(-bound, bound)
        self.bias: nn.Parameter | None = nn.Parameter(start) if bias else None

    @classmethod
    def from_conv(
        cls, conv: nn.Conv2d, height: int, width: int, *, padding_mode: LayerPadding = "zero"
    ) -> LocallyConnected2d:
        """The layer with ``conv``'s filter and bias copied to every position (tied weights).

        It equals ``conv`` when ``conv`` pads as this layer does (``split_padding(k)`` in
        ``padding_mode``; for odd k, torch's ``padding=(k - 1) // 2`` in that mode).

        Args:
            conv: A square, stride-1, undilated Conv2d with ``groups=1``.
            height: Rows H of every input.
            width: Columns W of every input.
            padding_mode: Padding of the new layer.

        Returns:
            A ``LocallyConnected2d`` on the conv's dtype and device.

        Raises:
            TypeError: If ``conv`` is not a Conv2d.
            ValueError: If ``conv`` is not square, has a stride, dilation or groups.
        """
        if not isinstance(conv, nn.Conv2d):
            raise TypeError(f"conv must be a torch.nn.Conv2d, got {type(conv).__name__}")
        k = conv.kernel_size[0]
        if conv.kernel_size != (k, k) or conv.stride != (1, 1) or conv.dilation != (1, 1):
            raise ValueError(f"conv must be square with stride 1 and dilation 1, got {conv}")
        if conv.groups != 1:
            raise ValueError(f"conv must have groups=1, got {conv.groups}")
        layer = cls(
            conv.in_channels,
            conv.out_channels,
            k,
            height,
            width,
            padding_mode=padding_mode,
            bias=conv.bias is not None,
        ).to(dtype=conv.weight.dtype, device=conv.weight.device)
        with torch.no_grad():
            tied = conv.weight.reshape(1, conv.out_channels, -1)  # (1, C_out, C_in k k)
            layer.weight.copy_(tied.expand_as(layer.weight))
            if layer.bias is not None and conv.bias is not None:
                layer.bias.copy_(conv.bias[:, None, None].expand_as(layer.bias))
        return layer

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the untied filters to a floating (N, C_in, H, W) tensor of the layer's H, W.

        Returns:
            Tensor of shape (N, C_out, H, W).

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D, has the wrong channels or another (H, W), or
                is too small for reflect padding.
        """
        x = _check_grid(_check_channels(_check_map(x), self.in_channels), self.grid, "the layer")
        N, _, H, W = x.shape
        padded = pad2d(x, split_padding(self.kernel_size), self.padding_mode)
        cols = F.unfold(padded, self.kernel_size)  # (N, C_in k k, H W)
        y = torch.einsum("poc,ncp->nop", self.weight, cols)  # (N, C_out, H W)
        y = y.reshape(N, self.out_channels, H, W)
        return y if self.bias is None else y + self.bias

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"grid={self.grid}, padding_mode={self.padding_mode!r}"
        )
