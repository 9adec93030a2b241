"""Zero-fill shifts break the invariance of global pooling once what it reads leaves the frame.

Z_v x keeps N - |v| samples of x and adds |v| zeros: a rearrangement of x exactly when the
samples pushed out are zeros. Here x > 0 on indices 3..8 of 12: the average changes once
any of it leaves the frame, the max once its peak (index 5) does.
"""

import numpy as np

from shiftlab.measures import invariance_error
from shiftlab.pooling import global_avg_pool, global_max_pool

x = np.zeros((1, 1, 12))  # (N, C, W)
x[..., 3:9] = [1.0, 3.0, 4.0, 2.5, 1.5, 0.5]  # the peak 4.0 sits at index 5
shifts = range(-8, 9)

for name, pool in [("global average", global_avg_pool), ("global max", global_max_pool)]:
    circular = invariance_error(pool, x, shifts)
    zero = invariance_error(pool, x, shifts, shift_mode="zero")
    unchanged = [e.shift[0] for e in zero if e.max_abs == 0.0]  # a contiguous run of shifts
    lo, hi = min(unchanged), max(unchanged)
    print(f"{name}: circular error {circular.max_abs}; zero fill exact only for v = {lo}..{hi}")
    #> global average: circular error 0.0; zero fill exact only for v = -3..3
    #> global max: circular error 0.0; zero fill exact only for v = -5..6
    assert circular.max_abs == 0.0
    assert unchanged == list(range(lo, hi + 1))
    assert zero.max_abs > 0.0
