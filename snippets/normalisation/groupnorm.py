"""GroupNorm, InstanceNorm, channels-last LayerNorm(C): exactly equivariant."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C = 4
layers = {
    "GroupNorm, 2 groups": torch.nn.GroupNorm(2, C),
    "InstanceNorm2d, affine": torch.nn.InstanceNorm2d(C, affine=True),
    # acts on the last axis
    "LayerNorm(C), per position": torch.nn.LayerNorm(C),
}
x = np.random.default_rng(0).normal(size=(2, C, 8, 8))  # (N, C, H, W)
for name, layer in layers.items():
    layer.double()
    # per-channel weight and bias, shape (C,), as after training
    with torch.no_grad():
        for p in layer.parameters():
            p.uniform_(0.5, 2.0)
    channels_last = isinstance(layer, torch.nn.LayerNorm)

    def f(
        a: np.ndarray, m: torch.nn.Module = layer, last: bool = channels_last
    ) -> np.ndarray:
        t = torch.from_numpy(a)  # (N, C, H, W)
        with torch.no_grad():
            # LayerNorm(C) normalises the last axis: move C there and back
            if last:
                return m(t.movedim(1, -1)).movedim(-1, 1).numpy()
            return m(t).numpy()

    # statistics per sample: any batch_size is fine
    report = equivariance_error(f, x)
    print(
        f"{name:26s} {len(report)} shifts, max relative error < 1e-12: "
        f"{report.max_relative_l2 < 1e-12}"
    )
    #> GroupNorm, 2 groups        64 shifts, max relative error < 1e-12: True
    #> InstanceNorm2d, affine     64 shifts, max relative error < 1e-12: True
    #> LayerNorm(C), per position 64 shifts, max relative error < 1e-12: True
    assert report.max_relative_l2 < 1e-12
