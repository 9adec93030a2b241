"""Through a stride-2 layer, rot90 equivariance holds on odd sizes, fails on even ones.

Stride 2 keeps samples 0, 2, 4, ... of each axis, and rot90 maps sample i to N - 1 - i.
For odd N the kept samples go to kept samples; for even N they go to the odd samples,
the other polyphase component, and the output is no rotation of the old one.
"""

import torch

from shiftlab.layers import P4LiftingConv, p4_rotate

torch.manual_seed(0)
lift = P4LiftingConv(1, 4, 3, stride=2, padding_mode="zero").double()
for N in (9, 8):
    kept = list(range(0, N, 2))
    x = torch.randn(2, 1, N, N, dtype=torch.float64)  # (N, C, H, W)
    with torch.no_grad():
        y, turned = lift(x), lift(torch.rot90(x, 1, dims=(-2, -1)))
    error = ((turned - p4_rotate(y)).norm() / y.norm()).item()
    print(f"N = {N}: kept {kept} -> {[N - 1 - i for i in kept]}\n"
          f"       ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = {error:.3f}")
    #> N = 9: kept [0, 2, 4, 6, 8] -> [8, 6, 4, 2, 0]
    #>        ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = 0.000
    #> N = 8: kept [0, 2, 4, 6] -> [7, 5, 3, 1]
    #>        ||f(rot90 x) - p4_rotate(f(x))|| / ||f(x)|| = 1.281
    assert (error < 1e-12) == (N % 2 == 1)
