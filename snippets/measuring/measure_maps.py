"""Invariance: equivariance with the trivial output action, recorded as ()."""

import numpy as np

from shiftlab.measures import equivariance_error, invariance_error
from shiftlab.pooling import global_avg_pool, global_max_pool

x = np.random.default_rng(0).normal(size=(2, 3, 8, 8))  # (N, C, H, W)


def relu(a: np.ndarray) -> np.ndarray:
    return np.maximum(a, 0.0)


def ramp_sum(a: np.ndarray) -> np.ndarray:  # weight j on column j, summed
    return (a * np.arange(8.0)).sum(axis=(-2, -1))


reports = {
    "equivariance of ReLU": equivariance_error(relu, x),
    "invariance of global average": invariance_error(global_avg_pool, x),
    "invariance of global max": invariance_error(global_max_pool, x),
    "invariance of ReLU": invariance_error(relu, x),
    "invariance of ramp-weighted sum": invariance_error(ramp_sum, x),
}
for name, report in reports.items():
    worst = report.max_relative_l2
    print(f"{name:32s} {len(report)} shifts, max relative L2 {worst:.3f}")
    #> equivariance of ReLU             64 shifts, max relative L2 0.000
    #> invariance of global average     64 shifts, max relative L2 0.000
    #> invariance of global max         64 shifts, max relative L2 0.000
    #> invariance of ReLU               64 shifts, max relative L2 1.245
    #> invariance of ramp-weighted sum  64 shifts, max relative L2 1.042
    assert (worst < 1e-12) == (name in list(reports)[:3])
v = (1, 3)  # (dy, dx): the output action each measure records for it
relu_out, max_out = (
    next(e.output_shift for e in reports[name] if e.shift == v)
    for name in ("equivariance of ReLU", "invariance of global max")
)
print(f"shift {v}: output shift {relu_out} for ReLU, {max_out} for global max")
#> shift (1, 3): output shift (1, 3) for ReLU, () for global max
assert relu_out == v
assert max_out == ()
