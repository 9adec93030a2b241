"""Valid, K = 5, N = 16: 12 outputs; 9 move with a zero-fill shift by 3."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.shifts import zero_shift

rng = np.random.default_rng(0)
x, w = rng.normal(size=(1, 1, 16)), rng.normal(size=(1, 1, 5))
y = correlate(x, w, padding="valid")[0, 0]
moved = correlate(zero_shift(x, 3), w, padding="valid")[0, 0]
# output i of the moved input against output i - 3 of the original
exact = np.isclose(moved[3:], y[:-3], rtol=0, atol=1e-12)
print("outputs:", y.size, "exact after the shift:", int(exact.sum()))
#> outputs: 12 exact after the shift: 9
assert y.size == 12
assert exact.all()
assert exact.size == 9
