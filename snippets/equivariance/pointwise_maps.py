"""A pointwise map commutes with every circular shift, so it is equivariant."""

import numpy as np

rng = np.random.default_rng(0)
signal = rng.normal(size=16)  # (W,)
image = rng.normal(size=(6, 7))  # (H, W)
maps = {
    "ReLU": lambda a: np.maximum(a, 0.0),
    "square": lambda a: a**2,
    "identity": lambda a: a,
}

for name, f in maps.items():
    worst = 0.0
    for x in (signal, image):
        axes = tuple(range(x.ndim))
        for v in np.ndindex(x.shape):  # every shift of the grid, once
            lhs = f(np.roll(x, v, axis=axes))  # f(T_v x)
            rhs = np.roll(f(x), v, axis=axes)  # T_v f(x)
            worst = max(worst, float(np.abs(lhs - rhs).max()))
    print(f"{name:8s}  max |f(T_v x) - T_v f(x)| over all shifts = {worst}")
    #> ReLU      max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    #> square    max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    #> identity  max |f(T_v x) - T_v f(x)| over all shifts = 0.0
    assert worst == 0.0
