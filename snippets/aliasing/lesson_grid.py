"""On a 10 x 10 grid, two valid 2 x 2 pools keep only 64 of 100 positions."""

import numpy as np

from shiftlab.pooling import max_pool

images = np.eye(100).reshape(100, 1, 10, 10)  # one bright pixel per image
small = max_pool(max_pool(images, 2), 2)  # 10 -> 5 -> 2: row 4 of 5 dropped
survivors = int(small.reshape(100, -1).max(axis=1).sum())
print(f"10 x 10, two levels: {survivors} of 100 positions still visible")
#> 10 x 10, two levels: 64 of 100 positions still visible
assert survivors == 64
