"""Zero-padded convolutions + global average: invariant while the content stays off the border.

Two zero-padded 3x3 layers with bias (receptive-field radius R = 2), ReLU, global average
pooling; content in the middle of a zero canvas, moved with zero fill (a roll that wraps only
zeros). Outputs within R of an edge see the padding, and they see only zeros of the input
when the content keeps a margin of 2R from every edge: then the read-out stays the same, up to
the rounding of the sum.
"""

import torch

torch.manual_seed(0)
net = torch.nn.Sequential(
    torch.nn.Conv2d(1, 4, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(4, 4, 3, padding=1)
).double()
N, R = 20, 2
x = torch.zeros(1, 1, N, N, dtype=torch.float64)  # (N, C, H, W)
x[..., 8:12, 8:12] = torch.randn(4, 4, dtype=torch.float64)  # content: margin 8 on every side

with torch.no_grad():
    ref = torch.relu(net(x)).mean(dim=(-2, -1))  # global average pool
    change = {}  # margin left after the shift -> relative change of the read-out
    for dy in range(-8, 9):
        moved = torch.relu(net(torch.roll(x, (dy, 0), dims=(-2, -1)))).mean(dim=(-2, -1))
        margin, rel = 8 - abs(dy), ((moved - ref).norm() / ref.norm()).item()
        change[margin] = max(change.get(margin, 0.0), rel)
far = max(c for m, c in change.items() if m >= 2 * R)
print(f"margin >= 2R = {2 * R}: max relative change < 1e-12: {far < 1e-12}")
#> margin >= 2R = 4: max relative change < 1e-12: True
print(f"margin R = {R}: relative change {change[R]:.1e}; margin 0: {change[0]:.1e}")
#> margin R = 2: relative change 1.5e-03; margin 0: 5.1e-03
assert far < 1e-12
assert change[R] > 1e-6
assert change[0] > 1e-6
