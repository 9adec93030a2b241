"""With zero-fill shifts, only multiples of the identity commute with shifts both ways.

The maps commuting with Z_1 are the causal convolutions with zero padding (lower-triangular
Toeplitz matrices), N of them; those commuting with Z_1 and Z_-1 are the multiples of I.
"""

import numpy as np


def commutant_dim(shifts: list[np.ndarray]) -> int:  # dim {A : A S = S A for every S}
    n = len(shifts[0])
    rows = [np.kron(np.eye(n), S.T) - np.kron(S, np.eye(n)) for S in shifts]
    return n * n - np.linalg.matrix_rank(np.vstack(rows))


rng = np.random.default_rng(0)
N = 8
Z1, Zm1 = np.eye(N, k=-1), np.eye(N, k=1)  # (Z_1 x)[i] = x[i - 1], zero entering at i = 0
print("commute with Z_1:", commutant_dim([Z1]), "| with Z_1 and Z_-1:", commutant_dim([Z1, Zm1]))
#> commute with Z_1: 8 | with Z_1 and Z_-1: 1

h = rng.normal(size=3)
causal = sum(h[k] * np.linalg.matrix_power(Z1, k) for k in range(3))  # sum_k h[k] x[i - k]
for name, S in {"Z_1": Z1, "Z_-1": Zm1}.items():
    print(f"causal conv: ||A {name} - {name} A|| = {np.linalg.norm(causal @ S - S @ causal):.3f}")
    #> causal conv: ||A Z_1 - Z_1 A|| = 0.000
    #> causal conv: ||A Z_-1 - Z_-1 A|| = 0.925
assert commutant_dim([Z1]) == N
assert commutant_dim([Z1, Zm1]) == 1
assert np.allclose(causal @ Z1, Z1 @ causal)
