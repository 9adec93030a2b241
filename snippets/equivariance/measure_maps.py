"""Invariance: equivariance with the trivial output action, recorded as ()."""

import numpy as np

from shiftlab.measures import equivariance_error, invariance_error
from shiftlab.pooling import global_avg_pool, global_max_pool

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 8, 8))  # (N, C, H, W): two samples, three channels
ramp = np.arange(8.0)  # weights 0..7 along W


def relu(a: np.ndarray) -> np.ndarray:
    return np.maximum(a, 0.0)


exact = {
    "equivariance of ReLU": equivariance_error(relu, x),
    "invariance of global average": invariance_error(global_avg_pool, x),
    "invariance of global max": invariance_error(global_max_pool, x),
}


def ramp_weighted_sum(a: np.ndarray) -> np.ndarray:
    return (a * ramp).sum(axis=(-2, -1))


broken = {
    "invariance of ReLU": invariance_error(relu, x),
    "invariance of ramp-weighted sum": invariance_error(ramp_weighted_sum, x),
}
for name, report in (exact | broken).items():
    worst = report.max_relative_l2
    print(f"{name:32s} {len(report)} shifts, max relative L2 {worst:.3f}")
    #> equivariance of ReLU             64 shifts, max relative L2 0.000
    #> invariance of global average     64 shifts, max relative L2 0.000
    #> invariance of global max         64 shifts, max relative L2 0.000
    #> invariance of ReLU               64 shifts, max relative L2 1.245
    #> invariance of ramp-weighted sum  64 shifts, max relative L2 1.042
assert all(report.max_relative_l2 < 1e-12 for report in exact.values())
assert all(report.max_relative_l2 > 0.1 for report in broken.values())

v = (1, 3)  # (dy, dx)
equi = next(e for e in exact["equivariance of ReLU"] if e.shift == v)
inv = next(e for e in exact["invariance of global max"] if e.shift == v)
print(
    f"shift {v}: output shift {equi.output_shift} for ReLU, "
    f"{inv.output_shift} for global max"
)
#> shift (1, 3): output shift (1, 3) for ReLU, () for global max
assert equi.output_shift == v
assert inv.output_shift == ()
