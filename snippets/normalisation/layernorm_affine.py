"""LayerNorm's normalisation is exact; its per-position affine breaks it."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C, H, W = 3, 8, 8
layers = {
    "LayerNorm, initial affine": torch.nn.LayerNorm([C, H, W]),
    # weight (C, H, W)
    "LayerNorm, trained affine": torch.nn.LayerNorm([C, H, W]),
    # constant over (H, W)
    "LayerNorm, per-channel affine": torch.nn.LayerNorm([C, H, W]),
    "LayerNorm, no affine": torch.nn.LayerNorm(
        [C, H, W], elementwise_affine=False
    ),
    # same statistics, weight (C,)
    "GroupNorm(1, C), trained": torch.nn.GroupNorm(1, C),
}
layers = {name: layer.double() for name, layer in layers.items()}  # float64
with torch.no_grad():
    for name in ("LayerNorm, trained affine", "GroupNorm(1, C), trained"):
        layers[name].weight.uniform_(0.5, 2.0)
        layers[name].bias.uniform_(-1.0, 1.0)
    trained = layers["LayerNorm, trained affine"]
    shared = layers["LayerNorm, per-channel affine"]
    # (C, 1, 1) -> (C, H, W)
    shared.weight.copy_(trained.weight.mean((1, 2), keepdim=True))
    shared.bias.copy_(trained.bias.mean((1, 2), keepdim=True))
x = np.random.default_rng(0).normal(size=(2, C, H, W))  # (N, C, H, W)
for name, layer in layers.items():

    def f(a: np.ndarray, m: torch.nn.Module = layer) -> np.ndarray:
        with torch.no_grad():
            return m(torch.from_numpy(a)).numpy()

    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(
        f"{name:29s} {exact:2d} of {len(report)} exact, "
        f"max relative error {report.max_relative_l2:.3f}"
    )
    #> LayerNorm, initial affine     64 of 64 exact, max relative error 0.000
    #> LayerNorm, trained affine      1 of 64 exact, max relative error 0.745
    #> LayerNorm, per-channel affine 64 of 64 exact, max relative error 0.000
    #> LayerNorm, no affine          64 of 64 exact, max relative error 0.000
    #> GroupNorm(1, C), trained      64 of 64 exact, max relative error 0.000
    assert (exact == len(report)) == (name != "LayerNorm, trained affine")
