"""LayerNorm's normalisation is exact; its per-position affine breaks it."""

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C, H, W = 3, 8, 8
layers = {
    "LayerNorm, initial affine": nn.LayerNorm([C, H, W]),
    "LayerNorm, trained affine": nn.LayerNorm([C, H, W]),  # weight (C, H, W)
    "LayerNorm, per-channel affine": nn.LayerNorm([C, H, W]),
    "LayerNorm, no affine": nn.LayerNorm([C, H, W], elementwise_affine=False),
    "GroupNorm(1, C), trained": nn.GroupNorm(1, C),  # same statistics, (C,)
}
layers = {name: layer.double() for name, layer in layers.items()}  # float64
_, trained, shared, _, group = layers.values()
with torch.no_grad():
    for m in (trained, group):  # random weights stand in for training
        m.weight.uniform_(0.5, 2.0), m.bias.uniform_(-1.0, 1.0)
    # per channel: the means of the trained ones, constant over (H, W)
    shared.weight.copy_(trained.weight.mean((1, 2), keepdim=True))
    shared.bias.copy_(trained.bias.mean((1, 2), keepdim=True))
x = np.random.default_rng(0).normal(size=(2, C, H, W))  # (N, C, H, W)
print("| layer | exact shifts | max relative error |\n| --- | --- | --- |")
#> | layer | exact shifts | max relative error |
#> | --- | --- | --- |
for name, layer in layers.items():

    def f(a: np.ndarray, m: nn.Module = layer) -> np.ndarray:
        with torch.no_grad():
            return m(torch.from_numpy(a)).numpy()

    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = sum(e.max_abs < 1e-12 for e in report)
    err = report.max_relative_l2
    print(f"| {name} | {exact} of {len(report)} | {err:.3f} |")
    #> | LayerNorm, initial affine | 64 of 64 | 0.000 |
    #> | LayerNorm, trained affine | 1 of 64 | 0.745 |
    #> | LayerNorm, per-channel affine | 64 of 64 | 0.000 |
    #> | LayerNorm, no affine | 64 of 64 | 0.000 |
    #> | GroupNorm(1, C), trained | 64 of 64 | 0.000 |
    assert (exact == len(report)) == (layer is not trained)
