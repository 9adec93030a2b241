"""After BlurPool (stride 2, filter size >= 2), a global mean is invariant."""

from collections.abc import Callable

import numpy as np
import torch

from shiftlab.layers import BlurPool
from shiftlab.measures import invariance_error


def read_out(pool: BlurPool) -> Callable[[np.ndarray], np.ndarray]:
    # the global mean after the pool, numpy in and out
    return lambda a: pool(torch.from_numpy(a)).mean(dim=(2, 3)).numpy()


rng = np.random.default_rng(0)
for s, n in [(2, 16), (3, 18)]:  # stride and grid size, s | n
    # any feature map, e.g. a stride-1 max pool's output
    z = rng.normal(size=(4, 3, n, n))
    for m in (1, 2, 3, 7) if s == 2 else (3, 7):  # m: filter size
        f = read_out(BlurPool(m, stride=s, padding_mode="circular"))
        report = invariance_error(f, z)  # all circular shifts of the n x n grid
        exact = {e.shift for e in report if e.max_abs < 1e-12}
        shifts = [e.shift for e in report]
        multiples = {
            (dy, dx) for dy, dx in shifts if dy % s == 0 and dx % s == 0
        }
        which = " (multiples of s)" if exact == multiples else ""
        print(
            f"s = {s}, m = {m}: mean invariant to {len(exact):3d} of "
            f"{len(report)} shifts{which}"
        )
        #> s = 2, m = 1: mean invariant to  64 of 256 shifts (multiples of s)
        #> s = 2, m = 2: mean invariant to 256 of 256 shifts
        #> s = 2, m = 3: mean invariant to 256 of 256 shifts
        #> s = 2, m = 7: mean invariant to 256 of 256 shifts
        #> s = 3, m = 3: mean invariant to  36 of 324 shifts (multiples of s)
        #> s = 3, m = 7: mean invariant to  36 of 324 shifts (multiples of s)
        # s = 2, m >= 2: every shift; the read-out is the mean of z itself
        if s == 2 and m >= 2:
            assert len(exact) == len(report)
            assert np.allclose(f(z), z.mean(axis=(2, 3)), rtol=0, atol=1e-12)
        else:
            assert exact == multiples
