"""What APS does not give: exact invariance to translations on a zero canvas, in general.

Zero-padded 3x3 conv, ReLU, downsample by 2, global mean; zero-fill shifts v = (0, d): the
content moves right, what crosses the border is lost, zeros come in. If the input fills the
frame, no read-out is exact, not even without downsampling (content is lost), and APS is
not either, for odd or even d. If the content and the receptive field around it stay away
from the border, a zero-fill shift is a circular shift and zero padding reads only zeros:
APS is exact again, for every d, and the fixed stride for even d only.
"""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import aps_downsample
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
w = torch.from_numpy(rng.normal(size=(8, 3, 3, 3)))
full = rng.normal(size=(4, 3, 16, 16))  # (N, C, H, W): content fills the frame
patch = np.zeros((4, 3, 16, 16))
patch[:, :, 5:11, 5:11] = rng.normal(size=(4, 3, 6, 6))  # a margin for d <= 3 and the 3x3 window
downsamplers = {"none": lambda a: a, "fixed stride 2": lambda a: a[:, :, ::2, ::2],
                "APS": lambda a: aps_downsample(a)[0]}
for content, x in {"full frame": full, "patch": patch}.items():
    for name, down in downsamplers.items():

        def net(a: np.ndarray, down=down) -> np.ndarray:  # numpy in and out
            h = F.relu(F.conv2d(torch.from_numpy(a), w, padding=1))  # zero padding
            return down(h).mean(dim=(2, 3)).numpy()

        report = invariance_error(net, x, [(0, d) for d in range(4)], shift_mode="zero")
        changes = [e.relative_l2 for e in report]
        print(f"{content:>10}, {name:>14}: relative change for d = 0..3: "
              + " ".join(f"{c:.3f}" for c in changes))
        #> full frame,           none: relative change for d = 0..3: 0.000 0.052 0.107 0.165
        #> full frame, fixed stride 2: relative change for d = 0..3: 0.000 0.195 0.151 0.274
        #> full frame,            APS: relative change for d = 0..3: 0.000 0.101 0.202 0.168
        #>      patch,           none: relative change for d = 0..3: 0.000 0.000 0.000 0.000
        #>      patch, fixed stride 2: relative change for d = 0..3: 0.000 0.483 0.000 0.483
        #>      patch,            APS: relative change for d = 0..3: 0.000 0.000 0.000 0.000
        if name != "fixed stride 2":
            assert (max(changes) < 1e-12) == (content == "patch")
