"""Kernels 3, 5, 3: R = 4, and for v = 3 the 21 outputs 7..27 are exact."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.shifts import zero_shift

rng = np.random.default_rng(0)
layers = [(rng.normal(size=(1, 1, k)), rng.normal(size=1)) for k in (3, 5, 3)]


def f(x: np.ndarray) -> np.ndarray:  # zero padding that keeps the size
    for w, b in layers:
        x = np.maximum(correlate(x, w, b, padding="zero"), 0)
    return x[0, 0]


x = rng.normal(size=(1, 1, 32))
R, v = 1 + 2 + 1, 3
p = np.arange(R + v, 32 - R)  # p and p - v both in [R, N - 1 - R]
error = np.abs(f(zero_shift(x, v))[p] - f(x)[p - v]).max()
print(f"R = {R}, outputs {p[0]}..{p[-1]} ({p.size}), exact:", error < 1e-12)
#> R = 4, outputs 7..27 (21), exact: True
assert p.size == 21
assert error < 1e-12
