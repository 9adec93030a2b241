"""No blur, or stride 3: the mean after the pool sees only multiples of s."""

import numpy as np
import torch

from shiftlab.layers import BlurPool
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
for s, n, m in [(2, 16, 1), (3, 18, 3), (3, 18, 7)]:  # stride, size, filter
    z = rng.normal(size=(4, 3, n, n))
    pool = BlurPool(m, stride=s, padding_mode="circular")

    def read_out(a: np.ndarray, pool: BlurPool = pool) -> np.ndarray:
        return pool(torch.from_numpy(a)).mean(dim=(2, 3)).numpy()

    report = invariance_error(read_out, z)  # all n * n circular shifts
    exact = {e.shift for e in report if e.max_abs < 1e-12}
    print(f"s = {s}, m = {m}: invariant to {len(exact)} of {len(report)}")
    #> s = 2, m = 1: invariant to 64 of 256
    #> s = 3, m = 3: invariant to 36 of 324
    #> s = 3, m = 7: invariant to 36 of 324
    multiples = {(dy, dx) for dy, dx in exact if dy % s == 0 == dx % s}
    assert exact == multiples
    assert len(exact) == (n // s) ** 2
