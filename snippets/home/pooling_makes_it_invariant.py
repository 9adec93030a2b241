"""Global pooling is invariant; after a stride 2, a 1-pixel shift breaks it."""

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 3, 32, 32)  # (N, C, H, W)
conv = {"padding": 2, "padding_mode": "circular"}
layers = {"stride 1": nn.Conv2d(3, 8, 5, **conv),
          "stride 2": nn.Conv2d(3, 8, 5, stride=2, **conv)}
change = {}
with torch.no_grad():
    for name, layer in layers.items():
        readout = torch.relu(layer(x)).mean(dim=(-2, -1))  # global average pool
        for v in [(2, 0), (1, 0)]:
            moved = torch.relu(layer(torch.roll(x, v, dims=(-2, -1))))
            rel = (moved.mean(dim=(-2, -1)) - readout).norm() / readout.norm()
            change[name, v] = rel.item()
            print(f"{name}, shift {v}: relative change {rel.item():.3f}")
            #> stride 1, shift (2, 0): relative change 0.000
            #> stride 1, shift (1, 0): relative change 0.000
            #> stride 2, shift (2, 0): relative change 0.000
            #> stride 2, shift (1, 0): relative change 0.157
assert change.pop(("stride 2", (1, 0))) > 0.01
assert max(change.values()) < 1e-6  # the other three
