"""A circulant matrix is a circular convolution: it commutes with all shifts."""

import numpy as np

rng = np.random.default_rng(0)
N = 6
T = np.roll(np.eye(N), 1, axis=0)  # matrix of T_1: (T x)[i] = x[i - 1]
i, j = np.indices((N, N))
h, x = rng.normal(size=N), rng.normal(size=N)
A = h[(i - j) % N]  # circulant: A[i, j] depends only on i - j mod N
conv = [sum(h[k] * x[(n - k) % N] for k in range(N)) for n in range(N)]
first_row = np.allclose(A[0], np.roll(h[::-1], 1))  # correlation kernel
print("A x = h * x:", np.allclose(A @ x, conv), "| first row:", first_row)
#> A x = h * x: True | first row: True
shifts = [np.linalg.matrix_power(T, v) for v in range(N)]  # T_v = T_1^v
worst = max(np.linalg.norm(A @ S - S @ A) for S in shifts)
print(f"circulant: max ||A T_v - T_v A|| = {worst}")
#> circulant: max ||A T_v - T_v A|| = 0.0
B = rng.normal(size=(N, N))  # a generic matrix
print(f"generic:   ||B T_1 - T_1 B|| = {np.linalg.norm(B @ T - T @ B):.3f}")
#> generic:   ||B T_1 - T_1 B|| = 9.361
assert np.allclose(A @ x, conv)
assert worst == 0.0
assert np.linalg.norm(B @ T - T @ B) > 1
