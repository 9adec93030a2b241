"""A bright pixel max-pooled L times (k2, s2) lands at floor(position / 2^L)."""

import numpy as np

from shiftlab.pooling import max_pool

H = 16
images = np.eye(H * H).reshape(H * H, 1, H, H)  # image n: pixel at divmod(n, H)
rows, cols = np.divmod(np.arange(H * H), H)
pooled = images
for level in range(1, 5):  # all 256 images at once, no loop over pixels
    pooled = max_pool(pooled, 2)
    flat = pooled.reshape(H * H, -1)
    assert np.all(flat.max(axis=1) == 1.0)  # the pixel survives
    row, col = np.divmod(flat.argmax(axis=1), pooled.shape[-1])
    ok = np.array_equal(row, rows >> level)  # floor(row / 2^L)
    ok = ok and np.array_equal(col, cols >> level)
    print(f"level {level}: every pixel at floor(p / 2^{level}): {ok}")
    #> level 1: every pixel at floor(p / 2^1): True
    #> level 2: every pixel at floor(p / 2^2): True
    #> level 3: every pixel at floor(p / 2^3): True
    #> level 4: every pixel at floor(p / 2^4): True
    assert ok
