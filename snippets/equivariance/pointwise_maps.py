"""A pointwise map commutes with every circular shift, bit for bit here."""

import numpy as np

x = np.random.default_rng(0).normal(size=(6, 7))  # (H, W)
maps = {
    "ReLU": lambda a: np.maximum(a, 0.0),
    "square": lambda a: a**2,
    "identity": lambda a: a,
}
for name, f in maps.items():
    worst = max(  # over every shift of the grid: f(T_v x) against T_v f(x)
        np.abs(f(np.roll(x, v, (0, 1))) - np.roll(f(x), v, (0, 1))).max()
        for v in np.ndindex(x.shape)
    )
    print(f"{name:8s}  max |f(T_v x) - T_v f(x)| over all shifts = {worst}")
    #> ReLU      max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    #> square    max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    #> identity  max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    assert worst == 0.0
