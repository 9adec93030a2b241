"""A near tie: float32 norms tie, the choice flips; float64 keeps it right."""

import torch

from shiftlab.layers import aps_downsample


def phase_float32(x: torch.Tensor) -> int:  # the rule, norms left in float32
    norms = [x[..., i::2, j::2].norm() for i in (0, 1) for j in (0, 1)]
    return int(torch.argmax(torch.stack(norms)))  # k = 2 i + j; first maximum


x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W), float32
x[0, 0, 0, 0] = 1.0  # component (0, 0)
x[0, 0, 0, 1], x[0, 0, 2, 1] = 1.0, 2.0**-12  # component (0, 1)
shifted = torch.roll(x, (0, 1), dims=(2, 3))  # the theorem: phase 1 -> 0
for dtype in (torch.float32, torch.float64):
    a, b = (x[..., 0::2, j::2].to(dtype).norm().item() for j in (0, 1))
    print(f"{dtype}: norms {a:.9f} and {b:.9f}, second - first {b - a:.1e}")
    #> torch.float32: norms 1.000000000 and 1.000000000, second - first 0.0e+00
    #> torch.float64: norms 1.000000000 and 1.000000030, second - first 3.0e-08
k64 = [aps_downsample(a)[1].item() for a in (x, shifted)]
k32 = [phase_float32(a) for a in (x, shifted)]
print(f"phase in float64: {k64[0]} -> {k64[1]}; float32: {k32[0]} -> {k32[1]}")
#> phase in float64: 1 -> 0; float32: 0 -> 0
# float64 follows the content; float32 ties and keeps the first both times
assert (k64, k32) == ([1, 0], [0, 0])
