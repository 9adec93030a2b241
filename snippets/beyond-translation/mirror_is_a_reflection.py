"""A mirrored image tests reflection, not translation: the edge filter flips its sign.

The vertical-edge Sobel kernel h is antisymmetric under a left-right mirror M
(M h = -h), so correlating the mirrored image gives f(M x) = -M f(x), exactly. After
a ReLU the mirrored image shows the mirror of the *opposite* edges. A generic kernel
obeys f_h(M x) = M f_(M h)(x) and nothing simpler. Only a mirror-symmetric object's
mirror image is a translation of it.
"""

import torch
import torch.nn.functional as F

x = torch.zeros(1, 1, 12, 16, dtype=torch.float64)  # (N, C, H, W)
x[..., 2:10, 3:5] = 1.0
x[..., 2:4, 5:9] = 1.0  # an asymmetric shape: a bar with an arm to the right
sobel = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64)


def mirror(a: torch.Tensor) -> torch.Tensor:  # left-right: column j -> W - 1 - j
    return torch.flip(a, dims=(-1,))


def f(a: torch.Tensor, h: torch.Tensor = sobel) -> torch.Tensor:  # valid correlation
    return F.conv2d(a, h[None, None])


def is_a_shift(a: torch.Tensor, b: torch.Tensor) -> bool:  # b == some roll of a
    return any(torch.equal(torch.roll(a, (dy, dx), (2, 3)), b)
               for dy in range(a.shape[2]) for dx in range(a.shape[3]))


box = torch.zeros_like(x)
box[..., 2:10, 3:9] = 1.0  # a rectangle, symmetric under the mirror
print("mirror of the shape is a shift of it:", is_a_shift(x, mirror(x)),
      "| of the rectangle:", is_a_shift(box, mirror(box)))
#> mirror of the shape is a shift of it: False | of the rectangle: True
print("Sobel: f(M x) == -M f(x):", torch.equal(f(mirror(x)), -mirror(f(x))))
#> Sobel: f(M x) == -M f(x): True
relu = torch.relu(f(mirror(x)))
print("after ReLU: == M relu(f(x)):", torch.equal(relu, mirror(torch.relu(f(x)))),
      "| == M relu(-f(x)):", torch.equal(relu, mirror(torch.relu(-f(x)))))
#> after ReLU: == M relu(f(x)): False | == M relu(-f(x)): True
h = torch.randn(3, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
generic = f(mirror(x), h)
print("random h: f(M x) == +-M f(x):", any(torch.allclose(generic, s * mirror(f(x, h)))
                                           for s in (1, -1)),
      "| == M f_(M h)(x):", torch.allclose(generic, mirror(f(x, mirror(h)))))
#> random h: f(M x) == +-M f(x): False | == M f_(M h)(x): True
assert not is_a_shift(x, mirror(x))
assert torch.equal(f(mirror(x)), -mirror(f(x)))
assert torch.equal(relu, mirror(torch.relu(-f(x))))
assert torch.allclose(generic, mirror(f(x, mirror(h))))
