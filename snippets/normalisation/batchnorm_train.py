"""Train-mode BatchNorm is exactly equivariant, also with a shift per sample."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
bn = torch.nn.BatchNorm2d(3).double().train()
# a per-channel affine that is not the identity, as after training
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)
    bn.bias.uniform_(-1.0, 1.0)


def f(a: np.ndarray) -> np.ndarray:  # statistics of the batch it is given
    with torch.no_grad():
        return bn(torch.from_numpy(a)).numpy()


x = 3.0 + np.random.default_rng(0).normal(size=(4, 3, 8, 8))  # (N, C, H, W)
# batch_size=1: each call of f sees the whole batch, every sample shifted by v
report = equivariance_error(f, x, batch_size=1)
exact = report.max_relative_l2 < 1e-12
print(f"{len(report)} shifts, max relative error < 1e-12: {exact}")
#> 64 shifts, max relative error < 1e-12: True
# default batch_size: 64 shifted copies of x per call; per channel they hold
# 64 copies of the values of x, so the same mean and variance
stacked = equivariance_error(f, x)
stacked_exact = stacked.max_relative_l2 < 1e-12
print(f"default batch_size: max relative error < 1e-12: {stacked_exact}")
#> default batch_size: max relative error < 1e-12: True
assert exact
assert stacked_exact
