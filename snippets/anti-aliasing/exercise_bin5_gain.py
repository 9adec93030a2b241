"""Bin-5 [1, 4, 6, 4, 1] / 16: gain 1/4 at pi / 2 and 0 at pi."""

import numpy as np

b = np.array([1, 4, 6, 4, 1]) / 16
for w in (np.pi / 2, np.pi):
    gain = abs(np.sum(b * np.exp(-1j * w * np.arange(5))))
    print(f"|b(w)| at w = {w / np.pi:.1f} pi: {gain:.3f}")
    #> |b(w)| at w = 0.5 pi: 0.250
    #> |b(w)| at w = 1.0 pi: 0.000
    assert abs(gain - np.cos(w / 2) ** 4) < 1e-12  # |cos(w / 2)| ** (k - 1)
