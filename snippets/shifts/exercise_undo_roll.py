"""On 7 samples, T_3 is undone by T_-3, which is the same shift as T_4."""

import numpy as np

x = np.arange(7) * 10
rolled = np.roll(x, 3)
undone = [v for v in range(7) if np.array_equal(np.roll(rolled, v), x)]
print(undone)
#> [4]
assert undone == [4]
assert np.array_equal(np.roll(rolled, -3), x)
