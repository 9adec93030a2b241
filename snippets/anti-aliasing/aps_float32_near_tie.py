"""A near tie: norms compared in float32 tie and flip the choice; float64 keeps it right.

Component (0, 0) holds a 1, component (0, 1) holds 1 and 2**-12: squared norms 1 and
1 + 2**-24, all values exact in float32. In float32, 1 + 2**-24 rounds to 1: a tie, so a
float32 comparison takes the first component and does not follow a shift. The library
compares the norms in float64, where the second is larger: its choice moves with the content.
"""

import torch

from shiftlab.layers import aps_downsample


def phase_float32(x: torch.Tensor) -> int:  # the same rule, with the norms left in float32
    parts = x.reshape(1, 1, 2, 2, 2, 2).permute(0, 3, 5, 1, 2, 4).reshape(4, -1)  # k = i * 2 + j
    return int(torch.argmax(torch.linalg.vector_norm(parts, dim=1)))  # first of the maxima


x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W), float32
x[0, 0, 0, 0] = 1.0  # component (0, 0)
x[0, 0, 0, 1], x[0, 0, 2, 1] = 1.0, 2.0**-12  # component (0, 1)
shifted = torch.roll(x, (0, 1), dims=(2, 3))  # the theorem: phase (0, 1) -> (0, 0)
for dtype in (torch.float32, torch.float64):  # the norms of components (0, 0) and (0, 1)
    a, b = (torch.linalg.vector_norm(x[..., 0::2, j::2].to(dtype)).item() for j in (0, 1))
    print(f"{dtype}: norms {a:.9f} and {b:.9f}, second minus first {b - a:.1e}")
    #> torch.float32: norms 1.000000000 and 1.000000000, second minus first 0.0e+00
    #> torch.float64: norms 1.000000000 and 1.000000030, second minus first 3.0e-08
k64, k64_shifted = aps_downsample(x)[1].item(), aps_downsample(shifted)[1].item()
k32, k32_shifted = phase_float32(x), phase_float32(shifted)
print(f"compared in float64: phase {k64} -> {k64_shifted}; "
      f"in float32: phase {k32} -> {k32_shifted}")
#> compared in float64: phase 1 -> 0; in float32: phase 0 -> 0
assert (k64, k64_shifted) == (1, 0)  # follows the content, as the theorem says
assert (k32, k32_shifted) == (0, 0)  # a tie in float32: the first component both times
