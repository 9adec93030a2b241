"""A rot90-symmetric kernel keeps 13 weights on a 7 x 7 torus, 6 on 4 x 4."""


def orbits(n: int) -> int:  # orbits of (a, b) -> (-b, a) mod n on offsets
    seen, count = set(), 0
    for offset in [(a, b) for a in range(n) for b in range(n)]:
        if offset not in seen:
            count += 1
            a, b = offset
            for _ in range(4):  # walk the orbit of the offset
                seen.add((a, b))
                a, b = -b % n, a
    return count


counts = {n: orbits(n) for n in (7, 4)}
print("free weights:", counts, "| (49 + 3) / 4 =", (49 + 3) // 4)
#> free weights: {7: 13, 4: 6} | (49 + 3) / 4 = 13
assert counts == {7: 13, 4: 6}
