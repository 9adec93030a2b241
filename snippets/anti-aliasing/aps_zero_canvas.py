"""What APS does not give: exact invariance on a zero canvas, in general."""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import aps_downsample
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
w = torch.from_numpy(rng.normal(size=(8, 3, 3, 3)))
full = rng.normal(size=(4, 3, 16, 16))  # (N, C, H, W): content fills the frame
patch = np.zeros((4, 3, 16, 16))
# a margin for d <= 3 and the 3x3 window: only zeros cross the border
patch[:, :, 5:11, 5:11] = rng.normal(size=(4, 3, 6, 6))
downsamplers = {
    "none": lambda a: a,
    "fixed stride 2": lambda a: a[:, :, ::2, ::2],
    "APS": lambda a: aps_downsample(a)[0],
}
shifts = [(0, d) for d in range(4)]  # zero-fill: the content moves right by d
print("content, downsampler: relative change for d = 0, 1, 2, 3")
#> content, downsampler: relative change for d = 0, 1, 2, 3
for content, x in {"full frame": full, "patch": patch}.items():
    for name, down in downsamplers.items():

        def net(a: np.ndarray, down=down) -> np.ndarray:  # numpy in and out
            h = F.relu(
                F.conv2d(torch.from_numpy(a), w, padding=1)
            )  # zero padding
            return down(h).mean(dim=(2, 3)).numpy()

        report = invariance_error(net, x, shifts, shift_mode="zero")
        changes = [e.relative_l2 for e in report]
        shown = " ".join(f"{c:.3f}" for c in changes)
        print(f"{content:>10}, {name:>14}: {shown}")
        #> full frame,           none: 0.000 0.052 0.107 0.165
        #> full frame, fixed stride 2: 0.000 0.195 0.151 0.274
        #> full frame,            APS: 0.000 0.101 0.202 0.168
        #>      patch,           none: 0.000 0.000 0.000 0.000
        #>      patch, fixed stride 2: 0.000 0.483 0.000 0.483
        #>      patch,            APS: 0.000 0.000 0.000 0.000
        if name != "fixed stride 2":
            assert (max(changes) < 1e-12) == (content == "patch")
