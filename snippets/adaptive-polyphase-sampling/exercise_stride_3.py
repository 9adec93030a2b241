"""Stride 3, r = (2, 0), v = (5, 4): APS keeps (1, 1) and moves by (2, 1)."""

import torch

from shiftlab.layers import aps_downsample

x = torch.zeros(1, 1, 12, 12)  # (N, C, H, W)
x[0, 0, 2::3, 0::3] = 1.0  # component (2, 0) holds the largest norm
x[0, 0, 3, 6] = 2.0  # and some content, so that the output moving shows
y, k = aps_downsample(x, stride=3)
y_v, k_v = aps_downsample(torch.roll(x, (5, 4), dims=(2, 3)), stride=3)
moved = torch.equal(y_v, torch.roll(y, (2, 1), dims=(2, 3)))  # u = (2, 1)
print(f"kept {divmod(k.item(), 3)}, after the shift {divmod(k_v.item(), 3)}")
#> kept (2, 0), after the shift (1, 1)
print(f"output moved by u = (2, 1): {moved}")
#> output moved by u = (2, 1): True
assert divmod(k.item(), 3) == (2, 0)
assert divmod(k_v.item(), 3) == (1, 1)
assert moved
