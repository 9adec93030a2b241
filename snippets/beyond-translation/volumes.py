"""3-D: a convolution on volumes commutes with 3-D shifts, as in 2-D."""

import itertools

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
x = np.random.default_rng(0).normal(size=(1, 2, 8, 8, 8))  # (N, C, D, H, W)
# 125 shifts v = (dz, dy, dx) on the last three axes
small = list(itertools.product(range(-2, 3), repeat=3))
# name: (torch padding, shift mode, shifts, crop); shifts None: all 512 shifts;
# zero padding is exact on a zero canvas once the border layer is cropped
cases = {
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
    print(
        f"{name:>13}: {len(report)} {mode} shifts, crop {crop}, "
        f"max relative error {report.max_relative_l2:.3f}"
    )
    #>      circular: 512 circular shifts, crop 0, max relative error 0.000
    #>          zero: 125 zero shifts, crop 1, max relative error 0.000
    #> zero, no crop: 125 zero shifts, crop 0, max relative error 0.391
    assert (report.max_relative_l2 < 1e-12) == (name != "zero, no crop")
