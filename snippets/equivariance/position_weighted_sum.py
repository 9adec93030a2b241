"""g(x) = sum_i w[i] x[i] is invariant for a constant w, not for a ramp."""

import numpy as np

N = 8
x = np.random.default_rng(0).normal(size=N)
ramp = np.arange(N, dtype=float)  # w[i] = i: later positions count more
flat = np.full(N, 2.0)  # constant w: twice the global sum

for name, w in [("ramp", ramp), ("constant", flat)]:
    # the largest |g(T_v x) - g(x)|
    change = max(abs(w @ np.roll(x, v) - w @ x) for v in range(N))
    print(f"w = {name:8s}  largest |g(T_v x) - g(x)| = {change:.3f}")
    #> w = ramp      largest |g(T_v x) - g(x)| = 12.454
    #> w = constant  largest |g(T_v x) - g(x)| = 0.000
    assert (change > 1.0) if name == "ramp" else (change < 1e-12)
