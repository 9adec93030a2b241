"""x -> a x + b mean(x) 1 reorders with its input; a generic G x does not."""

import itertools

import numpy as np

rng = np.random.default_rng(0)
x, G = rng.normal(size=5), rng.normal(size=(5, 5))
maps = {
    "a x + b mean(x) 1": lambda v: 1.5 * v - 0.7 * v.mean() * np.ones(5),
    "generic G x": lambda v: G @ v,
}
orders = [list(p) for p in itertools.permutations(range(5))]
for name, f in maps.items():
    error = max(np.abs(f(x[p]) - f(x)[p]).max() for p in orders)
    print(f"{name:>17}: over {len(orders)} orderings, max error {error:.3f}")
    #> a x + b mean(x) 1: over 120 orderings, max error 0.000
    #>       generic G x: over 120 orderings, max error 2.833
    assert (error < 1e-12) == (name != "generic G x")
