"""Five stride-2 stages on 224 x 224: S = 32, exact for 49 of 50176 shifts."""

import math

strides, n = [2, 2, 2, 2, 2], 224
total = math.prod(strides)
per_axis = n // total  # multiples of S in 0, ..., n - 1
assert n % total == 0
print(f"S = {total}; {per_axis ** 2} of {n * n} shifts")
#> S = 32; 49 of 50176 shifts
print(f"fraction: {per_axis ** 2 / n**2:.5f}")
#> fraction: 0.00098
assert (total, per_axis**2) == (32, 49)
