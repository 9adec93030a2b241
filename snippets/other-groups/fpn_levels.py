"""FPN-style levels: a downscaled input does not give the next level's maps."""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 1, 32, 32, dtype=torch.float64)  # (N, C, H, W)


def conv(c: int, k: int = 3, s: int = 1) -> nn.Conv2d:  # 8 filters, "same"
    return nn.Conv2d(c, 8, k, s, k // 2, padding_mode="circular").double()


stages = [conv(c, s=2) for c in (1, 8, 8)]  # own weights, stride 2 each
laterals = [conv(8, k=1) for _ in stages]


def fpn(a: torch.Tensor) -> list[torch.Tensor]:  # levels at 1/2, 1/4, 1/8
    c = [a := torch.relu(stage(a)) for stage in stages]  # bottom-up
    p = [laterals[2](c[2])]
    for i in (1, 0):  # top-down: upsample the coarser level, add the lateral
        p.insert(0, laterals[i](c[i]) + F.interpolate(p[0], scale_factor=2))
    return p


with torch.no_grad():
    a, b = fpn(F.avg_pool2d(x, 2)), fpn(x)
errors = [((a[i] - b[i + 1]).norm() / b[i + 1].norm()).item() for i in (0, 1)]
print("level i of D x vs level i + 1 of x:", [round(e, 3) for e in errors])
#> level i of D x vs level i + 1 of x: [0.651, 1.285]
assert min(errors) > 0.1
