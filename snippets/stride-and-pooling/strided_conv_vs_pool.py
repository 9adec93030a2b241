"""A strided convolution and a max pool break equivariance by subsampling."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool, subsample
from shiftlab.shifts import centered_shifts, circular_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
# one wrapped row and column: windows [i, i + 1 mod 8]
wrap = ((0, 0), (0, 0), (0, 1), (0, 1))
layers = {  # name: (stride-2 layer, its stride-1 version)
    "conv 3x3, s2": (
        lambda a: correlate(a, w, padding="circular", stride=2),
        lambda a: correlate(a, w, padding="circular"),
    ),
    "max pool 2x2, s2": (
        lambda a: max_pool(a, 2),
        lambda a: max_pool(np.pad(a, wrap, mode="wrap"), 2, stride=1),
    ),
}
for name, (f, f1) in layers.items():
    # T'_v = T_{v/2}; odd components: undefined
    report = equivariance_error(f, x, stride=2)
    predicted = [
        np.allclose(
            f(circular_shift(x, v)),
            circular_shift(subsample(f1(x), 2, o), u),
            atol=1e-12,
        )
        for v in centered_shifts((8, 8))
        for o, u in [(tuple(-c % 2 for c in v), tuple(-(-c // 2) for c in v))]
    ]
    exact = report.max_abs < 1e-12
    print(f"{name}: {len(report.defined)} even shifts exact to 1e-12: {exact}")
    #> conv 3x3, s2: 16 even shifts exact to 1e-12: True
    #> max pool 2x2, s2: 16 even shifts exact to 1e-12: True
    undefined = len(report.undefined_shifts)
    print(f"{name}: {undefined} undefined; formula: {sum(predicted)} of 64")
    #> conv 3x3, s2: 48 undefined; formula: 64 of 64
    #> max pool 2x2, s2: 48 undefined; formula: 64 of 64
    assert exact
    assert all(predicted)
