"""With integer weights and input, p4 layers commute with turns bit for bit."""

import torch

from shiftlab.layers import P4GroupConv, P4LiftingConv, p4_rotate

torch.manual_seed(0)
f = torch.nn.Sequential(
    P4LiftingConv(3, 4, 3, padding_mode="zero"),
    torch.nn.ReLU(),
    P4GroupConv(4, 2, 5, padding_mode="zero"),
).double()
with torch.no_grad():
    for p in f.parameters():  # integers: every partial sum exact in float64
        p.copy_(torch.randint(-3, 4, p.shape))
    n = torch.randint(-5, 6, (2, 3, 9, 9)).double()  # (N, C, H, W)
    exact = all(
        torch.equal(f(torch.rot90(n, k, (-2, -1))), p4_rotate(f(n), k))
        for k in range(4)
    )
print("integer-valued data, equal bit for bit:", exact)
#> integer-valued data, equal bit for bit: True
assert exact
