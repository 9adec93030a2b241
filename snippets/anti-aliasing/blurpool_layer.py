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
    return F.relu(F.conv2d(pad2d(a, (1, 1), "circular"), w))  # keeps the size


head = "| filter m | layer error, odd d | read-out change, odd d |"
print(head + "\n|" + " --- |" * 3)
#> | filter m | layer error, odd d | read-out change, odd d |
#> | --- | --- | --- |
for m in (1, 3, 5, 7):
    pool = MaxBlurPool(2, m, padding_mode="circular")
    fx = pool(conv_relu(x, w1))  # f: conv, ReLU, MaxBlurPool
    gx = conv_relu(fx, w2).mean(dim=(2, 3))  # g: f, conv, ReLU, global mean
    layer, readout = [], []
    for d in range(4):  # v = (0, d), against the Fourier shift T_(0, d / 2)
        f_v = pool(conv_relu(torch.roll(x, (0, d), dims=(2, 3)), w1))
        gap = f_v.numpy() - fourier_shift(fx.numpy(), (0, d / 2))
        layer.append(np.linalg.norm(gap) / fx.norm().item())
        g_v = conv_relu(f_v, w2).mean(dim=(2, 3))
        readout.append(((g_v - gx).norm() / gx.norm()).item())
    assert max(layer[0], layer[2], readout[0], readout[2]) < 1e-12  # even d
    assert min(layer[1], readout[1]) > 1e-6  # odd d: not zero
    assert abs(layer[3] - layer[1]) < 1e-9  # d = 3 as d = 1: T_3 = T_2 T_1
    print(f"| {m} | {layer[1]:.3f} | {100 * readout[1]:.2f} % |")
    #> | 1 | 0.469 | 1.86 % |
    #> | 3 | 0.117 | 0.48 % |
    #> | 5 | 0.041 | 0.16 % |
    #> | 7 | 0.016 | 0.09 % |
