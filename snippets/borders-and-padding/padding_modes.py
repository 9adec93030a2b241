"""One 5 x 5 layer, six paddings: which shifts it commutes with, and where."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 1, 16, 16))  # (N, C, H, W)
# (C_out, C_in, K, K): receptive-field radius R = 2
w, b = rng.normal(size=(3, 1, 5, 5)), rng.normal(size=3)
shifts = [(0, 3), (2, -1), (-4, 5)]
modes = {  # name: (padding, pad, crop); crop is R, 0 for valid, K - 1 for full
    "circular": ("circular", None, 2),
    "zero": ("zero", None, 2),
    "valid": ("valid", None, 0),
    "reflect": ("reflect", None, 2),
    "replicate": ("replicate", None, 2),
    "full": ("zero", 4, 4),  # full: pad K - 1
}
print("padding    side  circular  zero-fill  crop")
#> padding    side  circular  zero-fill  crop
for name, (padding, pad, crop) in modes.items():

    def f(
        a: np.ndarray, mode: str = padding, pad: int | None = pad
    ) -> np.ndarray:
        return correlate(a, w, b, padding=mode, pad=pad)

    try:
        circular = f"{equivariance_error(f, x, shifts).max_relative_l2:.3f}"
    except ValueError:
        # output not 16 x 16: no output action for a circular shift
        circular = "refused"
    zero = equivariance_error(f, x, shifts, shift_mode="zero").max_relative_l2
    cropped = equivariance_error(f, x, shifts, shift_mode="zero", crop=crop)
    inner = cropped.max_relative_l2
    side = f(x).shape[-1]
    print(
        f"{name:9s} {side:5d} {circular:>9s} {zero:10.3f} {inner:6.3f} ({crop})"
    )
    #> circular     16     0.000      0.499  0.000 (2)
    #> zero         16     0.596      0.377  0.000 (2)
    #> valid        12   refused      0.000  0.000 (0)
    #> reflect      16     0.784      0.535  0.000 (2)
    #> replicate    16     0.735      0.548  0.000 (2)
    #> full         20   refused      0.541  0.000 (4)
    assert inner < 1e-12  # every mode is exact on the interior crop
    assert (circular == "0.000") == (name == "circular")
    assert (zero < 1e-12) == (name == "valid")
