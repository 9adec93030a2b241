"""CoordConv is a convolution of x plus a map b that does not depend on x."""

import torch
import torch.nn.functional as F

from shiftlab.layers import CoordConv2d

torch.manual_seed(0)
layer = CoordConv2d(3, 4, 3, padding_mode="circular").double()
x = torch.randn(2, 3, 8, 8, dtype=torch.float64)  # (N, C, H, W)
shifts = [(dy, dx) for dy in range(8) for dx in range(8)]
roll = lambda a, v: torch.roll(a, v, dims=(2, 3))  # noqa: E731
error = lambda v: layer(roll(x, v)) - roll(layer(x), v)  # noqa: E731
worst = lambda: max(float(error(v).abs().max()) for v in shifts)  # noqa: E731
with torch.no_grad():
    b = layer(torch.zeros_like(x))  # conv_c(c) + bias
    conv_x = F.conv2d(
        F.pad(x, (1, 1, 1, 1), mode="circular"), layer.conv.weight[:, :3]
    )
    print(
        "CoordConv(x) == conv_x(x) + b:", torch.allclose(layer(x), conv_x + b)
    )
    #> CoordConv(x) == conv_x(x) + b: True
    same = all(torch.allclose(error(v), b - roll(b, v)) for v in shifts)
    print("error == b - T_v b for all 64 shifts:", same)
    #> error == b - T_v b for all 64 shifts: True
    print(f"largest |b - T_v b|: {worst():.2f}")
    #> largest |b - T_v b|: 1.36
    w = layer.conv.weight  # (C_out, 3 + 2, 3, 3): channel 3 rows, 4 columns
    w[:, 3] -= w[:, 3].mean(dim=-1, keepdim=True)  # each kernel row sums to 0
    # each kernel column sums to 0
    w[:, 4] -= w[:, 4].mean(dim=-2, keepdim=True)
    balanced = worst()
    print("those sums 0, weights not 0: error below 1e-12:", balanced < 1e-12)
    #> those sums 0, weights not 0: error below 1e-12: True
    w[:, 3:] = 0.0
    zero = worst()
    print("coordinate weights all 0: error below 1e-12:", zero < 1e-12)
    #> coordinate weights all 0: error below 1e-12: True
assert same
assert balanced < 1e-12
assert zero < 1e-12
