"""Orbits on index pairs: n for the shifts Z_n, 2 for the permutations S_n."""

import itertools


def orbits(perms: list[tuple[int, ...]], n: int) -> int:  # on pairs (i, j)
    pairs = [(i, j) for i in range(n) for j in range(n)]
    return len({min((p[i], p[j]) for p in perms) for i, j in pairs})


for n in range(3, 7):
    cyclic = [tuple((i + v) % n for i in range(n)) for v in range(n)]
    every = list(itertools.permutations(range(n)))
    counts = orbits(cyclic, n), orbits(every, n)
    print(f"n = {n}: orbits of Z_n {counts[0]}, of S_n {counts[1]}")
    #> n = 3: orbits of Z_n 3, of S_n 2
    #> n = 4: orbits of Z_n 4, of S_n 2
    #> n = 5: orbits of Z_n 5, of S_n 2
    #> n = 6: orbits of Z_n 6, of S_n 2
    assert counts == (n, 2)
