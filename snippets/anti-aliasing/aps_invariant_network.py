"""Circular convolutions + APS + a global mean: invariant to every circular shift.

Two stages of (circular 3x3 conv, ReLU, downsample by 2) on a 16 x 16 input (4 | 16), then a
global average pool; every circular shift of the input, 256 of them. A fixed stride is
invariant to the multiples of the total stride 4 only. BlurPool(3) makes the last stage
exact (its mean is the mean of its input) but not the first: the even shifts. APS: all.
"""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import BlurPool, aps_downsample, pad2d
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(4, 3, 16, 16))  # (N, C, H, W), float64
w1, w2 = (torch.from_numpy(rng.normal(size=shape)) for shape in [(8, 3, 3, 3), (8, 8, 3, 3)])
downsamplers = {  # name: (downsampler, q: invariant exactly to the shifts with q | dy, q | dx)
    "fixed stride 2": (lambda a: a[:, :, ::2, ::2], 4),
    "BlurPool(3), circular": (BlurPool(3, padding_mode="circular"), 2),
    "APS, stride 2": (lambda a: aps_downsample(a)[0], 1),
}
for name, (down, q) in downsamplers.items():

    def net(a: np.ndarray, down=down) -> np.ndarray:  # numpy in and out, for invariance_error
        h = down(F.relu(F.conv2d(pad2d(torch.from_numpy(a), (1, 1), "circular"), w1)))
        h = down(F.relu(F.conv2d(pad2d(h, (1, 1), "circular"), w2)))
        return h.mean(dim=(2, 3)).numpy()  # (N, 8)

    report = invariance_error(net, x)  # all 256 circular shifts
    exact = {e.shift for e in report if e.relative_l2 < 1e-12}
    print(f"{name:>22}: invariant to {len(exact):3d} of {len(report)} shifts, "
          f"largest relative change {report.max_relative_l2:.3f}")
    #>         fixed stride 2: invariant to  16 of 256 shifts, largest relative change 0.567
    #>  BlurPool(3), circular: invariant to  64 of 256 shifts, largest relative change 0.024
    #>          APS, stride 2: invariant to 256 of 256 shifts, largest relative change 0.000
    assert exact == {e.shift for e in report if e.shift[0] % q == 0 and e.shift[1] % q == 0}
