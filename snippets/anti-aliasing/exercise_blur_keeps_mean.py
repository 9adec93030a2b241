"""After a circular [1/2, 1/2] blur both polyphase components keep the mean."""

import numpy as np

z = np.array([4.0, 0.0, 2.0, 2.0])
y = (z + np.roll(z, 1)) / 2  # y[n] = (z[n] + z[n - 1]) / 2, circular
print("mean of z:", z.mean())
#> mean of z: 2.0
for name, a in (("z", z), ("y", y)):
    even, odd = a[0::2], a[1::2]
    print(f"{name}: even {even.tolist()} mean {even.mean()}, "
          f"odd {odd.tolist()} mean {odd.mean()}")
    #> z: even [4.0, 2.0] mean 3.0, odd [0.0, 2.0] mean 1.0
    #> y: even [3.0, 1.0] mean 2.0, odd [2.0, 2.0] mean 2.0
assert y[0::2].mean() == y[1::2].mean() == z.mean()
assert z[0::2].mean() != z[1::2].mean()  # without the blur they differ
