"""A global average after total stride 4 is invariant to multiples of 4."""

import numpy as np
import torch
from torch import nn

from shiftlab.measures import invariance_error

torch.manual_seed(0)
c = {"stride": 2, "padding": 1, "padding_mode": "circular"}
net = nn.Sequential(  # total stride 4, which divides 16
    nn.Conv2d(3, 8, 3, **c), nn.ReLU(), nn.Conv2d(8, 8, 3, **c), nn.ReLU()
).double()


@torch.no_grad()
def readout(a: np.ndarray) -> np.ndarray:  # (N, 3, 16, 16) -> (N, 8), numpy
    return net(torch.from_numpy(a)).mean(dim=(-2, -1)).numpy()


x = np.random.default_rng(0).normal(size=(2, 3, 16, 16))
report = invariance_error(readout, x)  # all 256 shifts
exact = {e.shift for e in report if e.relative_l2 < 1e-12}
multiples = {e.shift for e in report if not any(np.mod(e.shift, 4))}
print(f"unchanged for {len(exact)} of {len(report)} shifts; "
      f"those are the multiples of 4: {exact == multiples}")
#> unchanged for 16 of 256 shifts; those are the multiples of 4: True
others = [e.relative_l2 for e in report if e.shift not in multiples]
print(f"smallest change for any other shift: {min(others):.3f}")
#> smallest change for any other shift: 0.209
assert exact == multiples
