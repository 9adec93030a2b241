"""A bright pixel max-pooled L times (k2, s2) lands at floor(position / 2^L)."""

import numpy as np

from shiftlab.pooling import max_pool

H = 16
# image n: one bright pixel at divmod(n, H)
images = np.eye(H * H).reshape(H * H, 1, H, H)
rows, cols = np.divmod(np.arange(H * H), H)
landing = {}  # level -> (row, col) where each image's pixel lands
pooled = images
for level in range(1, 5):
    # (256, 1, H / 2^L, H / 2^L), no Python loop over pixels
    pooled = max_pool(pooled, 2)
    flat = pooled.reshape(H * H, -1)
    assert np.all(flat.max(axis=1) == 1.0)  # the pixel survives
    landing[level] = np.divmod(flat.argmax(axis=1), pooled.shape[-1])
    assert np.array_equal(landing[level][0], rows >> level)  # floor(row / 2^L)
    assert np.array_equal(landing[level][1], cols >> level)  # floor(col / 2^L)


# the first level at which p and q land in the same output
def merge_level(p: tuple[int, int], q: tuple[int, int]) -> int:
    a, b = p[0] * H + p[1], q[0] * H + q[1]  # image indices
    return next(
        L
        for L in landing
        if all(landing[L][i][a] == landing[L][i][b] for i in (0, 1))
    )


neighbours = [merge_level((5, c), (5, c + 1)) for c in range(H - 1)]
print("(5, c) and (5, c + 1), c = 0..14, merge at level:")
#> (5, c) and (5, c + 1), c = 0..14, merge at level:
print(neighbours)
#> [1, 2, 1, 3, 1, 2, 1, 4, 1, 2, 1, 3, 1, 2, 1]
their_pair, diagonal = merge_level((2, 2), (7, 7)), merge_level((7, 7), (8, 8))
print(
    f"(2, 2) and (7, 7) merge at level {their_pair}, "
    f"(7, 7) and (8, 8) at level {diagonal}"
)
#> (2, 2) and (7, 7) merge at level 3, (7, 7) and (8, 8) at level 4

# The demonstration's 10 x 10 grid: 10 -> 5 -> 2 drops input rows and columns 8
# and 9 at level 2.
# one image per position, two levels of pooling: (100, 1, 2, 2)
small = max_pool(max_pool(np.eye(100).reshape(100, 1, 10, 10), 2), 2)
survivors = int(small.reshape(100, -1).max(axis=1).sum())
print(f"10 x 10, two levels: {survivors} of 100 positions still visible")
#> 10 x 10, two levels: 64 of 100 positions still visible
# the ruler sequence
assert neighbours == [(c ^ (c + 1)).bit_length() for c in range(H - 1)]
assert all(
    merge_level((5, a), (5, b)) == (a ^ b).bit_length()
    for a in range(H)
    for b in range(a)
)
assert (their_pair, diagonal) == (3, 4)
assert survivors == 64
