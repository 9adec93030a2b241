"""shiftlab measures a circular stride-2 layer only on a grid that 2 divides."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)


def layer(a: np.ndarray) -> np.ndarray:
    return correlate(a, w, padding="circular", stride=2)


# On 8 x 8, the 16 shifts with both components even have an integer output shift
report = equivariance_error(layer, rng.normal(size=(1, 2, 8, 8)), stride=2)
defined, worst = report.fraction_defined, report.max_abs
print(f"8 x 8: {defined:.0%} of the shifts defined, max error {worst:.1e}")
#> 8 x 8: 25% of the shifts defined, max error 0.0e+00
assert worst < 1e-12
# On 9 x 9 no output grid exists for T_(v/2) to act on: no number, an error
try:
    equivariance_error(layer, rng.normal(size=(1, 2, 9, 9)), stride=2)
    raised = False
except ValueError:
    raised = True
print(f"9 x 9: raises ValueError: {raised}")
#> 9 x 9: raises ValueError: True
assert raised
