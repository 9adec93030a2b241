"""Max pooling (window 2, stride 2) has no output action for a 1-pixel shift."""

import numpy as np


def max_pool_k2_s2(x: np.ndarray) -> np.ndarray:
    return x.reshape(-1, 2).max(axis=1)  # windows [0, 1], [2, 3], ...


a, b = np.array([1, 0, 0, 0]), np.array([0, 1, 0, 0])
print(
    f"f(a) = {max_pool_k2_s2(a).tolist()}, f(b) = {max_pool_k2_s2(b).tolist()}"
)
#> f(a) = [1, 0], f(b) = [1, 0]
moved_a, moved_b = max_pool_k2_s2(np.roll(a, 1)), max_pool_k2_s2(np.roll(b, 1))
print(f"f(T_1 a) = {moved_a.tolist()}, f(T_1 b) = {moved_b.tolist()}")
#> f(T_1 a) = [1, 0], f(T_1 b) = [0, 1]
assert np.array_equal(max_pool_k2_s2(a), max_pool_k2_s2(b))
assert not np.array_equal(moved_a, moved_b)
