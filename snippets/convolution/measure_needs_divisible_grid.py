"""shiftlab measures a circular stride-2 layer only on a grid that 2 divides.

On 8 x 8 the 16 shifts with both components even have an integer output shift, and the
report says so next to its numbers. On 9 x 9 no output grid exists for T_(v/2) to act on,
so equivariance_error raises instead of reporting a number.
"""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)


def layer(a: np.ndarray) -> np.ndarray:
    return correlate(a, w, padding="circular", stride=2)


report = equivariance_error(layer, rng.normal(size=(1, 2, 8, 8)), stride=2)
print(f"8 x 8: {report.fraction_defined:.0%} of the shifts defined, max error {report.max_abs:.1e}")
#> 8 x 8: 25% of the shifts defined, max error 0.0e+00
try:
    equivariance_error(layer, rng.normal(size=(1, 2, 9, 9)), stride=2)
    raised = False
except ValueError:
    raised = True
print(f"9 x 9: raises ValueError: {raised}")
#> 9 x 9: raises ValueError: True
assert report.max_abs < 1e-12
assert raised
