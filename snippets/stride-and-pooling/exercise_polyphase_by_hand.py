"""D_2 T_3 x = [x5, x7, x1, x3]: the odd component, shifted by 2."""

import numpy as np

from shiftlab.pooling import subsample
from shiftlab.shifts import circular_shift

x = np.arange(8).reshape(1, 1, 8)  # x_i = i, shape (N, C, W)
moved = subsample(circular_shift(x, 3), 2)
odd = subsample(x, 2, offset=1)
print("D_2 T_3 x:", moved[0, 0].tolist(), "  D_2^(1) x:", odd[0, 0].tolist())
#> D_2 T_3 x: [5, 7, 1, 3]   D_2^(1) x: [1, 3, 5, 7]
assert np.array_equal(moved, circular_shift(odd, 2))
