"""One shift moves APS of x by 1 sample and APS of x' by 0: no fixed action."""

import torch

from shiftlab.layers import aps_downsample


def moved_by(row: list[float]) -> int:
    x = torch.zeros(1, 1, 2, 6)  # (N, C, H, W), second row zeros
    x[0, 0, 0] = torch.tensor(row)
    y = aps_downsample(x)[0]
    y_v = aps_downsample(torch.roll(x, (0, 1), dims=(2, 3)))[0]
    # the u in 0, 1, 2 with y_v = T_(0,u) y (unique for these rows)
    (u,) = [u for u in range(3) if torch.equal(y_v, y.roll(u, dims=3))]
    return u


x, x_prime = [1.0, 4.0, 2.0, 0.0, 3.0, 1.0], [1.0, 1.0, 4.0, 2.0, 0.0, 3.0]
print(f"x moves by {moved_by(x)}, x' by {moved_by(x_prime)}")
#> x moves by 1, x' by 0
assert (moved_by(x), moved_by(x_prime)) == (1, 0)
