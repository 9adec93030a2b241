"""Content away from the border of a zero canvas: APS exact, a stride not."""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import aps_downsample
from shiftlab.measures import invariance_error

rng = np.random.default_rng(0)
w = torch.from_numpy(rng.normal(size=(8, 3, 3, 3)))
x = np.zeros((4, 3, 16, 16))  # a margin for d <= 3 and the 3x3 window
x[:, :, 5:11, 5:11] = rng.normal(size=(4, 3, 6, 6))
downsamplers = {
    "fixed stride 2": lambda a: a[:, :, ::2, ::2],
    "APS": lambda a: aps_downsample(a)[0],
}
for name, down in downsamplers.items():

    def net(a: np.ndarray, down=down) -> np.ndarray:  # zero padding, ReLU
        h = F.relu(F.conv2d(torch.from_numpy(a), w, padding=1))
        return down(h).mean(dim=(2, 3)).numpy()

    shifts = [(0, d) for d in range(4)]  # zero-fill shifts
    report = invariance_error(net, x, shifts, shift_mode="zero")
    changes = [e.relative_l2 for e in report]
    print(f"{name:>14}, d = 0 to 3:", " ".join(f"{c:.3f}" for c in changes))
    #> fixed stride 2, d = 0 to 3: 0.000 0.519 0.000 0.519
    #>            APS, d = 0 to 3: 0.000 0.000 0.000 0.000
    exact = [d for d, c in enumerate(changes) if c < 1e-12]
    assert exact == ([0, 1, 2, 3] if name == "APS" else [0, 2])
