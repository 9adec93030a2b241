"""After stride 2, band-limited features have an exact output action, any v."""

import numpy as np

rng = np.random.default_rng(0)
N = 16
x = rng.normal(size=N)
odd = range(1, N, 2)


def fourier_shift(a: np.ndarray, v: float) -> np.ndarray:
    k = np.fft.fftfreq(len(a)) * len(a)  # signed frequencies, any length
    phase = np.exp(-2j * np.pi * k * v / len(a))
    return np.fft.ifft(np.fft.fft(a) * phase).real


def low_pass_stride_2(a: np.ndarray) -> np.ndarray:
    # below the Nyquist frequency of the output
    keep = np.abs(np.fft.fftfreq(N) * N) < N / 4
    return np.fft.ifft(np.fft.fft(a) * keep).real[::2]


def rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


for name, f in [
    ("low-pass, stride 2", low_pass_stride_2),
    ("stride 2 alone", lambda a: a[::2]),
]:
    # relative error of f(T_v x) against T_(v/2) f(x), the worst over all v,
    # and against the closest integer shift of f(x), the best over odd v
    fourier = max(
        rel(f(np.roll(x, v)), fourier_shift(f(x), v / 2)) for v in range(N)
    )
    integer = min(
        rel(f(np.roll(x, v)), np.roll(f(x), u)) for v in odd for u in range(8)
    )
    print(f"{name}: T_(v/2) f(x) {fourier:.2f}, integer shift {integer:.2f}")
    #> low-pass, stride 2: T_(v/2) f(x) 0.00, integer shift 0.63
    #> stride 2 alone: T_(v/2) f(x) 0.91, integer shift 0.81
    assert (fourier < 1e-12) == (name == "low-pass, stride 2")
    assert integer > 0.1
