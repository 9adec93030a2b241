"""Permutations: sum pooling is invariant, x -> a x + b mean(x) 1 is equivariant.

All 120 orderings of a set of 5 numbers. A sum, and a DeepSets network
rho(sum_i phi(x_i)), do not change; the layer a x + b mean(x) 1 permutes its output
with its input; a generic linear map does neither.
"""

import itertools

import numpy as np

rng = np.random.default_rng(0)
n = 5
x = rng.normal(size=n)
a, b = 1.5, -0.7
W1, W2, G = rng.normal(size=(8, 1)), rng.normal(size=(3, 8)), rng.normal(size=(n, n))


def deep_set(v: np.ndarray) -> np.ndarray:  # rho(sum_i phi(v_i)), small MLPs phi, rho
    phi = np.tanh(W1 @ v[None, :])  # (8, n): phi of every element on its own
    return np.tanh(W2 @ phi.sum(axis=1))  # (3,)


maps = {  # name: (map, what a permutation p should do to the output)
    "sum": (np.sum, "invariant"),
    "DeepSets network": (deep_set, "invariant"),
    "a x + b mean(x) 1": (lambda v: a * v + b * v.mean() * np.ones(n), "equivariant"),
    "generic G x": (lambda v: G @ v, "equivariant"),
}
orderings = [list(p) for p in itertools.permutations(range(n))]
for name, (f, kind) in maps.items():
    y = f(x)
    error = max(np.abs(f(x[p]) - (y if kind == "invariant" else y[p])).max()
                for p in orderings)
    print(f"{name:>17}: {kind:>11}? over {len(orderings)} orderings, "
          f"max error {error:.3f}")
    #>               sum:   invariant? over 120 orderings, max error 0.000
    #>  DeepSets network:   invariant? over 120 orderings, max error 0.000
    #> a x + b mean(x) 1: equivariant? over 120 orderings, max error 0.000
    #>       generic G x: equivariant? over 120 orderings, max error 3.321
    assert (error < 1e-12) == (name != "generic G x")
