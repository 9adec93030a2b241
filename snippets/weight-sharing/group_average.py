"""Averaging T_v A T_-v over all shifts projects any matrix onto the circulants.

P(A) = (1/N) sum_v T_v A T_-v commutes with the shift, P(P(A)) = P(A), P(C) = C for a
circulant C, the kernel of P(A) (its first column) is the mean of A's wrapped diagonals,
and A - P(A) is orthogonal to every circulant: P(A) is the nearest circulant to A.
"""

import numpy as np

rng = np.random.default_rng(0)
N = 6
T = [np.roll(np.eye(N), v, axis=0) for v in range(N)]  # T[v] is the matrix of T_v


def project(A: np.ndarray) -> np.ndarray:  # T_-v = T_v^-1 = T_v transposed (a permutation)
    return sum(T[v] @ A @ T[v].T for v in range(N)) / N


A = rng.normal(size=(N, N))
i, j = np.indices((N, N))
C = rng.normal(size=N)[(i - j) % N]  # a circulant
PA = project(A)
n = np.arange(N)
diagonal_means = np.array([A[(n + k) % N, n].mean() for k in range(N)])  # k-th: A[n + k, n]
checks = {
    "P(A) T_1 = T_1 P(A)": np.allclose(PA @ T[1], T[1] @ PA),
    "P(P(A)) = P(A)": np.allclose(project(PA), PA),
    "P(C) = C": np.allclose(project(C), C),
    "P(A)[:, 0] = diagonal means": np.allclose(PA[:, 0], diagonal_means),
    # the T_v span the circulants, so A - P(A) is orthogonal to all of them
    "<A - P(A), T_v> = 0 for all v": max(abs(np.sum((A - PA) * S)) for S in T) < 1e-12,
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
