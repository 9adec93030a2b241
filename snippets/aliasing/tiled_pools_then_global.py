"""Tiling pools, then a global pool of their kind: invariant to every shift."""

import numpy as np

from shiftlab import pooling as P
from shiftlab.measures import invariance_error

x = np.random.default_rng(0).normal(size=(4, 2, 16, 16))  # (N, C, H, W)
heads = {  # windows k = s = 2 tile the 16 x 16 grid
    "four max pools, 16 -> 1": lambda a: P.max_pool(
        P.max_pool(P.max_pool(P.max_pool(a, 2), 2), 2), 2
    ),
    "max pool 2, global max": lambda a: P.global_max_pool(P.max_pool(a, 2)),
    "avg pool 2, global mean": lambda a: P.global_avg_pool(P.avg_pool(a, 2)),
}
for name, f in heads.items():
    report = invariance_error(f, x)  # all 256 circular shifts
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(f"{name:24s} invariant to {exact:3d} of {len(report)} shifts")
    #> four max pools, 16 -> 1  invariant to 256 of 256 shifts
    #> max pool 2, global max   invariant to 256 of 256 shifts
    #> avg pool 2, global mean  invariant to 256 of 256 shifts
    assert exact == len(report) == 256
