"""Circular and full padding give both corners the same features bit for bit."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
patch = torch.rand(6, 6)
x = torch.zeros(2, 1, 16, 16)  # (N, C, H, W)
x[0, 0, :6, :6], x[1, 0, 10:, 10:] = patch, patch
w, b = torch.randn(8, 1, 5, 5), torch.randn(8)
pads = {  # F.pad's names; full pads K - 1 = 4
    "zero": ("constant", 2),
    "valid": ("constant", 0),
    "reflect": ("reflect", 2),
    "replicate": ("replicate", 2),
    "circular": ("circular", 2),
    "full": ("constant", 4),
}
# values: each channel's map values, sorted, equal for the two images; a global
# mean adds them in another order, so it is equal up to rounding (1e-6 here)
print("padding     values  max pool  mean pool")
#> padding     values  max pool  mean pool
for name, (mode, p) in pads.items():
    padded = F.pad(x, (p, p, p, p), mode=mode)
    maps = torch.relu(F.conv2d(padded, w, b))  # (2, 8, h, w)
    values = maps.flatten(2).sort(dim=-1).values  # (2, 8, h * w)
    same = torch.equal(values[0], values[1])
    top_left, bottom_right = maps.amax(dim=(-2, -1))
    pooled = torch.equal(top_left, bottom_right)
    means = maps.mean(dim=(-2, -1))
    close = bool(torch.allclose(means[0], means[1], rtol=0, atol=1e-6))
    print(f"{name:9s} {same!s:>8} {pooled!s:>9} {close!s:>10}")
    #> zero         False      True      False
    #> valid        False     False      False
    #> reflect      False     False      False
    #> replicate    False     False      False
    #> circular      True      True       True
    #> full          True      True       True
    assert same == (name in ("circular", "full"))
    assert not same or (pooled and close)
