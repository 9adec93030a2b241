"""The Explorable's network: the letter, moved one and two samples."""

import numpy as np
from torch import from_numpy as tensor

from shiftlab.convolution import correlate
from shiftlab.layers import BlurPool, aps_downsample
from shiftlab.measures import equivariance_error, invariance_error
from shiftlab.pooling import max_pool

w = np.array([[[[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]]]])  # (C_out, C_in, 3, 3)
x = np.zeros((1, 1, 16, 16))  # (N, C, H, W): the page's letter
x[..., 3:13, 5] = x[..., 3, 6:11] = x[..., 7, 6:10] = 1.0
DOWN = {  # name: (downsampler, stride)
    "none": (lambda h: h, 1),
    "max-pool": (lambda h: max_pool(h, 2), 2),
    "blur-pool": (lambda h: BlurPool(3, 2, "circular")(tensor(h)).numpy(), 2),
    "APS": (lambda h: aps_downsample(tensor(h), 2)[0].numpy(), 2),
}


# Correlate with the page's filter (circular padding), ReLU, downsample.
def network(down):  # x -> f(x), the map the page calls downsampled
    return lambda a: down(np.maximum(correlate(a, w, padding="circular"), 0))


# At stride 2, a shift by 1 has no output action ("undefined"); by 2 it moves
# every map by one sample.
shifts = [(0, 1), (0, 2)]
for name, (down, s) in DOWN.items():
    f = network(down)
    eq = equivariance_error(f, x, shifts, stride=s).errors
    readout = invariance_error(lambda a, f=f: f(a).mean(axis=(2, 3)), x, shifts)
    cells = [f"{e.relative_l2:.4f}" if e.defined else "undefined" for e in eq]
    changes = [f"{e.relative_l2:.4f}" for e in readout]
    print(f"{name:<9}", *cells, "| read-out", *changes)
    #> none      0.0000 0.0000 | read-out 0.0000 0.0000
    #> max-pool  undefined 0.0000 | read-out 0.2727 0.0000
    #> blur-pool undefined 0.0000 | read-out 0.0000 0.0000
    #> APS       undefined 0.0000 | read-out 0.0000 0.0000
    assert all(e.relative_l2 == 0 for e in eq if e.defined)
    assert (readout.max_relative_l2 > 0) == (name == "max-pool")
