"""On the torus, rot90 T_(dy, dx) = T_(-dx, dy) rot90: p4 is not abelian."""

import torch


def rot90(a: torch.Tensor) -> torch.Tensor:
    return torch.rot90(a, 1, dims=(-2, -1))


z = torch.randn(5, 5, generator=torch.Generator().manual_seed(0))
turned_after = rot90(torch.roll(z, (1, 2), (0, 1)))  # rot90 T_(1, 2) z
same = {
    v: torch.equal(turned_after, torch.roll(rot90(z), v, (0, 1)))
    for v in [(-2, 1), (1, 2)]
}
for v, equal in same.items():
    print(f"rot90 T_(1, 2) == T_{v} rot90: {equal}")
    #> rot90 T_(1, 2) == T_(-2, 1) rot90: True
    #> rot90 T_(1, 2) == T_(1, 2) rot90: False
assert same == {(-2, 1): True, (1, 2): False}
