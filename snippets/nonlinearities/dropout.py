"""Train-mode dropout is not equivariant, not even with a fixed mask."""

from collections.abc import Callable

import numpy as np
import torch

from shiftlab.measures import equivariance_error


def dropout(
    layer: torch.nn.Module, seed: int | None = None
) -> Callable[..., np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:  # numpy in, numpy out
        # the same random numbers, so the same mask, for every call
        if seed is not None:
            torch.manual_seed(seed)
        with torch.no_grad():
            return layer(torch.from_numpy(a)).numpy()

    return f


torch.manual_seed(0)
cases = {
    "Dropout, fresh mask": dropout(torch.nn.Dropout(0.5)),
    "Dropout, fixed mask": dropout(torch.nn.Dropout(0.5), seed=0),
    "Dropout2d, fixed mask": dropout(torch.nn.Dropout2d(0.5), seed=0),
    "Dropout, eval mode": dropout(torch.nn.Dropout(0.5).eval()),
}
x = np.random.default_rng(0).normal(size=(2, 8, 8, 8))  # (N, C, H, W)
for name, f in cases.items():
    # one call per shift: same-shape masks
    report = equivariance_error(f, x, batch_size=1)
    exact = sum(e.max_abs < 1e-12 for e in report)
    print(
        f"{name:21s} exact for {exact:2d} of {len(report)} shifts, "
        f"max relative error {report.max_relative_l2:.2f}"
    )
    #> Dropout, fresh mask   exact for  0 of 64 shifts, max relative error 1.07
    #> Dropout, fixed mask   exact for  1 of 64 shifts, max relative error 1.06
    #> Dropout2d, fixed mask exact for 64 of 64 shifts, max relative error 0.00
    #> Dropout, eval mode    exact for 64 of 64 shifts, max relative error 0.00
    assert (exact == len(report)) == (
        name in {"Dropout2d, fixed mask", "Dropout, eval mode"}
    )
