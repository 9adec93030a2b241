"""A global mean right after BlurPool (stride 2, filter size >= 2) is invariant to every shift.

With circular padding and s | N, the mean of a polyphase component of y = blur(z) is the
mean of z plus the DFT of y at the frequencies that D_s folds onto 0: for s = 2, w in
{(0, pi), (pi, 0), (pi, pi)}. A binomial filter of size >= 2 is zero there, so every
component has the mean of z, whichever one a shift selects. Size 1 (no blur) is not, and
neither is stride 3: the binomial filter is not zero at the frequencies 2 pi / 3 it folds.
"""

from collections.abc import Callable

import numpy as np
import torch

from shiftlab.layers import BlurPool
from shiftlab.measures import invariance_error


def read_out(pool: BlurPool) -> Callable[[np.ndarray], np.ndarray]:  # numpy in and out
    return lambda a: pool(torch.from_numpy(a)).mean(dim=(2, 3)).numpy()


rng = np.random.default_rng(0)
for s, n in [(2, 16), (3, 18)]:  # stride and grid size, s | n
    z = rng.normal(size=(4, 3, n, n))  # any feature map, e.g. a stride-1 max pool's output
    for m in (1, 2, 3, 7) if s == 2 else (3, 7):
        f = read_out(BlurPool(m, stride=s, padding_mode="circular"))
        report = invariance_error(f, z)  # all circular shifts of the n x n grid
        exact = {e.shift for e in report if e.max_abs < 1e-12}
        multiples = {e.shift for e in report if e.shift[0] % s == 0 and e.shift[1] % s == 0}
        print(f"stride {s}, filter {m}: mean invariant to {len(exact):3d} of {len(report)} "
              f"shifts{' (the multiples of the stride)' if exact == multiples else ''}")
        #> stride 2, filter 1: mean invariant to  64 of 256 shifts (the multiples of the stride)
        #> stride 2, filter 2: mean invariant to 256 of 256 shifts
        #> stride 2, filter 3: mean invariant to 256 of 256 shifts
        #> stride 2, filter 7: mean invariant to 256 of 256 shifts
        #> stride 3, filter 3: mean invariant to  36 of 324 shifts (the multiples of the stride)
        #> stride 3, filter 7: mean invariant to  36 of 324 shifts (the multiples of the stride)
        if s == 2 and m >= 2:  # every shift, and the read-out is the mean of z itself
            assert len(exact) == len(report)
            assert np.allclose(f(z), z.mean(axis=(2, 3)), rtol=0, atol=1e-12)
        else:
            assert exact == multiples
