"""max - min and the circular total variation are invariant; x[0] is not."""

import numpy as np

x = np.array([3.0, -1.0, 4.0, 1.0, -5.0, 9.0, 2.0, 6.0])
candidates = {
    "max - min": lambda a: a.max() - a.min(),
    "x[0]": lambda a: a[0],
    "circular TV": lambda a: np.abs(np.roll(a, -1) - a).sum(),
}
for name, f in candidates.items():
    same = all(f(np.roll(x, v)) == f(x) for v in range(len(x)))
    print(f"{name}: invariant to every shift {same}")
    #> max - min: invariant to every shift True
    #> x[0]: invariant to every shift False
    #> circular TV: invariant to every shift True
    assert same == (name != "x[0]")
