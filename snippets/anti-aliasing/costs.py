"""What anti-aliasing costs: no parameters, and multiply-adds counted from the computation.

FlopCounterMode counts the multiply-adds of convolutions (2 flops each), checked against the
formula from the shapes; comparisons (max pool, ReLU) and APS's squared norms it does not
count, so those come from the shapes alone. On a (1, 64, 32, 32) input the blur adds m * m
multiply-adds per output and channel; the larger cost is the layer before it, run at
stride 1 on 4 times as many positions.
"""

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from shiftlab.layers import AdaptivePolyphaseSampling, BlurPool, ConvBlurPool, MaxBlurPool

C = 64
x = torch.randn(1, C, 32, 32)  # (N, C, H, W)
blur, conv1, conv2 = C * 16 * 16 * 4 * 4, C * C * 9 * 32 * 32, C * C * 9 * 16 * 16
layers = {  # name: (module, multiply-adds, comparisons, squares), from the shapes
    "MaxPool2d(2)": (nn.MaxPool2d(2), 0, 3 * C * 16 * 16, 0),
    "MaxBlurPool(2, 4)": (MaxBlurPool(2, 4), blur, 3 * C * 31 * 31, 0),  # max on 31 x 31
    "conv s2, ReLU": (nn.Sequential(nn.Conv2d(C, C, 3, 2, 1, bias=False), nn.ReLU()),
                      conv2, C * 16 * 16, 0),
    "ConvBlurPool(3, 4)": (ConvBlurPool(C, C, 3, bias=False), conv1 + blur, C * 32 * 32, 0),
    "conv s1, ReLU, APS": (nn.Sequential(nn.Conv2d(C, C, 3, 1, 1, bias=False), nn.ReLU(),
                                         AdaptivePolyphaseSampling(2)),
                           conv1, C * 32 * 32 + 3, C * 32 * 32),  # 3: the largest of 4 norms
}
print("layer              | parameters | multiply-adds | comparisons | squares")
#> layer              | parameters | multiply-adds | comparisons | squares
for name, (module, expected, comparisons, squares) in layers.items():
    with FlopCounterMode(display=False) as counter:
        module(x)
    macs = counter.get_total_flops() // 2  # counted, convolutions only
    params = sum(p.numel() for p in module.parameters())
    print(f"{name:<18} | {params:10d} | {macs:13d} | {comparisons:11d} | {squares:7d}")
    #> MaxPool2d(2)       |          0 |             0 |       49152 |       0
    #> MaxBlurPool(2, 4)  |          0 |        262144 |      184512 |       0
    #> conv s2, ReLU      |      36864 |       9437184 |       16384 |       0
    #> ConvBlurPool(3, 4) |      36864 |      38010880 |       65536 |       0
    #> conv s1, ReLU, APS |      36864 |      37748736 |       65539 |   65536
    assert macs == expected
for extra in (BlurPool(7), MaxBlurPool(2, 7), AdaptivePolyphaseSampling(3)):
    assert sum(p.numel() for p in extra.parameters()) == 0  # fixed filters: buffers only
print(f"multiply-adds, ConvBlurPool / strided conv: {(conv1 + blur) / conv2:.2f}")
#> multiply-adds, ConvBlurPool / strided conv: 4.03
