"""The group average of diag(d) is mean(d) times the identity."""

import numpy as np

d = np.array([4.0, 0.0, -2.0, 6.0, 1.0])
A, N = np.diag(d), len(d)
T = [np.roll(np.eye(N), v, axis=0) for v in range(N)]  # T_v as matrices
P = sum(T[v] @ A @ T[v].T for v in range(N)) / N  # T_{-v} = T_v transposed
print(f"P(A) = {d.mean():.1f} I: {np.allclose(P, d.mean() * np.eye(N))}")
#> P(A) = 1.8 I: True
assert np.allclose(P, d.mean() * np.eye(N))
