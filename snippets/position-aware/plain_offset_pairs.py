"""The shift (1, 0) changes the plain offset of 896 of the 4096 pairs."""

import torch

from shiftlab.layers import RelativePositionSelfAttention

N = 8
layer = RelativePositionSelfAttention(4, N, N, offsets="linear")
# where T_(1, 0) sends each of the N * N positions
moved = torch.roll(torch.arange(N * N).reshape(N, N), 1, dims=0).flatten()
changed = int((layer.index[moved][:, moved] != layer.index).sum())
print(f"shift (1, 0): {changed} of {N**4} pairs change their plain offset")
#> shift (1, 0): 896 of 4096 pairs change their plain offset
assert changed == 2 * N * (N * N - N)
