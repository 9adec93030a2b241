"""D_s T_v = T_u D_s^(o), o = -v mod s and u = ceil(v / s), for every v."""

import numpy as np

from shiftlab.pooling import subsample
from shiftlab.shifts import circular_shift

N, s = 12, 3
x = np.random.default_rng(0).normal(size=(1, 1, N))  # (N, C, W): one signal
follow = 0
for v in range(-N, 2 * N):  # every shift, three times round the grid
    o, u = -v % s, -(-v // s)
    left = subsample(circular_shift(x, v), s)  # D_s T_v x
    follow += np.array_equal(left, circular_shift(subsample(x, s, o), u))
    if 0 <= v < 5:
        print(f"D_3 T_{v} x = T_{u} D_3^({o}) x")
        #> D_3 T_0 x = T_0 D_3^(0) x
        #> D_3 T_1 x = T_1 D_3^(2) x
        #> D_3 T_2 x = T_1 D_3^(1) x
        #> D_3 T_3 x = T_1 D_3^(0) x
        #> D_3 T_4 x = T_2 D_3^(2) x
print(f"{follow} of {3 * N} shifts follow the formula")
#> 36 of 36 shifts follow the formula
assert follow == 3 * N
