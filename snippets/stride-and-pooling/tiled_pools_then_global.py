"""Strides before a global pool: invariance to multiples, or to every shift."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import invariance_error
from shiftlab.pooling import (
    avg_pool,
    global_avg_pool,
    global_max_pool,
    max_pool,
)

rng = np.random.default_rng(0)
x = rng.normal(size=(4, 2, 16, 16))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
heads = {  # name: (map, pools of one kind over windows that tile the grid?)
    "four max pools, 16 -> 1": (
        lambda a: max_pool(max_pool(max_pool(max_pool(a, 2), 2), 2), 2),
        True,
    ),
    "max pool 2, global max": (lambda a: global_max_pool(max_pool(a, 2)), True),
    "avg pool 2, global mean": (
        lambda a: global_avg_pool(avg_pool(a, 2)),
        True,
    ),
    "max pool 2, global mean": (
        lambda a: global_avg_pool(max_pool(a, 2)),
        False,
    ),
    "conv 3x3 s2, global mean": (
        lambda a: global_avg_pool(
            correlate(a, w, padding="circular", stride=2)
        ),
        False,
    ),
}
for name, (f, same_kind) in heads.items():
    report = invariance_error(f, x)  # all 256 circular shifts
    exact = {e.shift for e in report if e.max_abs < 1e-12}
    even = {
        e.shift for e in report if e.shift[0] % 2 == 0 and e.shift[1] % 2 == 0
    }
    if len(exact) == len(report):
        which = "all"
    elif exact == even:
        which = "the even ones"
    else:
        which = "?"
    count = f"{len(exact):3d} of {len(report)}"
    print(f"{name:24s} invariant to {count} shifts: {which}")
    #> four max pools, 16 -> 1  invariant to 256 of 256 shifts: all
    #> max pool 2, global max   invariant to 256 of 256 shifts: all
    #> avg pool 2, global mean  invariant to 256 of 256 shifts: all
    #> max pool 2, global mean  invariant to  64 of 256 shifts: the even ones
    #> conv 3x3 s2, global mean invariant to  64 of 256 shifts: the even ones
    assert exact == ({e.shift for e in report} if same_kind else even)
