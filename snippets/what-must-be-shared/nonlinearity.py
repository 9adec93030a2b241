"""ReLU everywhere commutes with all shifts; ReLU | tanh halves: only dx = 0."""

import numpy as np

from shiftlab.measures import equivariance_error

x = np.random.default_rng(0).normal(size=(1, 3, 8, 8))  # (N, C, H, W)
left = np.arange(8) < 4  # columns j < W / 2: ReLU there, tanh elsewhere
maps = {
    "ReLU everywhere": lambda a: np.maximum(a, 0),
    "ReLU | tanh": lambda a: np.where(left, np.maximum(a, 0), np.tanh(a)),
}
for name, f in maps.items():
    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = [e.shift for e in report if e.max_abs < 1e-12]
    dxs = sorted({dx for _, dx in exact})
    print(f"{name:>15}: exact for {len(exact):>2}/64, dx in {dxs}")
    #> ReLU everywhere: exact for 64/64, dx in [-3, -2, -1, 0, 1, 2, 3, 4]
    #>     ReLU | tanh: exact for  8/64, dx in [0]
    assert len(exact) == (64 if name == "ReLU everywhere" else 8)
    assert name == "ReLU everywhere" or dxs == [0]
