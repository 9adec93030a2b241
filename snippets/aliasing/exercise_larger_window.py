"""A 4 x 4 max pool keeps an output of noise with chance (4 - d)/(4 + d)."""

import numpy as np

from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift

x = np.random.default_rng(0).normal(size=(64, 1, 32, 32))
for d in (1, 2):
    same = max_pool(circular_shift(x, (0, d)), 4) == max_pool(x, 4)
    expected = (4 - d) / (4 + d)
    print(f"d = {d}: measured {same.mean():.3f}, expected {expected:.3f}")
    #> d = 1: measured 0.607, expected 0.600
    #> d = 2: measured 0.325, expected 0.333
    assert abs(same.mean() - expected) < 0.01
