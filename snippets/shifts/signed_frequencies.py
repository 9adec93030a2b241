"""A half-pixel phase shift needs signed k; k = 0..N-1 makes it complex."""

import numpy as np

N = 9
x = np.exp(-0.5 * (np.arange(N) - 3.0) ** 2)  # a real bump
lists = {"k = 0..N-1": np.arange(N), "signed k": np.fft.fftfreq(N) * N}


def phase_shift(signal: np.ndarray, v: float, k: np.ndarray) -> np.ndarray:
    return np.fft.ifft(np.fft.fft(signal) * np.exp(-2j * np.pi * k * v / N))


for name, k in lists.items():
    integer = np.allclose(phase_shift(x, 2, k), np.roll(x, 2))
    imaginary = np.abs(phase_shift(x, 0.5, k).imag).max()
    print(
        f"{name:10s}  v = 2 gives np.roll: {integer};"
        f"  v = 0.5: max |Im| {imaginary:.2f}"
    )
    #> k = 0..N-1  v = 2 gives np.roll: True;  v = 0.5: max |Im| 0.55
    #> signed k    v = 2 gives np.roll: True;  v = 0.5: max |Im| 0.00
    assert integer
    assert (imaginary < 1e-12) == (name == "signed k")
