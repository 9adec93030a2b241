"""Zero-fill shifts: statistics over positions carry border effects inside."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error

norms = {  # name: (normalisation layer for c channels, train mode?)
    "no normalisation": (None, False),
    "BatchNorm2d, train": (torch.nn.BatchNorm2d, True),
    "BatchNorm2d, eval": (torch.nn.BatchNorm2d, False),
    "GroupNorm(2, C), eval": (lambda c: torch.nn.GroupNorm(2, c), False),
    "InstanceNorm2d, eval": (
        lambda c: torch.nn.InstanceNorm2d(c, affine=True),
        False,
    ),
    "LayerNorm([C, H, W]), eval": (
        lambda c: torch.nn.LayerNorm([c, 16, 16]),
        False,
    ),
}
# (N, C, H, W), content to the border
x = np.random.default_rng(0).normal(size=(4, 3, 16, 16))
shifts = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)]
for name, (norm, train) in norms.items():
    torch.manual_seed(0)  # the same convolutions in every variant
    layers = [
        torch.nn.Conv2d(3, 8, 3, padding=1),
        norm and norm(8),
        torch.nn.ReLU(),
        # radius 1 + 1 = 2
        torch.nn.Conv2d(8, 4, 3, padding=1),
        norm and norm(4),
    ]
    net = torch.nn.Sequential(*[m for m in layers if m is not None]).double()
    # running statistics (BatchNorm) from train-mode batches
    with torch.no_grad():
        for _ in range(20):
            net(torch.randn(16, 3, 16, 16, dtype=torch.float64))
    net.train(train)

    def f(a: np.ndarray, net: torch.nn.Module = net) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(a)).numpy()

    report = equivariance_error(
        f, x, shifts, shift_mode="zero", crop=2, batch_size=1
    )
    print(
        f"{name:26s} interior max relative error {report.max_relative_l2:.3f}"
    )
    #> no normalisation           interior max relative error 0.000
    #> BatchNorm2d, train         interior max relative error 0.135
    #> BatchNorm2d, eval          interior max relative error 0.000
    #> GroupNorm(2, C), eval      interior max relative error 0.123
    #> InstanceNorm2d, eval       interior max relative error 0.146
    #> LayerNorm([C, H, W]), eval interior max relative error 0.114
    assert (report.max_relative_l2 < 1e-12) == (
        name in {"no normalisation", "BatchNorm2d, eval"}
    )
