"""A mirror image is no shift of the signal, and convolution treats it so."""

import numpy as np

rng = np.random.default_rng(0)
N = 12
x, h = rng.normal(size=N), np.array([1.0, 2.0, -0.5])  # h at offsets -1, 0, +1


def correlate(kernel: np.ndarray, signal: np.ndarray) -> np.ndarray:
    # (h * x)[i] = sum_k h[k] x[i + k - 1], circular; one roll per tap
    return sum(tap * np.roll(signal, 1 - k) for k, tap in enumerate(kernel))


mirror = x[::-1]
is_a_shift = any(np.allclose(np.roll(x, v), mirror) for v in range(N))
print("mirror equals some circular shift:", is_a_shift)
#> mirror equals some circular shift: False

plain = np.abs(correlate(h, mirror) - correlate(h, x)[::-1]).max()
flipped = np.abs(correlate(h, mirror) - correlate(h[::-1], x)[::-1]).max()
print(f"max |f(mirror x) - mirror f(x)| = {plain:.3f}")
#> max |f(mirror x) - mirror f(x)| = 3.319
# Reflecting the input reflects the output of the *mirrored* kernel
print(f"max |f(mirror x) - mirror f_mirrored(x)| < 1e-12: {flipped < 1e-12}")
#> max |f(mirror x) - mirror f_mirrored(x)| < 1e-12: True
assert not is_a_shift
assert plain > 0.1
assert flipped < 1e-12  # the same sums, added in the opposite order
