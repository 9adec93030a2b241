"""A plain convolution does not commute with a quarter turn."""

import torch

torch.manual_seed(0)
x = torch.randn(2, 3, 9, 9, dtype=torch.float64)  # (N, C, H, W)
plain = torch.nn.Conv2d(3, 4, 3, padding=1, bias=False).double()
with torch.no_grad():
    y = plain(x)
    turned = plain(torch.rot90(x, 1, (-2, -1)))
    relative = ((turned - torch.rot90(y, 1, (-2, -1))).norm() / y.norm()).item()
print(f"||f(rot90 x) - rot90 f(x)|| / ||f(x)|| = {relative:.3f}")
#> ||f(rot90 x) - rot90 f(x)|| / ||f(x)|| = 1.381
assert relative > 0.5
