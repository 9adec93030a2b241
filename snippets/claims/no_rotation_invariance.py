"""Shift equivariance gives no rotation or scale invariance."""

import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(  # global average pool: (N, 8, 1, 1)
    nn.Conv2d(1, 8, 3, padding=1, padding_mode="circular"),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
).double()
x = torch.zeros(1, 1, 16, 16, dtype=torch.float64)  # (N, C, H, W)
x[..., ::4, :] = 1.0  # horizontal stripes: an orientation and a scale
transforms = {
    "shift by (5, -3)": lambda a: torch.roll(a, (5, -3), dims=(-2, -1)),
    "rotate by 90 degrees": lambda a: torch.rot90(a, 1, dims=(-2, -1)),
    # each pixel becomes a 2 x 2 block
    "scale up by 2": lambda a: torch.kron(a, torch.ones(2, 2, dtype=a.dtype)),
}
change = {}
with torch.no_grad():
    for name, transform in transforms.items():
        before, after = net(x), net(transform(x))
        change[name] = ((after - before).norm() / before.norm()).item()
        print(f"{name:>20}: relative change of the read-out {change[name]:.3f}")
        #>     shift by (5, -3): relative change of the read-out 0.000
        #> rotate by 90 degrees: relative change of the read-out 0.226
        #>        scale up by 2: relative change of the read-out 0.086
assert change["shift by (5, -3)"] < 1e-12
assert min(change["rotate by 90 degrees"], change["scale up by 2"]) > 0.01
