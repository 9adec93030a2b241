"""Plain offsets: exact with a periodic table, broken by one changed entry."""

import torch

from shiftlab.layers import RelativePositionSelfAttention

torch.manual_seed(0)
N = 8
layer = RelativePositionSelfAttention(4, N, N, offsets="linear").double()
x = torch.randn(2, 4, N, N, dtype=torch.float64)  # two samples, 4 channels


def worst_error() -> float:  # largest |f(T_v x) - T_v f(x)| over all 64 shifts
    with torch.no_grad():
        y, vs = layer(x), [(dy, dx) for dy in range(N) for dx in range(N)]
        gaps = [
            layer(torch.roll(x, v, (2, 3))) - torch.roll(y, v, (2, 3))
            for v in vs
        ]
        return max(float(gap.abs().max()) for gap in gaps)


d = torch.arange(-(N - 1), N) % N  # plain offsets -7..7, read modulo 8
with torch.no_grad():
    layer.bias.copy_(torch.randn(N, N, dtype=torch.float64)[d][:, d][None])
print("periodic table, error below 1e-12:", worst_error() < 1e-12)
#> periodic table, error below 1e-12: True
with torch.no_grad():
    layer.bias[0, 0, N - 1] += 3.0  # offset (-7, 0) now differs from (1, 0)
print(f"one entry changed, largest error: {worst_error():.3f}")
#> one entry changed, largest error: 0.020
assert worst_error() > 1e-3
