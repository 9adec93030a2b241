"""Maps commuting with shifts and rot90: one weight per orbit of offsets."""

import numpy as np


def matrix(f, n: int) -> np.ndarray:  # the matrix of a map on n x n images
    return np.stack([f(e.reshape(n, n)).ravel() for e in np.eye(n * n)], 1)


def commutant_dim(gens: list[np.ndarray]) -> int:  # dim {A : A S = S A}
    m = len(gens[0])
    rows = [np.kron(np.eye(m), S.T) - np.kron(S, np.eye(m)) for S in gens]
    return m * m - np.linalg.matrix_rank(np.vstack(rows))


def orbits(n: int) -> int:  # orbits of (a, b) -> (-b, a) mod n on offsets
    pairs = [(a, b) for a in range(n) for b in range(n)]
    return len(
        {
            min((a, b), (-b % n, a), (-a % n, -b % n), (b, -a % n))
            for a, b in pairs
        }
    )


for n in (3, 4, 5):
    T = [matrix(lambda e, ax=ax: np.roll(e, 1, ax), n) for ax in (0, 1)]
    dims = commutant_dim(T), commutant_dim([*T, matrix(np.rot90, n)])
    print(f"N = {n}: shifts {dims[0]}, shifts and rot90 {dims[1]}")
    #> N = 3: shifts 9, shifts and rot90 3
    #> N = 4: shifts 16, shifts and rot90 6
    #> N = 5: shifts 25, shifts and rot90 7
    assert dims == (n * n, orbits(n))
    assert n % 2 == 0 or dims[1] == (n * n + 3) // 4
