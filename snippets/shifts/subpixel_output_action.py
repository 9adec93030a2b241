"""After stride 2, band-limited features have an exact output action for every shift.

f = ideal low-pass (keep |k| < N/4), then keep every 2nd sample. For every v, f(T_v x) is
f(x) shifted by v/2 on the half-size grid: a Fourier (sub-pixel) shift when v is odd. An
*integer* output shift exists only when 2 divides v (and N); without the low-pass no output
shift, integer or Fourier, matches an odd v.
"""

import numpy as np

rng = np.random.default_rng(0)
N = 16
x = rng.normal(size=N)
odd = range(1, N, 2)


def fourier_shift(a: np.ndarray, v: float) -> np.ndarray:  # signed frequencies, any length
    k = np.fft.fftfreq(len(a)) * len(a)
    return np.fft.ifft(np.fft.fft(a) * np.exp(-2j * np.pi * k * v / len(a))).real


def low_pass_stride_2(a: np.ndarray) -> np.ndarray:
    keep = np.abs(np.fft.fftfreq(N) * N) < N / 4  # below the Nyquist frequency of the output
    return np.fft.ifft(np.fft.fft(a) * keep).real[::2]


def rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


for name, f in [("low-pass, stride 2", low_pass_stride_2), ("stride 2 alone", lambda a: a[::2])]:
    fourier = max(rel(f(np.roll(x, v)), fourier_shift(f(x), v / 2)) for v in range(N))
    integer = min(rel(f(np.roll(x, v)), np.roll(f(x), u)) for v in odd for u in range(8))
    print(f"{name}: f(T_v x) vs T_(v/2) f(x), max relative error over all v: {fourier:.2f}")
    #> low-pass, stride 2: f(T_v x) vs T_(v/2) f(x), max relative error over all v: 0.00
    #> stride 2 alone: f(T_v x) vs T_(v/2) f(x), max relative error over all v: 0.91
    print(f"{name}: odd v vs the closest integer shift of f(x): {integer:.2f}")
    #> low-pass, stride 2: odd v vs the closest integer shift of f(x): 0.63
    #> stride 2 alone: odd v vs the closest integer shift of f(x): 0.81
    assert (fourier < 1e-12) == (name == "low-pass, stride 2")
    assert integer > 0.1
