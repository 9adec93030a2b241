"""A zero-fill shift can change a mean over positions; a circular one cannot."""

import numpy as np

from shiftlab.shifts import circular_shift, zero_shift

x = np.zeros((4, 4))
x[1, 3] = 1.0
means = {
    "before": x.mean(),
    "zero-fill shift (0, 1)": zero_shift(x, (0, 1)).mean(),
    "circular shift (0, 1)": circular_shift(x, (0, 1)).mean(),
}
for name, mean in means.items():
    print(f"{name:>22}: {mean:.4f}")
    #>                 before: 0.0625
    #> zero-fill shift (0, 1): 0.0000
    #>  circular shift (0, 1): 0.0625
assert means["zero-fill shift (0, 1)"] == 0.0
assert means["circular shift (0, 1)"] == means["before"] == 1 / 16
