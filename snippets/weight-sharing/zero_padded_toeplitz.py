"""A zero-padded "same" correlation does not commute with the circular shift."""

import numpy as np

N = 10
T = np.roll(np.eye(N), 1, axis=0)  # matrix of T_1


def same_zero(h: np.ndarray) -> np.ndarray:  # y[i] = sum_k h[k] x[i + k - 1]
    padded = np.pad(np.eye(N), ((1, 1), (0, 0)))  # zero rows: "same" size
    return sum(h[k] * padded[k : k + N] for k in range(3))


Z = same_zero(np.array([1.0, 2.0, -1.0]))
commutator = Z @ T - T @ Z
print(f"||Z T_1 - T_1 Z|| = {np.linalg.norm(commutator):.3f}")
#> ||Z T_1 - T_1 Z|| = 2.000
print("non-zero rows:", np.flatnonzero(np.abs(commutator).sum(axis=1)).tolist())
#> non-zero rows: [0, 1, 9]
for tap in range(3):  # one tap at a time: offsets -1, 0, +1
    Zk = same_zero(np.eye(3)[tap])
    tap_commutator = np.linalg.norm(Zk @ T - T @ Zk)
    print(f"tap at offset {tap - 1:+d}: ||commutator|| = {tap_commutator:.3f}")
    #> tap at offset -1: ||commutator|| = 1.414
    #> tap at offset +0: ||commutator|| = 0.000
    #> tap at offset +1: ||commutator|| = 1.414
assert np.linalg.norm(commutator) > 1
