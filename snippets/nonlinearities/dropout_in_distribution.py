"""Dropout is equivariant in distribution iff p_i = p_(i - v) at every i."""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
draws = 4000
x = torch.randn(1, 1, 8, 8, dtype=torch.float64) + 5.0  # (N, C, H, W), no 0
p_col = torch.linspace(0.2, 0.8, 8, dtype=torch.float64)  # p for column j


def by_column(a: torch.Tensor) -> torch.Tensor:  # a drop rate per column
    return a * (torch.rand_like(a) >= p_col) / (1 - p_col)


cases = [  # (name, dropout, v = (dy, dx))
    ("F.dropout, p = 0.5", lambda a: F.dropout(a, 0.5, training=True), (2, 3)),
    ("p from 0.2 to 0.8 along W", by_column, (3, 0)),
    ("p from 0.2 to 0.8 along W", by_column, (2, 3)),
]
tolerance = 5 * np.sqrt(2 * 0.25 / draws)  # 5 standard errors: p (1 - p) <= 1/4
many = x.expand(draws, -1, -1, -1)  # (draws, 1, 8, 8): a fresh mask per copy
for name, f, v in cases:
    routes = f(torch.roll(many, v, (-2, -1))), torch.roll(f(many), v, (-2, -1))
    rates = [(y == 0).double().mean(0) for y in routes]  # per position
    gap = float((rates[0] - rates[1]).abs().max())  # largest difference
    within = gap < tolerance
    print(f"{name}, v = {v}: gap {gap:.3f}, within {tolerance:.3f}: {within}")
    #> F.dropout, p = 0.5, v = (2, 3): gap 0.030, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (3, 0): gap 0.032, within 0.056: True
    #> p from 0.2 to 0.8 along W, v = (2, 3): gap 0.449, within 0.056: False
    assert within == (v == (3, 0) or name.startswith("F.dropout"))
