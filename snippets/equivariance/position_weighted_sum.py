"""g(x) = sum_i w[i] x[i] is invariant only when w is constant."""

import numpy as np

N = 8
rng = np.random.default_rng(0)
x = rng.normal(size=N)
ramp = np.arange(N, dtype=float)  # w[i] = i: later positions count more
flat = np.full(N, 2.0)  # constant w: twice the global sum
signs = (-1.0) ** np.arange(N)  # +1, -1, +1, ... (N is even)

for name, w in [("ramp", ramp), ("constant", flat)]:
    # the largest |g(T_v x) - g(x)|
    change = max(abs(w @ np.roll(x, v) - w @ x) for v in range(N))
    print(f"w = {name:8s}  largest |g(T_v x) - g(x)| = {change:.3f}")
    #> w = ramp      largest |g(T_v x) - g(x)| = 12.454
    #> w = constant  largest |g(T_v x) - g(x)| = 0.000
    assert (change > 1.0) if name == "ramp" else (change < 1e-12)

# No output action for the ramp: g(x) = g(y) but g(T_1 x) != g(T_1 y).
e0, zero = np.eye(N)[0], np.zeros(N)
print(
    ramp @ e0, ramp @ zero, "->", ramp @ np.roll(e0, 1), ramp @ np.roll(zero, 1)
)
#> 0.0 0.0 -> 1.0 0.0
assert ramp @ np.roll(e0, 1) != ramp @ np.roll(zero, 1)

# The one exception for real w: alternating signs, g(T_v x) = (-1)^v g(x)
flips = [
    bool(np.isclose(signs @ np.roll(x, v), (-1) ** v * (signs @ x)))
    for v in range(N)
]
print(f"alternating w: g(T_v x) = (-1)^v g(x) for all v: {all(flips)}")
#> alternating w: g(T_v x) = (-1)^v g(x) for all v: True
assert all(flips)
