"""Max pool 2, stride 2 on 8 samples: only even v move the output, by v/2."""

import numpy as np


def pool(a: np.ndarray) -> np.ndarray:
    return a.reshape(-1, 2).max(axis=1)


x = np.random.default_rng(0).normal(size=8)
found = {
    v: u
    for v in range(8)
    for u in range(4)
    if np.array_equal(pool(np.roll(x, v)), np.roll(pool(x), u))
}
print("shift v: output shift u", found)
#> shift v: output shift u {0: 0, 2: 1, 4: 2, 6: 3}
assert found == {0: 0, 2: 1, 4: 2, 6: 3}
