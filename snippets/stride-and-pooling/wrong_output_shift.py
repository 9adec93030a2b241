"""After a stride-2 layer, compare with T_{v/2}, not with T_v: the unscaled shift is a mistake.

2x2 max pooling with stride 2 satisfies f(T_v x) = T_{v/2} f(x) exactly for every even v.
Comparing f(T_v x) with T_v f(x) instead reports large errors for those very shifts, and a
number for odd shifts, for which no output shift exists at all.
"""

import numpy as np

from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 3, 16, 16))  # (N, C, H, W)


def pool(a: np.ndarray) -> np.ndarray:
    return max_pool(a, 2)  # (N, C, 8, 8)


right = equivariance_error(pool, x, stride=2)  # T'_v = T_{v/2}, undefined for odd components
wrong = equivariance_error(pool, x, stride=1)  # T'_v = T_v on the 8 x 8 output: the mistake
for v in [(2, 2), (4, 0), (2, 3)]:
    r, w = (next(e for e in report if e.shift == v) for report in (right, wrong))
    verdict = f"{r.relative_l2:.3f}" if r.defined else "undefined"
    print(f"shift {v}: compared with T_(v/2): {verdict:>9}; with T_v: {w.relative_l2:.3f}")
    #> shift (2, 2): compared with T_(v/2):     0.000; with T_v: 0.768
    #> shift (4, 0): compared with T_(v/2):     0.000; with T_v: 0.806
    #> shift (2, 3): compared with T_(v/2): undefined; with T_v: 0.788
exact = {name: sum(e.max_abs < 1e-12 for e in report.defined)
         for name, report in {"right": right, "wrong": wrong}.items()}
print(f"exact shifts: {exact['right']} of {len(right.defined)} defined (right), "
      f"{exact['wrong']} of {len(wrong)} (wrong)")
#> exact shifts: 64 of 64 defined (right), 1 of 256 (wrong)
assert right.max_abs == 0.0  # every even shift, bit for bit: a max only selects values
assert exact["wrong"] == 1  # only v = (0, 0)
