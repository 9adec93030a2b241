"""Zero-padded convolutions + global average: invariant while off the border."""

import torch

torch.manual_seed(0)
net = torch.nn.Sequential(  # receptive-field radius R = 2
    torch.nn.Conv2d(1, 4, 3, padding=1),
    torch.nn.ReLU(),
    torch.nn.Conv2d(4, 4, 3, padding=1),
).double()
N, R = 20, 2
x = torch.zeros(1, 1, N, N, dtype=torch.float64)  # (N, C, H, W)
# content with a margin of 8 on every side
x[..., 8:12, 8:12] = torch.randn(4, 4, dtype=torch.float64)

with torch.no_grad():
    ref = torch.relu(net(x)).mean(dim=(-2, -1))  # global average pool
    change = {}  # margin left after the shift -> relative change of read-out
    for dy in range(-8, 9):  # a roll that wraps only zeros: a zero-fill shift
        shifted = torch.roll(x, (dy, 0), dims=(-2, -1))
        moved = torch.relu(net(shifted)).mean(dim=(-2, -1))
        margin, rel = 8 - abs(dy), ((moved - ref).norm() / ref.norm()).item()
        change[margin] = max(change.get(margin, 0.0), rel)
far = max(c for m, c in change.items() if m >= 2 * R)
print(f"margin >= 2R = {2 * R}: max relative change < 1e-12: {far < 1e-12}")
#> margin >= 2R = 4: max relative change < 1e-12: True
print(
    f"margin R = {R}: relative change {change[R]:.1e}; "
    f"margin 0: {change[0]:.1e}"
)
#> margin R = 2: relative change 1.5e-03; margin 0: 5.1e-03
assert far < 1e-12
assert change[R] > 1e-6
assert change[0] > 1e-6
