"""On an odd N, two half-pixel Fourier shifts make one whole-pixel roll."""

import numpy as np

from shiftlab.shifts import fourier_shift

x = np.random.default_rng(0).normal(size=7)
twice = fourier_shift(fourier_shift(x, 0.5), 0.5)
err = np.abs(twice - np.roll(x, 1)).max()
print(f"max |T_0.5 T_0.5 x - roll(x, 1)| < 1e-12: {err < 1e-12}")
#> max |T_0.5 T_0.5 x - roll(x, 1)| < 1e-12: True
assert err < 1e-12
