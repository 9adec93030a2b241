"""ReLU on even columns, identity on odd: only the even shifts commute."""

import numpy as np

from shiftlab.shifts import circular_shift

even = np.arange(8) % 2 == 0


def f(x: np.ndarray) -> np.ndarray:  # ReLU where the column is even
    return np.where(even, np.maximum(x, 0), x)


x = np.random.default_rng(0).normal(size=8)
exact = [
    v
    for v in range(8)
    if np.array_equal(f(circular_shift(x, v)), circular_shift(f(x), v))
]
print("exact shifts:", exact)
#> exact shifts: [0, 2, 4, 6]
assert exact == [0, 2, 4, 6]
