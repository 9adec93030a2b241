"""One 5 x 5 layer, six paddings: which shifts it commutes with, and where."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 1, 16, 16))  # (N, C, H, W), noise up to the border
w, b = rng.normal(size=(3, 1, 5, 5)), rng.normal(size=3)  # radius R = 2
shifts = [(0, 3), (2, -1), (-4, 5)]
print("| padding | side | roll | zero-fill | interior (crop) |")
#> | padding | side | roll | zero-fill | interior (crop) |
print("| --- | --- | --- | --- | --- |")
#> | --- | --- | --- | --- | --- |
for name in ["circular", "zero", "valid", "reflect", "replicate", "full"]:
    mode, pad = ("zero", 4) if name == "full" else (name, None)  # K - 1
    crop = {"valid": 0, "full": 4}.get(name, 2)  # windows inside the frame

    def f(a: np.ndarray, mode: str = mode, pad: int | None = pad) -> np.ndarray:
        return correlate(a, w, b, padding=mode, pad=pad)

    try:
        roll = f"{equivariance_error(f, x, shifts).max_relative_l2:.3f}"
    except ValueError:  # output not 16 x 16: a roll has no output action
        roll = "refused"
    zero = equivariance_error(f, x, shifts, shift_mode="zero").max_relative_l2
    e = equivariance_error(f, x, shifts, shift_mode="zero", crop=crop)
    side, inner = f(x).shape[-1], e.max_relative_l2
    print(f"| {name} | {side} | {roll} | {zero:.3f} | {inner:.3f} ({crop}) |")
    #> | circular | 16 | 0.000 | 0.499 | 0.000 (2) |
    #> | zero | 16 | 0.596 | 0.377 | 0.000 (2) |
    #> | valid | 12 | refused | 0.000 | 0.000 (0) |
    #> | reflect | 16 | 0.784 | 0.535 | 0.000 (2) |
    #> | replicate | 16 | 0.735 | 0.548 | 0.000 (2) |
    #> | full | 20 | refused | 0.541 | 0.000 (4) |
    assert inner < 1e-12  # every mode is exact on the interior crop
    assert (roll == "0.000") == (name == "circular")
    assert (zero < 1e-12) == (name == "valid")
