"""Max pooling with window 2, stride 2 is not invariant; the global max is."""

import numpy as np

x = np.array([0, 0, 1, 1, 0, 0, 1, 1])


def max_pool_k2_s2(a: np.ndarray) -> np.ndarray:
    return a.reshape(-1, 2).max(axis=1)  # windows [0, 1], [2, 3], ...


pooled = max_pool_k2_s2(x)
for v in (0, 1, 2):
    moved = np.roll(x, v)  # T_v x
    pooled_moved = max_pool_k2_s2(moved)
    print(f"v = {v}: input {moved.tolist()}  pooled {pooled_moved.tolist()}")
    #> v = 0: input [0, 0, 1, 1, 0, 0, 1, 1]  pooled [0, 1, 0, 1]
    #> v = 1: input [1, 0, 0, 1, 1, 0, 0, 1]  pooled [1, 1, 1, 1]
    #> v = 2: input [1, 1, 0, 0, 1, 1, 0, 0]  pooled [1, 0, 1, 0]
global_maxima = [int(np.roll(x, v).max()) for v in range(len(x))]  # every shift
print(f"global max: {global_maxima}")
#> global max: [1, 1, 1, 1, 1, 1, 1, 1]

one = max_pool_k2_s2(np.roll(x, 1))
assert not any(
    np.array_equal(one, np.roll(pooled, u)) for u in range(len(pooled))
)
# v = 2 moves the output by T_{v/2}
assert np.array_equal(max_pool_k2_s2(np.roll(x, 2)), np.roll(pooled, 1))
