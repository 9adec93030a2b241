"""CoordConv = conv of x + a fixed map b, so its shift error is b - T_v b."""

import torch

from shiftlab.layers import CoordConv2d

torch.manual_seed(0)
layer = CoordConv2d(3, 4, 3, padding_mode="circular").double()
x = torch.randn(2, 3, 8, 8, dtype=torch.float64)  # (N, C, H, W)
shifts = [(dy, dx) for dy in range(8) for dx in range(8)]
with torch.no_grad():
    b = layer(torch.zeros_like(x))  # conv of the coordinates + bias
    same, worst = True, 0.0
    for v in shifts:
        error = layer(torch.roll(x, v, (2, 3))) - torch.roll(
            layer(x), v, (2, 3)
        )
        expected = b - torch.roll(b, v, (2, 3))
        same = same and torch.allclose(error, expected)
        worst = max(worst, float(expected.abs().max()))
print("error == b - T_v b for all 64 shifts:", same)
#> error == b - T_v b for all 64 shifts: True
print(f"largest |b - T_v b|: {worst:.2f}")
#> largest |b - T_v b|: 1.36
assert same
assert worst > 0.1
