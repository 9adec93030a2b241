"""A global pool over space alone: the orientation axis rolls with the turn."""

import torch

from shiftlab.layers import P4GroupConv, P4LiftingConv

torch.manual_seed(0)
net = torch.nn.Sequential(  # zero "same" padding, odd kernels, stride 1
    P4LiftingConv(1, 8, 5, padding_mode="zero"),
    torch.nn.ReLU(),
    P4GroupConv(8, 8, 3, padding_mode="zero"),
    torch.nn.ReLU(),
).double()
x = torch.randn(3, 1, 15, 15, dtype=torch.float64)  # (N, C, H, W)
with torch.no_grad():
    read = net(x).mean(dim=(-2, -1))  # (N, 8, 4)
    for k in range(1, 4):
        turned = net(torch.rot90(x, k, dims=(-2, -1))).mean(dim=(-2, -1))
        change = ((turned - read).norm() / read.norm()).item()
        rolled = (turned - torch.roll(read, k, dims=-1)).abs().max().item()
        print(
            f"k = {k}: change {change:.3f}, = rolled by {k}: {rolled < 1e-12}"
        )
        #> k = 1: change 0.093, = rolled by 1: True
        #> k = 2: change 0.067, = rolled by 2: True
        #> k = 3: change 0.093, = rolled by 3: True
        assert change > 0.01
        assert rolled < 1e-12
