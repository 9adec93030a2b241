"""Equivariance errors of position-aware layers, beside plain convolution."""

import numpy as np
import torch
from torch import nn

from shiftlab.layers import AbsolutePositionEmbedding as Embedding
from shiftlab.layers import CoordConv2d
from shiftlab.layers import LocallyConnected2d as Untied
from shiftlab.layers import RelativePositionSelfAttention as Attention
from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C, H, W, wrap = 4, 8, 8, "circular"
conv = nn.Conv2d(C, C, 3, padding=1, padding_mode=wrap)
blind = CoordConv2d(C, C, 3, padding_mode=wrap)
with torch.no_grad():
    blind.conv.weight[:, C:] = 0.0  # no weight on the coordinate channels
layers = {
    "convolution": conv,
    "CoordConv": CoordConv2d(C, C, 3, padding_mode=wrap),
    "CoordConv, coordinate weights 0": blind,
    "position embedding, std 0.02": Embedding(C, H, W),
    "position embedding, std 1": Embedding(C, H, W, std=1),
    "relative bias, offsets mod 8": Attention(C, H, W, std=1),
    "relative bias, plain offsets": Attention(C, H, W, offsets="linear", std=1),
    "locally connected": Untied(C, C, 3, H, W, padding_mode=wrap),
    "locally connected, tied": Untied.from_conv(conv, H, W, padding_mode=wrap),
}
exact = {"convolution", "CoordConv, coordinate weights 0",
         "relative bias, offsets mod 8", "locally connected, tied"}
x = np.random.default_rng(0).normal(size=(2, C, H, W))  # (N, C, H, W)
for name, layer in layers.items():
    f = layer.double()  # equivariance_error measures a numpy -> numpy map
    error = equivariance_error(
        lambda a, f=f: f(torch.from_numpy(a)).detach().numpy(), x
    ).max_relative_l2
    print(f"{name:32s} {'below 1e-12' if error < 1e-12 else f'{error:.3f}'}")
    #> convolution                      below 1e-12
    #> CoordConv                        0.625
    #> CoordConv, coordinate weights 0  below 1e-12
    #> position embedding, std 0.02     0.028
    #> position embedding, std 1        1.070
    #> relative bias, offsets mod 8     below 1e-12
    #> relative bias, plain offsets     0.327
    #> locally connected                1.536
    #> locally connected, tied          below 1e-12
    assert (error < 1e-12) == (name in exact)
