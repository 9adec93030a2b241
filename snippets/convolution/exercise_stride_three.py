"""Stride 3 on 12 samples: only v = 0, 3, 6, 9 move the output, by v / 3."""

import numpy as np

from shiftlab.convolution import correlate

rng = np.random.default_rng(0)
x, w = rng.normal(size=(1, 1, 12)), rng.normal(size=(1, 1, 3))


def f(a: np.ndarray) -> np.ndarray:
    return correlate(a, w, stride=3, padding="circular")


found = {
    v: u
    for v in range(12)
    for u in range(4)
    if np.allclose(f(np.roll(x, v, -1)), np.roll(f(x), u, -1))
}
print("shift v: output shift u", found)
#> shift v: output shift u {0: 0, 3: 1, 6: 2, 9: 3}
assert found == {0: 0, 3: 1, 6: 2, 9: 3}
