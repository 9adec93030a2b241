"""Torch layers of the guide: shift symmetry restored, broken on purpose, and extended.

Needs ``shiftlab[torch]``. Three groups:

* restoring shift symmetry to strided networks (below);
* layers that know where they are (``CoordConv2d``, ``AbsolutePositionEmbedding``,
  ``RelativePositionSelfAttention``, ``LocallyConnected2d``; the Position-aware layers
  page);
* rotations by 90 degrees (``P4LiftingConv``, ``P4GroupConv``, ``p4_rotate``,
  ``orientation_pool``; the Beyond translation page, after Cohen & Welling 2016).

A stride keeps one polyphase component of a feature map, so it breaks the shift
equivariance of the convolutions around it. Two remedies, both without parameters:

* ``BlurPool`` (Zhang 2019) low-passes before subsampling, with ``MaxBlurPool`` and
  ``ConvBlurPool`` replacing a strided max-pool or convolution: still equivariant only
  to multiples of the stride, but far less sensitive to the shifts in between;
* ``AdaptivePolyphaseSampling`` / ``aps_downsample`` (Chaman & Dokmanić 2021) keep the
  component with the largest norm, which moves with the content: with circular padding
  and a global pool the network is exactly invariant to every circular shift.

Tensors are (N, C, H, W). Importing ``shiftlab`` does not import this package (the numpy
core stays torch-free): import ``shiftlab.layers`` explicitly.

Examples:
    Circular convolution, APS and global average pooling give the same output for
    every circular shift of the input:

    >>> import torch
    >>> import torch.nn.functional as F
    >>> from shiftlab.layers import aps_downsample, pad2d
    >>> gen = torch.Generator().manual_seed(0)
    >>> x = torch.randn(1, 2, 6, 6, generator=gen, dtype=torch.float64)  # (N, C, H, W)
    >>> w = torch.randn(4, 2, 3, 3, generator=gen, dtype=torch.float64)  # (C_out, C_in, 3, 3)
    >>> def net(a: torch.Tensor) -> torch.Tensor:
    ...     features = F.conv2d(pad2d(a, (1, 1), "circular"), w)  # (N, 4, 6, 6)
    ...     return aps_downsample(features)[0].mean(dim=(2, 3))  # (N, 4)
    >>> shifted = [net(torch.roll(x, (v, u), dims=(2, 3))) for v in range(6) for u in range(6)]
    >>> max(float((out - net(x)).abs().max()) for out in shifted) < 1e-12
    True
"""

from shiftlab.layers.attention import RelativePositionSelfAttention
from shiftlab.layers.blurpool import BlurPool, ConvBlurPool, MaxBlurPool
from shiftlab.layers.p4 import (
    OrientationPool,
    P4GroupConv,
    P4LiftingConv,
    orientation_pool,
    p4_rotate,
)
from shiftlab.layers.padding import LayerPadding, pad2d, split_padding
from shiftlab.layers.polyphase import AdaptivePolyphaseSampling, aps_downsample
from shiftlab.layers.position import AbsolutePositionEmbedding, CoordConv2d, coordinate_channels
from shiftlab.layers.untied import LocallyConnected2d
from shiftlab.pooling import binomial_filter

__all__ = [
    "AbsolutePositionEmbedding",
    "AdaptivePolyphaseSampling",
    "BlurPool",
    "ConvBlurPool",
    "CoordConv2d",
    "LayerPadding",
    "LocallyConnected2d",
    "MaxBlurPool",
    "OrientationPool",
    "P4GroupConv",
    "P4LiftingConv",
    "RelativePositionSelfAttention",
    "aps_downsample",
    "binomial_filter",
    "coordinate_channels",
    "orientation_pool",
    "p4_rotate",
    "pad2d",
    "split_padding",
]
