"""A linear unit on a flattened map is invariant if its weights ignore place."""

import numpy as np

rng = np.random.default_rng(0)
h = rng.normal(size=(4, 8, 8))  # an equivariant feature map (C, H, W)
a = rng.normal(size=4)  # one weight per channel
equal = np.broadcast_to(a[:, None, None], h.shape)  # same at every position
bumped = equal.copy()
bumped[0, 0, 0] += 1.0  # one position weighted differently


def change(weights: np.ndarray) -> float:  # largest change over all shifts
    out = np.sum(weights * h)
    moved = [np.sum(weights * np.roll(h, (dy, dx), axis=(1, 2)))
             for dy in range(8) for dx in range(8)]
    return float(np.max(np.abs(np.array(moved) - out)))


exact = change(equal) < 1e-12
print(f"equal weights exact: {exact}; one bumped: {change(bumped):.3f}")
#> equal weights exact: True; one bumped: 2.451
assert change(equal) < 1e-12 < change(bumped)
