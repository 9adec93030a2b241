"""One pooling window everywhere commutes; 3x3 | 5x5 by row only if dy = 0."""

import numpy as np

from shiftlab.measures import equivariance_error
from shiftlab.pooling import max_pool

x = np.random.default_rng(0).normal(size=(1, 3, 8, 8))  # (N, C, H, W)
top = (np.arange(8) < 4)[:, None]  # rows i < H / 2: 3x3 there, 5x5 below


def circular_max(a: np.ndarray, size: int) -> np.ndarray:  # stride 1, same size
    p = size // 2
    padded = np.pad(a, ((0, 0), (0, 0), (p, p), (p, p)), mode="wrap")
    return max_pool(padded, size, stride=1)


pools = {
    "3x3 everywhere": lambda a: circular_max(a, 3),
    "3x3 | 5x5": lambda a: np.where(top, *(circular_max(a, n) for n in (3, 5))),
}
for name, f in pools.items():
    report = equivariance_error(f, x)  # every circular shift of the 8 x 8 grid
    exact = [e.shift for e in report if e.max_abs < 1e-12]
    dys = sorted({dy for dy, _ in exact})
    print(f"{name:>14}: exact for {len(exact):>2}/64, dy in {dys}")
    #> 3x3 everywhere: exact for 64/64, dy in [-3, -2, -1, 0, 1, 2, 3, 4]
    #>      3x3 | 5x5: exact for  8/64, dy in [0]
    assert len(exact) == (64 if name == "3x3 everywhere" else 8)
    assert name == "3x3 everywhere" or dys == [0]
