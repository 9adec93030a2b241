"""After a stride-2 layer, compare with T_(v/2), not with the unscaled T_v."""

import numpy as np

from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool
from shiftlab.shifts import centered_shifts, circular_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 3, 16, 16))  # (N, C, H, W)


def pool(a: np.ndarray) -> np.ndarray:
    return max_pool(a, 2)  # (N, C, 8, 8)


# ||f(T_v x) - T_v f(x)|| / ||f(x)||: the mistake
def unscaled(v: tuple[int, int]) -> float:
    wrong = pool(circular_shift(x, v)) - circular_shift(pool(x), v)
    return float(np.linalg.norm(wrong) / np.linalg.norm(pool(x)))


# T'_v = T_{v/2}, undefined for odd components
right = equivariance_error(pool, x, stride=2)
for v in [(2, 2), (4, 0), (2, 3)]:
    r = next(e for e in right if e.shift == v)
    verdict = f"{r.relative_l2:.3f}" if r.defined else "undefined"
    print(
        f"shift {v}: compared with T_(v/2): {verdict:>9}; "
        f"with T_v: {unscaled(v):.3f}"
    )
    #> shift (2, 2): compared with T_(v/2):     0.000; with T_v: 0.768
    #> shift (4, 0): compared with T_(v/2):     0.000; with T_v: 0.806
    #> shift (2, 3): compared with T_(v/2): undefined; with T_v: 0.788
exact = {
    "right": sum(e.max_abs < 1e-12 for e in right.defined),
    "wrong": sum(unscaled(v) < 1e-12 for v in centered_shifts((16, 16))),
}
print(
    f"exact shifts: {exact['right']} of {len(right.defined)} defined (right), "
    f"{exact['wrong']} of {len(right)} (wrong)"
)
#> exact shifts: 64 of 64 defined (right), 1 of 256 (wrong)
# every even shift, bit for bit: a max only selects values
assert right.max_abs == 0.0
assert exact["wrong"] == 1  # only v = (0, 0)
