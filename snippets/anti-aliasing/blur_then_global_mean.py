"""After BlurPool (stride 2, filter size >= 2), a global mean is invariant."""

import numpy as np
import torch

from shiftlab.layers import BlurPool
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
z = rng.normal(size=(4, 3, 16, 16))  # any feature map
for m in (2, 3, 7):  # filter size
    pool = BlurPool(m, stride=2, padding_mode="circular")

    def read_out(a: np.ndarray, pool: BlurPool = pool) -> np.ndarray:
        return pool(torch.from_numpy(a)).mean(dim=(2, 3)).numpy()

    report = invariance_error(read_out, z)  # all 256 circular shifts
    exact = [e.shift for e in report if e.max_abs < 1e-12]
    print(f"m = {m}: mean invariant to {len(exact)} of {len(report)} shifts")
    #> m = 2: mean invariant to 256 of 256 shifts
    #> m = 3: mean invariant to 256 of 256 shifts
    #> m = 7: mean invariant to 256 of 256 shifts
    assert len(exact) == len(report)
    # the read-out is the mean of z itself
    assert np.allclose(read_out(z), z.mean(axis=(2, 3)), rtol=0, atol=1e-12)
