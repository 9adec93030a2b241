"""A strided convolution and a max pool: exact for the even shifts only."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
layers = {
    "conv 3x3, s2": lambda a: correlate(a, w, padding="circular", stride=2),
    "max pool 2x2, s2": lambda a: max_pool(a, 2),
}
for name, f in layers.items():
    report = equivariance_error(f, x, stride=2)  # T'_v = T_(v/2)
    exact = report.max_abs < 1e-12
    undefined = len(report.undefined_shifts)  # odd components: no T_(v/2)
    defined = len(report.defined)
    print(f"{name}: {defined} shifts exact: {exact}, {undefined} undefined")
    #> conv 3x3, s2: 16 shifts exact: True, 48 undefined
    #> max pool 2x2, s2: 16 shifts exact: True, 48 undefined
    assert exact
