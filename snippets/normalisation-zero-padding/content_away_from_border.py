"""Content kept 2R from the border: statistics and a global pool hold."""

import numpy as np
import torch

from shiftlab.measures import equivariance_error, invariance_error

norms = {
    "no normalisation": None,
    "BatchNorm2d, train": torch.nn.BatchNorm2d,
    "GroupNorm(2, C)": lambda c: torch.nn.GroupNorm(2, c),
    "InstanceNorm2d": lambda c: torch.nn.InstanceNorm2d(c, affine=True),
    "LayerNorm([C, H, W])": lambda c: torch.nn.LayerNorm([c, 20, 20]),
}
x = np.zeros((4, 3, 20, 20))  # (N, C, H, W): a zero canvas ...
# ... content inside
x[..., 6:14, 6:14] = np.random.default_rng(0).normal(size=(4, 3, 8, 8))
# |dy|, |dx| <= 2 keeps the content 2R = 4 px from the border (radius R = 2)
shifts = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)]
for name, norm in norms.items():
    torch.manual_seed(0)
    layers = [
        torch.nn.Conv2d(3, 8, 3, padding=1),
        norm and norm(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, 4, 3, padding=1),
        norm and norm(4),
    ]
    modules = [m for m in layers if m is not None]
    net = torch.nn.Sequential(*modules).double().train()

    def f(a: np.ndarray, net: torch.nn.Module = net) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(a)).numpy()

    report = equivariance_error(
        f, x, shifts, shift_mode="zero", crop=2, batch_size=1
    )
    pooled = invariance_error(  # a global average pool after the stack
        lambda a, f=f: f(a).mean(axis=(-2, -1)),
        x,
        shifts,
        shift_mode="zero",
        batch_size=1,
    )
    print(
        f"{name:20s} interior exact: {report.max_relative_l2 < 1e-12}, "
        f"global mean invariant: {pooled.max_abs < 1e-12}"
    )
    #> no normalisation     interior exact: True, global mean invariant: True
    #> BatchNorm2d, train   interior exact: True, global mean invariant: True
    #> GroupNorm(2, C)      interior exact: True, global mean invariant: True
    #> InstanceNorm2d       interior exact: True, global mean invariant: True
    #> LayerNorm([C, H, W]) interior exact: True, global mean invariant: True
    assert report.max_relative_l2 < 1e-12
    assert pooled.max_abs < 1e-12
