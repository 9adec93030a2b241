"""Global sum, mean, max and a fixed-bin histogram are invariant to shifts."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(8, 9))  # (H, W)
edges = np.linspace(-3.0, 3.0, 13)  # fixed bins: the edges do not depend on x
readouts = {
    "sum": np.sum,
    "mean": np.mean,
    "max": np.max,
    "histogram": lambda a: np.histogram(a, bins=edges)[0],
}

for name, g in readouts.items():
    change = 0.0  # the largest |g(T_v x) - g(x)|
    for v in np.ndindex(x.shape):
        moved = g(np.roll(x, v, axis=(0, 1)))  # g(T_v x)
        change = max(change, float(np.abs(moved - g(x)).max()))
    # max and histogram only compare; sum and mean add in another order
    exact = name in ("max", "histogram")
    verdict = f"== 0: {change == 0}" if exact else f"< 1e-12: {change < 1e-12}"
    print(f"{name:9s}  largest change over all 72 shifts {verdict}")
    #> sum        largest change over all 72 shifts < 1e-12: True
    #> mean       largest change over all 72 shifts < 1e-12: True
    #> max        largest change over all 72 shifts == 0: True
    #> histogram  largest change over all 72 shifts == 0: True
    assert change == 0 if exact else change < 1e-12
