"""I + 1 1^T commutes with all 6 permutations; the circulant with 3 only."""

import itertools

import numpy as np

A = np.array([[2, 1, 1], [1, 2, 1], [1, 1, 2]])
C = np.array([[1, 2, 0], [0, 1, 2], [2, 0, 1]])
perms = [
    np.eye(3, dtype=int)[list(p)] for p in itertools.permutations(range(3))
]
commuting = {
    name: sum(np.array_equal(M @ P, P @ M) for P in perms)
    for name, M in {"A": A, "C": C}.items()
}
print("permutations that commute, of 6:", commuting)
#> permutations that commute, of 6: {'A': 6, 'C': 3}
assert commuting == {"A": 6, "C": 3}
