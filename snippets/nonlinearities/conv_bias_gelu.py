"""Circular convolution, per-channel bias, GELU: exactly equivariant."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
# bias=True is the default: one bias per output channel
stack = torch.nn.Sequential(
    torch.nn.Conv2d(3, 8, 3, padding=1, padding_mode="circular"),
    torch.nn.GELU(),
    torch.nn.Conv2d(8, 4, 3, padding=1, padding_mode="circular"),
    torch.nn.GELU(),
).double()
with torch.no_grad():  # a visibly non-zero bias, standing in for a trained one
    stack[0].bias.uniform_(-1.0, 1.0)


def f(a: np.ndarray) -> np.ndarray:  # numpy in, numpy out, float64
    with torch.no_grad():
        return stack(torch.from_numpy(a)).numpy()


x = np.random.default_rng(0).normal(size=(2, 3, 8, 10))  # (N, C, H, W)
# every circular shift (dy, dx) of the 8 x 10 grid
report = equivariance_error(f, x)
exact = report.max_relative_l2 < 1e-12
print(f"{len(report)} shifts, max relative error < 1e-12: {exact}")
#> 80 shifts, max relative error < 1e-12: True
assert len(report) == 80
assert exact
