"""Image maps commuting with shifts and rot90: rot90-symmetric convolutions."""

import numpy as np


def matrix(f, n: int) -> np.ndarray:
    # the matrix of a linear map on n x n images
    return np.stack([f(e.reshape(n, n)).ravel() for e in np.eye(n * n)], axis=1)


def commutant_dim(generators: list[np.ndarray]) -> int:
    # dim {A : A S = S A for all S}
    m = len(generators[0])
    rows = [np.kron(np.eye(m), S.T) - np.kron(S, np.eye(m)) for S in generators]
    return m * m - np.linalg.matrix_rank(np.vstack(rows))


def offset_orbits(n: int) -> int:
    # orbits of the quarter turn (a, b) -> (-b, a) mod n on the offsets
    orbits = set()
    for a in range(n):
        for b in range(n):
            turns = ((a, b), (-b % n, a), (-a % n, -b % n), (b, -a % n))
            orbits.add(min(turns))
    return len(orbits)


print("N   shifts   shifts and rot90   orbits of offsets")
#> N   shifts   shifts and rot90   orbits of offsets
for n in (3, 4, 5):
    Ty = matrix(lambda e: np.roll(e, 1, axis=0), n)
    Tx = matrix(lambda e: np.roll(e, 1, axis=1), n)
    R = matrix(np.rot90, n)  # a quarter turn, counterclockwise as displayed
    dims = commutant_dim([Ty, Tx]), commutant_dim([Ty, Tx, R])
    print(f"{n}   {dims[0]:>6}   {dims[1]:>16}   {offset_orbits(n):>17}")
    #> 3        9                  3                   3
    #> 4       16                  6                   6
    #> 5       25                  7                   7
    assert dims == (n * n, offset_orbits(n))
    assert n % 2 == 0 or dims[1] == (n * n + 3) // 4

# n = 5 and R from the loop: convolutions C on the 5 x 5 torus
a, b = np.indices((n, n))
h = np.random.default_rng(0).normal(
    size=(n, n)
)  # h[a, b]: weight of offset (a, b)
turns = [h]
for _ in range(3):
    turns.append(turns[-1][b, -a % n])  # the kernel turned about offset (0, 0)


def convolve(e: np.ndarray, k: np.ndarray) -> np.ndarray:  # circular
    offsets = [(p, q) for p in range(n) for q in range(n)]
    return sum(k[p, q] * np.roll(e, (p, q), (0, 1)) for p, q in offsets)


kernels = {"random kernel": h, "sum of its 4 turns": sum(turns)}
for name, k in kernels.items():
    C = matrix(lambda e, k=k: convolve(e, k), n)
    print(f"{name:>18}: ||C R - R C|| = {np.linalg.norm(C @ R - R @ C):.3f}")
    #>      random kernel: ||C R - R C|| = 33.263
    #> sum of its 4 turns: ||C R - R C|| = 0.000
    assert (np.linalg.norm(C @ R - R @ C) < 1e-9) == (name != "random kernel")
