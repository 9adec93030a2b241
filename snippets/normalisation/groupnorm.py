"""GroupNorm, InstanceNorm, channels-last LayerNorm(C): exactly equivariant."""

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C = 4
layers = {
    "GroupNorm, 2 groups": nn.GroupNorm(2, C),
    "InstanceNorm2d, affine": nn.InstanceNorm2d(C, affine=True),
    "LayerNorm(C), per position": nn.LayerNorm(C),  # acts on the last axis
}
x = np.random.default_rng(0).normal(size=(2, C, 8, 8))  # (N, C, H, W)
for name, layer in layers.items():
    with torch.no_grad():  # per-channel weight and bias, (C,), as if trained
        for p in layer.double().parameters():
            p.uniform_(0.5, 2.0)
    c = -1 if isinstance(layer, nn.LayerNorm) else 1  # where C goes

    def f(a: np.ndarray, m: nn.Module = layer, c: int = c) -> np.ndarray:
        with torch.no_grad():  # move C to axis c and back
            return m(torch.from_numpy(a).movedim(1, c)).movedim(c, 1).numpy()

    report = equivariance_error(f, x)  # statistics per sample: any batch_size
    exact = report.max_relative_l2 < 1e-12
    print(f"{name:26s} {len(report)} shifts, relative error < 1e-12: {exact}")
    #> GroupNorm, 2 groups        64 shifts, relative error < 1e-12: True
    #> InstanceNorm2d, affine     64 shifts, relative error < 1e-12: True
    #> LayerNorm(C), per position 64 shifts, relative error < 1e-12: True
    assert exact
