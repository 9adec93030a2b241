"""Softmax is equivariant to circular shifts, though not pointwise."""

import numpy as np


def softmax(a: np.ndarray) -> np.ndarray:
    e = np.exp(a - a.max())  # pointwise, after an invariant max
    return e / e.sum()  # divided by an invariant sum


x = np.random.default_rng(0).normal(size=9)
err = max(
    np.abs(softmax(np.roll(x, v)) - np.roll(softmax(x), v)).max()
    for v in range(9)
)
print(f"max |softmax(T_v x) - T_v softmax(x)| < 1e-15: {err < 1e-15}")
#> max |softmax(T_v x) - T_v softmax(x)| < 1e-15: True
assert err < 1e-15
