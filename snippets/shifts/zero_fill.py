"""A zero-fill shift loses what leaves the frame: no inverse, not a group."""

import numpy as np

from shiftlab.shifts import zero_shift

x = np.array([1, 2, 3, 4, 5])
print(zero_shift(x, 2).tolist())
#> [0, 0, 1, 2, 3]
# Z_-2 Z_2 x: the 4 and 5 are gone
print(zero_shift(zero_shift(x, 2), -2).tolist())
#> [1, 2, 3, 0, 0]
print(np.roll(np.roll(x, 2), -2).tolist())  # the circular shift undoes itself
#> [1, 2, 3, 4, 5]

assert not np.array_equal(zero_shift(zero_shift(x, 2), -2), x)
# Z_1 Z_-1 differs from Z_0 = id too, so the shifts do not compose like a group.
assert not np.array_equal(zero_shift(zero_shift(x, -1), 1), zero_shift(x, 0))
