"""A blur before the stride shrinks aliasing, but does not remove it."""

import numpy as np

from shiftlab.pooling import binomial_filter
from shiftlab.shifts import fourier_shift

rng = np.random.default_rng(0)
N = 30  # M = N / 2 = 15 odd, as on the stride page
x = rng.normal(size=N)  # white noise


def alias_error(y: np.ndarray) -> float:  # ||D_2 T_1 y - T_{1/2} D_2 y||
    gap = np.roll(y, 1)[::2] - fourier_shift(y[::2], 0.5)
    return float(np.linalg.norm(gap))


plain = alias_error(x)
head = "| taps k | error / error without blur | error / norm of D_2 y |"
print(head + "\n|" + " --- |" * 3)
#> | taps k | error / error without blur | error / norm of D_2 y |
#> | --- | --- | --- |
for k in range(1, 8):
    row = binomial_filter(k).sum(axis=0)  # the 1-D filter
    y = np.fft.ifft(np.fft.fft(x) * np.fft.fft(row, N)).real  # circular blur
    error = alias_error(y)
    assert 0 < error <= 2 ** (-(k - 1) / 2) * plain + 1e-12  # the bound
    relative = error / np.linalg.norm(y[::2])
    print(f"| {k} | {error / plain:.3f} | {relative:.3f} |")
    #> | 1 | 1.000 | 1.070 |
    #> | 2 | 0.436 | 0.724 |
    #> | 3 | 0.256 | 0.440 |
    #> | 4 | 0.162 | 0.282 |
    #> | 5 | 0.106 | 0.196 |
    #> | 6 | 0.070 | 0.136 |
    #> | 7 | 0.047 | 0.093 |
