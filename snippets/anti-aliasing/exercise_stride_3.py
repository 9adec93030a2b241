"""With stride 3 the blur [1, 2, 1] / 4 leaves components of unequal means."""

import numpy as np

b = np.array([1, 2, 1]) / 4
gain = abs(np.sum(b * np.exp(-1j * 2 * np.pi / 3 * np.arange(3))))
print(f"|b(2 pi / 3)| = {gain:.3f}")  # cos(pi / 3) ** 2, not 0
#> |b(2 pi / 3)| = 0.250
z = np.array([1.0, 0, 0, 0, 0, 0])
y = sum(w * np.roll(z, i) for i, w in enumerate(b))  # circular blur
means = [y[o::3].mean() for o in range(3)]
print("means of the 3 components:", [f"{m:.3f}" for m in means])
#> means of the 3 components: ['0.125', '0.250', '0.125']
print(f"mean of z: {z.mean():.3f}")
#> mean of z: 0.167
assert abs(gain - 0.25) < 1e-12
assert len(set(means)) > 1
