"""A mirror image tests reflection, not translation: edge filters flip sign."""

import torch
import torch.nn.functional as F

x = torch.zeros(1, 1, 12, 16, dtype=torch.float64)  # (N, C, H, W)
x[..., 2:10, 3:5] = 1.0
x[..., 2:4, 5:9] = 1.0  # an asymmetric shape: a bar with an arm to the right
sobel = torch.tensor(
    [[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64
)


def mirror(a: torch.Tensor) -> torch.Tensor:  # M: column j -> W - 1 - j
    return torch.flip(a, dims=(-1,))


def f(a: torch.Tensor, h: torch.Tensor = sobel) -> torch.Tensor:
    return F.conv2d(a, h[None, None])  # valid correlation


def is_a_shift(a: torch.Tensor, b: torch.Tensor) -> bool:  # b == some roll of a
    shifts = [(dy, dx) for dy in range(a.shape[2]) for dx in range(a.shape[3])]
    return any(torch.equal(torch.roll(a, v, (2, 3)), b) for v in shifts)


box = torch.zeros_like(x)
box[..., 2:10, 3:9] = 1.0  # a rectangle, symmetric under the mirror
print(
    "mirror of the shape is a shift of it:",
    is_a_shift(x, mirror(x)),
    "| of the rectangle:",
    is_a_shift(box, mirror(box)),
)
#> mirror of the shape is a shift of it: False | of the rectangle: True
# M h = -h for the Sobel kernel, so f(M x) = -M f(x)
print("Sobel: f(M x) == -M f(x):", torch.equal(f(mirror(x)), -mirror(f(x))))
#> Sobel: f(M x) == -M f(x): True
# after a ReLU: the mirror of the *opposite* edges
relu = torch.relu(f(mirror(x)))
print(
    "after ReLU: == M relu(f(x)):",
    torch.equal(relu, mirror(torch.relu(f(x)))),
    "| == M relu(-f(x)):",
    torch.equal(relu, mirror(torch.relu(-f(x)))),
)
#> after ReLU: == M relu(f(x)): False | == M relu(-f(x)): True
# a generic kernel: f_h(M x) = M f_(M h)(x), and nothing simpler
seeded = torch.Generator().manual_seed(0)
h = torch.randn(3, 3, dtype=torch.float64, generator=seeded)
generic = f(mirror(x), h)
plus_or_minus = [torch.allclose(generic, s * mirror(f(x, h))) for s in (1, -1)]
print(
    "random h: f(M x) == +-M f(x):",
    any(plus_or_minus),
    "| == M f_(M h)(x):",
    torch.allclose(generic, mirror(f(x, mirror(h)))),
)
#> random h: f(M x) == +-M f(x): False | == M f_(M h)(x): True
assert not is_a_shift(x, mirror(x))
assert torch.equal(f(mirror(x)), -mirror(f(x)))
assert torch.equal(relu, mirror(torch.relu(-f(x))))
assert torch.allclose(generic, mirror(f(x, mirror(h))))
