"""Three zero-padded 3x3 convs, v = (0, 2): the crop keeps columns 5 to 12."""

import torch

from shiftlab.shifts import zero_shift

g = torch.Generator().manual_seed(0)
x = torch.randn(1, 1, 16, 16, generator=g, dtype=torch.float64)
ws = [torch.randn(1, 1, 3, 3, generator=g, dtype=torch.float64) for _ in "abc"]


def net(a: torch.Tensor) -> torch.Tensor:  # no bias, zero padding, R = 3
    for w in ws:
        a = torch.conv2d(a, w, padding=1)
    return a


moved = net(torch.from_numpy(zero_shift(x.numpy(), (0, 2))))
expected = torch.from_numpy(zero_shift(net(x).numpy(), (0, 2)))
same = (moved - expected).abs().amax(dim=(0, 1, 2)) < 1e-12  # per column
columns = same.nonzero().flatten().tolist()
kept = list(range(3 + 2, 16 - 3))  # crop 3 + zero band 2 left, crop 3 right
print(f"crop keeps {kept[0]} to {kept[-1]}; exact on {columns}")
#> crop keeps 5 to 12; exact on [4, 5, 6, 7, 8, 9, 10, 11, 12]
assert set(kept) <= set(columns)  # exact where compared: the crop is a bound
