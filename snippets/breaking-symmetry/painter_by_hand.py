"""Four hand-set CoordConv units get every target right, held-out ones too."""

import torch

from shiftlab.experiments.coordconv import CoordConvPainter, quadrant_split

N = 16
painter = CoordConvPainter(N, width=4)  # CoordConv 1x1, ReLU, 1x1, ReLU, 1x1
first, middle, last = painter.net[0].conv, painter.net[2], painter.net[4]
# each unit's weights on the inputs (t_i, t_j, p_i, p_j)
units = [[1, 0, -1, 0], [-1, 0, 1, 0], [0, 1, 0, -1], [0, -1, 0, 1]]
with torch.no_grad():
    first.weight.copy_(
        torch.tensor(units, dtype=torch.float32)[:, :, None, None]
    )
    # ReLU of a ReLU: unchanged
    middle.weight.copy_(torch.eye(4)[:, :, None, None])
    last.weight.fill_(-1.0)
    for layer in (first, middle, last):
        layer.bias.zero_()
    coords, held = quadrant_split(N)
    right = painter(coords).argmax(dim=1) == torch.arange(N * N)
trained = f"{int(right[~held].sum())} of {int((~held).sum())} trained targets"
held_out = f"{int(right[held].sum())} of {int(held.sum())} held-out targets"
print(f"right on {trained}, {held_out}")
#> right on 192 of 192 trained targets, 64 of 64 held-out targets
assert bool(right.all())
