"""Circular and full padding give both corners the same features bit for bit."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
patch = torch.rand(6, 6)
x = torch.zeros(2, 1, 16, 16)  # (N, C, H, W): the patch in opposite corners
x[0, 0, :6, :6], x[1, 0, 10:, 10:] = patch, patch
w, b = torch.randn(8, 1, 5, 5), torch.randn(8)
print("| padding | values | max pool | mean pool |\n| --- | --- | --- | --- |")
#> | padding | values | max pool | mean pool |
#> | --- | --- | --- | --- |
for name in ["zero", "valid", "reflect", "replicate", "circular", "full"]:
    mode = "constant" if name in ("zero", "valid", "full") else name  # F.pad
    p = {"valid": 0, "full": 4}.get(name, 2)  # full pads K - 1
    maps = torch.relu(F.conv2d(F.pad(x, (p,) * 4, mode=mode), w, b))
    values = maps.flatten(2).sort(dim=-1).values  # each map's values, sorted
    same = torch.equal(values[0], values[1])
    pooled = torch.equal(*maps.amax(dim=(-2, -1)))
    means = maps.mean(dim=(-2, -1))  # other order of the sums: up to rounding
    close = torch.allclose(means[0], means[1], rtol=0, atol=1e-6)
    print(f"| {name} | {same} | {pooled} | {close} |")
    #> | zero | False | True | False |
    #> | valid | False | False | False |
    #> | reflect | False | False | False |
    #> | replicate | False | False | False |
    #> | circular | True | True | True |
    #> | full | True | True | True |
    assert same == (name in ("circular", "full"))
    assert not same or (pooled and close)
