"""After fixed stride 2, a global average is invariant to even shifts only."""

import numpy as np

rng = np.random.default_rng(0)
N = 16  # the stride 2 divides N
x, h = rng.normal(size=N), rng.normal(size=3)


def features(a: np.ndarray) -> np.ndarray:  # circular correlation, then ReLU
    return np.maximum(sum(h[k] * np.roll(a, -k) for k in range(3)), 0.0)


def aps(a: np.ndarray) -> np.ndarray:  # the polyphase component of largest norm
    return max([a[0::2], a[1::2]], key=np.linalg.norm)  # (no tie here)


readouts = {
    "fixed stride 2, then average": lambda a: features(a)[::2].mean(),
    "APS stride 2, then average": lambda a: aps(features(a)).mean(),
    # windows that tile the grid, then a global max: the global max
    "max pool 2, then max": lambda a: features(a).reshape(8, 2).max(1).max(),
}
for name, g in readouts.items():
    exact = [v for v in range(N) if abs(g(np.roll(x, v)) - g(x)) < 1e-12]
    print(f"{name:28s} unchanged for {len(exact):2d} of {N} shifts")
    #> fixed stride 2, then average unchanged for  8 of 16 shifts
    #> APS stride 2, then average   unchanged for 16 of 16 shifts
    #> max pool 2, then max         unchanged for 16 of 16 shifts
    assert exact == list(range(0, N, 2 if name.startswith("fixed") else 1))
