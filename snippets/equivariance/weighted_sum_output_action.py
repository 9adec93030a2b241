"""The ramp sum has no output action; alternating signs have (-1)^v."""

import numpy as np

N = 8
ramp, signs = np.arange(N, dtype=float), (-1.0) ** np.arange(N)
e0, zero = np.eye(N)[0], np.zeros(N)
# g(e0) = g(0), but g(T_1 e0) != g(T_1 0): no map of g(x) gives g(T_1 x)
before = [float(ramp @ e0), float(ramp @ zero)]
after = [float(ramp @ np.roll(e0, 1)), float(ramp @ np.roll(zero, 1))]
print(before, "->", after)
#> [0.0, 0.0] -> [1.0, 0.0]
assert before[0] == before[1]
assert after[0] != after[1]

x = np.random.default_rng(0).normal(size=N)
flips = all(
    np.isclose(signs @ np.roll(x, v), (-1) ** v * (signs @ x)) for v in range(N)
)
print(f"alternating w: g(T_v x) = (-1)^v g(x) for all v: {flips}")
#> alternating w: g(T_v x) = (-1)^v g(x) for all v: True
assert flips
