"""Mirroring [1, 2, 3, 4] is no shift; mirroring [1, 1, 2, 2] is a shift."""

import numpy as np


def shifts_to_mirror(x: list[int]) -> list[int]:  # every v with T_v x == M x
    a = np.array(x)
    return [v for v in range(len(a)) if np.array_equal(np.roll(a, v), a[::-1])]


found = {str(x): shifts_to_mirror(x) for x in ([1, 2, 3, 4], [1, 1, 2, 2])}
print("shifts equal to the mirror image:", found)
#> shifts equal to the mirror image: {'[1, 2, 3, 4]': [], '[1, 1, 2, 2]': [2]}
assert found == {"[1, 2, 3, 4]": [], "[1, 1, 2, 2]": [2]}
