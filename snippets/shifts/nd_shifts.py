"""shiftlab shifts the last len(v) axes, or the named ones, as np.roll does."""

import numpy as np

from shiftlab.shifts import circular_shift, zero_shift

rng = np.random.default_rng(0)
signal = rng.normal(size=(2, 3, 10))  # (N, C, L)
image = rng.normal(size=(2, 3, 8, 9))  # (N, C, H, W)
volume = rng.normal(size=(2, 3, 5, 6, 7))  # (N, C, D, H, W)
for x, v in [(signal, (4,)), (image, (2, -3)), (volume, (1, 2, 3))]:
    axes = tuple(range(-len(v), 0))
    same = np.array_equal(circular_shift(x, v), np.roll(x, v, axis=axes))
    print(f"{len(v)}-D shift {v} on axes {axes}: equals np.roll: {same}")
    #> 1-D shift (4,) on axes (-1,): equals np.roll: True
    #> 2-D shift (2, -3) on axes (-2, -1): equals np.roll: True
    #> 3-D shift (1, 2, 3) on axes (-3, -2, -1): equals np.roll: True
    assert same

point = np.zeros((4, 6))
point[1, 2] = 1.0
print(np.argwhere(circular_shift(point, (1, 3))).tolist())  # (dy, dx) = (1, 3)
#> [[2, 5]]
print(np.argwhere(circular_shift(point, 3, axes=1)).tolist())  # columns only
#> [[1, 5]]
print(
    zero_shift([1, 2, 3, 4, 5], 2).tolist(),
    zero_shift([1, 2, 3, 4, 5], -2).tolist(),
)
#> [0, 0, 1, 2, 3] [3, 4, 5, 0, 0]
