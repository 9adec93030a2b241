"""Content kept 2R from the border: statistics and a global pool hold."""

from functools import partial

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error, invariance_error

norms = {
    "no normalisation": nn.Identity,
    "BatchNorm2d, train": nn.BatchNorm2d,
    "GroupNorm(2, C)": partial(nn.GroupNorm, 2),
    "InstanceNorm2d": partial(nn.InstanceNorm2d, affine=True),
    "LayerNorm([C, H, W])": lambda c: nn.LayerNorm([c, 20, 20]),
}
x = np.zeros((4, 3, 20, 20))  # (N, C, H, W): a zero canvas, content inside
x[..., 6:14, 6:14] = np.random.default_rng(0).normal(size=(4, 3, 8, 8))
# |dy|, |dx| <= 2 keeps the content 2R = 4 px from the border (radius R = 2)
shifts = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)]
kw = {"shift_mode": "zero", "batch_size": 1}
for name, norm in norms.items():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), norm(8), nn.ReLU())
    net.extend([nn.Conv2d(8, 4, 3, padding=1), norm(4)]).double().train()

    def f(a: np.ndarray, net: nn.Module = net) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(a)).numpy()

    def gap(a: np.ndarray, f=f) -> np.ndarray:  # a global average pool
        return f(a).mean(axis=(-2, -1))

    inner = equivariance_error(f, x, shifts, crop=2, **kw).max_relative_l2
    pooled = invariance_error(gap, x, shifts, **kw).max_abs
    exact, invariant = inner < 1e-12, pooled < 1e-12
    print(f"{name:20s} interior exact: {exact}, mean invariant: {invariant}")
    #> no normalisation     interior exact: True, mean invariant: True
    #> BatchNorm2d, train   interior exact: True, mean invariant: True
    #> GroupNorm(2, C)      interior exact: True, mean invariant: True
    #> InstanceNorm2d       interior exact: True, mean invariant: True
    #> LayerNorm([C, H, W]) interior exact: True, mean invariant: True
    assert exact
    assert invariant
