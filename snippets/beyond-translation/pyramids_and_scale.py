"""A feature pyramid is multi-scale, not scale-equivariant."""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 1, 32, 32, dtype=torch.float64)  # (N, C, H, W)


def conv(c_in: int, k: int = 3, s: int = 1) -> nn.Conv2d:
    # 8 filters, "same" padding
    return nn.Conv2d(c_in, 8, k, s, k // 2, padding_mode="circular").double()


g, stages = conv(1), [conv(c, s=2) for c in (1, 8, 8)]
laterals = [conv(8, k=1) for _ in stages]


def image_pyramid(a: torch.Tensor) -> list[torch.Tensor]:
    # one shared filter g at 1, 1/2, 1/4; D is the 2x2-mean downscale
    levels = [a, F.avg_pool2d(a, 2), F.avg_pool2d(F.avg_pool2d(a, 2), 2)]
    return [torch.relu(g(level)) for level in levels]


def fpn(a: torch.Tensor) -> list[torch.Tensor]:
    # levels at 1/2, 1/4, 1/8, merged top-down through 1x1 laterals
    c = []
    for stage in stages:  # bottom-up: each stage has its own weights, stride 2
        c.append(a := torch.relu(stage(a)))
    p = [laterals[2](c[2])]
    for i in (1, 0):  # top-down: upsample the coarser level, add the lateral
        p.insert(0, laterals[i](c[i]) + F.interpolate(p[0], scale_factor=2))
    return p


def errors(a: list[torch.Tensor], b: list[torch.Tensor]) -> list[float]:
    # ||a[i] - b[i + 1]|| / ||b[i + 1]||
    return [((a[i] - b[i + 1]).norm() / b[i + 1].norm()).item() for i in (0, 1)]


def show(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


with torch.no_grad():
    pyr, pyr_d = image_pyramid(x), image_pyramid(F.avg_pool2d(x, 2))
    exact = [torch.equal(pyr_d[i], pyr[i + 1]) for i in (0, 1)]
    print("image pyramid, level i of D x == level i + 1 of x, bitwise:", exact)
    #> image pyramid, level i of D x == level i + 1 of x, bitwise: [True, True]
    # another 2x downscale: every second sample
    nearest = errors(image_pyramid(x[..., ::2, ::2]), pyr)
    print("image pyramid, x[::2, ::2] for D x: errors", show(nearest))
    #> image pyramid, x[::2, ::2] for D x: errors 1.273, 1.043
    fpn_errors = errors(fpn(F.avg_pool2d(x, 2)), fpn(x))
    fpn_shown = show(fpn_errors)
    print("FPN-style, level i of D x vs level i + 1 of x: errors", fpn_shown)
    #> FPN-style, level i of D x vs level i + 1 of x: errors 0.890, 0.851
    assert all(exact)
    assert min(nearest + fpn_errors) > 0.1
