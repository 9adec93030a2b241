"""The DFT diagonalises circular convolution, and a shift is a phase factor."""

import numpy as np

rng = np.random.default_rng(0)
N = 16
x, h = rng.normal(size=N), rng.normal(size=N)
n = np.arange(N)
direct = np.array([np.dot(h, x[(i - n) % N]) for i in range(N)])  # (h * x)[i]
via_fft = np.fft.ifft(np.fft.fft(h) * np.fft.fft(x)).real
print(np.allclose(direct, via_fft))
#> True

v = 3
phase = np.exp(-2j * np.pi * np.fft.fftfreq(N) * v)  # exp(-2 pi i k v / N)
print(np.allclose(np.fft.fft(np.roll(x, v)), phase * np.fft.fft(x)))
#> True

# Both act by multiplication per frequency, and multiplication commutes.
shifted_output = np.fft.fft(np.roll(via_fft, v))
print(np.allclose(shifted_output, np.fft.fft(h) * phase * np.fft.fft(x)))
#> True
assert np.allclose(direct, via_fft)
