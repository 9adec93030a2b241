"""With stride 3, p4 lifting commutes with rot90 for N = 7 and 10, not 8, 9."""

import torch

from shiftlab.layers import P4LiftingConv, p4_rotate

torch.manual_seed(0)
lift = P4LiftingConv(1, 4, 3, stride=3, padding_mode="zero").double()
exact = {}
for n in (7, 8, 9, 10):
    x = torch.randn(2, 1, n, n, dtype=torch.float64)  # (N, C, H, W)
    with torch.no_grad():
        y, turned = lift(x), lift(torch.rot90(x, 1, dims=(-2, -1)))
    error = ((turned - p4_rotate(y)).norm() / y.norm()).item()
    exact[n] = error < 1e-12
print("equivariant for N =", [n for n, ok in exact.items() if ok])
#> equivariant for N = [7, 10]
assert exact == {7: True, 8: False, 9: False, 10: True}
