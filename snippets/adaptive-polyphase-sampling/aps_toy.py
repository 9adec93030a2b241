"""APS by hand on six samples: after a shift by 1, the other half is kept."""

import numpy as np


def aps(a: np.ndarray) -> tuple[int, np.ndarray]:  # stride 2, one axis
    parts = [a[0::2], a[1::2]]  # the polyphase components x^(0), x^(1)
    r = int(np.argmax([np.sum(p**2) for p in parts]))  # largest norm
    return r, parts[r]


x = np.array([0, 3, 1, 2, 2, 0])  # x^(0) = [0, 1, 2], x^(1) = [3, 2, 0]
r, y = aps(x)
r_v, y_v = aps(np.roll(x, 1))  # T_1 x = [0, 0, 3, 1, 2, 2]
print(f"x: keeps x^({r}) = {y.tolist()}")
#> x: keeps x^(1) = [3, 2, 0]
print(f"T_1 x: keeps (T_1 x)^({r_v}) = {y_v.tolist()}")
#> T_1 x: keeps (T_1 x)^(0) = [0, 3, 2]
assert (r, r_v) == (1, 0)
assert np.array_equal(y_v, np.roll(y, 1))  # moved by u = 1 sample
