"""Linear maps R^n -> R^n that commute with every permutation: dimension 2."""

import itertools

import numpy as np


def commutant_dim(generators: list[np.ndarray]) -> int:
    # dim {A : A P = P A for all P}: solve for the n^2 entries of A, one block
    # of equations per generator P; the free parameters are n^2 minus the rank
    n = len(generators[0])
    rows = [np.kron(np.eye(n), P.T) - np.kron(P, np.eye(n)) for P in generators]
    return n * n - np.linalg.matrix_rank(np.vstack(rows))


def orbits(perms: list[tuple[int, ...]], n: int) -> int:
    # the number of orbits of the group on index pairs (i, j)
    pairs = [(i, j) for i in range(n) for j in range(n)]
    return len({min((p[i], p[j]) for p in perms) for i, j in pairs})


print("| n | shifts Z_n | permutations S_n | orbits on pairs (Z_n, S_n) |")
#> | n | shifts Z_n | permutations S_n | orbits on pairs (Z_n, S_n) |
print("| --- " * 4 + "|")
#> | --- | --- | --- | --- |
for n in range(3, 7):
    shift = np.roll(np.eye(n), 1, axis=0)  # the n-cycle: generates Z_n
    swap = np.eye(n)[[1, 0, *range(2, n)]]  # with the n-cycle, generates S_n
    cyclic = [tuple((i + v) % n for i in range(n)) for v in range(n)]
    every = list(itertools.permutations(range(n)))
    dims = commutant_dim([shift]), commutant_dim([shift, swap])
    counts = orbits(cyclic, n), orbits(every, n)
    print(f"| {n} | {dims[0]} | {dims[1]} | {counts} |")
    #> | 3 | 3 | 2 | (3, 2) |
    #> | 4 | 4 | 2 | (4, 2) |
    #> | 5 | 5 | 2 | (5, 2) |
    #> | 6 | 6 | 2 | (6, 2) |
    assert dims == (n, 2)
    assert counts == dims
