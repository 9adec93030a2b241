"""What anti-aliasing costs: no parameters, and multiply-adds counted."""

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

import shiftlab.layers as sl

C = 64
x = torch.randn(1, C, 32, 32)  # (N, C, H, W)
blur = C * 16 * 16 * 4 * 4  # m * m = 16 per output and channel
conv1, conv2 = C * C * 9 * 32 * 32, C * C * 9 * 16 * 16  # 3 x 3, stride 1, 2
strided = nn.Sequential(nn.Conv2d(C, C, 3, 2, 1, bias=False), nn.ReLU())
aps = nn.Sequential(nn.Conv2d(C, C, 3, 1, 1, bias=False), nn.ReLU())
aps.append(sl.AdaptivePolyphaseSampling(2))
# name: (module, multiply-adds, comparisons, squares), from the shapes; the
# flop counter sees convolutions only, not comparisons or APS's squares
layers = {
    "MaxPool2d(2)": (nn.MaxPool2d(2), 0, 3 * C * 16 * 16, 0),
    "MaxBlurPool(2, 4)": (sl.MaxBlurPool(2, 4), blur, 3 * C * 31 * 31, 0),
    "conv s2, ReLU": (strided, conv2, C * 16 * 16, 0),
    "ConvBlurPool(3, 4)": (sl.ConvBlurPool(C, C, 3, bias=False), conv1 + blur,
                           C * 32 * 32, 0),
    # APS adds 3 comparisons: the largest of 4 norms
    "conv s1, ReLU, APS": (aps, conv1, C * 32 * 32 + 3, C * 32 * 32),
}
head = "| layer | parameters | multiply-adds | comparisons | squares |"
print(head + "\n" + "| --- " * 5 + "|")
#> | layer | parameters | multiply-adds | comparisons | squares |
#> | --- | --- | --- | --- | --- |
for name, (module, expected, comparisons, squares) in layers.items():
    with FlopCounterMode(display=False) as counter:
        module(x)
    macs = counter.get_total_flops() // 2  # 2 flops each; convolutions only
    params = sum(p.numel() for p in module.parameters())
    print(f"| {name} | {params} | {macs} | {comparisons} | {squares} |")
    #> | MaxPool2d(2) | 0 | 0 | 49152 | 0 |
    #> | MaxBlurPool(2, 4) | 0 | 262144 | 184512 | 0 |
    #> | conv s2, ReLU | 36864 | 9437184 | 16384 | 0 |
    #> | ConvBlurPool(3, 4) | 36864 | 38010880 | 65536 | 0 |
    #> | conv s1, ReLU, APS | 36864 | 37748736 | 65539 | 65536 |
    assert macs == expected
assert not list(sl.BlurPool(7).parameters())  # the filter is a buffer
ratio = (conv1 + blur) / conv2
print(f"multiply-adds, ConvBlurPool / strided conv: {ratio:.2f}")
#> multiply-adds, ConvBlurPool / strided conv: 4.03
