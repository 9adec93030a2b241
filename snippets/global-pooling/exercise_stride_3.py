"""Circular conv, stride 3, global mean, N = 12: invariant to v = 0, 3, 6, 9."""

import numpy as np

rng = np.random.default_rng(0)
x, w = rng.normal(size=12), rng.normal(size=3)


def net(a: np.ndarray) -> float:
    h = sum(wk * np.roll(a, -k) for k, wk in enumerate(w))  # circular conv
    return float(np.maximum(h, 0)[::3].mean())  # ReLU, stride 3, mean


exact = [v for v in range(12) if abs(net(np.roll(x, v)) - net(x)) < 1e-12]
print("invariant to the shifts", exact)
#> invariant to the shifts [0, 3, 6, 9]
assert exact == [0, 3, 6, 9]
