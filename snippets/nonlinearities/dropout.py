"""Train-mode dropout is not equivariant, not even with a fixed mask."""

import numpy as np
import torch
from torch import nn

from shiftlab.measures import equivariance_error

torch.manual_seed(0)
cases = [  # (name, layer, seed set before each call: the same mask each time)
    ("Dropout, fresh mask", nn.Dropout(0.5), None),
    ("Dropout, fixed mask", nn.Dropout(0.5), 0),
    ("Dropout2d, fixed mask", nn.Dropout2d(0.5), 0),
    ("Dropout, eval mode", nn.Dropout(0.5).eval(), None),
]
x = np.random.default_rng(0).normal(size=(2, 8, 8, 8))  # (N, C, H, W)
print("| layer | exact shifts | max relative error |\n| --- | --- | --- |")
#> | layer | exact shifts | max relative error |
#> | --- | --- | --- |
for name, layer, seed in cases:

    def f(a: np.ndarray, m: nn.Module = layer, seed: int | None = seed):
        if seed is not None:
            torch.manual_seed(seed)
        with torch.no_grad():
            return m(torch.from_numpy(a)).numpy()

    report = equivariance_error(f, x, batch_size=1)  # one call per shift
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(f"| {name} | {exact} of 64 | {report.max_relative_l2:.2f} |")
    #> | Dropout, fresh mask | 0 of 64 | 1.07 |
    #> | Dropout, fixed mask | 1 of 64 | 1.06 |
    #> | Dropout2d, fixed mask | 64 of 64 | 0.00 |
    #> | Dropout, eval mode | 64 of 64 | 0.00 |
    assert (exact == 64) == (name.startswith("Dropout2d") or "eval" in name)
