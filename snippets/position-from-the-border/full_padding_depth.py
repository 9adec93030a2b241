"""Two full-padded layers: corners stay alike without a bias, not with one."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
patch = torch.rand(6, 6)
x = torch.zeros(2, 1, 16, 16)  # (N, C, H, W)
x[0, 0, :6, :6], x[1, 0, 10:, 10:] = patch, patch
w1, w2 = torch.randn(8, 1, 5, 5), torch.randn(8, 8, 5, 5) / 8
b1, b2 = torch.randn(8), torch.randn(8)
for name, bias in (("no bias", False), ("bias", True)):
    # full padding: K - 1 = 4 zeros per side
    h = torch.relu(F.conv2d(x, w1, b1 if bias else None, padding=4))
    h = torch.relu(F.conv2d(h, w2, b2 if bias else None, padding=4))
    # each channel's map values, sorted: equal for the two images?
    values = h.flatten(2).sort(dim=-1).values  # (2, 8, 24 * 24)
    same = torch.equal(values[0], values[1])
    top_left, bottom_right = h.amax(dim=(-2, -1))
    gap = (top_left - bottom_right).abs().max()
    print(f"{name:8s} values equal: {same}, max pool gap {gap:.3f}")
    #> no bias  values equal: True, max pool gap 0.000
    #> bias     values equal: False, max pool gap 0.586
    assert same == (not bias)
