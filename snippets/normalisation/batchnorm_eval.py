"""Eval-mode BatchNorm2d is a per-channel affine map: exactly equivariant."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
bn = torch.nn.BatchNorm2d(3).double()
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)
    bn.bias.uniform_(-1.0, 1.0)
    for _ in range(5):  # train-mode passes fill the running statistics
        bn(2.0 + 3.0 * torch.randn(16, 3, 8, 8, dtype=torch.float64))
bn.eval()


def f(a: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return bn(torch.from_numpy(a)).numpy()


x = np.random.default_rng(0).normal(size=(2, 3, 8, 8))  # (N, C, H, W)
# a_c = gamma_c / sqrt(var_c + eps) and b_c = beta_c - a_c mu_c
scale = (bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach().numpy()
offset = bn.bias.detach().numpy() - scale * bn.running_mean.numpy()  # b_c
affine = scale[:, None, None] * x + offset[:, None, None]
matches = np.allclose(f(x), affine, rtol=0, atol=1e-12)
print(f"eval mode == a_c x + b_c: {matches}")
#> eval mode == a_c x + b_c: True
report = equivariance_error(f, x)  # samples are independent in eval mode
exact = report.max_relative_l2 < 1e-12
print(f"{len(report)} shifts, max relative error < 1e-12: {exact}")
#> 64 shifts, max relative error < 1e-12: True
assert matches
assert exact
