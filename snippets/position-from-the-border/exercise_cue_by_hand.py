"""Zero padding pools the two placements to 2 and 1; full padding to 2 and 2."""

import numpy as np

from shiftlab.convolution import correlate

w = np.array([[[1.0, 0.0, 0.0]]])  # y[i] = x[i - 1]
left = np.array([[[1.0, 2, 0, 0, 0, 0, 0, 0]]])  # (N, C, W)
right = np.roll(left, 6, axis=-1)  # [0, ..., 0, 1, 2]


def pooled(x: np.ndarray, pad: int) -> float:  # conv, ReLU, global max
    y = correlate(x, w, padding="zero", pad=pad)
    return float(np.maximum(y, 0).max())


same = [pooled(left, 1), pooled(right, 1)]
full = [pooled(left, 2), pooled(right, 2)]
print("zero padding, same size:", same)
#> zero padding, same size: [2.0, 1.0]
print("full padding:           ", full)
#> full padding:            [2.0, 2.0]
assert (same, full) == ([2.0, 1.0], [2.0, 2.0])
