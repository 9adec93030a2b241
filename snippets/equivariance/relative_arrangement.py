"""Global pooling forgets absolute position, not the relative arrangement."""

import numpy as np

N = 12
rise, fall = np.zeros(N), np.zeros(N)
rise[4:6], fall[4:6] = [1.0, 2.0], [2.0, 1.0]


def detector(x: np.ndarray) -> np.ndarray:
    return x + 2.0 * np.roll(x, -1)  # "1 then 2": x[i] + 2 x[i + 1], circular


for name, x in [("rise", rise), ("fall", fall)]:
    raw, pooled = x.max(), detector(x).max()
    change = max(abs(detector(np.roll(x, v)).max() - pooled) for v in range(N))
    print(f"{name}: max of x {raw}, of the features {pooled}, change {change}")
    #> rise: max of x 2.0, of the features 5.0, change 0.0
    #> fall: max of x 2.0, of the features 4.0, change 0.0
    assert change == 0.0
assert rise.max() == fall.max()
assert detector(rise).max() != detector(fall).max()
