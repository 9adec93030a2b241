"""BlurPool on a layer: exact for even shifts, smaller errors for odd ones."""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.layers import MaxBlurPool, pad2d
from shiftlab.shifts import fourier_shift

rng = np.random.default_rng(0)
shapes = [(8, 3, 32, 32), (8, 3, 3, 3), (8, 8, 3, 3)]
x, w1, w2 = (torch.from_numpy(rng.normal(size=shape)) for shape in shapes)


def conv_relu(a: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    # circular padding, keeps the size
    return F.relu(F.conv2d(pad2d(a, (1, 1), "circular"), w))


print("filter m | layer error, d = 0 1 2 3 | read-out change (%), d = 0 1 2 3")
#> filter m | layer error, d = 0 1 2 3 | read-out change (%), d = 0 1 2 3
# f: conv, ReLU, MaxBlurPool; read-out g: f, conv, ReLU, global average pool
for m in (1, 3, 5, 7):
    pool = MaxBlurPool(2, m, padding_mode="circular")
    fx = pool(conv_relu(x, w1)).numpy()  # f(x), (8, 8, 16, 16)
    g_x = conv_relu(torch.from_numpy(fx), w2).mean(dim=(2, 3))  # g(x), (8, 8)
    layer, readout = [], []
    for d in range(4):  # v = (0, d)
        f_shifted = pool(conv_relu(torch.roll(x, (0, d), dims=(2, 3)), w1))
        # compared with the sub-pixel (Fourier) shift T_{d/2} of f(x)
        moved = fourier_shift(fx, (0, d / 2))
        gap = np.linalg.norm(f_shifted.numpy() - moved)
        layer.append(gap / np.linalg.norm(fx))
        g_shifted = conv_relu(f_shifted, w2).mean(dim=(2, 3))
        readout.append(float((g_shifted - g_x).norm() / g_x.norm()))
    # even shifts: exact; odd shifts: not zero
    assert max(layer[0], layer[2], readout[0], readout[2]) < 1e-12
    assert min(layer[1], layer[3], readout[1], readout[3]) > 1e-6
    layer_cells = " ".join(f"{e:.3f}" for e in layer)
    readout_cells = " ".join(f"{100 * e:.2f}" for e in readout)
    print(f"{m:8d} | {layer_cells} | {readout_cells}")
    #>        1 | 0.000 0.469 0.000 0.469 | 0.00 1.86 0.00 1.86
    #>        3 | 0.000 0.117 0.000 0.117 | 0.00 0.48 0.00 0.48
    #>        5 | 0.000 0.041 0.000 0.041 | 0.00 0.16 0.00 0.16
    #>        7 | 0.000 0.016 0.000 0.016 | 0.00 0.09 0.00 0.09
