"""LayerNorm over (C, H, W) normalises equivariantly; a per-position affine breaks it.

torch's nn.LayerNorm([C, H, W]) has weight and bias of shape (C, H, W): ones and zeros at
initialisation (exact), but a number per position once trained (random values stand in for
training). Without the affine, or with a per-channel one (GroupNorm, 1 group), it is exact.
"""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
C, H, W = 3, 8, 8
layers = {
    "LayerNorm, initial affine": torch.nn.LayerNorm([C, H, W]),
    "LayerNorm, trained affine": torch.nn.LayerNorm([C, H, W]),  # weight (C, H, W)
    "LayerNorm, per-channel affine": torch.nn.LayerNorm([C, H, W]),  # constant over (H, W)
    "LayerNorm, no affine": torch.nn.LayerNorm([C, H, W], elementwise_affine=False),
    "GroupNorm(1, C), trained": torch.nn.GroupNorm(1, C),  # same statistics, weight (C,)
}
layers = {name: layer.double() for name, layer in layers.items()}  # float64
with torch.no_grad():
    for name in ("LayerNorm, trained affine", "GroupNorm(1, C), trained"):
        layers[name].weight.uniform_(0.5, 2.0)
        layers[name].bias.uniform_(-1.0, 1.0)
    trained, shared = layers["LayerNorm, trained affine"], layers["LayerNorm, per-channel affine"]
    shared.weight.copy_(trained.weight.mean((1, 2), keepdim=True))  # (C, 1, 1) -> (C, H, W)
    shared.bias.copy_(trained.bias.mean((1, 2), keepdim=True))
x = np.random.default_rng(0).normal(size=(2, C, H, W))  # (N, C, H, W)
for name, layer in layers.items():

    def f(a: np.ndarray, m: torch.nn.Module = layer) -> np.ndarray:
        with torch.no_grad():
            return m(torch.from_numpy(a)).numpy()

    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(f"{name:29s} exact for {exact:2d} of {len(report)} shifts, "
          f"max relative error {report.max_relative_l2:.3f}")
    #> LayerNorm, initial affine     exact for 64 of 64 shifts, max relative error 0.000
    #> LayerNorm, trained affine     exact for  1 of 64 shifts, max relative error 0.745
    #> LayerNorm, per-channel affine exact for 64 of 64 shifts, max relative error 0.000
    #> LayerNorm, no affine          exact for 64 of 64 shifts, max relative error 0.000
    #> GroupNorm(1, C), trained      exact for 64 of 64 shifts, max relative error 0.000
    assert (exact == len(report)) == (name != "LayerNorm, trained affine")
