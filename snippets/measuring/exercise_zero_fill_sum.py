"""Z_v keeps the sum of [0, 0, 3, 1, 0, 0] exactly for -2 <= v <= 2."""

import numpy as np

from shiftlab.shifts import zero_shift

x = np.array([0.0, 0.0, 3.0, 1.0, 0.0, 0.0])
kept = [v for v in range(-5, 6) if zero_shift(x, v).sum() == x.sum()]
print(kept)
#> [-2, -1, 0, 1, 2]
assert kept == [-2, -1, 0, 1, 2]
