"""Signals that differ only in the last two samples have the same Z_2."""

import numpy as np

from shiftlab.shifts import zero_shift

x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
y = np.array([1.0, 2.0, 3.0, -7.0, 9.0])  # same first three samples
print(zero_shift(x, 2).tolist())
#> [0.0, 0.0, 1.0, 2.0, 3.0]
print(zero_shift(y, 2).tolist())
#> [0.0, 0.0, 1.0, 2.0, 3.0]
assert np.array_equal(zero_shift(x, 2), zero_shift(y, 2))
