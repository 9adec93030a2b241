"""Two stride-2 max pools: exact with T_(v/4) for v = 0, 4, 8, 12 only."""

import numpy as np

from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift

x = np.random.default_rng(0).normal(size=(1, 1, 16))  # (N, C, W)


def f(a: np.ndarray) -> np.ndarray:  # windows tile the grid: no padding
    return max_pool(max_pool(a, 2), 2)


def moved_by(v: int) -> list[int]:  # output shifts u with f(T_v x) = T_u f(x)
    y = f(circular_shift(x, v))
    return [u for u in range(4) if np.array_equal(y, circular_shift(f(x), u))]


exact = [v for v in range(16) if moved_by(v) == [v // 4] and v % 4 == 0]
others = [v for v in range(16) if v % 4 and moved_by(v)]
print("exact for v =", exact, "  other v moved by a shift:", others)
#> exact for v = [0, 4, 8, 12]   other v moved by a shift: []
assert exact == [0, 4, 8, 12]
