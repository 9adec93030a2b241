"""Averaging T_v A T_-v over all v projects any matrix onto the circulants."""

import numpy as np

rng = np.random.default_rng(0)
N = 6
# T[v] is the matrix of T_v
T = [np.roll(np.eye(N), v, axis=0) for v in range(N)]


# T_-v = T_v^-1 = T_v transposed (a permutation)
def project(A: np.ndarray) -> np.ndarray:
    return sum(T[v] @ A @ T[v].T for v in range(N)) / N


A = rng.normal(size=(N, N))
i, j = np.indices((N, N))
C = rng.normal(size=N)[(i - j) % N]  # a circulant
PA = project(A)
n = np.arange(N)
# the k-th wrapped diagonal holds A[n + k, n]
diagonal_means = np.array([A[(n + k) % N, n].mean() for k in range(N)])
checks = {
    "P(A) T_1 = T_1 P(A)": np.allclose(PA @ T[1], T[1] @ PA),
    "P(P(A)) = P(A)": np.allclose(project(PA), PA),
    "P(C) = C": np.allclose(project(C), C),
    "P(A)[:, 0] = diagonal means": np.allclose(PA[:, 0], diagonal_means),
    # the T_v span the circulants, so A - P(A) is orthogonal to all of them
    "<A - P(A), T_v> = 0 for all v": all(
        abs(np.sum((A - PA) * S)) < 1e-12 for S in T
    ),
}
for name, holds in checks.items():
    print(f"{name}: {holds}")
    #> P(A) T_1 = T_1 P(A): True
    #> P(P(A)) = P(A): True
    #> P(C) = C: True
    #> P(A)[:, 0] = diagonal means: True
    #> <A - P(A), T_v> = 0 for all v: True
print(f"||A T_1 - T_1 A|| = {np.linalg.norm(A @ T[1] - T[1] @ A):.3f}")
#> ||A T_1 - T_1 A|| = 7.536
assert all(checks.values())
