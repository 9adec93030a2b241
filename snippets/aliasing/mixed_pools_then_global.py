"""Mixed kinds, or a strided conv, then a global mean: the even shifts only."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import invariance_error
from shiftlab.pooling import global_avg_pool, max_pool

rng = np.random.default_rng(0)
x = rng.normal(size=(4, 2, 16, 16))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
heads = {
    "max pool 2, global mean": lambda a: global_avg_pool(max_pool(a, 2)),
    "conv 3x3 s2, global mean": lambda a: global_avg_pool(
        correlate(a, w, padding="circular", stride=2)
    ),
}
for name, f in heads.items():
    report = invariance_error(f, x)  # all 256 circular shifts
    exact = {e.shift for e in report if e.max_abs < 1e-12}
    even = {e.shift for e in report if e.shift[0] % 2 == e.shift[1] % 2 == 0}
    print(f"{name}: invariant to {len(exact)} shifts, the even:", exact == even)
    #> max pool 2, global mean: invariant to 64 shifts, the even: True
    #> conv 3x3 s2, global mean: invariant to 64 shifts, the even: True
    assert exact == even
