"""Under circular shifts, zero padding, not normalisation, breaks a real CNN."""

from functools import partial
from itertools import product

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error

x = np.random.default_rng(0).normal(size=(4, 3, 12, 12))  # (N, C, H, W)
norms = [("none", nn.Identity), ("BatchNorm, train", nn.BatchNorm2d)]
norms += [("BatchNorm, eval", nn.BatchNorm2d)]
print("| padding | normalisation | error |\n| --- | --- | --- |")
#> | padding | normalisation | error |
#> | --- | --- | --- |
for padding, (name, norm) in product(("circular", "zeros"), norms):
    torch.manual_seed(0)  # the same convolutions in every variant
    conv = partial(nn.Conv2d, kernel_size=3, padding=1, padding_mode=padding)
    net = nn.Sequential(conv(3, 8), norm(8), nn.ReLU(), conv(8, 4), norm(4))
    with torch.no_grad():  # running statistics from train-mode batches
        for _ in range(20):
            net.double()(torch.randn(16, 3, 12, 12, dtype=torch.float64))
    net.train(name.endswith("train"))

    def f(a: np.ndarray, net: nn.Module = net) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(a)).numpy()

    err = equivariance_error(f, x, batch_size=1).max_relative_l2  # circular
    print(f"| {padding} | {name} | {err:.3f} |")
    #> | circular | none | 0.000 |
    #> | circular | BatchNorm, train | 0.000 |
    #> | circular | BatchNorm, eval | 0.000 |
    #> | zeros | none | 0.603 |
    #> | zeros | BatchNorm, train | 0.714 |
    #> | zeros | BatchNorm, eval | 0.714 |
    assert (err < 1e-12) == (padding == "circular")
