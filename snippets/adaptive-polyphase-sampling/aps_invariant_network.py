"""Circular convolutions, APS and a global mean: invariant to every shift."""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import BlurPool, aps_downsample, pad2d
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
x = rng.normal(size=(4, 3, 16, 16))  # (N, C, H, W), float64
shapes = [(8, 3, 3, 3), (8, 8, 3, 3)]
w1, w2 = (torch.from_numpy(rng.normal(size=shape)) for shape in shapes)
# name: (downsampler, q): invariant exactly to the shifts with q | dy and q | dx
downsamplers = {
    "fixed stride 2": (lambda a: a[:, :, ::2, ::2], 4),
    "BlurPool(3), circular": (BlurPool(3, padding_mode="circular"), 2),
    "APS, stride 2": (lambda a: aps_downsample(a)[0], 1),
}
print(f"{'downsampler':21}  {'invariant to':17}  largest relative change")
#> downsampler            invariant to       largest relative change
for name, (down, q) in downsamplers.items():
    # two stages of circular 3x3 conv, ReLU, downsample; numpy in and out
    def net(a: np.ndarray, down=down) -> np.ndarray:
        h = torch.from_numpy(a)
        for w in (w1, w2):
            h = down(F.relu(F.conv2d(pad2d(h, (1, 1), "circular"), w)))
        return h.mean(dim=(2, 3)).numpy()  # (N, 8)

    report = invariance_error(net, x)  # all 256 circular shifts
    exact = {e.shift for e in report if e.relative_l2 < 1e-12}
    worst = report.max_relative_l2
    print(f"{name:21}  {len(exact):3d} of {len(report)} shifts  {worst:.3f}")
    #> fixed stride 2          16 of 256 shifts  0.567
    #> BlurPool(3), circular   64 of 256 shifts  0.024
    #> APS, stride 2          256 of 256 shifts  0.000
    shifts = [e.shift for e in report]
    assert exact == {
        (dy, dx) for dy, dx in shifts if dy % q == 0 and dx % q == 0
    }
