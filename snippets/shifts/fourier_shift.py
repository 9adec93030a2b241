"""A shift multiplies the DFT by a phase factor, which also defines sub-pixel shifts."""

import numpy as np

N = 9  # odd: no Nyquist bin, so real signals stay real under any shift
k = np.fft.fftfreq(N) * N  # signed frequencies 0, 1, ..., -1
x = np.exp(-0.5 * (np.arange(N) - 3.0) ** 2)  # a bump centred at 3


def fourier_shift(signal: np.ndarray, v: float) -> np.ndarray:
    return np.fft.ifft(np.fft.fft(signal) * np.exp(-2j * np.pi * k * v / N)).real


print(np.allclose(fourier_shift(x, 2), np.roll(x, 2)))  # integer v: the circular shift
#> True
half_twice = fourier_shift(fourier_shift(x, 0.5), 0.5)
print(np.allclose(half_twice, fourier_shift(x, 1)))  # T_0.5 T_0.5 = T_1
#> True


def centre(signal: np.ndarray) -> float:
    """Circular centre of mass: the angle of the first Fourier coefficient."""
    return float(-np.angle(np.fft.fft(signal)[1]) * N / (2 * np.pi))


print(round(centre(fourier_shift(x, 0.5)) - centre(x), 6))  # moved by half a pixel
#> 0.5
assert np.allclose(half_twice, np.roll(x, 1))
