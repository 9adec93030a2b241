"""Equivariance of one layer, measured over every shift of an 8x8 input."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C_in, H, W)
w = rng.normal(
    size=(3, 2, 3, 3)
)  # (C_out, C_in, 3, 3): receptive-field radius 1

circular = equivariance_error(lambda a: correlate(a, w, padding="circular"), x)
zero = equivariance_error(lambda a: correlate(a, w, padding="zero"), x)
zero_clean = equivariance_error(
    lambda a: correlate(a, w, padding="zero"), x, shift_mode="zero", crop=1
)
strided = equivariance_error(
    lambda a: correlate(a, w, padding="circular", stride=2), x, stride=2
)

print(
    f"circular padding:             {len(circular)} shifts, "
    f"max error {circular.max_abs:.1e}"
)
#> circular padding:             64 shifts, max error 0.0e+00
print(
    "zero padding, circular shift: "
    f"max relative L2 error {zero.max_relative_l2:.2f}"
)
#> zero padding, circular shift: max relative L2 error 0.62
print(
    "zero padding, zero-fill shift, interior crop: "
    f"max error {zero_clean.max_abs:.1e}"
)
#> zero padding, zero-fill shift, interior crop: max error 0.0e+00
undefined = len(strided.undefined_shifts)
print(
    f"stride 2: {undefined} of {len(strided)} shifts undefined, "
    f"defined ones max error {strided.max_abs:.1e}"
)
#> stride 2: 48 of 64 shifts undefined, defined ones max error 0.0e+00
assert circular.max_abs < 1e-12
assert zero_clean.max_abs < 1e-12
assert strided.max_abs < 1e-12
assert zero.max_relative_l2 > 0.1
