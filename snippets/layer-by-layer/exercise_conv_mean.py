"""Circular conv w = [1, 2, -1], b = 0.5 on a map of mean 2: output mean 4.5."""

import numpy as np

rng = np.random.default_rng(0)
y = rng.normal(size=12)
y += 2 - y.mean()  # any map with mean 2
w, b = [1.0, 2.0, -1.0], 0.5
out = sum(wk * np.roll(y, -k) for k, wk in enumerate(w)) + b  # circular
print(f"mean of the output: {out.mean():.3f}")
#> mean of the output: 4.500
assert abs(out.mean() - (sum(w) * 2 + b)) < 1e-12
for v in range(12):  # a shift of y leaves it unchanged
    moved = sum(wk * np.roll(y, v - k) for k, wk in enumerate(w)) + b
    assert abs(moved.mean() - out.mean()) < 1e-12
