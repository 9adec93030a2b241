"""Max pooling with window 2 and stride 2 has no output action at all for a 1-pixel shift.

An output action T'_1 would have to compute f(T_1 x) from f(x) alone. But a = [1, 0, 0, 0]
and b = [0, 1, 0, 0] pool to the same output while T_1 a and T_1 b do not, so no map on
the outputs, the identity and every shift included, can exist.
"""

import numpy as np


def max_pool_k2_s2(x: np.ndarray) -> np.ndarray:
    return x.reshape(-1, 2).max(axis=1)  # windows [0, 1], [2, 3], ...


a, b = np.array([1, 0, 0, 0]), np.array([0, 1, 0, 0])
print(f"f(a) = {max_pool_k2_s2(a).tolist()}, f(b) = {max_pool_k2_s2(b).tolist()}")
#> f(a) = [1, 0], f(b) = [1, 0]
moved_a, moved_b = max_pool_k2_s2(np.roll(a, 1)), max_pool_k2_s2(np.roll(b, 1))
print(f"f(T_1 a) = {moved_a.tolist()}, f(T_1 b) = {moved_b.tolist()}")
#> f(T_1 a) = [1, 0], f(T_1 b) = [0, 1]
assert np.array_equal(max_pool_k2_s2(a), max_pool_k2_s2(b))
assert not np.array_equal(moved_a, moved_b)
