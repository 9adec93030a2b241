"""Plain offsets break equivariance under circular shifts unless the table is periodic.

On an 8 x 8 torus a circular shift carries some pairs of positions across the seam:
their plain offset p - q changes by 8 while the offset mod 8 does not. A plain-offset
table with B[d] = B[d - 8] reads the same bias either way, and the layer is exact;
change one entry of such a table and it is not. All 64 shifts, float64.
"""

import torch

from shiftlab.layers import RelativePositionSelfAttention

torch.manual_seed(0)
N = 8
layer = RelativePositionSelfAttention(4, N, N, offsets="linear").double()
x = torch.randn(2, 4, N, N, dtype=torch.float64)  # two samples, 4 channels
moved = torch.roll(torch.arange(N * N).reshape(N, N), 1, dims=0).flatten()  # T_(1, 0)
changed = int((layer.index[moved][:, moved] != layer.index).sum())
print(f"shift (1, 0): {changed} of {N**4} pairs change their plain offset")
#> shift (1, 0): 896 of 4096 pairs change their plain offset


def worst_error() -> float:  # largest |f(T_v x) - T_v f(x)| over all 64 shifts
    with torch.no_grad():
        y, vs = layer(x), [(dy, dx) for dy in range(N) for dx in range(N)]
        gaps = [layer(torch.roll(x, v, (2, 3))) - torch.roll(y, v, (2, 3)) for v in vs]
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
