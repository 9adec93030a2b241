"""As maps, D_s T_v = T_u D_s (u an integer) exactly when s divides v."""

import numpy as np

from shiftlab.pooling import subsample
from shiftlab.shifts import circular_shift

rng = np.random.default_rng(0)
N, s = 12, 3
x = rng.normal(size=(1, 1, N))  # (N, C, W): one signal


def component(v: int) -> tuple[int, int]:  # (o, u) with D_s T_v = T_u D_s^(o)
    return -v % s, -(-v // s)  # (-v mod s, ceil(v / s))


shifts = range(-N, 2 * N)  # every shift, three times round the grid
exact = [
    np.array_equal(
        subsample(circular_shift(x, v), s),
        circular_shift(subsample(x, s, o), u),
    )
    for v in shifts
    for o, u in [component(v)]
]
print(f"{sum(exact)} of {len(exact)} shifts follow the formula")
#> 36 of 36 shifts follow the formula
for v in range(5):
    o, u = component(v)
    print(f"D_3 T_{v} x = T_{u} D_3^({o}) x")
    #> D_3 T_0 x = T_0 D_3^(0) x
    #> D_3 T_1 x = T_1 D_3^(2) x
    #> D_3 T_2 x = T_1 D_3^(1) x
    #> D_3 T_3 x = T_1 D_3^(0) x
    #> D_3 T_4 x = T_2 D_3^(2) x

# For v that s does not divide, D_s T_v x is no shift of D_s x (x is generic):
moved = [subsample(circular_shift(x, v), s) for v in range(N) if v % s]
# every shift of D_s x
old = [circular_shift(subsample(x, s), u) for u in range(N // s)]
any_shift = any(np.array_equal(m, o) for m in moved for o in old)
print(any_shift)
#> False
# s must divide N: on 7 samples the wrap of T_2 misses the subsampled grid.
y = rng.normal(size=(1, 1, 7))
odd_grid = np.array_equal(
    subsample(circular_shift(y, 2), 2), circular_shift(subsample(y, 2), 1)
)
print(odd_grid)
#> False
assert all(exact)
assert not any_shift
assert not odd_grid
