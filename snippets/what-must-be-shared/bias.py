"""A bias per channel commutes with all shifts; a bias per position does not."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 2, 8, 8))  # (N, C_in, H, W)
w = rng.normal(size=(3, 2, 3, 3))  # (C_out, C_in, 3, 3)
per_channel = rng.normal(size=3)  # b[c]
per_position = rng.normal(size=(3, 8, 8))  # b[c, i, j]
layers = {
    "b[c]": lambda a: correlate(a, w, per_channel, padding="circular"),
    "b[c, i, j]": lambda a: correlate(a, w, padding="circular") + per_position,
}
for name, f in layers.items():
    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(f"bias {name:>10}: exact for {exact:>2} of {len(report)} shifts, "
          f"max relative error {report.max_relative_l2:.3f}")
    #> bias       b[c]: exact for 64 of 64 shifts, max relative error 0.000
    #> bias b[c, i, j]: exact for  1 of 64 shifts, max relative error 0.390
    assert (exact == len(report)) == (name == "b[c]")
