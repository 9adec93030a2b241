"""APS keeps the odd columns of x, the even ones of T_(0,1) x: moved by 1."""

import torch

from shiftlab.layers import aps_downsample

x = torch.zeros(1, 1, 2, 6)  # (N, C, H, W): one row of content, one of zeros
x[0, 0, 0] = torch.tensor([1.0, 4.0, 2.0, 0.0, 3.0, 1.0])
y, k = aps_downsample(x)  # k = i * 2 + j for component (i, j)
y_v, k_v = aps_downsample(torch.roll(x, (0, 1), dims=(2, 3)))
print(f"x: component {k.item()}, kept {y[0, 0, 0].tolist()}")
#> x: component 1, kept [4.0, 0.0, 1.0]
print(f"T_(0,1) x: component {k_v.item()}, kept {y_v[0, 0, 0].tolist()}")
#> T_(0,1) x: component 0, kept [1.0, 4.0, 0.0]
assert (k.item(), k_v.item()) == (1, 0)
# u = (0, 1): the kept row moved by one sample
assert torch.equal(y_v, torch.roll(y, (0, 1), dims=(2, 3)))
