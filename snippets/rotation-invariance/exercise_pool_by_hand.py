"""Turning rolls (1, 3, 2, 5) to (5, 1, 3, 2); the max over r stays 5."""

import torch

from shiftlab.layers import p4_rotate

readout = torch.tensor([1.0, 3.0, 2.0, 5.0])  # over r = 0..3, one channel
# any p4 map whose planes are constant has this spatial mean
f = readout.reshape(1, 1, 4, 1, 1).expand(1, 1, 4, 5, 5)
turned = p4_rotate(f).mean(dim=(-2, -1))[0, 0]  # the read-out for rot90 x
print("for rot90 x:", turned.tolist())
#> for rot90 x: [5.0, 1.0, 3.0, 2.0]
print("max over orientations:", readout.max().item(), turned.max().item())
#> max over orientations: 5.0 5.0
assert turned.tolist() == [5.0, 1.0, 3.0, 2.0]
assert readout.max() == turned.max() == 5.0
