"""Circular shifts form a group: each group law, checked with 2-D shifts."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(5, 7))  # (H, W)


def shift(v: tuple[int, int], image: np.ndarray) -> np.ndarray:  # T_v
    return np.roll(image, v, axis=(-2, -1))


a, b = (2, -3), (4, 6)
laws = {
    "T_a T_b = T_(a+b)": np.array_equal(
        shift(a, shift(b, x)), shift((a[0] + b[0], a[1] + b[1]), x)
    ),
    "T_0 = id": np.array_equal(shift((0, 0), x), x),
    "T_-a T_a = id": np.array_equal(shift((-a[0], -a[1]), shift(a, x)), x),
    "T_a T_b = T_b T_a": np.array_equal(
        shift(a, shift(b, x)), shift(b, shift(a, x))
    ),
    "T_(H, W) = id": np.array_equal(shift(x.shape, x), x),
}
for law, holds in laws.items():
    print(f"{law}: {holds}")
    #> T_a T_b = T_(a+b): True
    #> T_0 = id: True
    #> T_-a T_a = id: True
    #> T_a T_b = T_b T_a: True
    #> T_(H, W) = id: True
assert all(laws.values())
