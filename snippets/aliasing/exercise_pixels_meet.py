"""Columns 5 and 10 meet after 4 pools, columns 12 and 13 after 1."""

import numpy as np

from shiftlab.pooling import max_pool


def level(a: int, b: int) -> int:  # first level at which both share one output
    x = np.zeros((1, 2, 1, 16))  # one pixel per channel, shape (N, C, H, W)
    x[0, 0, 0, a] = x[0, 1, 0, b] = 1.0
    for L in range(1, 5):
        x = max_pool(x, (1, 2))
        if np.argmax(x[0, 0, 0]) == np.argmax(x[0, 1, 0]):
            return L
    raise AssertionError("never")


print("5 and 10:", level(5, 10), "  12 and 13:", level(12, 13))
#> 5 and 10: 4   12 and 13: 1
assert level(5, 10) == (5 ^ 10).bit_length() == 4
assert level(12, 13) == (12 ^ 13).bit_length() == 1
