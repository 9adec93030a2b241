"""For a generic kernel h: h * M x = M (M h * x), and no sign rule."""

import torch
import torch.nn.functional as F

seeded = torch.Generator().manual_seed(0)
x = torch.randn(1, 1, 12, 16, dtype=torch.float64, generator=seeded)
h = torch.randn(3, 3, dtype=torch.float64, generator=seeded)


def f(a: torch.Tensor, k: torch.Tensor) -> torch.Tensor:  # valid correlation
    return F.conv2d(a, k[None, None])


def mirror(a: torch.Tensor) -> torch.Tensor:  # mirror: column j -> W - 1 - j
    return torch.flip(a, dims=(-1,))


signed = any(
    torch.allclose(f(mirror(x), h), s * mirror(f(x, h))) for s in (1, -1)
)
mirrored = torch.allclose(f(mirror(x), h), mirror(f(x, mirror(h))))
print(f"h * M x == +-M (h * x): {signed} | == M (M h * x): {mirrored}")
#> h * M x == +-M (h * x): False | == M (M h * x): True
assert mirrored
assert not signed
