"""Eval-mode BatchNorm2d is a per-channel affine map: exactly equivariant."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
bn = torch.nn.BatchNorm2d(3).double()
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0), bn.bias.uniform_(-1.0, 1.0)
    for _ in range(5):  # train-mode passes fill the running statistics
        bn(2.0 + 3.0 * torch.randn(16, 3, 8, 8, dtype=torch.float64))
    a = bn.weight / torch.sqrt(bn.running_var + bn.eps)  # a_c
    b = bn.bias - a * bn.running_mean  # b_c
bn.eval().requires_grad_(False)  # no autograd: outputs convert to NumPy
x = np.random.default_rng(0).normal(size=(2, 3, 8, 8))  # (N, C, H, W)
affine = a.numpy()[:, None, None] * x + b.numpy()[:, None, None]
out = bn(torch.from_numpy(x)).numpy()
matches = np.allclose(out, affine, rtol=0, atol=1e-12)
print(f"eval mode == a_c x + b_c: {matches}")
#> eval mode == a_c x + b_c: True
assert matches
# samples are independent in eval mode: any batch_size
report = equivariance_error(lambda z: bn(torch.from_numpy(z)).numpy(), x)
exact = report.max_relative_l2 < 1e-12
print(f"{len(report)} shifts, max relative error < 1e-12: {exact}")
#> 64 shifts, max relative error < 1e-12: True
assert exact
