"""A pooled peak moves by 0 or 1 under a 1-px shift; a generic map by none."""

import numpy as np

from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift

N = 16


# every u with pool(T_1 x) == T_u pool(x)
def output_shifts(x: np.ndarray) -> list[int]:
    old, new = max_pool(x, 2), max_pool(circular_shift(x, 1), 2)
    return [
        u for u in range(N // 2) if np.array_equal(new, circular_shift(old, u))
    ]


# peak p: (1, 1, N), one bright sample at p
peaks = np.eye(N).reshape(N, 1, 1, N)
moves = [output_shifts(peak) for peak in peaks]
print("peak at p = 0..15 moves by:", [u for (u,) in moves])
#> peak at p = 0..15 moves by: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
# 1000 random signals
noise = np.random.default_rng(0).normal(size=(1000, 1, 1, N))
generic = sum(bool(output_shifts(x)) for x in noise)
print(
    "random signals whose pooled output moves by some shift: "
    f"{generic} of {len(noise)}"
)
#> random signals whose pooled output moves by some shift: 4 of 1000
# floor((p+1)/2) - floor(p/2)
assert [u for (u,) in moves] == [p % 2 for p in range(N)]
assert generic < 10
