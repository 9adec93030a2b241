"""Averaging T_v A T_-v over all v projects any matrix onto the circulants."""

import numpy as np

rng = np.random.default_rng(0)
N = 6
T = [np.roll(np.eye(N), v, axis=0) for v in range(N)]  # T[v]: matrix of T_v


def project(A: np.ndarray) -> np.ndarray:  # T_-v = T_v transposed
    return sum(T[v] @ A @ T[v].T for v in range(N)) / N


A, n = rng.normal(size=(N, N)), np.arange(N)
C = rng.normal(size=N)[(n[:, None] - n) % N]  # a circulant
PA = project(A)
checks = {
    "P(A) T_1 = T_1 P(A)": np.allclose(PA @ T[1], T[1] @ PA),
    "P(P(A)) = P(A), P(C) = C": np.allclose(project(PA), PA)
    and np.allclose(project(C), C),
    "P(A)[:, 0] = diagonal means": np.allclose(
        PA[:, 0], [A[(n + k) % N, n].mean() for k in range(N)]),
    "<A - P(A), T_v> = 0": all(abs(np.sum((A - PA) * S)) < 1e-12 for S in T),
}
for name, holds in checks.items():
    print(f"{name}: {holds}")
    #> P(A) T_1 = T_1 P(A): True
    #> P(P(A)) = P(A), P(C) = C: True
    #> P(A)[:, 0] = diagonal means: True
    #> <A - P(A), T_v> = 0: True
    assert holds
