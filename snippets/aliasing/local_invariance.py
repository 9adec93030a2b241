"""Max pooling is locally invariant only in a weak, input-dependent sense."""

import numpy as np

from shiftlab.pooling import max_pool
from shiftlab.shifts import circular_shift

rng = np.random.default_rng(0)
f = np.fft.fftfreq(32)  # 32 x 32 images, circular; Gaussian blur, sigma = 2 px
blur = np.exp(-2 * (2 * np.pi * f[:, None]) ** 2 - 2 * (2 * np.pi * f) ** 2)
smooth = np.fft.ifft2(np.fft.fft2(rng.normal(size=(64, 1, 32, 32))) * blur).real
noise, blobs = rng.normal(size=(64, 1, 32, 32)), 1.0 * (smooth > 0)


def pool(a: np.ndarray, k: int = 2) -> np.ndarray:  # stride 2, wrapping
    padded = np.pad(a, [(0, 0)] * 2 + [(0, k - 2)] * 2, mode="wrap")
    return max_pool(padded, k, stride=2)


def unchanged(g, a: np.ndarray, d: int, u: int = 0) -> float:
    """Share of outputs with g(T_(0,d) a) == T_(0,u) g(a), bit for bit."""
    moved = g(circular_shift(a, (0, d)))
    return float(np.mean(moved == circular_shift(g(a), (0, u))))


columns = {  # aligned: against the best shift T_(0, u) of the old output
    "noise k=2": lambda d: unchanged(pool, noise, d),
    "aligned": lambda d: max(unchanged(pool, noise, d, u) for u in range(16)),
    "noise k=3": lambda d: unchanged(lambda a: pool(a, 3), noise, d),
    "smooth k=2": lambda d: unchanged(pool, smooth, d),
    "blobs k=2": lambda d: unchanged(pool, blobs, d),
    "unpooled": lambda d: unchanged(lambda a: a, blobs, d),  # input pixels
}
print("| d | " + " | ".join(columns) + " |\n" + "| --- " * 7 + "|")
#> | d | noise k=2 | aligned | noise k=3 | smooth k=2 | blobs k=2 | unpooled |
#> | --- | --- | --- | --- | --- | --- | --- |
for d in range(5):
    row = [column(d) for column in columns.values()]
    print(f"| {d} | " + " | ".join(f"{value:.3f}" for value in row) + " |")
    #> | 0 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |
    #> | 1 | 0.330 | 0.337 | 0.503 | 0.095 | 0.896 | 0.890 |
    #> | 2 | 0.000 | 1.000 | 0.197 | 0.000 | 0.800 | 0.788 |
    #> | 3 | 0.000 | 0.337 | 0.000 | 0.000 | 0.717 | 0.698 |
    #> | 4 | 0.000 | 1.000 | 0.000 | 0.000 | 0.655 | 0.626 |
    assert abs(row[0] - max(2 - d, 0) / (2 + d)) < 0.02  # (k - d) / (k + d)
    assert abs(row[2] - max(3 - d, 0) / (3 + d)) < 0.02  # k = 3
    assert row[1] == 1.0 if d % 2 == 0 else row[1] < 0.4  # even d: T_(0, d/2)
