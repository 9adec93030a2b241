"""Full padding: N - P outputs hold the bias, for every offset of the patch."""

import numpy as np

from shiftlab.convolution import correlate

N, P, K, b = 8, 3, 3, 0.5
w, patch = np.random.default_rng(0).normal(size=(2, K))  # kernel, patch


def full_output(offset: int) -> np.ndarray:
    x = np.zeros((1, 1, N))
    x[0, 0, offset : offset + P] = patch
    y = correlate(x, w[None, None], np.array([b]), padding="zero", pad=K - 1)
    return y[0, 0]


y0, y5 = full_output(0), full_output(N - P)
print("outputs:", y0.size, "holding b:", int(np.sum(y0 == b)))
#> outputs: 10 holding b: 5
same = np.array_equal(np.sort(y0), np.sort(y5))
print("same sorted values at offsets 0 and 5:", same)
#> same sorted values at offsets 0 and 5: True
assert (y0.size, np.sum(y0 == b), same) == (N + K - 1, N - P, True)
