"""For t = (12, 12): logit 0 at t, -4 at (13, 9), and -1 at four neighbours."""

import numpy as np

t = (12, 12)
i, j = np.indices((16, 16))
logit = -np.abs(t[0] - i) - np.abs(t[1] - j)  # -|t_i - p_i| - |t_j - p_j|
second = int((logit == -1).sum())
print(
    "at t:", logit[t], "| at (13, 9):", logit[13, 9], "| pixels at -1:", second
)
#> at t: 0 | at (13, 9): -4 | pixels at -1: 4
assert (logit[t], logit[13, 9], second) == (0, -4, 4)
