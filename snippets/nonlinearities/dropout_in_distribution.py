"""Train-mode dropout is equivariant in distribution when every position has the same rate p.

Entries are dropped independently, entry i with probability p_i, so f(T_v x) and T_v f(x) have
the same law iff p_i = p_{i - v} for every i. Measured: how often each position of f(T_v x)
and of T_v f(x) is dropped, over many draws. A rate that depends on the column passes for a
shift along the rows (p_i = p_{i - v} holds) and fails for one that moves the columns.
"""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
draws = 4000
x = torch.randn(1, 1, 8, 8, dtype=torch.float64) + 5.0  # (N, C, H, W), no zeros
p_of_column = torch.linspace(0.2, 0.8, 8, dtype=torch.float64)  # p for each j


def by_column(a: torch.Tensor) -> torch.Tensor:  # dropout with a position-dependent rate
    return a * (torch.rand_like(a) >= p_of_column) / (1 - p_of_column)


cases = [("F.dropout, p = 0.5", lambda a: F.dropout(a, 0.5, training=True), (2, 3)),
         ("p from 0.2 to 0.8 along W", by_column, (3, 0)),  # v = (dy, dx): rows only
         ("p from 0.2 to 0.8 along W", by_column, (2, 3))]
tolerance = 5 * np.sqrt(2 * 0.25 / draws)  # 5 standard errors of a gap, as p (1 - p) <= 1/4
for name, f, v in cases:
    many = x.expand(draws, -1, -1, -1)  # (draws, 1, 8, 8): a fresh mask for each copy
    routes = (f(torch.roll(many, v, (-2, -1))), torch.roll(f(many), v, (-2, -1)))
    dropped = [(y == 0).double().mean(0) for y in routes]  # drop rate per position
    gap = float((dropped[0] - dropped[1]).abs().max())
    print(f"{name}, v = {v}: largest gap in drop rates {gap:.3f}, within {tolerance:.3f}: "
          f"{gap < tolerance}")
    #> F.dropout, p = 0.5, v = (2, 3): largest gap in drop rates 0.030, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (3, 0): largest gap in drop rates 0.032, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (2, 3): largest gap in drop rates 0.449, within 0.056: False
    assert (gap < tolerance) == (v == (3, 0) or name.startswith("F.dropout"))
