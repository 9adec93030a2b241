"""After a stride-2 layer, compare with T_(v/2), not with the unscaled T_v."""

import numpy as np

from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool
from shiftlab.shifts import centered_shifts, circular_shift

x = np.random.default_rng(0).normal(size=(1, 3, 16, 16))  # (N, C, H, W)


def unscaled(v: tuple[int, int]) -> float:  # ||P(T_v x) - T_v P(x)|| / ||P(x)||
    diff = max_pool(circular_shift(x, v), 2) - circular_shift(max_pool(x, 2), v)
    return float(np.linalg.norm(diff) / np.linalg.norm(max_pool(x, 2)))


right = equivariance_error(lambda a: max_pool(a, 2), x, stride=2)  # T_(v/2)
for v in [(2, 2), (4, 0), (2, 3)]:
    r = next(e for e in right if e.shift == v)  # undefined: an odd component
    scaled = f"{r.relative_l2:.3f}" if r.defined else "undefined"
    print(f"shift {v}: with T_(v/2) {scaled:>9}, with T_v {unscaled(v):.3f}")
    #> shift (2, 2): with T_(v/2)     0.000, with T_v 0.768
    #> shift (4, 0): with T_(v/2)     0.000, with T_v 0.806
    #> shift (2, 3): with T_(v/2) undefined, with T_v 0.788
exact = sum(e.max_abs < 1e-12 for e in right.defined)
wrong = sum(unscaled(v) < 1e-12 for v in centered_shifts((16, 16)))
print(f"exact with T_(v/2): {exact} of {len(right.defined)} defined shifts")
#> exact with T_(v/2): 64 of 64 defined shifts
print(f"exact with T_v: {wrong} of {len(right)} shifts")
#> exact with T_v: 1 of 256 shifts
assert right.max_abs == 0.0  # every even shift, bit for bit: a max selects
assert wrong == 1  # only v = (0, 0)
