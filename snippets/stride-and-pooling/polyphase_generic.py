"""For generic x and s not dividing v, D_s T_v x is no shift of D_s x."""

import numpy as np

from shiftlab.pooling import subsample
from shiftlab.shifts import circular_shift

N, s = 12, 3
x = np.random.default_rng(0).normal(size=(1, 1, N))  # all samples different
moved = [subsample(circular_shift(x, v), s) for v in range(N) if v % s]
old = [circular_shift(subsample(x, s), u) for u in range(N // s)]
any_shift = any(np.array_equal(m, o) for m in moved for o in old)
print("some D_3 T_v x with 3 not dividing v is a shift of D_3 x:", any_shift)
#> some D_3 T_v x with 3 not dividing v is a shift of D_3 x: False
assert not any_shift
