"""A 2-pixel shift leaves a stride-2 read-out intact on 32 x 32, not 33 x 33."""

import torch

torch.manual_seed(0)
conv = torch.nn.Conv2d(3, 8, 5, stride=2, padding=2, padding_mode="circular")


def readout(image: torch.Tensor) -> torch.Tensor:
    return torch.relu(conv(image)).mean(dim=(-2, -1))  # global average pool


change = {}
with torch.no_grad():
    for size in (32, 33):
        x = torch.randn(1, 3, size, size)  # (N, C, H, W)
        moved = readout(torch.roll(x, (2, 0), dims=(-2, -1)))
        change[size] = rel = (moved - readout(x)).norm() / readout(x).norm()
        print(f"{size} x {size}, shift (2, 0): relative change {rel:.3f}")
        #> 32 x 32, shift (2, 0): relative change 0.000
        #> 33 x 33, shift (2, 0): relative change 0.023
assert change[32] < 1e-6
assert change[33] > 1e-3
