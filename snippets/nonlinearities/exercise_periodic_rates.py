"""Drop rates of period 3: equivariant in distribution for v = 0, 3, 6 only."""

import numpy as np

from shiftlab.shifts import circular_shift

p = np.where(np.arange(9) % 3 == 0, 0.5, 0.2)  # drop rate of entry i
x = np.random.default_rng(0).normal(size=9)
print("rates:", p.tolist())
#> rates: [0.5, 0.2, 0.2, 0.5, 0.2, 0.2, 0.5, 0.2, 0.2]
exact = []
for v in range(9):
    # entry i: dropped with this probability, else kept with this value
    route_a = p, circular_shift(x, v) / (1 - p)  # f(T_v x)
    q = circular_shift(p, v)  # T_v f(x) reads entry i - v of f(x)
    route_b = q, circular_shift(x, v) / (1 - q)
    if all(np.allclose(a, b) for a, b in zip(route_a, route_b, strict=True)):
        exact.append(v)
print("equivariant in distribution for v =", exact)
#> equivariant in distribution for v = [0, 3, 6]
assert exact == [0, 3, 6]
