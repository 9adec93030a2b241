"""The location of the maximum is equivariant, with the output action j -> (j + v) mod N.

For an input with a unique maximum, argmax(T_v x) = (argmax(x) + v) mod N for every v.
With a tie, np.argmax returns the first maximiser, and that choice breaks the rule once a
shift wraps one of the tied maxima around the end; the set of maximisers still moves.
"""

import numpy as np

N = 10
rng = np.random.default_rng(0)
x = rng.normal(size=N)  # continuous values: the maximum is unique
j = int(np.argmax(x))
moved = [int(np.argmax(np.roll(x, v))) for v in range(N)]
print(f"argmax(x) = {j}; argmax(T_v x) for v = 0..{N - 1}: {moved}")
#> argmax(x) = 6; argmax(T_v x) for v = 0..9: [6, 7, 8, 9, 0, 1, 2, 3, 4, 5]
assert moved == [(j + v) % N for v in range(N)]

tied = np.zeros(N)
tied[[1, 4]] = 3.0  # two equal maxima, at 1 and 4
v = 6
first, rule = int(np.argmax(np.roll(tied, v))), (int(np.argmax(tied)) + v) % N
print(f"tie at 1 and 4, v = {v}: argmax(T_v x) = {first}, (argmax(x) + v) mod N = {rule}")
#> tie at 1 and 4, v = 6: argmax(T_v x) = 0, (argmax(x) + v) mod N = 7
maximisers = np.flatnonzero(np.roll(tied, v) == tied.max()).tolist()
print(f"maximisers of T_v x: {maximisers}; of x, moved by v: {sorted([(1 + v) % N, (4 + v) % N])}")
#> maximisers of T_v x: [0, 7]; of x, moved by v: [0, 7]
assert first != rule
assert maximisers == sorted([(1 + v) % N, (4 + v) % N])
