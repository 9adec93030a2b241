"""The location of the maximum is equivariant: j -> (j + v) mod N."""

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
# np.argmax picks the first maximiser; v = 6 wraps the one at 4 past the end
first = int(np.argmax(np.roll(tied, v)))
rule = (int(np.argmax(tied)) + v) % N
print(
    f"tie at 1 and 4, v = {v}: argmax(T_v x) = {first}, "
    f"(argmax(x) + v) mod N = {rule}"
)
#> tie at 1 and 4, v = 6: argmax(T_v x) = 0, (argmax(x) + v) mod N = 7
maximisers = np.flatnonzero(np.roll(tied, v) == tied.max()).tolist()
moved_maximisers = sorted([(1 + v) % N, (4 + v) % N])
print(
    f"maximisers of T_v x: {maximisers}; of x, moved by v: {moved_maximisers}"
)
#> maximisers of T_v x: [0, 7]; of x, moved by v: [0, 7]
assert first != rule
assert maximisers == moved_maximisers
