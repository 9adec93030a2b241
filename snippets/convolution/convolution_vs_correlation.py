"""Convolution is a flipped-kernel correlation; both commute with shifts."""

import numpy as np

rng = np.random.default_rng(0)
N = 12
x, h = rng.normal(size=N), np.array([1.0, -2.0, 0.5])
i, k = np.arange(N)[:, None], np.arange(len(h))[None, :]  # (N, 1), (1, K)


def correlate(h: np.ndarray, x: np.ndarray) -> np.ndarray:
    return (h * x[(i + k) % N]).sum(axis=1)  # sum_k h[k] x[i + k]


def convolve(h: np.ndarray, x: np.ndarray) -> np.ndarray:
    return (h * x[(i - k) % N]).sum(axis=1)  # sum_k h[k] x[i - k]


# h * x = T_(K - 1) (flipped h star x)
print(np.allclose(convolve(h, x), np.roll(correlate(h[::-1], x), len(h) - 1)))
#> True
for op in (correlate, convolve):
    err = np.abs(op(h, np.roll(x, 5)) - np.roll(op(h, x), 5)).max()
    print(f"{op.__name__}: max |f(T_5 x) - T_5 f(x)| = {err:.1e}")
    #> correlate: max |f(T_5 x) - T_5 f(x)| = 0.0e+00
    #> convolve: max |f(T_5 x) - T_5 f(x)| = 0.0e+00
    assert err < 1e-12
