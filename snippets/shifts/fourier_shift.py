"""A shift is a phase factor on the DFT, which also defines sub-pixel shifts."""

import numpy as np

N = 9  # odd: no Nyquist bin, so real signals stay real under any shift
i = np.arange(N)
# signed frequencies 0, 1, 2, 3, 4, -4, -3, -2, -1: |k| <= N/2
k = np.fft.fftfreq(N) * N


def fourier_shift(signal: np.ndarray, v: float) -> np.ndarray:
    phase = np.exp(-2j * np.pi * k * v / N)
    return np.fft.ifft(np.fft.fft(signal) * phase).real


x = np.exp(-0.5 * (i - 3.0) ** 2)  # a bump centred at 3
# integer v: the circular shift
print(np.allclose(fourier_shift(x, 2), np.roll(x, 2)))
#> True


def wave(t: np.ndarray) -> np.ndarray:  # frequency 2 < N / 2: band-limited
    return np.cos(2 * np.pi * 2 * t / N + 0.3)


# (T_v x)(t) = x(t - v)
print(np.allclose(fourier_shift(wave(i), 0.5), wave(i - 0.5)))
#> True
half_twice = fourier_shift(fourier_shift(x, 0.5), 0.5)
print(np.allclose(half_twice, np.roll(x, 1)))  # T_0.5 T_0.5 = T_1
#> True
assert np.allclose(fourier_shift(wave(i), 0.5), wave(i - 0.5))
assert np.allclose(half_twice, np.roll(x, 1))
