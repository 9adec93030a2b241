"""After stride 2, band-limited features have an exact output action, any v."""

import numpy as np

from shiftlab.shifts import fourier_shift

N = 16
x = np.random.default_rng(0).normal(size=N)
low = np.abs(np.fft.fftfreq(N) * N) < N / 4  # below the output's Nyquist


def rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


strides = {
    "low-pass, stride 2": lambda a: np.fft.ifft(np.fft.fft(a) * low).real[::2],
    "stride 2 alone": lambda a: a[::2],
}
for name, f in strides.items():
    # f(T_v x) against T_(v/2) f(x): the worst over all v; against the
    # closest integer shift of f(x): the best over odd v
    fourier = max(rel(f(np.roll(x, v)), fourier_shift(f(x), v / 2))
                  for v in range(N))
    integer = min(rel(f(np.roll(x, v)), np.roll(f(x), u))
                  for v in range(1, N, 2) for u in range(8))
    print(f"{name}: T_(v/2) f(x) {fourier:.2f}, integer shift {integer:.2f}")
    #> low-pass, stride 2: T_(v/2) f(x) 0.00, integer shift 0.63
    #> stride 2 alone: T_(v/2) f(x) 0.91, integer shift 0.81
    assert (fourier < 1e-12) == (name == "low-pass, stride 2")
    assert integer > 0.1
