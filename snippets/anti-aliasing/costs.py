"""What anti-aliasing costs: no parameters, and multiply-adds counted."""

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from shiftlab.layers import (
    AdaptivePolyphaseSampling,
    BlurPool,
    ConvBlurPool,
    MaxBlurPool,
)

C = 64
x = torch.randn(1, C, 32, 32)  # (N, C, H, W)
blur = C * 16 * 16 * 4 * 4  # m * m = 16 per output and channel
conv1 = C * C * 9 * 32 * 32  # 3 x 3 at stride 1
conv2 = C * C * 9 * 16 * 16  # 3 x 3 at stride 2
strided = nn.Sequential(nn.Conv2d(C, C, 3, 2, 1, bias=False), nn.ReLU())
conv_blur = ConvBlurPool(C, C, 3, bias=False)
aps = nn.Sequential(
    nn.Conv2d(C, C, 3, 1, 1, bias=False),
    nn.ReLU(),
    AdaptivePolyphaseSampling(2),
)
# name: (module, multiply-adds, comparisons, squares), from the shapes; the
# flop counter sees convolutions only, not comparisons or APS's squares
layers = {
    "MaxPool2d(2)": (nn.MaxPool2d(2), 0, 3 * C * 16 * 16, 0),
    # the max runs on 31 x 31 positions
    "MaxBlurPool(2, 4)": (MaxBlurPool(2, 4), blur, 3 * C * 31 * 31, 0),
    "conv s2, ReLU": (strided, conv2, C * 16 * 16, 0),
    "ConvBlurPool(3, 4)": (conv_blur, conv1 + blur, C * 32 * 32, 0),
    # APS adds 3 comparisons: the largest of 4 norms
    "conv s1, ReLU, APS": (aps, conv1, C * 32 * 32 + 3, C * 32 * 32),
}
row = "{:<18} | {:10d} | {:13d} | {:11d} | {:7d}"
print("layer              | parameters | multiply-adds | comparisons | squares")
#> layer              | parameters | multiply-adds | comparisons | squares
for name, (module, expected, comparisons, squares) in layers.items():
    with FlopCounterMode(display=False) as counter:
        module(x)
    macs = counter.get_total_flops() // 2  # 2 flops each; convolutions only
    params = sum(p.numel() for p in module.parameters())
    print(row.format(name, params, macs, comparisons, squares))
    #> MaxPool2d(2)       |          0 |             0 |       49152 |       0
    #> MaxBlurPool(2, 4)  |          0 |        262144 |      184512 |       0
    #> conv s2, ReLU      |      36864 |       9437184 |       16384 |       0
    #> ConvBlurPool(3, 4) |      36864 |      38010880 |       65536 |       0
    #> conv s1, ReLU, APS |      36864 |      37748736 |       65539 |   65536
    assert macs == expected
for extra in (BlurPool(7), MaxBlurPool(2, 7), AdaptivePolyphaseSampling(3)):
    # fixed filters: buffers only
    assert sum(p.numel() for p in extra.parameters()) == 0
print(
    f"multiply-adds, ConvBlurPool / strided conv: {(conv1 + blur) / conv2:.2f}"
)
#> multiply-adds, ConvBlurPool / strided conv: 4.03
