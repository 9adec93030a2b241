"""This 4x4 matrix is circulant, so it is convolution with h = [1, 3, 0, 2]."""

import numpy as np

A = np.array([[1, 2, 0, 3], [3, 1, 2, 0], [0, 3, 1, 2], [2, 0, 3, 1]])
T1 = np.roll(np.eye(4, dtype=int), 1, axis=0)  # (T_1 x)[i] = x[i - 1]
h = A[:, 0]
x = np.array([5, -1, 2, 7])
conv = [sum(h[k] * x[(i - k) % 4] for k in range(4)) for i in range(4)]
print("A T_1 = T_1 A:", np.array_equal(A @ T1, T1 @ A), "kernel", h.tolist())
#> A T_1 = T_1 A: True kernel [1, 3, 0, 2]
assert np.array_equal(A @ x, conv)
