"""A P constant along rows commutes with the 8 shifts along the rows only."""

import numpy as np

from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
P = np.repeat(rng.normal(size=(1, 8, 1)), 8, axis=2)  # (C, H, W): P[c, i]
x = rng.normal(size=(1, 1, 8, 8))  # (N, C, H, W)
report = equivariance_error(lambda a: a + P, x)  # all 64 circular shifts
exact = [e.shift for e in report if e.relative_l2 < 1e-12]
print(f"exact for {len(exact)} of {len(report)} shifts:", exact[:3], "...")
#> exact for 8 of 64 shifts: [(0, -3), (0, -2), (0, -1)] ...
assert len(exact) == 8
assert all(dy == 0 for dy, dx in exact)
