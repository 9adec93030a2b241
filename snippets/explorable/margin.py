"""Away from the edges, zero padding computes what circular padding computes."""

import numpy as np
import torch

from shiftlab.convolution import correlate
from shiftlab.layers import BlurPool, aps_downsample
from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift, zero_shift

w = np.array([[[[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]]]])  # (C_out, C_in, 3, 3)
x = np.zeros((1, 1, 16, 16))  # (N, C, H, W): the page's letter
x[..., 3:13, 5] = x[..., 3, 6:11] = x[..., 7, 6:10] = 1.0


def maps(a, pad):  # the feature map and each downsampled map
    h = np.maximum(correlate(a, w, padding=pad), 0)
    t = torch.from_numpy(h)
    blur = BlurPool(3, 2, pad)(t).numpy()
    return [h, max_pool(h, 2), blur, aps_downsample(t, 2)[0].numpy()]


# Shifts that keep two zero rows and columns between the letter and every edge
shifts = [(dy, dx) for dy in range(-1, 2) for dx in range(-3, 4)]
same = 0
for v in shifts:
    zero = maps(zero_shift(x, v), "zero")
    circular = maps(circular_shift(x, v), "circular")
    same += all(map(np.array_equal, zero, circular))
print(f"{same} of {len(shifts)} shifts: every map equal")
#> 21 of 21 shifts: every map equal
assert same == len(shifts)
