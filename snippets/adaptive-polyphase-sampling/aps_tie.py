"""An exact tie: the rule picks the first component, which does not move."""

import torch

from shiftlab.layers import aps_downsample

for five in (5.0, 5.001):  # an exact tie, then a unique largest norm
    x = torch.zeros(1, 1, 4, 4, dtype=torch.float64)  # (N, C, H, W)
    # component (0, 0): norm sqrt(9 + 16) = 5
    x[0, 0, 0, 0], x[0, 0, 2, 0] = 3.0, 4.0
    x[0, 0, 0, 1] = five  # component (0, 1): norm `five`
    y, k = aps_downsample(x)
    y_shifted, k_shifted = aps_downsample(torch.roll(x, (0, 1), dims=(2, 3)))
    means = f"mean {y.mean():.4f} -> {y_shifted.mean():.4f}"
    print(f"norm {five}: phase {k.item()} -> {k_shifted.item()},", means)
    #> norm 5.0: phase 0 -> 0, mean 1.7500 -> 1.2500
    #> norm 5.001: phase 1 -> 0, mean 1.2503 -> 1.2503
    # a tie goes to the lowest k = i * s + j; the theorem predicts k = 1
    if five == 5.0:
        assert (k.item(), k_shifted.item()) == (0, 0)
        assert y.mean() != y_shifted.mean()
    else:  # unique largest: k = 1 -> (1 + 1) mod 2 = 0; the output only moves
        assert (k.item(), k_shifted.item()) == (1, 0)
        assert torch.equal(y_shifted, torch.roll(y, (0, 1), dims=(2, 3)))
