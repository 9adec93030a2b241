"""3-D: a convolution on volumes commutes with 3-D shifts, as in 2-D.

Conv3d + ReLU on an 8 x 8 x 8 volume, v = (dz, dy, dx) on the last three axes. Circular
padding: exact for all 512 circular shifts. Zero padding: exact for translations on a
zero canvas (zero-fill shifts) once the comparison drops the border layer, crop = 1;
not exact on the whole volume.
"""

import itertools

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
x = np.random.default_rng(0).normal(size=(1, 2, 8, 8, 8))  # (N, C, D, H, W)
small = list(itertools.product(range(-2, 3), repeat=3))  # 125 shifts (dz, dy, dx)
cases = {  # name: (torch padding, shift mode, shifts, crop); None: all 512 shifts
    "circular": ("circular", "circular", None, 0),
    "zero": ("zeros", "zero", small, 1),
    "zero, no crop": ("zeros", "zero", small, 0),
}
for name, (padding, mode, shifts, crop) in cases.items():
    conv = torch.nn.Conv3d(2, 4, 3, padding=1, padding_mode=padding).double()

    def f(a: np.ndarray, conv: torch.nn.Module = conv) -> np.ndarray:
        with torch.no_grad():
            return torch.relu(conv(torch.from_numpy(a))).numpy()

    report = equivariance_error(f, x, shifts, shift_mode=mode, crop=crop)
    print(f"{name:>13}: {len(report)} {mode} shifts, crop {crop}, "
          f"max relative error {report.max_relative_l2:.3f}")
    #>      circular: 512 circular shifts, crop 0, max relative error 0.000
    #>          zero: 125 zero shifts, crop 1, max relative error 0.000
    #> zero, no crop: 125 zero shifts, crop 0, max relative error 0.391
    assert (report.max_relative_l2 < 1e-12) == (name != "zero, no crop")
