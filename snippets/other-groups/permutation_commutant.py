"""Linear maps R^n -> R^n that commute with every permutation: dimension 2."""

import numpy as np


def commutant_dim(generators: list[np.ndarray]) -> int:
    # dim {A : A P = P A for every generator P}: a null space in the n^2 entries
    n = len(generators[0])
    rows = [np.kron(np.eye(n), P.T) - np.kron(P, np.eye(n)) for P in generators]
    return n * n - np.linalg.matrix_rank(np.vstack(rows))


print("| n | shifts Z_n | permutations S_n |\n|" + " --- |" * 3)
#> | n | shifts Z_n | permutations S_n |
#> | --- | --- | --- |
for n in range(3, 7):
    shift = np.roll(np.eye(n), 1, axis=0)  # the n-cycle: generates Z_n
    swap = np.eye(n)[[1, 0, *range(2, n)]]  # with the n-cycle, generates S_n
    dims = commutant_dim([shift]), commutant_dim([shift, swap])
    print(f"| {n} | {dims[0]} | {dims[1]} |")
    #> | 3 | 3 | 2 |
    #> | 4 | 4 | 2 |
    #> | 5 | 5 | 2 |
    #> | 6 | 6 | 2 |
    assert dims == (n, 2)
