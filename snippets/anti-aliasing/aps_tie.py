"""An exact tie: the rule picks the first component, which does not move with the content.

Component (0, 0) of x holds 3 and 4, component (0, 1) holds 5: both have L2 norm 5 exactly.
The tie goes to the lowest index k = i * s + j, here k = 0 = (0, 0). After a 1-pixel shift
to the right the two components swap places, the tie goes to k = 0 again, which now holds
the 5: the output is no shift of the old one, and its mean changes. A margin breaks the tie.
"""

import torch

from shiftlab.layers import aps_downsample

for five in (5.0, 5.001):  # an exact tie, then a unique largest norm
    x = torch.zeros(1, 1, 4, 4, dtype=torch.float64)  # (N, C, H, W)
    x[0, 0, 0, 0], x[0, 0, 2, 0] = 3.0, 4.0  # component (0, 0): norm sqrt(9 + 16) = 5
    x[0, 0, 0, 1] = five  # component (0, 1): norm `five`
    y, k = aps_downsample(x)
    y_shifted, k_shifted = aps_downsample(torch.roll(x, (0, 1), dims=(2, 3)))
    print(f"norm of (0, 1) = {five}: phase {k.item()} -> {k_shifted.item()} after the shift, "
          f"mean {y.mean().item():.4f} -> {y_shifted.mean().item():.4f}")
    #> norm of (0, 1) = 5.0: phase 0 -> 0 after the shift, mean 1.7500 -> 1.2500
    #> norm of (0, 1) = 5.001: phase 1 -> 0 after the shift, mean 1.2503 -> 1.2503
    if five == 5.0:  # the theorem would predict phase (0 + 0, 0 + 1) mod 2 = (0, 1), k = 1
        assert (k.item(), k_shifted.item()) == (0, 0)
        assert y.mean() != y_shifted.mean()
    else:  # unique largest norm: k = 1 -> (1 + 1) mod 2 = 0, and the output only moves
        assert (k.item(), k_shifted.item()) == (1, 0)
        assert torch.equal(y_shifted, torch.roll(y, (0, 1), dims=(2, 3)))
