"""Zero-fill shifts: global pooling stays exact while only zeros leave."""

import numpy as np

from shiftlab.measures import invariance_error
from shiftlab.pooling import global_avg_pool, global_max_pool

x = np.zeros((1, 1, 12))  # (N, C, W)
x[..., 3:9] = [1.0, 3.0, 4.0, 2.5, 1.5, 0.5]  # the peak 4.0 sits at index 5
pools = {"global average": global_avg_pool, "global max": global_max_pool}
for name, pool in pools.items():
    circular = invariance_error(pool, x, range(-8, 9))
    zero = invariance_error(pool, x, range(-8, 9), shift_mode="zero")
    unchanged = [e.shift[0] for e in zero if e.max_abs == 0.0]  # a run
    lo, hi = min(unchanged), max(unchanged)
    print(f"{name}: circular error {circular.max_abs}; "
          f"zero fill exact only for v = {lo}..{hi}")
    #> global average: circular error 0.0; zero fill exact only for v = -3..3
    #> global max: circular error 0.0; zero fill exact only for v = -5..6
    assert circular.max_abs == 0.0
    assert unchanged == list(range(lo, hi + 1))
    assert zero.max_abs > 0.0
