"""A positive shift moves content toward higher indices, in numpy and torch."""

import numpy as np
import torch

x = np.array([10, 20, 30, 40, 50])
i = np.arange(len(x))
definition = x[(i - 1) % len(x)]  # (T_1 x)[i] = x[(i - 1) mod N]

print(np.roll(x, 1).tolist())
#> [50, 10, 20, 30, 40]
print(torch.roll(torch.from_numpy(x), 1).tolist())
#> [50, 10, 20, 30, 40]
assert np.array_equal(np.roll(x, 1), definition)

# 2-D: v = (dy, dx) in array-axis order acts on (row, column).
image = np.zeros((4, 6))
image[1, 2] = 1.0
moved = np.roll(image, (1, 3), axis=(0, 1))  # one row down, three columns right
print(np.argwhere(moved).tolist())
#> [[2, 5]]
assert moved[2, 5] == 1.0
