"""Strided convolution and max pooling break equivariance the same way: by subsampling.

Both are an equivariant stride-1 layer f_1 (circular padding) followed by D_2. So for even
shifts f(T_v x) = T_{v/2} f(x) exactly, and for every shift, odd ones included,
f(T_v x) = T_{ceil(v/2)} D_2^(-v mod 2) f_1(x): the other polyphase component of f_1(x).
"""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import centered_shifts, circular_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
wrap = ((0, 0), (0, 0), (0, 1), (0, 1))  # one wrapped row and column: windows [i, i + 1 mod 8]
layers = {  # name: (stride-2 layer, its stride-1 version)
    "conv 3x3, s2": (lambda a: correlate(a, w, padding="circular", stride=2),
                     lambda a: correlate(a, w, padding="circular")),
    "max pool 2x2, s2": (lambda a: max_pool(a, 2),
                         lambda a: max_pool(np.pad(a, wrap, mode="wrap"), 2, stride=1)),
}
for name, (f, f1) in layers.items():
    report = equivariance_error(f, x, stride=2)  # T'_v = T_{v/2}; odd components: undefined
    predicted = [
        np.allclose(f(circular_shift(x, v)), circular_shift(subsample(f1(x), 2, o), u), atol=1e-12)
        for v in centered_shifts((8, 8))
        for o, u in [(tuple(-c % 2 for c in v), tuple(-(-c // 2) for c in v))]
    ]
    print(f"{name}: {len(report.defined)} even shifts exact to 1e-12: {report.max_abs < 1e-12}, "
          f"{len(report.undefined_shifts)} undefined; formula: {sum(predicted)} of 64")
    #> conv 3x3, s2: 16 even shifts exact to 1e-12: True, 48 undefined; formula: 64 of 64
    #> max pool 2x2, s2: 16 even shifts exact to 1e-12: True, 48 undefined; formula: 64 of 64
    assert report.max_abs < 1e-12
    assert all(predicted)
