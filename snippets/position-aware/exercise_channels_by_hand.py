"""Row channel: -1, -0.5, 0, 0.5, 1 for H = 5; +-1, +-1/3 and no 0 for H = 4."""

import torch

from shiftlab.layers import coordinate_channels

for h in (5, 4):
    c = coordinate_channels(h, 3, dtype=torch.float64)[0, :, 0]  # down a column
    print(f"H = {h}:", [round(v, 3) for v in c.tolist()])
    #> H = 5: [-1.0, -0.5, 0.0, 0.5, 1.0]
    #> H = 4: [-1.0, -0.333, 0.333, 1.0]
    assert (0.0 in c.tolist()) == (h % 2 == 1)
