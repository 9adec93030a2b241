"""Train-mode dropout is equivariant in distribution: f(T_v x) and T_v f(x) have the same law.

Every position is dropped with the same probability p, independently, and a shift only
permutes positions. Measured: how often each position of f(T_v x) and of T_v f(x) is dropped,
over many draws. A drop rate that depends on the position fails the same test.
"""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
draws, v = 4000, (2, 3)  # v = (dy, dx)
x = torch.randn(1, 1, 8, 8, dtype=torch.float64) + 5.0  # (N, C, H, W), no zeros
p_of_column = torch.linspace(0.2, 0.8, 8, dtype=torch.float64)  # p for each j


def by_column(a: torch.Tensor) -> torch.Tensor:  # dropout with a position-dependent rate
    return a * (torch.rand_like(a) >= p_of_column) / (1 - p_of_column)


cases = {"F.dropout, p = 0.5": lambda a: F.dropout(a, 0.5, training=True),
         "p from 0.2 to 0.8 along W": by_column}
tolerance = 5 * np.sqrt(2 * 0.25 / draws)  # 5 standard errors of a gap, as p (1 - p) <= 1/4
for name, f in cases.items():
    many = x.expand(draws, -1, -1, -1)  # (draws, 1, 8, 8): a fresh mask for each copy
    routes = (f(torch.roll(many, v, (-2, -1))), torch.roll(f(many), v, (-2, -1)))
    dropped = [(y == 0).double().mean(0) for y in routes]  # drop rate per position
    gap = float((dropped[0] - dropped[1]).abs().max())
    print(f"{name}: largest gap in drop rates {gap:.3f}, within {tolerance:.3f}: "
          f"{gap < tolerance}")
    #> F.dropout, p = 0.5: largest gap in drop rates 0.030, within 0.056: True
    #> p from 0.2 to 0.8 along W: largest gap in drop rates 0.461, within 0.056: False
    assert (gap < tolerance) == (name == "F.dropout, p = 0.5")
