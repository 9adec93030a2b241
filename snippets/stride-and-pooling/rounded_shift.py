"""A rounded output shift measures the layer; the unscaled T_v does not."""

import numpy as np

from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import circular_shift

x = np.random.default_rng(0).normal(size=(1, 4, 16))  # (N, C, W)
fx = max_pool(x, 2)  # f(x), (N, C, 8)
wrapped = np.pad(x, ((0, 0), (0, 0), (0, 1)), mode="wrap")
dense = max_pool(wrapped, 2, stride=1)  # P_1 x: windows [i, i + 1 mod 16]


def rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


gap = rel(subsample(dense, 2, 1), subsample(dense, 2, 0))  # odd vs even
print(f"gap between the polyphase components of P_1 x: {gap:.3f}")
#> gap between the polyphase components of P_1 x: 0.659
for v in range(5):
    moved = max_pool(circular_shift(x, v), 2)  # f(T_v x)
    rounded = rel(moved, circular_shift(fx, -(-v // 2)))  # T_ceil(v/2)
    unscaled = rel(moved, circular_shift(fx, v))
    print(f"v = {v}: with T_ceil(v/2) {rounded:.3f}, with T_v {unscaled:.3f}")
    #> v = 0: with T_ceil(v/2) 0.000, with T_v 0.000
    #> v = 1: with T_ceil(v/2) 0.659, with T_v 0.659
    #> v = 2: with T_ceil(v/2) 0.000, with T_v 1.093
    #> v = 3: with T_ceil(v/2) 0.659, with T_v 1.172
    #> v = 4: with T_ceil(v/2) 0.000, with T_v 1.205
    assert abs(rounded - (gap if v % 2 else 0.0)) < 1e-12
    assert unscaled > 0.1 or v == 0
