"""1-D toy: a 1-px shift makes a max pool pick the other polyphase component."""

import numpy as np

from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import circular_shift

x = np.array([[[0, 0, 1, 1, 0, 0, 1, 1]]])  # (N, C, W)


# windows [i, i + 1 mod 8]: equivariant
def pool_s1(a: np.ndarray) -> np.ndarray:
    padded = np.pad(a, ((0, 0), (0, 0), (0, 1)), mode="wrap")
    return max_pool(padded, 2, stride=1)


print("P_1 x     ", pool_s1(x)[0, 0].tolist())
#> P_1 x      [0, 1, 1, 1, 0, 1, 1, 1]
for v in range(4):
    pooled = max_pool(circular_shift(x, v), 2)  # kernel 2, stride 2
    o, u = -v % 2, -(-v // 2)
    # T_u D_2^(o) P_1 x
    predicted = circular_shift(subsample(pool_s1(x), 2, o), u)
    assert np.array_equal(pooled, predicted)
    print(f"v = {v}: pool {pooled[0, 0].tolist()} = T_{u} D_2^({o}) P_1 x")
    #> v = 0: pool [0, 1, 0, 1] = T_0 D_2^(0) P_1 x
    #> v = 1: pool [1, 1, 1, 1] = T_1 D_2^(1) P_1 x
    #> v = 2: pool [1, 0, 1, 0] = T_1 D_2^(0) P_1 x
    #> v = 3: pool [1, 1, 1, 1] = T_2 D_2^(1) P_1 x

old, one = max_pool(x, 2), max_pool(circular_shift(x, 1), 2)
assert old[0, 0].tolist() == [0, 1, 0, 1]
assert one[0, 0].tolist() == [1, 1, 1, 1]
assert not any(np.array_equal(one, circular_shift(old, u)) for u in range(4))
