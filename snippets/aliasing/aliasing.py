"""Without aliasing, D_2 turns a 1-px shift into an exact half-sample shift."""

import numpy as np

from shiftlab.shifts import fourier_shift

rng = np.random.default_rng(0)
N, M = 30, 15
k = np.fft.fftfreq(N) * N  # signed frequencies
high = np.abs(k) >= M / 2  # what D_2 folds onto lower frequencies


# x restricted to some frequencies
def part(x: np.ndarray, keep: np.ndarray) -> np.ndarray:
    return np.fft.ifft(np.where(keep, np.fft.fft(x), 0)).real


noise = rng.normal(size=N)
band_limited = part(noise, ~high)
signals = {
    "band-limited": band_limited,
    "Gaussian bump": np.exp(-0.5 * ((np.arange(N) - 12) / 1.5) ** 2),
    "white noise": noise,
    # windows [i, i+1]
    "max pool k2 s1": np.maximum(band_limited, np.roll(band_limited, -1)),
}
relative = {}
for name, x in signals.items():
    sub, moved = x[::2], np.roll(x, 1)[::2]  # D_2 x and D_2 T_1 x
    error = np.linalg.norm(moved - fourier_shift(sub, 0.5))
    x_high = np.linalg.norm(part(x, high))
    assert abs(error - np.sqrt(2) * x_high) < 1e-12  # the identity, for every x
    relative[name] = error / np.linalg.norm(sub)
    print(
        f"{name:>14}: relative error {relative[name]:.3f}, "
        f"energy share at |k| >= M/2: {x_high**2 / (x @ x):.3f}"
    )
    #>   band-limited: relative error 0.000, energy share at |k| >= M/2: 0.000
    #>  Gaussian bump: relative error 0.056, energy share at |k| >= M/2: 0.001
    #>    white noise: relative error 1.070, energy share at |k| >= M/2: 0.364
    #> max pool k2 s1: relative error 0.300, energy share at |k| >= M/2: 0.023
# no content above M/2: an exact half-sample shift
assert relative["band-limited"] < 1e-12
assert relative["max pool k2 s1"] > 0.1  # the max creates content above M/2
