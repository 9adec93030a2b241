"""A 4 x 6 x 6 volume has 144 shifts; a stride-2 layer follows 18 of them."""

import itertools

import torch

torch.manual_seed(0)
conv = torch.nn.Conv3d(1, 2, 3, stride=2, padding=1, padding_mode="circular")
x = torch.randn(1, 1, 4, 6, 6, dtype=torch.float64)  # (N, C, D, H, W)
conv = conv.double()
shifts = list(itertools.product(range(4), range(6), range(6)))
exact = 0
with torch.no_grad():
    y = conv(x)
    for v in shifts:
        out = conv(torch.roll(x, v, dims=(2, 3, 4)))
        half = tuple(c // 2 for c in v)  # v / 2, rounded down
        exact += torch.allclose(out, torch.roll(y, half, dims=(2, 3, 4)))
print(f"{len(shifts)} shifts; the output moves by v / 2 for {exact}")
#> 144 shifts; the output moves by v / 2 for 18
assert (len(shifts), exact) == (144, 18)
