"""Anti-aliased downsampling (Zhang 2019): blur with a binomial filter, then subsample.

A stride keeps one polyphase component, so content above the new Nyquist frequency
aliases and a one-pixel shift can change the output completely. Blurring first removes
most of it: the layer is still equivariant only to multiples of the stride, but changes
smoothly in between. Filter rows, padding split and the size-1 case follow Zhang's code
(adobe/antialiased-cnns); checked against an oracle built from ``shiftlab.padding`` and
``shiftlab.convolution`` in tests/test_layers.py.
"""

from __future__ import annotations

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
from shiftlab.pooling import binomial_filter


class BlurPool(nn.Module):
    """Blur every channel with a fixed binomial filter, then keep every ``stride``-th sample.

    ``y = D_s(blur(pad(x)))``: a depthwise correlation with the binomial filter
    (``shiftlab.pooling.binomial_filter``), padding split ``split_padding(filter_size)``
    on each axis, and ``filter_size = 1`` meaning
    plain subsampling ``x[:, :, ::s, ::s]``. The filter is a buffer (no parameters),
    stored once, applied to any number of channels in the input's dtype and device.
    With ``padding_mode="circular"`` and ``s`` dividing H and W, ``BlurPool(T_v x) =
    T_{v/s} BlurPool(x)`` for every shift ``v`` that is a multiple of ``s`` on each axis
    (D_s-equivariance); other shifts move the output by a fraction of a sample, which
    the blur turns into a small, smooth change. Zhang's ``pad_off`` (extra padding on
    every side, 0 in the paper's models) is left out.

    Examples:
        >>> x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W)
        >>> x[0, 0, :, 1] = 1.0  # a vertical line on an odd column
        >>> x[..., ::2, ::2].tolist()  # plain stride 2 misses it entirely
        [[[[0.0, 0.0], [0.0, 0.0]]]]
        >>> BlurPool(3, padding_mode="circular")(x).tolist()
        [[[[0.25, 0.25], [0.25, 0.25]]]]
    """

    filter: torch.Tensor

    def __init__(
        self, filter_size: int = 4, stride: int = 2, padding_mode: LayerPadding = "reflect"
    ) -> None:
        """Build the layer.

        Args:
            filter_size: Taps of the binomial filter per axis, 1 to 7 (Zhang's default 4).
            stride: Subsampling factor on both axes, at least 1.
            padding_mode: "reflect" (Zhang's default), "zero", "replicate" or "circular".

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range or the padding mode is unknown.
        """
        super().__init__()
        self.filter_size = _positive_int(filter_size, "filter_size", 1, 7)
        self.stride = _positive_int(stride, "stride")
        self.padding_mode = _check_mode(padding_mode)
        weight = torch.from_numpy(binomial_filter(self.filter_size))
        self.register_buffer("filter", weight[None, None])  # (1, 1, k, k), shared by channels

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Blur and subsample a floating (N, C, H, W) tensor, any H, W >= 1.

        Returns:
            Tensor of shape (N, C, ceil(H / stride), ceil(W / stride)), dtype of ``x``.

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D or too small for reflect padding.
        """
        x, s = _check_map(x), self.stride
        if self.filter_size == 1:  # Zhang's special case: no filter, no padding
            return x[:, :, ::s, ::s].contiguous()  # (N, C, ceil(H/s), ceil(W/s))
        padded = pad2d(x, split_padding(self.filter_size), self.padding_mode)
        C, k = x.shape[1], self.filter_size
        weight = self.filter.to(dtype=x.dtype, device=x.device).expand(C, 1, k, k)
        return F.conv2d(padded, weight, stride=s, groups=C)  # (N, C, ceil(H/s), ceil(W/s))

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"{self.filter_size}, stride={self.stride}, padding_mode={self.padding_mode!r}"


class MaxBlurPool(nn.Module):
    """Max-pool with stride 1, then ``BlurPool``: Zhang's replacement for a strided max-pool.

    ``MaxPool2d(k, stride=s)`` is ``D_s`` of the stride-1 max-pool; putting a blur
    before the subsampling keeps the max but drops most of the aliasing. As in Zhang's
    models the max-pool is not padded, so it removes ``kernel_size - 1`` rows and
    columns; with ``padding_mode="circular"`` it wraps instead (split as
    ``split_padding(kernel_size)``), so the layer keeps the torus and is
    D_s-equivariant like ``BlurPool``.

    Examples:
        >>> x = torch.zeros(1, 1, 2, 5)  # (N, C, H, W)
        >>> x[0, 0, 0, 1] = 4.0
        >>> MaxBlurPool(2, filter_size=1)(x).tolist()  # the max-pool gives [[4, 4, 0, 0]]
        [[[[4.0, 0.0]]]]
        >>> MaxBlurPool(2, filter_size=1, padding_mode="circular")(x).tolist()
        [[[[4.0, 0.0, 0.0]]]]
    """

    def __init__(
        self,
        kernel_size: int = 2,
        filter_size: int = 4,
        stride: int = 2,
        padding_mode: LayerPadding = "reflect",
    ) -> None:
        """Build the layer.

        Args:
            kernel_size: Max-pool window, at least 1 (Zhang uses 2).
            filter_size: Taps of the binomial filter, 1 to 7.
            stride: Subsampling factor, at least 1.
            padding_mode: Padding of the blur ("circular" also wraps the max-pool).

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range or the padding mode is unknown.
        """
        super().__init__()
        self.kernel_size = _positive_int(kernel_size, "kernel_size")
        self.blur = BlurPool(filter_size, stride, padding_mode)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Max-pool, blur and subsample a floating (N, C, H, W) tensor.

        Returns:
            Tensor of shape (N, C, ceil(H' / stride), ceil(W' / stride)) with
            ``H' = H - kernel_size + 1`` (``H' = H`` for circular padding), same for W.

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D or, unless circular, smaller than the window.
        """
        x, k = _check_map(x), self.kernel_size
        if self.blur.padding_mode == "circular":
            x = pad2d(x, split_padding(k), "circular")
        elif min(x.shape[2:]) < k:
            raise ValueError(f"x must be at least {k} x {k} to max-pool, got {tuple(x.shape)}")
        out: torch.Tensor = self.blur(F.max_pool2d(x, k, stride=1))
        return out

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"kernel_size={self.kernel_size}"


class ConvBlurPool(nn.Module):
    """Convolve with stride 1, ReLU, then ``BlurPool``: Zhang's replacement for a strided conv.

    A strided convolution is ``D_s`` of the stride-1 one; Zhang blurs between the
    nonlinearity and the subsampling. The convolution keeps the size (padding split as
    ``split_padding(kernel_size)``) and pads like the blur, so with "circular" the
    layer is D_s-equivariant. (Zhang's ResNets zero-pad the convolution and
    reflect-pad the blur: compose ``nn.Conv2d``, ``nn.ReLU`` and ``BlurPool`` for that.)

    Examples:
        >>> layer = ConvBlurPool(3, 8, padding_mode="circular")
        >>> tuple(layer(torch.randn(2, 3, 9, 8)).shape)
        (2, 8, 5, 4)
        >>> sum(p.numel() for p in layer.parameters()) == 8 * 3 * 3 * 3 + 8  # the blur adds 0
        True
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        *,
        filter_size: int = 4,
        stride: int = 2,
        padding_mode: LayerPadding = "reflect",
        bias: bool = True,
    ) -> None:
        """Build the layer; the convolution is ``self.conv``, an ``nn.Conv2d``.

        Args:
            in_channels: Input channels ``C_in``.
            out_channels: Output channels ``C_out``.
            kernel_size: Convolution kernel size, at least 1.
            filter_size: Taps of the binomial filter, 1 to 7.
            stride: Subsampling factor, at least 1.
            padding_mode: Padding of the convolution and of the blur.
            bias: Whether the convolution has a bias.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is out of range or the padding mode is unknown.
        """
        super().__init__()
        c_in = _positive_int(in_channels, "in_channels")
        c_out = _positive_int(out_channels, "out_channels")
        self.kernel_size = _positive_int(kernel_size, "kernel_size")
        blur = BlurPool(filter_size, stride, padding_mode)  # checks its arguments first
        self.conv = nn.Conv2d(c_in, c_out, self.kernel_size, bias=bias)
        self.blur = blur

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Convolve, rectify, blur and subsample a floating (N, C_in, H, W) tensor.

        Returns:
            Tensor of shape (N, C_out, ceil(H / stride), ceil(W / stride)).

        Raises:
            TypeError: If ``x`` is not a floating tensor.
            ValueError: If ``x`` is not 4-D, has the wrong number of channels or is too
                small for reflect padding.
        """
        x = _check_map(x)
        if x.shape[1] != self.conv.in_channels:
            raise ValueError(f"x must have {self.conv.in_channels} channels, got {x.shape[1]}")
        padded = pad2d(x, split_padding(self.kernel_size), self.blur.padding_mode)
        out: torch.Tensor = self.blur(F.relu(self.conv(padded)))  # (N, C_out, H/s, W/s) rounded up
        return out
