"""A near tie: float32 norms tie, the choice flips; float64 keeps it right."""

import torch

from shiftlab.layers import aps_downsample


def phase_float32(x: torch.Tensor) -> int:
    # the same rule, with the norms left in float32; component k = i * 2 + j
    blocks = x.reshape(1, 1, 2, 2, 2, 2).permute(0, 3, 5, 1, 2, 4)
    parts = blocks.reshape(4, -1)
    norms = torch.linalg.vector_norm(parts, dim=1)
    return int(torch.argmax(norms))  # the first of the maxima


x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W), float32
x[0, 0, 0, 0] = 1.0  # component (0, 0)
x[0, 0, 0, 1], x[0, 0, 2, 1] = 1.0, 2.0**-12  # component (0, 1)
shifted = torch.roll(
    x, (0, 1), dims=(2, 3)
)  # the theorem: phase (0, 1) -> (0, 0)
for dtype in (torch.float32, torch.float64):
    # the norms of components (0, 0) and (0, 1)
    components = (x[..., 0::2, j::2].to(dtype) for j in (0, 1))
    a, b = (torch.linalg.vector_norm(part).item() for part in components)
    print(f"{dtype}: norms {a:.9f} and {b:.9f}, second - first {b - a:.1e}")
    #> torch.float32: norms 1.000000000 and 1.000000000, second - first 0.0e+00
    #> torch.float64: norms 1.000000000 and 1.000000030, second - first 3.0e-08
k64, k64_shifted = (
    aps_downsample(x)[1].item(),
    aps_downsample(shifted)[1].item(),
)
k32, k32_shifted = phase_float32(x), phase_float32(shifted)
print(
    f"compared in float64: phase {k64} -> {k64_shifted}; "
    f"in float32: phase {k32} -> {k32_shifted}"
)
#> compared in float64: phase 1 -> 0; in float32: phase 0 -> 0
# float64 follows the content, as the theorem says; float32 ties and keeps the
# first component both times
assert (k64, k64_shifted) == (1, 0)
assert (k32, k32_shifted) == (0, 0)
