"""Permutations: sum pooling is invariant, a x + b mean(x) 1 is equivariant."""

import itertools

import numpy as np

rng = np.random.default_rng(0)
n = 5
x = rng.normal(size=n)
a, b = 1.5, -0.7
W1, W2 = rng.normal(size=(8, 1)), rng.normal(size=(3, 8))
G = rng.normal(size=(n, n))


def deep_set(v: np.ndarray) -> np.ndarray:
    # rho(sum_i phi(v_i)), with small MLPs phi and rho
    phi = np.tanh(W1 @ v[None, :])  # (8, n): phi of every element on its own
    return np.tanh(W2 @ phi.sum(axis=1))  # (3,)


def mean_layer(v: np.ndarray) -> np.ndarray:  # a x + b mean(x) 1
    return a * v + b * v.mean() * np.ones(n)


maps = {  # name: (map, what a permutation p should do to the output)
    "sum": (np.sum, "invariant"),
    "DeepSets network": (deep_set, "invariant"),
    "a x + b mean(x) 1": (mean_layer, "equivariant"),
    "generic G x": (lambda v: G @ v, "equivariant"),
}
orderings = [list(p) for p in itertools.permutations(range(n))]
for name, (f, kind) in maps.items():
    y = f(x)
    error = 0.0
    for p in orderings:
        expected = y if kind == "invariant" else y[p]
        error = max(error, np.abs(f(x[p]) - expected).max())
    print(
        f"{name:>17}: {kind:>11}? over {len(orderings)} orderings, "
        f"max error {error:.3f}"
    )
    #>               sum:   invariant? over 120 orderings, max error 0.000
    #>  DeepSets network:   invariant? over 120 orderings, max error 0.000
    #> a x + b mean(x) 1: equivariant? over 120 orderings, max error 0.000
    #>       generic G x: equivariant? over 120 orderings, max error 3.321
    assert (error < 1e-12) == (name != "generic G x")
