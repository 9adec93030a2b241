"""rot90 turns counterclockwise: (rho x)[i, j] = x[j, N - 1 - i]."""

import torch

N = 5
x = torch.zeros(N, N)
x[0, N - 1] = 1.0  # the top-right pixel
turned = torch.rot90(x, 1, dims=(-2, -1))
print("rot90 moves pixel (0, 4) to", torch.nonzero(turned)[0].tolist())
#> rot90 moves pixel (0, 4) to [0, 0]

z = torch.randn(N, N, generator=torch.Generator().manual_seed(0))
i, j = torch.meshgrid(torch.arange(N), torch.arange(N), indexing="ij")
same = torch.equal(torch.rot90(z, 1, dims=(-2, -1)), z[j, N - 1 - i])
print("rot90(z)[i, j] == z[j, N - 1 - i]:", same)
#> rot90(z)[i, j] == z[j, N - 1 - i]: True
assert torch.nonzero(turned)[0].tolist() == [0, 0]
assert same
