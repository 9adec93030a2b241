"""A convolution layer with circular padding commutes with torch.roll."""

import torch

torch.manual_seed(0)
conv = torch.nn.Conv2d(3, 8, kernel_size=5, padding=2, padding_mode="circular")
x = torch.randn(1, 3, 32, 32)  # (N, C, H, W)
v = (5, -3)  # (dy, dx): 5 rows down, 3 columns left

with torch.no_grad():
    lhs = conv(torch.roll(x, v, dims=(-2, -1)))  # f(T_v x)
    rhs = torch.roll(conv(x), v, dims=(-2, -1))  # T_v f(x)

err = (lhs - rhs).abs().max().item()
assert err < 1e-5
print(f"max |f(T_v x) - T_v f(x)| = {err:.1e}")
#> max |f(T_v x) - T_v f(x)| = 0.0e+00
