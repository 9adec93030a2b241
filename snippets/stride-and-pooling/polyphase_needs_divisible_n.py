"""With N = 7 and s = 2, D_2 T_2 is not T_1 D_2: s must divide N."""

import numpy as np

from shiftlab.pooling import subsample
from shiftlab.shifts import circular_shift

y = np.arange(7).reshape(1, 1, 7)  # y_i = i
left = subsample(circular_shift(y, 2), 2)  # D_2 T_2 y
right = circular_shift(subsample(y, 2), 1)  # T_1 D_2 y
print("D_2 T_2 y:", left[0, 0].tolist(), "  T_1 D_2 y:", right[0, 0].tolist())
#> D_2 T_2 y: [5, 0, 2, 4]   T_1 D_2 y: [6, 0, 2, 4]
assert not np.array_equal(left, right)
