"""A rounded output shift measures the layer; the unscaled T_v does not."""

import numpy as np

from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import circular_shift

x = np.random.default_rng(0).normal(size=(1, 4, 16))  # (N, C, W)


def f(a: np.ndarray) -> np.ndarray:
    return max_pool(a, 2)  # (N, C, 8)


def p1(a: np.ndarray) -> np.ndarray:  # windows [i, i + 1 mod 16]
    padded = np.pad(a, ((0, 0), (0, 0), (0, 1)), mode="wrap")
    return max_pool(padded, 2, stride=1)


def rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


# odd vs even component
gap = rel(subsample(p1(x), 2, 1), subsample(p1(x), 2, 0))
print(f"gap between the polyphase components of P_1 x: {gap:.3f}")
#> gap between the polyphase components of P_1 x: 0.659
for v in range(5):
    # T_ceil(v/2)
    rounded = rel(f(circular_shift(x, v)), circular_shift(f(x), -(-v // 2)))
    unscaled = rel(f(circular_shift(x, v)), circular_shift(f(x), v))
    print(f"v = {v}: with T_ceil(v/2) {rounded:.3f}, with T_v {unscaled:.3f}")
    #> v = 0: with T_ceil(v/2) 0.000, with T_v 0.000
    #> v = 1: with T_ceil(v/2) 0.659, with T_v 0.659
    #> v = 2: with T_ceil(v/2) 0.000, with T_v 1.093
    #> v = 3: with T_ceil(v/2) 0.659, with T_v 1.172
    #> v = 4: with T_ceil(v/2) 0.000, with T_v 1.205
    assert abs(rounded - (gap if v % 2 else 0.0)) < 1e-12
    assert unscaled > 0.1 or v == 0
