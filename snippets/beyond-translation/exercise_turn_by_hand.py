"""rot90: (0, 2) -> (0, 0), (2, 2) -> (0, 2); rot90 T_(0,1) = T_(-1,0) rot90."""

import numpy as np


def where(a: np.ndarray) -> tuple[int, int]:  # the one non-zero pixel
    i, j = np.argwhere(a)[0]
    return int(i), int(j)


def pixel(i: int, j: int) -> np.ndarray:
    x = np.zeros((3, 3))
    x[i, j] = 1.0
    return x


turned = [where(np.rot90(pixel(*p))) for p in [(0, 2), (2, 2)]]
print("(0, 2) and (2, 2) go to", turned)
#> (0, 2) and (2, 2) go to [(0, 0), (0, 2)]
x = pixel(1, 1)
after = where(np.rot90(np.roll(x, (0, 1), (0, 1))))
before = where(np.roll(np.rot90(x), (-1, 0), (0, 1)))
print("rot90 T_(0, 1):", after, "| T_(-1, 0) rot90:", before)
#> rot90 T_(0, 1): (0, 1) | T_(-1, 0) rot90: (0, 1)
assert turned == [(0, 0), (0, 2)]
assert after == before == (0, 1)
