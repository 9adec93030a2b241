"""Without aliasing, D_2 turns a 1-px shift into an exact half-sample shift."""

import numpy as np

from shiftlab.shifts import fourier_shift

N, M = 30, 15
high = np.abs(np.fft.fftfreq(N) * N) >= M / 2  # what D_2 folds onto lower n


def part(x: np.ndarray, keep: np.ndarray) -> np.ndarray:  # some frequencies
    return np.fft.ifft(np.where(keep, np.fft.fft(x), 0)).real


noise = np.random.default_rng(0).normal(size=N)
band_limited = part(noise, ~high)
signals = {
    "band-limited": band_limited,
    "Gaussian bump": np.exp(-0.5 * ((np.arange(N) - 12) / 1.5) ** 2),
    "white noise": noise,  # below: windows [i, i + 1]
    "max pool k2 s1": np.maximum(band_limited, np.roll(band_limited, -1)),
}
print("| signal | relative error | energy at high n |\n| --- | --- | --- |")
#> | signal | relative error | energy at high n |
#> | --- | --- | --- |
for name, x in signals.items():
    sub, moved = x[::2], np.roll(x, 1)[::2]  # D_2 x and D_2 T_1 x
    error = np.linalg.norm(moved - fourier_shift(sub, 0.5))
    x_high = np.linalg.norm(part(x, high))
    assert abs(error - np.sqrt(2) * x_high) < 1e-12  # the identity, for every x
    rel = error / np.linalg.norm(sub)
    print(f"| {name} | {rel:.3f} | {x_high**2 / (x @ x):.3f} |")
    #> | band-limited | 0.000 | 0.000 |
    #> | Gaussian bump | 0.056 | 0.001 |
    #> | white noise | 1.070 | 0.364 |
    #> | max pool k2 s1 | 0.300 | 0.023 |
    assert (rel < 1e-12) == (name == "band-limited")  # exact half-sample shift
    assert rel > 0.1 or name != "max pool k2 s1"  # the max creates high n
