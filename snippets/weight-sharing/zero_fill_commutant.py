"""Only multiples of I commute with the zero-fill shifts in both directions."""

import numpy as np


def commutant_dim(shifts: list[np.ndarray]) -> int:  # dim {A : A S = S A}
    n = len(shifts[0])
    rows = [np.kron(np.eye(n), S.T) - np.kron(S, np.eye(n)) for S in shifts]
    return n * n - np.linalg.matrix_rank(np.vstack(rows))


N = 8
Z1, Zm1 = np.eye(N, k=-1), np.eye(N, k=1)  # (Z_1 x)[i] = x[i - 1], 0 at i = 0
one_way, both = commutant_dim([Z1]), commutant_dim([Z1, Zm1])
print(f"commute with Z_1: {one_way} | with Z_1 and Z_-1: {both}")
#> commute with Z_1: 8 | with Z_1 and Z_-1: 1
h = np.random.default_rng(0).normal(size=3)
# the causal convolution x -> sum_k h[k] x[i - k]
causal = sum(h[k] * np.linalg.matrix_power(Z1, k) for k in range(3))
for name, S in {"Z_1": Z1, "Z_-1": Zm1}.items():
    commutator = np.linalg.norm(causal @ S - S @ causal)
    print(f"causal conv: ||A {name} - {name} A|| = {commutator:.3f}")
    #> causal conv: ||A Z_1 - Z_1 A|| = 0.000
    #> causal conv: ||A Z_-1 - Z_-1 A|| = 0.925
assert (one_way, both) == (N, 1)
assert np.allclose(causal @ Z1, Z1 @ causal)
