"""Zero-fill shifts: statistics over positions carry border effects inside."""

from functools import partial

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error

norms = [  # (name, normalisation layer for c channels, train mode?)
    ("none", nn.Identity, False),
    ("BatchNorm2d", nn.BatchNorm2d, True),
    ("BatchNorm2d", nn.BatchNorm2d, False),
    ("GroupNorm(2, C)", partial(nn.GroupNorm, 2), False),
    ("InstanceNorm2d", partial(nn.InstanceNorm2d, affine=True), False),
    ("LayerNorm([C, H, W])", lambda c: nn.LayerNorm([c, 16, 16]), False),
]
x = np.random.default_rng(0).normal(size=(4, 3, 16, 16))  # up to the border
shifts = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)]
print("| normalisation | mode | interior error |\n| --- | --- | --- |")
#> | normalisation | mode | interior error |
#> | --- | --- | --- |
for name, norm, train in norms:
    torch.manual_seed(0)  # the same convolutions in every variant; radius 2
    net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), norm(8), nn.ReLU())
    net.extend([nn.Conv2d(8, 4, 3, padding=1), norm(4)]).double()
    with torch.no_grad():  # running statistics from train-mode batches
        for _ in range(20):
            net(torch.randn(16, 3, 16, 16, dtype=torch.float64))
    net.train(train)

    def f(a: np.ndarray, net: nn.Module = net) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(a)).numpy()

    e = equivariance_error(
        f, x, shifts, shift_mode="zero", crop=2, batch_size=1
    ).max_relative_l2
    print(f"| {name} | {'train' if train else 'eval'} | {e:.3f} |")
    #> | none | eval | 0.000 |
    #> | BatchNorm2d | train | 0.135 |
    #> | BatchNorm2d | eval | 0.000 |
    #> | GroupNorm(2, C) | eval | 0.123 |
    #> | InstanceNorm2d | eval | 0.146 |
    #> | LayerNorm([C, H, W]) | eval | 0.114 |
    stored = name == "none" or (norm is nn.BatchNorm2d and not train)
    assert (e < 1e-12) == stored  # statistics fixed before the shift: exact
