"""Dropout is equivariant in distribution iff p_i = p_(i - v) at every i."""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
draws = 4000
x = torch.randn(1, 1, 8, 8, dtype=torch.float64) + 5.0  # (N, C, H, W), no zeros
p_of_column = torch.linspace(0.2, 0.8, 8, dtype=torch.float64)  # p for each j


# dropout with a position-dependent rate
def by_column(a: torch.Tensor) -> torch.Tensor:
    return a * (torch.rand_like(a) >= p_of_column) / (1 - p_of_column)


cases = [
    ("F.dropout, p = 0.5", lambda a: F.dropout(a, 0.5, training=True), (2, 3)),
    # v = (dy, dx): rows only
    ("p from 0.2 to 0.8 along W", by_column, (3, 0)),
    ("p from 0.2 to 0.8 along W", by_column, (2, 3)),
]
# 5 standard errors of a gap, as p (1 - p) <= 1/4
tolerance = 5 * np.sqrt(2 * 0.25 / draws)
for name, f, v in cases:
    # (draws, 1, 8, 8): a fresh mask for each copy
    many = x.expand(draws, -1, -1, -1)
    routes = (
        f(torch.roll(many, v, (-2, -1))),
        torch.roll(f(many), v, (-2, -1)),
    )
    # drop rate per position
    dropped = [(y == 0).double().mean(0) for y in routes]
    gap = float((dropped[0] - dropped[1]).abs().max())
    # gap: the largest difference between the two routes' drop rates
    within = gap < tolerance
    print(f"{name}, v = {v}: gap {gap:.3f}, within {tolerance:.3f}: {within}")
    #> F.dropout, p = 0.5, v = (2, 3): gap 0.030, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (3, 0): gap 0.032, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (2, 3): gap 0.449, within 0.056: False
    assert within == (v == (3, 0) or name.startswith("F.dropout"))
