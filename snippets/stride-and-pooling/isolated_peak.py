"""A 1-px shift moves an isolated peak by 0 or 1 pooled pixels; a generic map by no shift at all.

Max pooling (k2, s2) of a signal that is 0 except for one positive sample at p gives one
positive sample at floor(p / 2), so T_1 moves the output by floor((p + 1) / 2) - floor(p / 2):
0 for even p, 1 for odd p. For a random signal, D_2 T_1 picks the other polyphase component
of the stride-1 pool, and the pooled output is almost never a shift of the old one.
"""

import numpy as np

from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift

N = 16


def output_shifts(x: np.ndarray) -> list[int]:  # every u with pool(T_1 x) == T_u pool(x)
    old, new = max_pool(x, 2), max_pool(circular_shift(x, 1), 2)
    return [u for u in range(N // 2) if np.array_equal(new, circular_shift(old, u))]


peaks = np.eye(N).reshape(N, 1, 1, N)  # peak p: (1, 1, N), one bright sample at p
moves = [output_shifts(peak) for peak in peaks]
print("peak at p = 0..15, output moves by:", [u for (u,) in moves])
#> peak at p = 0..15, output moves by: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
noise = np.random.default_rng(0).normal(size=(1000, 1, 1, N))  # 1000 random signals
generic = sum(bool(output_shifts(x)) for x in noise)
print(f"random signals whose pooled output moves by some shift: {generic} of {len(noise)}")
#> random signals whose pooled output moves by some shift: 4 of 1000
assert [u for (u,) in moves] == [p % 2 for p in range(N)]  # floor((p+1)/2) - floor(p/2)
assert generic < 10
