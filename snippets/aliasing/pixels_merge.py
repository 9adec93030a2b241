"""Neighbours (5, c), (5, c + 1) merge at level (c ^ (c + 1)).bit_length()."""

import numpy as np

from shiftlab.pooling import max_pool


def merge_level(p: tuple[int, int], q: tuple[int, int]) -> int:
    x = np.zeros((1, 2, 16, 16))  # one bright pixel per channel
    x[0, 0][p] = x[0, 1][q] = 1.0
    for level in range(1, 5):
        x = max_pool(x, 2)
        if np.argmax(x[0, 0]) == np.argmax(x[0, 1]):  # same output
            return level
    raise AssertionError("a 1 x 1 map holds both")


neighbours = [merge_level((5, c), (5, c + 1)) for c in range(15)]
print("c = 0..14:", neighbours)
#> c = 0..14: [1, 2, 1, 3, 1, 2, 1, 4, 1, 2, 1, 3, 1, 2, 1]
pairs = merge_level((2, 2), (7, 7)), merge_level((7, 7), (8, 8))
print("(2, 2) with (7, 7), and (7, 7) with (8, 8):", pairs)
#> (2, 2) with (7, 7), and (7, 7) with (8, 8): (3, 4)
assert neighbours == [(c ^ (c + 1)).bit_length() for c in range(15)]
assert pairs == (3, 4)
