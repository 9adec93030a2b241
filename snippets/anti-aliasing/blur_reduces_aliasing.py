"""A blur before the stride shrinks aliasing to what the blur leaves above the new Nyquist.

The identity of the stride page holds for every signal, so also for y = h * x (circular):
||D_2 T_1 y - T_{1/2} D_2 y|| = sqrt(2) ||y_high||, y_high = the part at |k| >= M / 2.
A binomial filter of size k multiplies that band by at most cos(pi / 4) ** (k - 1), so the
error is at most 2 ** (-(k - 1) / 2) times the unblurred one: smaller, but not zero.
"""

import numpy as np

from shiftlab.pooling import binomial_filter
from shiftlab.shifts import fourier_shift

rng = np.random.default_rng(0)
N, M = 30, 15  # M odd, as on the stride page
x = rng.normal(size=N)  # white noise: a third of its energy sits at |k| >= M / 2
high = np.abs(np.fft.fftfreq(N) * N) >= M / 2


def alias_error(y: np.ndarray) -> float:  # ||D_2 T_1 y - T_{1/2} D_2 y||
    return float(np.linalg.norm(np.roll(y, 1)[::2] - fourier_shift(y[::2], 0.5)))


plain = alias_error(x)
for k in range(1, 8):
    row = binomial_filter(k).sum(axis=0)  # the 1-D filter: a row of Pascal's triangle / 2^(k-1)
    y = np.fft.ifft(np.fft.fft(x) * np.fft.fft(row, N)).real  # circular convolution h * x
    y_high = np.fft.ifft(np.where(high, np.fft.fft(y), 0)).real
    error = alias_error(y)
    assert abs(error - np.sqrt(2) * np.linalg.norm(y_high)) < 1e-12  # the identity
    assert error <= 2 ** (-(k - 1) / 2) * plain + 1e-12  # the bound from the response
    print(f"k = {k}: error / error without blur = {error / plain:.3f}, "
          f"relative to ||D_2 y||: {error / np.linalg.norm(y[::2]):.3f}")
    #> k = 1: error / error without blur = 1.000, relative to ||D_2 y||: 1.070
    #> k = 2: error / error without blur = 0.436, relative to ||D_2 y||: 0.724
    #> k = 3: error / error without blur = 0.256, relative to ||D_2 y||: 0.440
    #> k = 4: error / error without blur = 0.162, relative to ||D_2 y||: 0.282
    #> k = 5: error / error without blur = 0.106, relative to ||D_2 y||: 0.196
    #> k = 6: error / error without blur = 0.070, relative to ||D_2 y||: 0.136
    #> k = 7: error / error without blur = 0.047, relative to ||D_2 y||: 0.093
