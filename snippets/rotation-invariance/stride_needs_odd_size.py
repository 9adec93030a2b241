"""After stride 2, rot90 equivariance holds on odd sizes, fails on even ones."""

import torch

from shiftlab.layers import P4LiftingConv, p4_rotate

torch.manual_seed(0)
lift = P4LiftingConv(1, 4, 3, stride=2, padding_mode="zero").double()
for N in (9, 8):
    # stride 2 keeps samples 0, 2, 4, ...; rot90 sends sample i to N - 1 - i
    kept = list(range(0, N, 2))
    x = torch.randn(2, 1, N, N, dtype=torch.float64)  # (N, C, H, W)
    with torch.no_grad():
        y, turned = lift(x), lift(torch.rot90(x, 1, dims=(-2, -1)))
    error = ((turned - p4_rotate(y)).norm() / y.norm()).item()
    turned_to = [N - 1 - i for i in kept]
    print(
        f"N = {N}: kept {kept} -> {turned_to}\n"
        f"       ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = {error:.3f}"
    )
    #> N = 9: kept [0, 2, 4, 6, 8] -> [8, 6, 4, 2, 0]
    #>        ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = 0.000
    #> N = 8: kept [0, 2, 4, 6] -> [7, 5, 3, 1]
    #>        ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = 1.281
    assert (error < 1e-12) == (N % 2 == 1)
