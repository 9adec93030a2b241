"""Image pyramid, one filter: an exact level shift for its own downscale."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1, 1, 32, 32, dtype=torch.float64)  # (N, C, H, W)
g = torch.nn.Conv2d(1, 8, 3, padding=1, padding_mode="circular").double()


def pyramid(a: torch.Tensor) -> list[torch.Tensor]:
    # one shared filter g at 1, 1/2, 1/4; D is the 2x2-mean downscale
    levels = [a, F.avg_pool2d(a, 2), F.avg_pool2d(F.avg_pool2d(a, 2), 2)]
    return [torch.relu(g(level)) for level in levels]


with torch.no_grad():
    pyr, own = pyramid(x), pyramid(F.avg_pool2d(x, 2))
    other = pyramid(x[..., ::2, ::2])  # another 2x downscale: every 2nd sample
exact = [torch.equal(own[i], pyr[i + 1]) for i in (0, 1)]
print("level i of D x == level i + 1 of x, bitwise:", exact)
#> level i of D x == level i + 1 of x, bitwise: [True, True]
errors = [
    ((other[i] - pyr[i + 1]).norm() / pyr[i + 1].norm()).item() for i in (0, 1)
]
print("x[::2, ::2] instead: errors", ", ".join(f"{e:.3f}" for e in errors))
#> x[::2, ::2] instead: errors 1.273, 1.043
assert all(exact)
assert min(errors) > 0.1
