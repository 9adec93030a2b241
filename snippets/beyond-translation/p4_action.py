"""The p4 action: rot90 turns the grid; a p4 map also rolls its orientations."""

import torch

from shiftlab.layers import p4_rotate


def rot90(a: torch.Tensor) -> torch.Tensor:
    # a counterclockwise quarter turn of the last two axes
    return torch.rot90(a, 1, dims=(-2, -1))


def where(a: torch.Tensor) -> list[int]:
    # (r, i, j) of the one non-zero entry
    return torch.nonzero(a)[0, 2:].tolist()


N = 5
x = torch.zeros(N, N)
x[0, N - 1] = 1.0  # the top-right pixel
print("rot90 moves pixel (0, 4) to", torch.nonzero(rot90(x))[0].tolist())
#> rot90 moves pixel (0, 4) to [0, 0]

z = torch.randn(N, N, generator=torch.Generator().manual_seed(0))
i, j = torch.meshgrid(torch.arange(N), torch.arange(N), indexing="ij")
same = torch.equal(rot90(z), z[j, N - 1 - i])
print("rot90(z)[i, j] == z[j, N - 1 - i]:", same)
#> rot90(z)[i, j] == z[j, N - 1 - i]: True

f = torch.zeros(1, 1, 4, N, N)  # (N, C, 4, H, W): a p4 feature map
f[0, 0, 0, 0, N - 1] = 1.0  # orientation 0, top-right pixel
print("p4_rotate moves (r, i, j) = (0, 0, 4) to", where(p4_rotate(f)))
#> p4_rotate moves (r, i, j) = (0, 0, 4) to [1, 0, 0]
g = torch.randn(1, 1, 4, N, N, generator=torch.Generator().manual_seed(1))
four = p4_rotate(p4_rotate(p4_rotate(p4_rotate(g))))
print("four quarter turns give the map back:", torch.equal(four, g))
#> four quarter turns give the map back: True

turned_after = rot90(torch.roll(z, (1, 2), (0, 1)))  # rot90 T_(1, 2) z
for v in [(-2, 1), (1, 2)]:
    same = torch.equal(turned_after, torch.roll(rot90(z), v, (0, 1)))
    print(f"rot90 T_(1, 2) == T_{v} rot90: {same}")
    #> rot90 T_(1, 2) == T_(-2, 1) rot90: True
    #> rot90 T_(1, 2) == T_(1, 2) rot90: False
assert torch.equal(turned_after, torch.roll(rot90(z), (-2, 1), (0, 1)))
assert not torch.equal(turned_after, torch.roll(rot90(z), (1, 2), (0, 1)))
assert torch.equal(four, g)
