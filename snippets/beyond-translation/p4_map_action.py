"""p4_rotate turns every plane and moves orientation r to r + 1."""

import torch

from shiftlab.layers import p4_rotate

N = 5
f = torch.zeros(1, 1, 4, N, N)  # (N, C, 4, H, W): a p4 feature map
f[0, 0, 0, 0, N - 1] = 1.0  # orientation 0, top-right pixel
moved = torch.nonzero(p4_rotate(f))[0, 2:].tolist()  # (r, i, j)
print("p4_rotate moves (r, i, j) = (0, 0, 4) to", moved)
#> p4_rotate moves (r, i, j) = (0, 0, 4) to [1, 0, 0]

g = torch.randn(1, 1, 4, N, N, generator=torch.Generator().manual_seed(1))
four = p4_rotate(g, 4)
print("four quarter turns give the map back:", torch.equal(four, g))
#> four quarter turns give the map back: True
assert moved == [1, 0, 0]
assert torch.equal(four, g)
