"""Even N: T_a T_b = T_(a+b) needs a or b integer, or no Nyquist component."""

import numpy as np

from shiftlab.shifts import fourier_shift

x = np.random.default_rng(0).normal(size=8)
alternating = (-1.0) ** np.arange(8)  # the Nyquist frequency
flat = x - (x @ alternating) / 8 * alternating  # x without it
cases = {
    "T_0.5 T_1   = T_1.5": (0.5, 1.0, x),
    "T_0.5 T_0.5 = T_1  ": (0.5, 0.5, x),
    "T_0.5 T_0.5 = T_1, no Nyquist component": (0.5, 0.5, flat),
}
for name, (a, b, y) in cases.items():
    twice, once = fourier_shift(fourier_shift(y, b), a), fourier_shift(y, a + b)
    err = np.abs(twice - once).max()
    print(f"{name}: max |difference| {err:.3f}")
    #> T_0.5 T_1   = T_1.5: max |difference| 0.000
    #> T_0.5 T_0.5 = T_1  : max |difference| 0.032
    #> T_0.5 T_0.5 = T_1, no Nyquist component: max |difference| 0.000
    assert (err < 1e-12) == (name != "T_0.5 T_0.5 = T_1  ")
