"""For every shift, f_s(T_v x) = T_ceil(v/2) D_2^((-v) mod 2) f_1(x)."""

from functools import partial

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import centered_shifts, circular_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
conv = partial(correlate, weight=w, padding="circular")
wrap = ((0, 0), (0, 0), (0, 1), (0, 1))  # windows [i, i + 1 mod 8]
layers = {  # name: (stride-2 layer f_s, its stride-1 version f_1)
    "conv 3x3, s2": (partial(conv, stride=2), conv),
    "max pool 2x2, s2": (
        partial(max_pool, kernel_size=2),
        lambda a: max_pool(np.pad(a, wrap, mode="wrap"), 2, stride=1),
    ),
}
for name, (f, f1) in layers.items():
    hits = 0
    for v in centered_shifts((8, 8)):
        o = tuple(-c % 2 for c in v)  # the polyphase component (-v) mod 2
        u = tuple(-(-c // 2) for c in v)  # ceil(v / 2)
        predicted = circular_shift(subsample(f1(x), 2, o), u)
        hits += np.allclose(f(circular_shift(x, v)), predicted, atol=1e-12)
    print(f"{name}: the formula holds for {hits} of 64 shifts")
    #> conv 3x3, s2: the formula holds for 64 of 64 shifts
    #> max pool 2x2, s2: the formula holds for 64 of 64 shifts
    assert hits == 64
