"""A vertical-edge Sobel filter: f(M x) = -M f(x); a ReLU shows other edges."""

import torch
import torch.nn.functional as F

x = torch.zeros(1, 1, 12, 16, dtype=torch.float64)  # (N, C, H, W)
x[..., 2:10, 3:5] = 1.0
x[..., 2:4, 5:9] = 1.0  # the bar with an arm to the right
sobel = torch.tensor(
    [[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64
)


def f(a: torch.Tensor) -> torch.Tensor:  # valid correlation with Sobel
    return F.conv2d(a, sobel[None, None])


def mirror(a: torch.Tensor) -> torch.Tensor:  # mirror: column j -> W - 1 - j
    return torch.flip(a, dims=(-1,))


flipped = torch.equal(f(mirror(x)), -mirror(f(x)))
relu = torch.relu(f(mirror(x)))
same = torch.equal(relu, mirror(torch.relu(f(x))))
other = torch.equal(relu, mirror(torch.relu(-f(x))))
print(f"f(M x) == -M f(x): {flipped}")
#> f(M x) == -M f(x): True
print(f"relu f(M x) == M relu f(x): {same} | == M relu(-f(x)): {other}")
#> relu f(M x) == M relu f(x): False | == M relu(-f(x)): True
assert flipped
assert other
assert not same
