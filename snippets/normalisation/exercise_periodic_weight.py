"""LayerNorm with a column weight of period 2: exact for 32 of 64 shifts."""

import numpy as np
import torch

norm = torch.nn.LayerNorm([1, 8, 8]).double()
norm.weight.data[:] = torch.tensor([1.0, 2.0]).repeat(4)  # by column, all rows
x = np.random.default_rng(0).normal(size=(1, 1, 8, 8))


def f(a: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return norm(torch.from_numpy(a)).numpy()


def error(v: tuple[int, ...]) -> float:  # f(T_v x) against T_v f(x)
    moved = f(np.roll(x, v, (2, 3)))
    return float(np.abs(moved - np.roll(f(x), v, (2, 3))).max())


exact = [v for v in np.ndindex(8, 8) if error(v) < 1e-12]
even = all(dx % 2 == 0 for _, dx in exact)
print(len(exact), "exact shifts, all with even dx:", even)
#> 32 exact shifts, all with even dx: True
assert (len(exact), even) == (32, True)
