"""CoordConv is exact when coordinate weights sum to 0 along rows/columns."""

import torch

from shiftlab.layers import CoordConv2d

torch.manual_seed(0)
layer = CoordConv2d(3, 4, 3, padding_mode="circular").double()
x = torch.randn(2, 3, 8, 8, dtype=torch.float64)  # (N, C, H, W)


def worst() -> float:  # largest |f(T_v x) - T_v f(x)| over all 64 shifts
    vs = [(dy, dx) for dy in range(8) for dx in range(8)]
    roll = [(torch.roll(x, v, (2, 3)), v) for v in vs]
    gaps = [layer(s) - torch.roll(layer(x), v, (2, 3)) for s, v in roll]
    return max(float(g.abs().max()) for g in gaps)


with torch.no_grad():
    w = layer.conv.weight  # (C_out, 3 + 2, 3, 3): channel 3 rows, 4 columns
    w[:, 3] -= w[:, 3].mean(dim=-1, keepdim=True)  # kernel rows sum to 0
    w[:, 4] -= w[:, 4].mean(dim=-2, keepdim=True)  # kernel columns sum to 0
    balanced = worst()
    w[:, 3:] = 0.0
    zero = worst()
print(f"balanced, not 0: < 1e-12: {balanced < 1e-12} | all 0: {zero < 1e-12}")
#> balanced, not 0: < 1e-12: True | all 0: True
assert balanced < 1e-12
assert zero < 1e-12
